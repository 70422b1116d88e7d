"""A council's meeting history as a table model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coordinator_app.domain.models import Meeting
from coordinator_app.services.councils import CouncilService
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import enum_label


class CouncilMeetingModel(ChildTableModel[Meeting]):
    """Meetings of the council, newest first."""

    DATE, KIND, TITLE, VENUE = range(4)

    def __init__(self, service: CouncilService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("開催日")),
            Column(self.tr("種類")),
            Column(self.tr("会議名")),
            Column(self.tr("会場")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[Meeting]:
        return self.service.meetings(owner_id)

    def record_id(self, row: Meeting) -> uuid.UUID:
        return row.id

    def display(self, row: Meeting, column: int) -> object:
        return (row.held_on, enum_label(row.kind), row.title, row.venue)[column]
