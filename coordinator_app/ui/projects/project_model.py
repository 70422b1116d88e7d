"""The project list as a table model."""

from __future__ import annotations

import uuid

from coordinator_app.domain.models import Project
from coordinator_app.services.base import Row
from coordinator_app.ui.common.table_model import Column, ColumnKind, RecordTableModel
from coordinator_app.ui.labels import enum_label


class ProjectTableModel(RecordTableModel):
    """Projects: title, program, status, progress, lead, start, last log entry."""

    TITLE, PROGRAM, STATUS, PROGRESS, LEAD, START, LAST_ENTRY = range(7)

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("プロジェクト名"), "title", kind=ColumnKind.TITLE),
            Column(self.tr("プログラム"), kind=ColumnKind.TEXT),
            Column(self.tr("状況"), "status", kind=ColumnKind.SHORT),
            Column(self.tr("進捗率"), "progress", numeric=True),
            Column(self.tr("担当コーディネーター"), kind=ColumnKind.NAME),
            Column(self.tr("開始日"), "start", kind=ColumnKind.DATE),
            Column(self.tr("最終記録日"), kind=ColumnKind.DATE),
        ]

    def fetch_until(self, record_id: uuid.UUID, *, max_rows: int) -> int:
        """As the base class, but first asks where the project lies (one count, the
        list has no index on its titles): one further down than ``max_rows`` loads
        no page at all instead of ``max_rows`` rows only to find it is not among them."""
        if self.row_of(record_id) < 0:
            position = self.service.position(self.query, record_id, limit=max_rows)
            if position is None or position >= max_rows:
                return -1
        return super().fetch_until(record_id, max_rows=max_rows)

    def display(self, row: Row[Project], column: int) -> object:  # type: ignore[override]
        project = row.record
        if column == self.TITLE:
            return project.title
        if column == self.PROGRAM:
            return enum_label(project.program)
        if column == self.STATUS:
            return enum_label(project.status)
        if column == self.PROGRESS:
            return f"{project.progress}%"
        if column == self.LEAD:
            return row.extra.get("lead_name", "")
        if column == self.START:
            return project.start_date
        return row.extra.get("last_entry_date")
