"""Issue 16: columns are sized once per table, not after every reload.

Measuring every cell for each column was repeated after each load: a dozen
times on opening the review workspace. A counter on each table (``SIZINGS``)
shows one measurement per table with rows, however often the data reloads;
a width the user set stays; the header's menu fits the columns again.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import ProgressEntry
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.list_table import SIZINGS, ResizeMode, column_menu
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.reports.report_window import ActivityReportWindow
from coordinator_app.ui.review.workspace_view import ReviewWorkspace
from tests.conftest import Factory
from tests.ui.test_project_tabs import enter_setagaya


def _filled(widget: object) -> list[QTableView]:
    tables = widget.findChildren(QTableView)  # type: ignore[attr-defined]
    return [t for t in tables if t.model() is not None and t.model().rowCount() > 0]


def _add_entry(services: Services, project_id: object, text: str) -> None:
    services.progress.save(
        ProgressEntry(project_id=project_id, entry_date=date(2017, 11, 30), text=text)  # type: ignore[arg-type]
    )


def test_the_workspace_sizes_each_table_once_across_reloads(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    seed = enter_setagaya(services)
    other = make.project(title="通いの場ガイドブック")
    _add_entry(services, other.id, "ガイドブックの原稿を集めた")
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    workspace.show()
    for project_id in (seed.project.id, other.id, seed.project.id):
        assert workspace.select_project(project_id)
    for i in range(3):  # reloads: every panel and the table refresh
        _add_entry(services, seed.project.id, f"追記{i}")
    tables = _filled(workspace)
    assert len(tables) >= 3, [t.objectName() for t in tables]
    assert [t.property(SIZINGS) for t in tables] == [1] * len(tables)
    # What the reloads showed is in the database.
    texts = {e.text for e in services.progress.log(seed.project.id)}
    assert {"追記0", "追記1", "追記2"} <= texts


def test_a_width_the_user_set_is_kept_and_the_menu_fits_again(
    qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    seed = enter_setagaya(services)
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    workspace.show()
    assert workspace.select_project(seed.project.id)
    table = workspace.table
    header = table.horizontalHeader()
    column = next(
        c for c in range(header.count()) if header.sectionResizeMode(c) != ResizeMode.Stretch
    )
    header.resizeSection(column, 37)  # the user drags a column narrow
    _add_entry(services, seed.project.id, "追記")
    services.projects.save(services.projects.get(seed.project.id))
    assert header.sectionSize(column) == 37
    assert table.property(SIZINGS) == 1
    column_menu(table).actions()[0].trigger()
    assert table.property(SIZINGS) == 2
    assert header.sectionSize(column) > 37


def test_the_report_window_keeps_its_widths_when_it_refreshes(
    qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    seed = enter_setagaya(services)
    window = ActivityReportWindow(ctx, year=2017)
    qtbot.addWidget(window)
    window.show()
    first = dict(window.tables)
    assert first and all(v.property(SIZINGS) in (None, 1) for v in first.values())
    widths = {
        name: [v.horizontalHeader().sectionSize(c) for c in range(v.model().columnCount())]
        for name, v in first.items()
    }
    for meeting in seed.meetings[:2]:
        services.meetings.soft_delete(meeting.id)  # the window refreshes
    assert window.figures["会議の開催数"].text() == "1"
    for name, view in window.tables.items():
        assert view is not first[name]  # rebuilt ...
        assert view.property(SIZINGS) is None  # ... without measuring
        header = view.horizontalHeader()
        assert [header.sectionSize(c) for c in range(view.model().columnCount())] == widths[name]
