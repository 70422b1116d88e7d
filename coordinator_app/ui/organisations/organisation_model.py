"""The organisation list as a table model."""

from __future__ import annotations

from coordinator_app.domain.models import Organisation
from coordinator_app.services.base import Row
from coordinator_app.ui.common.table_model import Column, ColumnKind, RecordTableModel
from coordinator_app.ui.labels import enum_label


class OrganisationTableModel(RecordTableModel):
    """Organisations: name (sorted by reading), kind, phone and the areas served."""

    NAME, KIND, PHONE, AREAS = range(4)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("名称"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("種別"), "kind", kind=ColumnKind.SHORT),
            Column(self.tr("電話番号"), "phone", kind=ColumnKind.PHONE),
            Column(self.tr("担当地域"), kind=ColumnKind.TEXT),
        ]

    def display(self, row: Row[Organisation], column: int) -> object:  # type: ignore[override]
        org = row.record
        if column == self.NAME:
            return org.name
        if column == self.KIND:
            text = enum_label(org.kind)
            return f"{text}({enum_label(org.operation)})" if org.operation else text
        if column == self.PHONE:
            return org.phone
        return row.extra.get("area_names", "")
