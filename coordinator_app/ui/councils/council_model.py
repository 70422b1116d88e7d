"""The council list as a table model."""

from __future__ import annotations

from coordinator_app.domain.models import Council
from coordinator_app.services.base import Row
from coordinator_app.ui.common.table_model import Column, ColumnKind, RecordTableModel
from coordinator_app.ui.labels import enum_label, tier_text


class CouncilTableModel(RecordTableModel):
    """Councils: name, tier, area, status, established date, current member count."""

    NAME, TIER, AREA, STATUS, ESTABLISHED, MEMBERS = range(6)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("協議体名"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("層"), "tier", kind=ColumnKind.SHORT),
            Column(self.tr("地域"), kind=ColumnKind.NAME),
            Column(self.tr("状況"), "status", kind=ColumnKind.SHORT),
            Column(self.tr("設置日"), kind=ColumnKind.DATE),
            Column(self.tr("委員数"), numeric=True),
        ]

    def display(self, row: Row[Council], column: int) -> object:  # type: ignore[override]
        council = row.record
        if column == self.NAME:
            return council.name
        if column == self.TIER:
            return tier_text(council.tier, council.tier_label)
        if column == self.AREA:
            return row.extra.get("area_name", "")
        if column == self.STATUS:
            return enum_label(council.status)
        if column == self.ESTABLISHED:
            return council.established_on
        return row.extra.get("member_count", 0)
