"""A project's review history (the 確認 tab) as a table model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coordinator_app.services.reviews import ReviewRecord, ReviewService
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.projects.display import format_stamp


class ReviewHistoryModel(ChildTableModel[ReviewRecord]):
    """Reviews newest first: when, by whom, which entry, comment (last, stretching)."""

    REVIEWED_AT, REVIEWER, ENTRY_DATE, ENTRY, COMMENT = range(5)

    def __init__(self, service: ReviewService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("確認日時")),
            Column(self.tr("確認者")),
            Column(self.tr("進捗の日付")),
            Column(self.tr("進捗")),
            Column(self.tr("コメント")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[ReviewRecord]:
        return self.service.history(owner_id)

    def record_id(self, row: ReviewRecord) -> uuid.UUID:
        return row.review.id

    def display(self, row: ReviewRecord, column: int) -> object:
        if column == self.REVIEWED_AT:
            return format_stamp(self.dates, row.review.reviewed_at)
        if column == self.REVIEWER:
            return row.reviewer_name
        if column == self.ENTRY_DATE:
            return row.entry_date
        if column == self.ENTRY:
            first = row.entry_text.splitlines()[0] if row.entry_text else ""
            return first[:40] + ("…" if len(first) > 40 else "")
        return " ".join(row.review.comment.splitlines())
