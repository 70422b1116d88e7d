"""What an organisation took part in: councils (with its role) and meetings."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coordinator_app.domain.models import Council, Meeting
from coordinator_app.services.organisations import OrganisationService
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import enum_label, tier_text


class CouncilParticipationModel(ChildTableModel[tuple[Council, str]]):
    """Councils the organisation (or one of its contacts) sits on."""

    NAME, TIER, STATUS, ROLE = range(4)

    def __init__(self, service: OrganisationService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("協議体")),
            Column(self.tr("層")),
            Column(self.tr("状況")),
            Column(self.tr("役割")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[tuple[Council, str]]:
        return self.service.participation(owner_id).councils

    def record_id(self, row: tuple[Council, str]) -> uuid.UUID:
        return row[0].id

    def display(self, row: tuple[Council, str], column: int) -> object:
        council, role = row
        return (council.name, tier_text(council.tier), enum_label(council.status), role)[column]


class MeetingParticipationModel(ChildTableModel[Meeting]):
    """Meetings the organisation attended, newest first."""

    DATE, KIND, TITLE = range(3)

    def __init__(self, service: OrganisationService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [Column(self.tr("開催日")), Column(self.tr("種類")), Column(self.tr("会議名"))]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[Meeting]:
        return self.service.participation(owner_id).meetings

    def record_id(self, row: Meeting) -> uuid.UUID:
        return row.id

    def display(self, row: Meeting, column: int) -> object:
        return (row.held_on, enum_label(row.kind), row.title)[column]
