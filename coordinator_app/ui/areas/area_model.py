"""The area list as a table model."""

from __future__ import annotations

from coordinator_app.domain.models import Area
from coordinator_app.services.base import Row
from coordinator_app.ui.common.table_model import Column, ColumnKind, RecordTableModel
from coordinator_app.ui.labels import enum_label


class AreaTableModel(RecordTableModel):
    """Areas: name, reading, kind and parent area."""

    NAME, KANA, KIND, PARENT = range(4)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("地域名"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("ふりがな"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("種別"), "kind", kind=ColumnKind.SHORT),
            Column(self.tr("上位地域"), kind=ColumnKind.NAME),
        ]

    def display(self, row: Row[Area], column: int) -> object:  # type: ignore[override]
        area = row.record
        if column == self.NAME:
            return area.name
        if column == self.KANA:
            return area.kana
        if column == self.KIND:
            return enum_label(area.kind)
        return row.extra.get("parent_name", "")
