"""The 会議 page's first statements are compiled while the app is idle (issue 16).

SQLAlchemy compiles each statement at its first run in a process. The idle step after
the window's first paint (``app.prepare_while_idle``) runs the page's first reads with
their statements only compiled (``Database.compiling_only``): opening the page then
finds every statement in the engine's compiled cache (``context.cache_hit``), and the
warm-up itself reads no row and writes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine.default import CACHE_HIT, CACHE_MISS

from coordinator_app.app import prepare_while_idle
from coordinator_app.domain.models import Meeting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.engine import CompileOnlyError
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.pages import PAGE_KINDS
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from tests.conftest import Factory

MEETINGS = PAGE_KINDS.index(RecordKind.MEETING)


@dataclass
class Compiled:
    """Each compiled statement run on an engine: its SQL and whether it was compiled
    for this run (a miss) or found in the compiled cache (a hit)."""

    misses: list[str] = field(default_factory=list)
    hits: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.misses.clear()
        self.hits.clear()


@pytest.fixture
def compiled(services: Services) -> Iterator[Compiled]:
    seen = Compiled()

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        context = _args[1]
        if context.cache_hit is CACHE_MISS:
            seen.misses.append(statement)
        elif context.cache_hit is CACHE_HIT:
            seen.hits.append(statement)

    engine = services.db.engine
    sa.event.listen(engine, "before_cursor_execute", count)
    yield seen
    sa.event.remove(engine, "before_cursor_execute", count)


def _window_on_areas(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    ctx.settings.last_page = 0  # 地域: the user opens 会議 later
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open_meetings(qtbot: QtBot, window: MainWindow) -> MeetingPage:
    window.show_page(MEETINGS)
    page = window.page_at(MEETINGS)
    assert isinstance(page, MeetingPage)
    qtbot.waitUntil(lambda: page.editor_built)  # the form comes after the list's paint
    return page


def test_opening_meetings_after_the_idle_step_compiles_no_statement(
    qtbot: QtBot, ctx: UiContext, make: Factory, compiled: Compiled
) -> None:
    make.meeting(title="地域ケア会議")
    window = _window_on_areas(qtbot, ctx)
    prepare_while_idle(ctx)
    compiled.clear()

    page = _open_meetings(qtbot, window)

    assert page.model.rowCount() == 1  # the page shows what the file holds
    assert compiled.misses == []
    assert len(compiled.hits) >= 3  # its page, the 年度 span, the form's last time slot


def test_without_the_idle_step_opening_meetings_compiles_its_statements(
    qtbot: QtBot, ctx: UiContext, make: Factory, compiled: Compiled
) -> None:
    """The counter above sees compilations: without the warm-up the same open misses."""
    make.meeting(title="地域ケア会議")
    window = _window_on_areas(qtbot, ctx)
    compiled.clear()

    _open_meetings(qtbot, window)

    assert len(compiled.misses) >= 3


def test_the_saved_sort_is_compiled_too(
    qtbot: QtBot, ctx: UiContext, make: Factory, compiled: Compiled
) -> None:
    """A list the user left sorted by 会議名 opens in that sort: that statement too."""
    make.meeting(title="地域ケア会議")
    window = _window_on_areas(qtbot, ctx)
    page = _open_meetings(qtbot, window)
    page.table.sortByColumn(MeetingTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    page.save_layout()
    window.close()
    ctx.services.db.engine._compiled_cache.clear()  # type: ignore[union-attr]  # a new process
    window = _window_on_areas(qtbot, ctx)
    prepare_while_idle(ctx)
    compiled.clear()

    page = _open_meetings(qtbot, window)

    assert page.model.query.sort == "title"
    assert compiled.misses == []
    assert len(compiled.hits) >= 4  # the default sort's page, then the saved sort's


def test_compiling_only_reads_no_row_and_writes_nothing(
    services: Services, make: Factory, compiled: Compiled
) -> None:
    make.meeting(title="地域ケア会議")
    db = services.db
    with db.compiling_only():
        page = services.meetings.list_light(ListQuery(limit=10, with_total=False))
        assert services.meetings.last_time_slot() == (None, None)
        with pytest.raises(CompileOnlyError), db.writing() as session:
            session.add(Meeting(title="x"))
        # Nor through the engine under a reading session.
        with pytest.raises(CompileOnlyError), db.reading() as session:
            session.execute(sa.text("DELETE FROM meeting"))
        elsewhere: list[int] = []  # another thread reads as usual meanwhile
        other = threading.Thread(
            target=lambda: elsewhere.append(len(services.meetings.list_light(ListQuery()).rows))
        )
        other.start()
        other.join()
    assert page.rows == []
    assert elsewhere == [1]
    assert compiled.misses  # the statements were compiled
    compiled.clear()
    after = services.meetings.list_light(ListQuery(limit=10, with_total=False))
    assert [r.record.title for r in after.rows] == ["地域ケア会議"]
    assert compiled.misses == []  # ... and found in the cache when run for real
    assert services.meetings.list_light(ListQuery()).total == 1  # nothing was written
