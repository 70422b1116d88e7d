"""A coordinator's assignment history as a table model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain.models import Assignment
from coordinator_app.services.coordinators import AssignmentService
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import tier_text

HistoryRow = tuple[Assignment, str, str]


class AssignmentTableModel(ChildTableModel[HistoryRow]):
    """Posts newest first: tier, area, employer, 兼務, start and end."""

    TIER, AREA, ORGANISATION, CONCURRENT, START, END = range(6)

    def __init__(self, service: AssignmentService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("層")),
            Column(self.tr("担当地域")),
            Column(self.tr("所属機関")),
            Column(self.tr("兼務")),
            Column(self.tr("開始日")),
            Column(self.tr("終了日")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[HistoryRow]:
        return self.service.history(owner_id)

    def record_id(self, row: HistoryRow) -> uuid.UUID:
        return row[0].id

    def display(self, row: HistoryRow, column: int) -> object:
        assignment, area, organisation = row
        if column == self.TIER:
            return tier_text(assignment.tier, assignment.tier_label)
        if column == self.AREA:
            return area
        if column == self.ORGANISATION:
            return organisation
        if column == self.CONCURRENT:
            return (
                QCoreApplication.translate("AssignmentTableModel", "兼務")
                if (assignment.concurrent)
                else ""
            )
        if column == self.START:
            return assignment.start_date
        return assignment.end_date

    def describe(self, row: int) -> str:
        item = self.row_item(row)
        if item is None:
            return ""
        return f"{tier_text(item[0].tier, item[0].tier_label)} {item[1]}"
