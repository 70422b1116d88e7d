"""The gathering place list as a table model."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain.models import GatheringPlace
from coordinator_app.services.base import Row
from coordinator_app.ui.common.table_model import Column, ColumnKind, RecordTableModel
from coordinator_app.ui.gathering_places.labels import status_labels


class GatheringPlaceTableModel(RecordTableModel):
    """Places: name (sorted by reading), kind, area, schedule, meeting place, status."""

    NAME, KIND, AREA, SCHEDULE, MEETING_PLACE, STATUS = range(6)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("名称"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("種類"), "kind", kind=ColumnKind.SHORT),
            Column(self.tr("地域"), kind=ColumnKind.NAME),
            Column(self.tr("日時"), "schedule", kind=ColumnKind.TEXT),
            Column(self.tr("会場"), kind=ColumnKind.NAME),
            Column(self.tr("状況"), "status", kind=ColumnKind.SHORT),
        ]

    def display(self, row: Row[GatheringPlace], column: int) -> object:  # type: ignore[override]
        place = row.record
        if column == self.NAME:
            return place.name
        if column == self.KIND:  # a default kind (サロン …) in the UI language
            return QCoreApplication.translate("GatheringPlaceKind", place.kind)
        if column == self.AREA:
            return row.extra.get("area_name", "")
        if column == self.SCHEDULE:
            return place.schedule_label
        if column == self.MEETING_PLACE:
            return place.meeting_place
        return status_labels().get(place.status, str(place.status))
