"""The detail form of an area."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import Area, Record
from coordinator_app.services.areas import AreaService
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.pickers import EnumCombo, Option, RecordCombo
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.events import RecordKind


class AreaEditor(RecordEditor):
    """Name, reading, kind, parent area and notes of an area."""

    kind = RecordKind.AREA

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.kind_combo = EnumCombo(AreaKind)
        self.parent_combo = RecordCombo(none_text=self.tr("(なし・最上位)"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(120)
        form = self.add_form(FieldForm())
        form.add_field("name", self.tr("地域名"), self.name_edit, required=True)
        form.add_field("kana", self.tr("ふりがな"), self.kana_edit)
        form.add_field("kind", self.tr("種別"), self.kind_combo, required=True)
        form.add_field("parent_id", self.tr("上位地域"), self.parent_combo)
        form.add_field("notes", self.tr("メモ"), self.notes_edit)
        self.add_scrolled(form)
        self.first_field = self.name_edit

    @property
    def service(self) -> AreaService:
        return self.ctx.services.areas

    def new_heading(self) -> str:
        return self.tr("新しい地域")

    def blank(self) -> Record:
        return Area(name="", kind=AreaKind.DAILY_LIFE_AREA)

    def refresh_choices(self) -> None:
        own_id = self.current_id
        self.parent_combo.set_options(
            Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana)
            for node in self.service.tree()
            if node.area.id != own_id
        )

    def fill(self, record: Any) -> None:
        area: Area = record
        self.name_edit.setText(area.name)
        self.kana_edit.setText(area.kana)
        self.kind_combo.set_value(area.kind)
        self.parent_combo.set_current_value(area.parent_id)
        self.notes_edit.setPlainText(area.notes)

    def apply(self, record: Any) -> None:
        area: Area = record
        area.name = self.name_edit.text()
        area.kana = self.kana_edit.text()
        area.kind = self.kind_combo.value()
        area.parent_id = self.parent_combo.current_value()  # type: ignore[assignment]
        area.notes = self.notes_edit.toPlainText()
