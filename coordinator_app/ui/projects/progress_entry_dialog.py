"""The dialog that adds or edits an entry of a project's progress log (進捗状況)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from coordinator_app.domain.models import ProgressEntry, Record
from coordinator_app.services.projects import ProgressEntryService
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.events import RecordKind


class ProgressEntryDialog(RecordDialog):
    """Date, text and author of a progress entry."""

    kind = RecordKind.PROGRESS_ENTRY

    def __init__(
        self,
        ctx: UiContext,
        *,
        owner_id: uuid.UUID,
        record: Record | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, owner_id=owner_id, record=record, parent=parent)
        self.setWindowTitle(self.tr("進捗を記録") if self.is_new else self.tr("進捗を編集"))
        self.date_field = DateField(ctx.dates)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMinimumHeight(140)
        self.author_edit = QLineEdit()
        self.form.add_field("entry_date", self.tr("日付"), self.date_field, required=True)
        self.form.add_field("text", self.tr("内容"), self.text_edit, required=True)
        self.form.add_field("author", self.tr("記入者"), self.author_edit)
        self.finish_setup()

    @property
    def service(self) -> ProgressEntryService:
        return self.ctx.services.progress

    def blank(self) -> Record:
        return ProgressEntry(project_id=self.owner_id, entry_date=date.today(), text="")

    def fill(self, record: Any) -> None:
        entry: ProgressEntry = record
        self.date_field.set_date(entry.entry_date)
        self.text_edit.setPlainText(entry.text)
        self.author_edit.setText(entry.author)

    def apply(self, record: Any) -> None:
        entry: ProgressEntry = record
        entry.entry_date = self.date_field.date()  # type: ignore[assignment]
        entry.text = self.text_edit.toPlainText()
        entry.author = self.author_edit.text()
