"""Opening a project that lies far down the list reads no list page (issue 16).

The project page shows an opened project selected when it is among the list's first
rows (``SELECT_SEARCH_ROWS``); before, finding out that one was not meant loading
all those rows, a page at a time. Now the list asks where the project lies first
(two statements) and loads pages only when it is among them.
"""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import Project
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.projects.project_model import ProjectTableModel
from coordinator_app.ui.projects.project_page import ProjectPage
from tests.conftest import Factory
from tests.statements import counting

PAGE = 10
"""The list's page in these tests (200 in the app)."""


@pytest.fixture
def projects(make: Factory) -> list[Project]:
    """30 projects, by title プロジェクト00 … 29; every third without a start date."""
    return [
        make.project(
            title=f"プロジェクト{i:02d}",
            start_date=None if i % 3 == 0 else date(2020, 1, 1 + i % 7),
        )
        for i in range(30)
    ]


def test_a_projects_position_is_its_row_in_the_list_in_any_order(
    services: Services, projects: list[Project]
) -> None:
    for query in (
        ListQuery(),
        ListQuery(descending=True),
        ListQuery(sort="start"),  # a key with NULLs, which sort first
        ListQuery(sort="start", descending=True),
        ListQuery(text="プロジェクト1"),
        ListQuery(filters={"status": projects[0].status}),
    ):
        listed = [row.id for row in services.projects.list(query).rows]
        assert listed, query
        for row, project_id in enumerate(listed):
            assert services.projects.position(query, project_id) == row, (query, row)
    assert services.projects.position(ListQuery(), projects[25].id, limit=10) == 10
    assert services.projects.position(ListQuery(), projects[5].id, limit=10) == 5
    outside = services.projects.position(ListQuery(text="プロジェクト1"), projects[25].id)
    assert outside is None
    services.projects.soft_delete(projects[3].id)
    assert services.projects.position(ListQuery(), projects[3].id) is None
    assert services.projects.position(ListQuery(), projects[4].id) == 3


def test_a_project_beyond_the_searched_rows_opens_without_reading_list_pages(
    qtbot: QtBot,
    ctx: UiContext,
    db: Database,
    projects: list[Project],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ProjectTableModel, "PAGE_SIZE", PAGE)
    monkeypatch.setattr("coordinator_app.ui.common.record_page.SELECT_SEARCH_ROWS", 2 * PAGE)
    page = ProjectPage(ctx)  # not shown: a tall view would fetch more rows to fill itself
    qtbot.addWidget(page)
    assert page.model.rowCount() == PAGE

    counts = []
    for far in (projects[25], projects[29]):  # beyond the first 20 rows
        with counting(db) as statements:
            shown = page.select_record(far.id)
        counts.append(len(statements))
        assert not shown  # in the form, not selected in the list
        assert page.editor.current_id == far.id
        assert page.editor.title_edit.text() == far.title
        assert page.model.rowCount() == PAGE  # no list page read to find that out
    assert counts[0] == counts[1], counts

    near = projects[15]  # on the second page: loaded and selected as before
    assert page.select_record(near.id)
    assert page.model.rowCount() == 2 * PAGE
    assert page.model.id_at(page.table.currentIndex().row()) == near.id
