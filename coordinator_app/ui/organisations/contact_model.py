"""The contacts of one organisation as a table model."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coordinator_app.domain.models import Contact
from coordinator_app.services.base import ListQuery, Row
from coordinator_app.services.organisations import ContactService
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat


class ContactTableModel(ChildTableModel[Row[Contact]]):
    """Contacts: name, role, phone, email."""

    NAME, ROLE, PHONE, EMAIL = range(4)

    def __init__(self, service: ContactService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("氏名")),
            Column(self.tr("役職")),
            Column(self.tr("電話番号")),
            Column(self.tr("メールアドレス")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[Row[Contact]]:
        query = ListQuery(filters={"organisation_id": owner_id}, sort="kana")
        return self.service.list_rows(query).rows

    def record_id(self, row: Row[Contact]) -> uuid.UUID:
        return row.record.id

    def display(self, row: Row[Contact], column: int) -> object:
        contact = row.record
        return (contact.name, contact.role, contact.phone, contact.email)[column]
