"""A project's progress log as a table model: each entry with its review state."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.services.reviews import EntryState
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.projects.display import format_stamp

AnyIndex = QModelIndex | QPersistentModelIndex

REVIEWED_COLOUR = QColor("#2e7d32")
UNREVIEWED_COLOUR = QColor("#b26a00")
CHANGED_COLOUR = QColor("#c62828")


class ProgressLogModel(ChildTableModel[EntryState]):
    """Entries newest first: date, review state, author, recorded at, files, text.

    The text (first line) is last so that it takes the stretching column.
    ``only_ids`` narrows the rows to some entries (e.g. those changed since the
    supervisor's last review).
    """

    DATE, REVIEW, AUTHOR, RECORDED, FILES, TEXT = range(6)

    def __init__(self, services: Services, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.services = services
        self.only_ids: set[uuid.UUID] | None = None
        self._files: dict[uuid.UUID, int] = {}
        self._reviewers: dict[uuid.UUID, str] = {}

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("日付")),
            Column(self.tr("確認")),
            Column(self.tr("記入者")),
            Column(self.tr("記録日時")),
            Column(self.tr("添付"), numeric=True),
            Column(self.tr("内容")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[EntryState]:
        states = self.services.reviews.entry_states(owner_id)
        if self.only_ids is not None:
            states = [s for s in states if s.entry.id in self.only_ids]
        # One statement for the whole log, not one per entry.
        self._files = self.services.timeline.file_counts([s.entry.id for s in states])
        if any(s.last_review is not None for s in states):
            self._reviewers = {p.id: p.name for p in self.services.profiles.list(ListQuery()).rows}
        return states

    def record_id(self, row: EntryState) -> uuid.UUID:
        return row.entry.id

    def display(self, row: EntryState, column: int) -> object:
        entry = row.entry
        if column == self.DATE:
            return entry.entry_date
        if column == self.REVIEW:
            return self.review_text(row)
        if column == self.AUTHOR:
            return entry.author
        if column == self.RECORDED:
            return format_stamp(self.dates, entry.created_at)
        if column == self.FILES:
            return self._files.get(entry.id) or ""
        return entry.text.splitlines()[0] if entry.text else ""

    def review_text(self, row: EntryState) -> str:
        if row.reviewed:
            return self.tr("確認済")
        if row.changed_since_review:
            return self.tr("確認後に変更")
        return self.tr("未確認")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_item(index.row()) if index.isValid() else None
        if row is not None and index.column() == self.REVIEW:
            if role == Qt.ItemDataRole.ForegroundRole:
                if row.reviewed:
                    return QBrush(REVIEWED_COLOUR)
                return QBrush(CHANGED_COLOUR if row.changed_since_review else UNREVIEWED_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._review_tip(row)
        if row is not None and role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.TEXT:
                return plain_tooltip(row.entry.text) or None
            if index.column() == self.RECORDED and row.entry.updated_at > row.entry.created_at:
                return self.tr("最終更新: {stamp}").format(
                    stamp=format_stamp(self.dates, row.entry.updated_at)
                )
        return super().data(index, role)

    def describe(self, row: int) -> str:
        item = self.row_item(row)
        if item is None:
            return ""
        first = item.entry.text.splitlines()[0][:20] if item.entry.text else ""
        return f"{self.dates.format(item.entry.entry_date)} {first}"

    def rows(self) -> list[EntryState]:
        """The entries shown, newest first."""
        return list(self._rows)

    def state_of(self, entry_id: uuid.UUID) -> EntryState | None:
        row = self.row_of(entry_id)
        return self.row_item(row)

    def unreviewed_ids(self) -> list[uuid.UUID]:
        """Entries not reviewed in their current version, in the order shown."""
        return [s.entry.id for s in self._rows if not s.reviewed]

    def _review_tip(self, row: EntryState) -> str | None:
        review = row.last_review
        if review is None:
            return None
        text = self.tr("{name}が{stamp}に確認").format(
            name=self._reviewers.get(review.reviewer_profile_id, ""),
            stamp=format_stamp(self.dates, review.reviewed_at),
        )
        if review.comment:
            text += "\n" + review.comment
        if row.changed_since_review:
            text += "\n" + self.tr("確認のあとで内容が変更されました")
        return text
