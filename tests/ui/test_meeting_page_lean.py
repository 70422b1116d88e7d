"""The 会議 page does what it shows: the calendar and the venue suggestions wait
until they are looked at, and a sort reads its page in one statement with one
model reset (issue 16; timings live in benchmarks/)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.registry import Services
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.pages import PAGE_KINDS
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from coordinator_app.ui.meetings.meeting_page import CALENDAR_TAB, MeetingPage
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@contextmanager
def statements(services: Services) -> Iterator[list[str]]:
    """The SQL statements issued inside the block (BEGIN and COMMIT left out)."""
    seen: list[str] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            seen.append(" ".join(statement.split()))

    engine = services.db.engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", capture)


def _meetings(services: Services, make: Factory) -> None:
    council = make.council()
    person = make.coordinator()
    org = make.organisation()
    for n, title in enumerate(["定例会", "あおば連絡会", "研修会", "運営会議", "交流会"]):
        services.meetings.save(
            make.meeting(
                title=title,
                held_on=date(2025, 4, n + 1),
                venue=f"会館{n}",
                council_id=council.id if n % 2 else None,
            ),
            coordinator_ids=[person.id] if n < 3 else [],
            organisation_ids=[org.id] if n == 0 else [],
        )


def _open_meetings(window: MainWindow) -> MeetingPage:
    index = PAGE_KINDS.index(RecordKind.MEETING)
    window.show_page(index)
    page = window.page_at(index)
    assert isinstance(page, MeetingPage)
    return page


def test_the_calendar_and_the_venues_wait_until_they_are_looked_at(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    _meetings(services, make)
    with statements(services) as seen:
        page = _open_meetings(window)
    assert page.model.rowCount() == 5
    assert not page.calendar_built
    assert not page.meeting_editor.fast_entry.venue_completer.loaded
    assert not [s for s in seen if "venue" in s and "max(" in s]  # no venue suggestions read

    page.views.setCurrentIndex(CALENDAR_TAB)  # the user opens the calendar tab
    assert page.calendar_built
    calendar = page.calendar
    qtbot.waitUntil(calendar.isVisible)
    calendar.show_month(2025, 4)
    assert [m.title for m in calendar.meetings_shown()] == [
        "定例会",
        "あおば連絡会",
        "研修会",
        "運営会議",
        "交流会",
    ]

    page.meeting_editor.tabs.setCurrentIndex(0)  # type: ignore[union-attr]
    page.meeting_editor.venue_edit.setFocus()
    qtbot.waitUntil(lambda: page.meeting_editor.fast_entry.venue_completer.loaded)
    assert set(page.meeting_editor.fast_entry.venues.stringList()) == {f"会館{n}" for n in range(5)}


def test_a_sort_reads_one_page_in_one_statement_with_one_reset(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    _meetings(services, make)
    page = _open_meetings(window)
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(page.model.rowCount()))
    with statements(services) as seen:
        page.table.sortByColumn(MeetingTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert resets == [5]
    # The page by keyset with the council and the attendee counts beside each row:
    # one statement (not a second one looking the page's rows up again by id).
    assert len(seen) == 1, seen
    assert "meeting.id IN" not in seen[0]
    titles = [page.model.index(r, MeetingTableModel.TITLE).data() for r in range(5)]
    assert titles == sorted(titles)
    shown = {
        page.model.index(r, MeetingTableModel.TITLE).data(): (
            page.model.index(r, MeetingTableModel.COUNCIL).data(),
            page.model.index(r, MeetingTableModel.ATTENDEES).data(),
        )
        for r in range(5)
    }
    council = services.councils.list().rows[0].name
    assert shown == {
        "定例会": ("", "2"),
        "あおば連絡会": (council, "1"),
        "研修会": ("", "1"),
        "運営会議": (council, "0"),
        "交流会": ("", "0"),
    }


PICKER_TABLES = ("council", "project", "area", "coordinator", "organisation", "contact")


def _picker_reads(seen: list[str]) -> set[str]:
    """The tables read on their own (a picker's search or lookup), not joined by the list."""
    return {
        t for s in seen for t in PICKER_TABLES if f" FROM {t} " in f"{s} " and "meeting" not in s
    }


def test_opening_meetings_reads_no_picker_until_the_picker_is_reached(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    _meetings(services, make)
    with statements(services) as seen:
        page = _open_meetings(window)
        editor = page.meeting_editor
    assert _picker_reads(seen) == set()
    assert editor.council_combo.count() == 1  # the none item only, not searched yet

    with statements(services) as seen:
        editor.council_combo.setFocus()  # the user reaches the combo: it searches
        editor.council_combo.ensure_searched()
    assert _picker_reads(seen) == {"council"}
    assert editor.council_combo.count() == 2

    with statements(services) as seen:
        editor.show_tab(1)  # 出席: the attendee lists search before they are painted
        qtbot.waitUntil(editor.coordinator_list.isVisible)
    assert {"coordinator", "organisation", "contact"} <= _picker_reads(seen)
    names = [
        editor.coordinator_list.list.item(i).text()
        for i in range(editor.coordinator_list.list.count())
    ]
    assert names == [c.name for c in services.coordinators.list().rows]


def test_the_form_is_built_after_the_list_has_painted(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    _meetings(services, make)
    window.show()
    index = PAGE_KINDS.index(RecordKind.MEETING)
    built_at_paint: list[bool] = []

    def page_built(_index: int, page: MeetingPage) -> None:
        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not built_at_paint:
                    built_at_paint.append(page.editor_built)
                return False

        page.table.viewport().installEventFilter(Watch(page))

    original = window.page_built
    window.page_built = lambda i, p: (original(i, p), page_built(i, p))  # type: ignore[method-assign]
    window.show_page(index)
    page = window.page_at(index)
    assert isinstance(page, MeetingPage)
    assert not page.editor_built  # the list first
    qtbot.waitUntil(lambda: page.editor_built)  # then the form, without being asked
    assert built_at_paint == [False]
    editor = page.meeting_editor
    qtbot.waitUntil(editor.isVisible)
    assert editor.current_id is None and not editor.is_dirty  # an empty form, as before
    assert page.new_button.isEnabled() and not page.delete_button.isEnabled()

    page.table.selectRow(0)  # the form follows the list as before
    assert editor.current_id == page.model.id_at(0)
    assert page.delete_button.isEnabled()


def test_asking_for_the_form_builds_it_at_once(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    _meetings(services, make)
    page = window.page_at(PAGE_KINDS.index(RecordKind.MEETING))  # built, never shown
    assert isinstance(page, MeetingPage)
    assert not page.editor_built
    window.show_page(PAGE_KINDS.index(RecordKind.MEETING))
    window.action_new.trigger()  # Ctrl+N before the list painted: the form is there
    assert page.editor_built
    assert page.meeting_editor.current_id is None
    qtbot.keyClicks(page.meeting_editor.title_edit, "rinji")
    assert page.meeting_editor.is_dirty
