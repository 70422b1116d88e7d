"""Opening a project is rehearsed once after the project list painted: the first
project the user opens then finds every statement compiled (issue 16: SQLAlchemy
compiles a statement at its first execution in a process; timings in benchmarks/)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine.default import CACHE_MISS

from coordinator_app.domain.enums import MeetingKind, MeetingMode, ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ActionItem, Meeting, ProgressEntry, Project
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.pages import PAGE_KINDS
from coordinator_app.ui.projects.project_page import ProjectPage
from tests.ui.test_project_tabs import enter_setagaya


@contextmanager
def compiled_now(services: Services) -> Iterator[list[str]]:
    """The statements executed inside the block that SQLAlchemy had to compile."""
    missed: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if context is not None and getattr(context, "cache_hit", None) is CACHE_MISS:
            missed.append(" ".join(statement.split())[:120])

    engine = services.db.engine
    event.listen(engine, "after_cursor_execute", seen)
    try:
        yield missed
    finally:
        event.remove(engine, "after_cursor_execute", seen)


def _another_project(services: Services) -> Project:
    """A project with what the setagaya seed has: entries, a partner-less meeting with a
    coordinator, an action item with an owner (older entries: the seed is rehearsed)."""
    seed_lead = services.coordinators.list().rows[0]
    project = services.projects.save(
        Project(
            title="あおば 居場所づくり",
            program=ProjectProgram.INDEPENDENT,
            status=ProjectStatus.IN_PROGRESS,
            lead_coordinator_id=seed_lead.id,
        ),
        partner_ids=[],
    )
    for day in (date(2016, 5, 1), date(2016, 6, 1)):
        services.progress.save(
            ProgressEntry(project_id=project.id, entry_date=day, text="打合せ", author="SC")
        )
    meeting = services.meetings.save(
        Meeting(
            kind=MeetingKind.OTHER,
            title="居場所の打合せ",
            held_on=date(2016, 6, 1),
            mode=MeetingMode.ON_SITE,
            project_id=project.id,
        ),
        coordinator_ids=[seed_lead.id],
    )
    services.action_items.save(
        ActionItem(meeting_id=meeting.id, text="会場を探す", owner_coordinator_id=seed_lead.id)
    )
    return project


def test_the_first_project_opened_finds_its_statements_compiled(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    enter_setagaya(services)  # its entry is the newest: the project rehearsed
    other = _another_project(services)
    window.show_page(PAGE_KINDS.index(RecordKind.PROJECT))
    page = window.page_for(RecordKind.PROJECT)
    assert isinstance(page, ProjectPage)
    assert not page.rehearsed  # not before the list painted
    qtbot.waitUntil(lambda: page.rehearsed)
    assert page.editor.current_id is None  # nothing shown changed
    assert not page.editor.is_dirty and page.model.rowCount() == 2

    with compiled_now(services) as missed:
        assert page.select_record(other.id)
        QApplication.processEvents()
    assert missed == []
    assert page.editor.title_edit.text() == "あおば 居場所づくり"
    assert page.editor.meetings.model.rowCount() == 1
    assert page.editor.action_items.model.rowCount() == 1


def test_without_the_rehearsal_the_first_open_compiles(
    qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    """The check above can fail: a page never painted has not rehearsed."""
    enter_setagaya(services)
    other = _another_project(services)
    page = ProjectPage(ctx)  # never shown
    qtbot.addWidget(page)
    with compiled_now(services) as missed:
        assert page.select_record(other.id)
    assert not page.rehearsed
    assert len(missed) >= 10, missed
