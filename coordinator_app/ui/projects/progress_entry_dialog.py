"""The dialog that adds or edits an entry of a project's progress log (進捗状況)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from coordinator_app.domain.models import ProgressEntry, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.profiles.current import current_profile
from coordinator_app.ui.projects.authored_progress import AuthoredProgress


class ProgressEntryDialog(RecordDialog):
    """Date, text and author of a progress entry.

    With a current profile the author is recorded by the service (a new
    entry's author is the current user, an edited one keeps its author), so
    the field only shows it. ``read_only`` shows an entry without saving
    (what a supervisor gets on double-click).
    """

    kind = RecordKind.PROGRESS_ENTRY

    def __init__(
        self,
        ctx: UiContext,
        *,
        owner_id: uuid.UUID,
        record: Record | None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, owner_id=owner_id, record=record, parent=parent)
        self._authored = AuthoredProgress(ctx)
        if read_only:
            self.setWindowTitle(self.tr("進捗"))
        else:
            self.setWindowTitle(self.tr("進捗を記録") if self.is_new else self.tr("進捗を編集"))
        self.date_field = DateField(ctx.dates)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setMinimumHeight(140)
        self.author_edit = QLineEdit()
        self.form.add_field("entry_date", self.tr("日付"), self.date_field, required=True)
        self.form.add_field("text", self.tr("内容"), self.text_edit, required=True)
        self.form.add_field("author", self.tr("記入者"), self.author_edit)
        self.profile = current_profile(ctx)
        if self.profile is not None:
            self.author_edit.setReadOnly(True)
            self.author_edit.setToolTip(self.tr("記入者は利用者の名前で記録されます"))
        if read_only:
            self.date_field.setReadOnly(True)
            self.text_edit.setReadOnly(True)
            self.author_edit.setReadOnly(True)
            self.save_button.hide()
            self.cancel_button.setText(self.tr("閉じる"))
        self.finish_setup()

    @property
    def service(self) -> Any:
        # Saves go through save_by with the current profile (see AuthoredProgress).
        return self._authored

    def blank(self) -> Record:
        return ProgressEntry(project_id=self.owner_id, entry_date=date.today(), text="")

    def fill(self, record: Any) -> None:
        entry: ProgressEntry = record
        self.date_field.set_date(entry.entry_date)
        self.text_edit.setPlainText(entry.text)
        if self.profile is not None and self.is_new:
            self.author_edit.setText(self.profile.name)
        else:
            self.author_edit.setText(entry.author)

    def apply(self, record: Any) -> None:
        entry: ProgressEntry = record
        entry.entry_date = self.date_field.date()  # type: ignore[assignment]
        entry.text = self.text_edit.toPlainText()
        entry.author = self.author_edit.text()
