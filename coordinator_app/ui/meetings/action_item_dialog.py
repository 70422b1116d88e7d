"""The dialog that adds or edits an action item (対応事項) of a meeting."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

from coordinator_app.domain.models import ActionItem, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.action_items import ActionItemService
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.pickers import (
    ContactOptions,
    RecordCombo,
    TaggedOptions,
    options_of,
)
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.context import UiContext

_COORDINATOR = "coordinator:"
_CONTACT = "contact:"


class ActionItemDialog(RecordDialog):
    """Text, owner (a coordinator or a contact), due date, done."""

    kind = RecordKind.ACTION_ITEM
    field_groups = (frozenset({"owner_coordinator_id", "owner_contact_id"}),)

    def __init__(
        self,
        ctx: UiContext,
        *,
        owner_id: uuid.UUID,
        record: Record | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, owner_id=owner_id, record=record, parent=parent)
        self.setWindowTitle(self.tr("対応事項を追加") if self.is_new else self.tr("対応事項を編集"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMaximumHeight(110)
        self.text_edit.setTabChangesFocus(True)  # Tab moves to 担当; keyboard-only entry
        self.owner_combo = RecordCombo(none_text=self.tr("(未定)"))
        self.due_field = DateField(ctx.dates)
        self.done_check = QCheckBox(self.tr("完了した"))
        services = ctx.services
        coordinator_label = self.tr("コーディネーター")
        self.owner_combo.set_options(
            TaggedOptions(
                [
                    (_COORDINATOR, options_of(services.coordinators), f"({coordinator_label})"),
                    (_CONTACT, ContactOptions(services), ""),
                ]
            )
        )
        self.form.add_field("text", self.tr("内容"), self.text_edit, required=True)
        self.form.add_field("owner", self.tr("担当"), self.owner_combo)
        self.form.add_field("due_date", self.tr("期限"), self.due_field)
        self.form.add_field("done", self.tr("状況"), self.done_check)
        self.finish_setup()
        # The buttons exist before the fields: put the fields first and the cursor in 内容.
        chain = [self.text_edit, self.owner_combo, self.due_field, self.done_check]
        for first, second in zip(chain, [*chain[1:], self.save_button], strict=True):
            QWidget.setTabOrder(first, second)
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def service(self) -> ActionItemService:
        return self.ctx.services.action_items

    def blank(self) -> Record:
        return ActionItem(meeting_id=self.owner_id, text="")

    def form_field(self, name: str) -> str:
        # 担当 is one picker for two record fields.
        return "owner" if name in ("owner_coordinator_id", "owner_contact_id") else name

    def fill(self, record: Any) -> None:
        item: ActionItem = record
        self.text_edit.setPlainText(item.text)
        if item.owner_coordinator_id is not None:
            self.owner_combo.set_current_value(f"{_COORDINATOR}{item.owner_coordinator_id}")
        elif item.owner_contact_id is not None:
            self.owner_combo.set_current_value(f"{_CONTACT}{item.owner_contact_id}")
        else:
            self.owner_combo.set_current_value(None)
        self.due_field.set_date(item.due_date)
        self.done_check.setChecked(item.done)

    def apply(self, record: Any) -> None:
        item: ActionItem = record
        item.text = self.text_edit.toPlainText()
        owner = self.owner_combo.current_value()
        item.owner_coordinator_id = None
        item.owner_contact_id = None
        if isinstance(owner, str) and owner.startswith(_COORDINATOR):
            item.owner_coordinator_id = uuid.UUID(owner.removeprefix(_COORDINATOR))
        elif isinstance(owner, str) and owner.startswith(_CONTACT):
            item.owner_contact_id = uuid.UUID(owner.removeprefix(_CONTACT))
        item.due_date = self.due_field.date()
        item.done = self.done_check.isChecked()
