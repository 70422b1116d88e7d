"""The project list as a table model."""

from __future__ import annotations

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
