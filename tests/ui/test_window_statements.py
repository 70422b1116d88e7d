"""Issue 16: the review workspace, the report window and a project open do only what
they show, with a fixed number of statements whatever the data.

A statement counter on the engine (``before_cursor_execute``) sees every query sent
while a window opens; the same window opened on a small and on a large database must
cost the same number. Structure, never timing: the model is reset once, the project
tabs of the workspace are not built before a project is chosen, a report table in a
hidden tab is not measured before its tab is shown.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import (
    MeetingKind,
    MeetingMode,
    ProjectProgram,
    ProjectStatus,
)
from coordinator_app.domain.models import Coordinator, Meeting, ProgressEntry, Project
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.common.list_table import SIZINGS
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.projects.project_editor import ProjectEditor
from coordinator_app.ui.reports.report_window import ActivityReportWindow
from coordinator_app.ui.review.workspace_model import WorkspaceTableModel
from coordinator_app.ui.review.workspace_view import ReviewWorkspace
from tests.ui.test_statement_counts import counting


def _city(db: Database, *, projects: int, years: int, first: int = 0) -> None:
    """``projects`` projects with an entry each, and two meetings in each of ``years``
    年度 from 2010, written directly for speed."""
    with db.writing() as session:
        for i in range(first, first + projects):
            project = Project(
                title=f"プロジェクト{i:04d}",
                program=ProjectProgram.INDEPENDENT,
                status=ProjectStatus.IN_PROGRESS,
                start_date=date(2010, 4, 1),
            )
            session.add(project)
            session.flush()
            session.add(
                ProgressEntry(
                    project_id=project.id,
                    entry_date=date(2010, 4, 1) + timedelta(days=i),
                    text=f"記録{i}",
                )
            )
        for year in range(2010, 2010 + years):
            for month in (5, 11):
                session.add(
                    Meeting(
                        kind=MeetingKind.LIAISON,
                        mode=MeetingMode.ON_SITE,
                        title=f"連絡会{year}-{month}",
                        held_on=date(year, month, 10),
                    )
                )


def _open_workspace(qtbot: QtBot, ctx: UiContext) -> ReviewWorkspace:
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.activateWindow()
    QApplication.processEvents()  # activation and the first paint
    return workspace


@pytest.fixture
def resets(monkeypatch: pytest.MonkeyPatch) -> list[WorkspaceTableModel]:
    """Every reset of a workspace model, in order."""
    seen: list[WorkspaceTableModel] = []
    original = WorkspaceTableModel.endResetModel

    def counted(self: WorkspaceTableModel) -> None:
        seen.append(self)
        original(self)

    monkeypatch.setattr(WorkspaceTableModel, "endResetModel", counted)
    return seen


def test_the_review_workspace_opens_with_the_same_statements_whatever_the_city(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    _city(db, projects=10, years=1)
    counts = {}
    with counting(db) as statements:
        small = _open_workspace(qtbot, ctx)
    counts["small"] = len(statements)
    assert small.model.rowCount() == small.model.total == 10
    small.close()

    _city(db, projects=240, years=12, first=10)  # more than a page, twelve 年度
    with counting(db) as statements:
        large = _open_workspace(qtbot, ctx)
    counts["large"] = len(statements)
    assert large.model.total == 250
    assert large.model.rowCount() == WorkspaceTableModel.PAGE_SIZE
    assert large.year_filter.findData(2021) > 0  # the years came with the same statements
    assert counts["small"] == counts["large"], counts


def test_the_review_workspace_resets_once_and_builds_the_project_tabs_when_asked(
    qtbot: QtBot, ctx: UiContext, db: Database, resets: list[WorkspaceTableModel]
) -> None:
    _city(db, projects=30, years=2)
    workspace = _open_workspace(qtbot, ctx)
    assert resets == [workspace.model]  # one reset on open
    assert workspace.table.property(SIZINGS) == 1  # columns fitted once
    # No project chosen: no project form built, nothing of a project read.
    assert workspace._editor is None
    assert workspace.current_project_id is None
    assert workspace.placeholder.isVisible()
    assert not workspace.open_button.isEnabled()

    project_id = workspace.model.id_at(2)
    assert project_id is not None
    workspace.table.selectRow(2)  # the user picks a row
    editor = workspace.editor
    assert isinstance(editor, ProjectEditor)
    assert editor.current_id == project_id and editor.isVisible()
    assert editor.title_edit.text() == "プロジェクト0002"
    assert workspace.open_button.isEnabled() and not workspace.placeholder.isVisible()
    assert resets == [workspace.model]  # choosing a project reloads nothing above it


def test_the_report_window_opens_with_the_same_statements_and_fits_hidden_tables_when_shown(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    _city(db, projects=5, years=1)
    counts = {}
    with counting(db) as statements:
        window = ActivityReportWindow(ctx, year=2010)
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
    counts["small"] = len(statements)
    assert window.figures["会議の開催数"].text() == "2"
    window.close()

    _city(db, projects=200, years=15, first=5)
    with counting(db) as statements:
        window = ActivityReportWindow(ctx, year=2010)
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
    counts["large"] = len(statements)
    assert window.figures["会議の開催数"].text() == "4"  # 2010年度: both cities' meetings
    assert window.year_combo.findData(2024) >= 0
    assert counts["small"] == counts["large"], counts

    # Only the table in view was measured; another is fitted when its tab is shown.
    tabs = window.table_tabs
    shown = tabs.currentWidget()
    for view in window.tables.values():
        assert view.property(SIZINGS) == (1 if view is shown else None)
    other = next(i for i in range(tabs.count()) if tabs.widget(i) is not shown)
    tabs.setCurrentIndex(other)
    assert tabs.widget(other).property(SIZINGS) == 1
    assert shown.property(SIZINGS) == 1


def test_opening_another_project_reads_no_choices_until_they_change(
    qtbot: QtBot, ctx: UiContext, db: Database, services: Services
) -> None:
    _city(db, projects=3, years=1)
    editor = ProjectEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    ids = [p.id for p in services.projects.list().rows]
    editor.load(ids[0])
    choice_tables = ("FROM area", "FROM coordinator", "FROM organisation")
    with counting(db) as statements:
        editor.load(ids[1])
    assert editor.current_id == ids[1]
    assert not [s for s in statements if any(t in s for t in choice_tables)], statements

    # A change of the choices refreshes them at once in a shown form ...
    services.coordinators.save(Coordinator(name="新任 花子", kana="しんにん はなこ"))
    assert editor.lead_combo.search("新任") >= 0
    # ... and at the next load in a hidden one.
    editor.hide()
    services.coordinators.save(Coordinator(name="後任 次郎", kana="こうにん じろう"))
    with counting(db) as statements:
        editor.load(ids[2])
    assert [s for s in statements if "FROM coordinator" in s]
    assert editor.lead_combo.search("後任") >= 0
