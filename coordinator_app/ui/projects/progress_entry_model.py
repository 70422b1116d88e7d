"""A project's progress log as a table model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coordinator_app.domain.models import ProgressEntry
from coordinator_app.services.projects import ProgressEntryService
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat


class ProgressEntryTableModel(ChildTableModel[ProgressEntry]):
    """Entries newest first: date, author, text (first line; the last column stretches)."""

    DATE, AUTHOR, TEXT = range(3)

    def __init__(
        self, service: ProgressEntryService, dates: DateFormat, parent: Any = None
    ) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [Column(self.tr("日付")), Column(self.tr("記入者")), Column(self.tr("内容"))]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[ProgressEntry]:
        return self.service.log(owner_id)

    def record_id(self, row: ProgressEntry) -> uuid.UUID:
        return row.id

    def display(self, row: ProgressEntry, column: int) -> object:
        first_line = row.text.splitlines()[0] if row.text else ""
        return (row.entry_date, row.author, first_line)[column]

    def describe(self, row: int) -> str:
        item = self.row_item(row)
        if item is None:
            return ""
        return f"{self.dates.format(item.entry_date)} {item.text.splitlines()[0][:20]}"
