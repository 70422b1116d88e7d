"""Action items across meetings as a table model (the 対応事項 view, carried-over items)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from coordinator_app.domain.models import ActionItem
from coordinator_app.services.base import Row
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat

RowSource = Callable[[], Sequence[Row[ActionItem]]]
OVERDUE_COLOUR = QColor("#c62828")


class OpenItemModel(ChildTableModel[Row[ActionItem]]):
    """Due date, text, owner, meeting, meeting date, state; overdue rows in red.

    The rows come from ``source`` (a service call), read again on :meth:`refresh`.
    """

    DUE, TEXT, OWNER, MEETING, HELD_ON, STATE = range(6)

    def __init__(
        self, dates: DateFormat, source: RowSource | None = None, parent: Any = None
    ) -> None:
        super().__init__(dates, parent)
        self._source = source

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("期限")),
            Column(self.tr("内容")),
            Column(self.tr("担当")),
            Column(self.tr("会議")),
            Column(self.tr("開催日")),
            Column(self.tr("状況")),
        ]

    def refresh(self) -> None:
        rows = list(self._source()) if self._source is not None else []
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def record_id(self, row: Row[ActionItem]) -> uuid.UUID:
        return row.record.id

    def meeting_id_at(self, row: int) -> uuid.UUID | None:
        item = self.row_item(row)
        return item.record.meeting_id if item is not None else None

    def overdue_count(self) -> int:
        return sum(1 for row in self._rows if row.extra.get("overdue"))

    def display(self, row: Row[ActionItem], column: int) -> object:
        item = row.record
        if column == self.DUE:
            return item.due_date if item.due_date is not None else self.tr("(期限なし)")
        if column == self.TEXT:
            return item.text.splitlines()[0] if item.text else ""
        if column == self.OWNER:
            return row.extra.get("owner_name", "") or self.tr("(未定)")
        if column == self.MEETING:
            return row.extra.get("meeting_title", "")
        if column == self.HELD_ON:
            return row.extra.get("meeting_date")
        if item.done:
            return self.tr("完了")
        return self.tr("期限切れ") if row.extra.get("overdue") else self.tr("未完了")

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.row_item(index.row()) if index.isValid() else None
        if row is not None and row.extra.get("overdue"):
            if role == Qt.ItemDataRole.ForegroundRole:
                return OVERDUE_COLOUR
            if role == Qt.ItemDataRole.FontRole and index.column() in (self.DUE, self.STATE):
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole and row is not None and index.column() == self.TEXT:
            return plain_tooltip(row.record.text) or None
        return super().data(index, role)
