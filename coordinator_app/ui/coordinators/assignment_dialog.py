"""The dialog that adds, edits or ends an assignment (a coordinator's post)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

from coordinator_app.domain.models import Assignment, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.coordinators import AssignmentService
from coordinator_app.ui.areas.area_options import area_options
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.pickers import RecordCombo, options_of
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.tier_field import TierField


class AssignmentDialog(RecordDialog):
    """Tier (+ local label), area, employer, 兼務, start and end dates."""

    kind = RecordKind.ASSIGNMENT

    def __init__(
        self,
        ctx: UiContext,
        *,
        owner_id: uuid.UUID,
        record: Record | None,
        ending: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, owner_id=owner_id, record=record, parent=parent)
        if ending:
            self.setWindowTitle(self.tr("担当を終了"))
        else:
            self.setWindowTitle(self.tr("担当を追加") if self.is_new else self.tr("担当を編集"))
        self.tier_field = TierField(ctx)
        self.area_combo = RecordCombo()
        self.organisation_combo = RecordCombo(none_text=self.tr("(なし)"))
        self.concurrent_check = QCheckBox(self.tr("兼務(ほかの職と兼ねている)"))
        self.start_field = DateField(ctx.dates)
        self.end_field = DateField(ctx.dates)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(80)
        areas = ctx.services.areas
        self.area_combo.set_options(area_options(areas))
        self.organisation_combo.set_options(options_of(ctx.services.organisations))
        form = self.form
        form.add_field(
            "tier", self.tr("層"), self.tier_field, required=True, aliases=("tier_label",)
        )
        form.add_field("area_id", self.tr("担当地域"), self.area_combo, required=True)
        form.add_field("organisation_id", self.tr("所属機関"), self.organisation_combo)
        form.add_field("concurrent", self.tr("兼務"), self.concurrent_check)
        form.add_field("start_date", self.tr("開始日"), self.start_field, required=True)
        form.add_field("end_date", self.tr("終了日"), self.end_field)
        form.add_field("notes", self.tr("メモ"), self.notes_edit)
        self.finish_setup()
        if ending:
            if not self.end_field.text():
                self.end_field.set_date(date.today())
            self.end_field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.end_field.selectAll()

    @property
    def service(self) -> AssignmentService:
        return self.ctx.services.assignments

    def blank(self) -> Record:
        return Assignment(
            coordinator_id=self.owner_id, tier=2, area_id=None, start_date=date.today()
        )  # type: ignore[arg-type]

    def fill(self, record: Any) -> None:
        post: Assignment = record
        self.tier_field.set_value(post.tier, post.tier_label)
        self.area_combo.set_current_value(post.area_id)
        self.organisation_combo.set_current_value(post.organisation_id)
        self.concurrent_check.setChecked(post.concurrent)
        self.start_field.set_date(post.start_date)
        self.end_field.set_date(post.end_date)
        self.notes_edit.setPlainText(post.notes)

    def apply(self, record: Any) -> None:
        post: Assignment = record
        post.tier, post.tier_label = self.tier_field.value() or (0, "")
        post.area_id = self.area_combo.current_value()  # type: ignore[assignment]
        post.organisation_id = self.organisation_combo.current_value()  # type: ignore[assignment]
        post.concurrent = self.concurrent_check.isChecked()
        post.start_date = self.start_field.date()  # type: ignore[assignment]
        post.end_date = self.end_field.date()
        post.notes = self.notes_edit.toPlainText()
