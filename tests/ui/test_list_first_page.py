"""Issue 16: a sort or filter reads a short first page (about two screens), the rest as
the view scrolls.

On the big city each listed row costs a few pages of the file that a fresh
connection has not read yet (the row, its council, three link counts): the
sort by title read 201 such rows for the 25 on screen. Now the first page after
a refresh is ``FIRST_PAGE_SIZE`` rows; the next ones are ``PAGE_SIZE`` rows
after the last key, as before (statements and their row limits, not timings).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.services.listing import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from tests.conftest import Factory
from tests.services.test_query_plans import recorded
from tests.ui.test_list_jump import _city_of_meetings, _shown


def _limits(statements: list[tuple[str, object]]) -> list[object]:
    """The row limit of each list page read (its first bound parameter after the keys)."""
    pages = [(s, p) for s, p in statements if s.lstrip().upper().startswith("SELECT")]
    return [p[-2] for s, p in pages if "LIMIT ? OFFSET ?" in s]  # type: ignore[index]


def test_a_sort_reads_a_short_first_page_then_full_pages_as_the_view_scrolls(
    qtbot: QtBot, db: Database, services: Services, make: Factory
) -> None:
    _city_of_meetings(db, make)
    model = MeetingTableModel(services.meetings, DateFormat())
    model.refresh()
    view = _shown(qtbot, model)
    assert model.FIRST_PAGE_SIZE < model.PAGE_SIZE
    with recorded(db) as statements:
        model.sort(MeetingTableModel.TITLE, Qt.SortOrder.AscendingOrder)
        view.grab()
    assert _limits(statements) == [model.FIRST_PAGE_SIZE + 1]  # one page, one row to spare
    assert model.rowCount() == model.FIRST_PAGE_SIZE
    with recorded(db) as statements:
        view.scrollToBottom()
        view.grab()
    assert _limits(statements) == [model.PAGE_SIZE + 1]
    assert model.rowCount() == model.FIRST_PAGE_SIZE + model.PAGE_SIZE
    truth = services.meetings.list(ListQuery(sort="title", limit=None)).rows
    shown = [model.id_at(row) for row in range(model.rowCount())]
    assert shown == [m.id for m in truth[: model.rowCount()]]  # the same rows, in order
