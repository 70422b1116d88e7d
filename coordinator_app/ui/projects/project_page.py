"""The プロジェクト page: the project list and the project form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.events import RecordKind
from coordinator_app.ui.labels import enum_choices
from coordinator_app.ui.projects.project_editor import ProjectEditor
from coordinator_app.ui.projects.project_model import ProjectTableModel


class ProjectPage(RecordPage):
    """Projects with filters by status and program."""

    kind = RecordKind.PROJECT
    watched = frozenset(
        {
            RecordKind.AREA,
            RecordKind.COORDINATOR,
            RecordKind.ORGANISATION,
            RecordKind.PROGRESS_ENTRY,
        }
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=ProjectTableModel(ctx.services.projects, ctx.dates),
            editor=ProjectEditor(ctx),
            parent=parent,
        )
        self.setObjectName("project_page")
        self.status_filter = self.add_filter_combo(
            "status",
            self.tr("すべての状況"),
            [(m.value, t) for m, t in enum_choices(ProjectStatus)],
        )
        self.program_filter = self.add_filter_combo(
            "program",
            self.tr("すべてのプログラム"),
            [(m.value, t) for m, t in enum_choices(ProjectProgram)],
        )

    def title(self) -> str:
        return self.tr("プロジェクト")

    def icon_name(self) -> str:
        return "project"

    def filter_placeholder(self) -> str:
        return self.tr("プロジェクト名・目標で絞り込み (Ctrl+F)")

    def filter_value(self, key: str, data: object) -> object:
        if data is None:
            return None
        return ProjectStatus(data) if key == "status" else ProjectProgram(data)
