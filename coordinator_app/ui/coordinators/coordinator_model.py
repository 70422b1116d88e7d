"""The coordinator list as a table model."""

from __future__ import annotations

from coordinator_app.domain.models import Coordinator
from coordinator_app.services.base import Row
from coordinator_app.ui.common.table_model import Column, ColumnKind, RecordTableModel
from coordinator_app.ui.labels import message_text


class CoordinatorTableModel(RecordTableModel):
    """Coordinators: name (sorted by reading), reading, current posts, employer, phone."""

    NAME, KANA, POSTS, EMPLOYERS, PHONE = range(5)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("氏名"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("ふりがな"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("現在の担当"), kind=ColumnKind.TEXT),
            Column(self.tr("所属"), kind=ColumnKind.NAME),
            Column(self.tr("電話番号"), "phone", kind=ColumnKind.PHONE),
        ]

    def display(self, row: Row[Coordinator], column: int) -> object:  # type: ignore[override]
        person = row.record
        if column == self.NAME:
            return person.name
        if column == self.KANA:
            return person.kana
        if column == self.POSTS:
            return message_text(row.extra.get("current_posts", ""))
        if column == self.EMPLOYERS:
            return row.extra.get("employers", "")
        return person.phone
