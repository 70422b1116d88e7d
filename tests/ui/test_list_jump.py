"""Issue 16: a list model that can jump: Ctrl+End and the scroll bar reach the last
rows of 100,000 without reading the pages in between, and scrolling keeps a
bounded number of pages."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.common.list_table import list_table
from coordinator_app.ui.common.table_model import RecordTableModel
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from coordinator_app.ui.projects.project_model import ProjectTableModel
from tests.conftest import Factory
from tests.services.test_listing_keyset import ROWS, clone
from tests.ui.test_statement_counts import counting


def _city_of_meetings(db: Database, make: Factory) -> None:
    start = date(2015, 4, 1)
    first = make.meeting(held_on=start, title="最初の会議")
    clone(db, "meeting", first.id, lambda i: {"held_on": start + timedelta(days=i // 40)})


def _shown(qtbot: QtBot, model: RecordTableModel) -> QTableView:
    view = list_table(model)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_ctrl_end_shows_the_last_of_100000_rows_in_a_few_statements(
    qtbot: QtBot, db: Database, services: Services, make: Factory
) -> None:
    _city_of_meetings(db, make)
    model = MeetingTableModel(services.meetings, DateFormat())  # newest first
    model.refresh()
    view = _shown(qtbot, model)
    assert model.window is None and model.rowCount() == model.FIRST_PAGE_SIZE
    oldest = services.meetings.list(ListQuery(sort="date", limit=1)).rows[0]
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))  # (without a current row Qt's Ctrl+End picks the first)
    with counting(db) as statements:
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        view.grab()  # paints the rows now shown
    assert model.rowCount() == ROWS
    assert view.currentIndex().row() == ROWS - 1
    assert model.record_at(ROWS - 1).id == oldest.id
    assert model.record_at(ROWS - 1).title == "最初の会議"
    # One COUNT, then the last page (and the one before it, if the viewport spans
    # two) with their display joins: a fixed number, not 500 pages.
    assert model.window is not None and model.window.reads <= 2
    assert len(statements) <= 1 + 2 * 6, statements
    # Light rows: no minutes in what the list holds.
    assert not hasattr(model.record_at(ROWS - 1), "minutes")


def test_scroll_bar_dragged_to_the_bottom_and_middle_and_scrolling_stays_bounded(
    qtbot: QtBot, db: Database, services: Services, make: Factory
) -> None:
    _city_of_meetings(db, make)
    model = MeetingTableModel(services.meetings, DateFormat())
    model.refresh()
    view = _shown(qtbot, model)
    bar = view.verticalScrollBar()
    bar.sliderPressed.emit()  # the user grabs the scroll bar: the list becomes whole
    assert model.rowCount() == ROWS
    qtbot.waitUntil(lambda: bar.maximum() > ROWS - 100)  # the view lays out the new range
    with counting(db) as statements:
        bar.setValue(bar.maximum())
        view.grab()
    assert model.window is not None and model.window.reads <= 2
    assert len(statements) <= 2 * 6
    bottom = view.rowAt(view.viewport().height() - 2)
    assert bottom == ROWS - 1
    # The middle: one ladder of keys, then seeks.
    with counting(db) as statements:
        bar.setValue(bar.maximum() // 2)
        view.grab()
    assert len(statements) <= 1 + 2 * 6
    top = view.rowAt(1)
    truth = services.meetings.list(replace(model.query, offset=top, limit=1)).rows[0]
    assert model.record_at(top).id == truth.id
    # Scrolling a long way keeps at most CACHED_PAGES pages.
    for value in range(0, 30_000, 997):
        bar.setValue(value)
        view.grab()
        assert model.window.kept_pages <= model.CACHED_PAGES
    truth = services.meetings.list(replace(model.query, offset=25_000, limit=1)).rows[0]
    assert model.record_at(25_000).id == truth.id
    # A sort starts again from the top, growing.
    model.sort(MeetingTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert model.window is None and model.rowCount() == model.FIRST_PAGE_SIZE


class TinyProjectModel(ProjectTableModel):
    PAGE_SIZE = 3
    GROWING_PAGES = 1
    CACHED_PAGES = 2


def test_window_reads_any_row_in_any_order_across_null_keys(
    qtmodeltester: ModelTester, services: Services, make: Factory
) -> None:
    for i in range(40):  # a third without a start date: NULL sorts first
        start = None if i % 3 == 0 else date(2024, 4, 1) + timedelta(days=i % 7)
        make.project(title=f"事業{i:02d}", start_date=start)
    for descending in (False, True):
        model = TinyProjectModel(services.projects, DateFormat())
        model.sort(ProjectTableModel.START, Qt.SortOrder.AscendingOrder)
        if descending:
            model.sort(ProjectTableModel.START, Qt.SortOrder.DescendingOrder)
        model.fetchMore()  # past GROWING_PAGES: counts and becomes a window
        assert model.window is not None and model.rowCount() == 40
        truth = [p.id for p in services.projects.list(replace(model.query, limit=None)).rows]
        order = list(range(40))
        random.Random(descending).shuffle(order)
        for position in order:
            assert model.record_at(position).id == truth[position], position
            assert model.window.kept_pages <= 2
        assert model.fetch_until(truth[-1], max_rows=100) == 39
        qtmodeltester.check(model, force_py=True)
