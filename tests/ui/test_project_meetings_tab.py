"""The project's 会議 tab reads its meetings without counting them first: it shows
them all and no total (issue 16: one statement fewer when a project opens)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.projects.project_editor import ProjectEditor
from tests.statements import counting
from tests.ui.test_project_tabs import enter_setagaya


def test_the_meetings_tab_reads_its_rows_without_a_count(
    qtbot: QtBot, ctx: UiContext, db: Database, services: Services
) -> None:
    seed = enter_setagaya(services)
    editor = ProjectEditor(ctx)
    qtbot.addWidget(editor)
    with counting(db) as statements:
        editor.meetings.set_owner(seed.project.id)
    assert editor.meetings.model.rowCount() == 3
    counts = [s for s in statements if s.lstrip().upper().startswith("SELECT COUNT(")]
    assert counts == []
    reads = [s for s in statements if not s.startswith("BEGIN")]
    assert len(reads) == 2, reads  # the meetings, then their names and counts
