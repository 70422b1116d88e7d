"""A council's members as a table model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coordinator_app.domain.models import CouncilMembership
from coordinator_app.services.base import ListQuery, Row
from coordinator_app.services.councils import CouncilMembershipService
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat


class MembershipTableModel(ChildTableModel[Row[CouncilMembership]]):
    """Members: organisation or contact, role, from and to."""

    MEMBER, ROLE, START, END = range(4)

    def __init__(
        self, service: CouncilMembershipService, dates: DateFormat, parent: Any = None
    ) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("委員(機関・個人)")),
            Column(self.tr("役割")),
            Column(self.tr("開始日")),
            Column(self.tr("終了日")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[Row[CouncilMembership]]:
        query = ListQuery(filters={"council_id": owner_id}, sort="created")
        return self.service.list_rows(query).rows

    def record_id(self, row: Row[CouncilMembership]) -> uuid.UUID:
        return row.record.id

    def display(self, row: Row[CouncilMembership], column: int) -> object:
        member = row.record
        return (
            row.extra.get("member_name", ""),
            member.role,
            member.start_date,
            member.end_date,
        )[column]
