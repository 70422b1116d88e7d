"""A meeting's action items as a table model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from coordinator_app.domain.models import ActionItem
from coordinator_app.services.action_items import ActionItemService
from coordinator_app.services.base import ListQuery, Row
from coordinator_app.ui.action_items.open_item_model import OVERDUE_COLOUR
from coordinator_app.ui.common.table_model import AnyIndex, ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat


class ActionItemTableModel(ChildTableModel[Row[ActionItem]]):
    """Action items: text, owner, due date, done."""

    TEXT, OWNER, DUE, DONE = range(4)

    def __init__(self, service: ActionItemService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("内容")),
            Column(self.tr("担当")),
            Column(self.tr("期限")),
            Column(self.tr("完了")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[Row[ActionItem]]:
        query = ListQuery(filters={"meeting_id": owner_id}, sort="created")
        return self.service.list_rows(query).rows

    def record_id(self, row: Row[ActionItem]) -> uuid.UUID:
        return row.record.id

    def display(self, row: Row[ActionItem], column: int) -> object:
        item = row.record
        first_line = item.text.splitlines()[0] if item.text else ""
        return (first_line, row.extra.get("owner_name", ""), item.due_date, item.done)[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_item(index.row()) if index.isValid() else None
        if role == Qt.ItemDataRole.ForegroundRole and row is not None and row.extra.get("overdue"):
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and row is not None and row.extra.get("overdue"):
            return self.tr("期限を過ぎています")
        return super().data(index, role)
