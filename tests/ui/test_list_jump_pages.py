"""Issue 16: a jump into a long list reads what the view shows: one key from the sort's
index, then one or two pages of ``WINDOW_PAGE_SIZE`` rows, each one statement with
the display values beside the rows (statements and plans, not timings)."""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa
from pytestqt.qtbot import QtBot
from sqlalchemy.engine.default import CACHE_HIT, CACHE_MISS

from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from tests.conftest import Factory
from tests.services.test_query_plans import plan, recorded
from tests.ui.test_list_jump import _city_of_meetings, _shown

DEPTH = 20_000


def test_a_jump_to_row_20000_reads_one_key_and_the_pages_on_screen(
    qtbot: QtBot, db: Database, services: Services, make: Factory
) -> None:
    _city_of_meetings(db, make)
    model = MeetingTableModel(services.meetings, DateFormat())  # newest first
    model.refresh()
    view = _shown(qtbot, model)
    model.prepare_jump()
    assert model.window is not None
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > DEPTH)  # the view lays out the new range
    assert model.window.page_size == model.WINDOW_PAGE_SIZE < model.PAGE_SIZE
    with recorded(db) as statements:
        view.scrollTo(model.index(DEPTH, 0))
        view.grab()  # paints the rows now shown
    reads = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
    keys = [(s, p) for s, p in reads if "AS key0" in s]
    pages = [(s, p) for s, p in reads if "AS key0" not in s]
    assert len(keys) == 1 and model.window.seeks == 1
    # A screenful straddles at most two pages of WINDOW_PAGE_SIZE (50) rows.
    assert 1 <= len(pages) == model.window.reads <= 2, [s for s, _ in reads]
    for statement, params in pages:
        assert "meeting.id IN" not in statement  # the display values come with the rows
        details = plan(db, statement, params)
        assert any(d.startswith("SEARCH meeting USING INDEX ix_meeting_held_on") for d in details)
        assert all("TEMP B-TREE" not in d and not d.startswith("SCAN") for d in details)
    top, bottom = view.rowAt(1), view.rowAt(view.viewport().height() - 2)
    assert top < DEPTH <= bottom or bottom == DEPTH
    every = services.meetings.list(replace(model.query, offset=top, limit=bottom - top + 1))
    assert [model.record_at(r).id for r in range(top, bottom + 1)] == [m.id for m in every.rows]


def test_the_key_walk_of_a_jump_is_compiled_when_the_list_becomes_whole(
    qtbot: QtBot, db: Database, services: Services, make: Factory
) -> None:
    """The scroll bar grabbed (or Ctrl+End) makes the list whole and reads the key after
    the rows it has by the statement a jump walks the sort's index with: the jump on
    release finds that statement compiled (SQLAlchemy's cache), not built then."""
    _city_of_meetings(db, make)
    model = MeetingTableModel(services.meetings, DateFormat())
    model.refresh()
    view = _shown(qtbot, model)
    hits: list[tuple[str, object]] = []

    def seen(_conn, _cursor, statement, _params, context, _many) -> None:  # type: ignore[no-untyped-def]
        if "AS key0" in statement:
            hits.append((statement, context.cache_hit))

    sa.event.listen(db.engine, "after_cursor_execute", seen)
    try:
        model.prepare_jump()
        assert [hit for _, hit in hits] == [CACHE_MISS]  # built and compiled here
        bar = view.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > DEPTH)
        view.scrollTo(model.index(DEPTH, 0))
        view.grab()
    finally:
        sa.event.remove(db.engine, "after_cursor_execute", seen)
    assert [hit for _, hit in hits] == [CACHE_MISS, CACHE_HIT], hits  # the jump's: a hit
    assert hits[0][0] == hits[1][0]
    assert model.window is not None and model.window.seeks == 1
