"""A meeting's action items as a table model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coordinator_app.domain.models import ActionItem
from coordinator_app.services.action_items import ActionItemService
from coordinator_app.services.base import ListQuery, Row
from coordinator_app.ui.common.table_model import ChildTableModel, Column
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
