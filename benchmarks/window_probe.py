"""Child process of the runner: drive the real main window, time each action to its repaint.

    python -m benchmarks.window_probe --db PATH --scroll 100000

Starts the app as a user does (``coordinator_app.app.start``, landing on 地域 so
that the first open of 会議 can be timed), then performs each action through
the window: the 会議 page's first open, a sort, a filter with an absent word,
scrolling N rows and the page at that depth, the search dock, a project,
the review workspace and the report window, and every other page. Each action
is timed from the call to the end of the repaint it caused: an event filter
on the widget that shows the result waits for its Paint event (never a fixed
time), then the event loop is let to settle (posted events, queued loads)
and the last paint seen counts.

Every statement the app issued during the action is captured with SQLAlchemy's
``before_cursor_execute`` event and replayed afterwards on a raw sqlite3
connection to the same file (read-only): the "replayed statements" floor.
Prints one JSON object on its last line.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.startup_probe import QuietPrompts

SETTLE_TURNS = 3
"""Event-loop turns after the first paint in which further paints still count."""


def rss_mb() -> float:
    """Current resident set (not the peak), from /proc where it exists."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Probe:
    def __init__(self, qapp: Any, engine: Any, db: Path) -> None:
        from sqlalchemy import event

        self.qapp = qapp
        self.statements: list[tuple[str, Any, bool]] = []
        self.capturing = False
        self.raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        self.results: dict[str, dict[str, Any]] = {}

        def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            if self.capturing:
                self.statements.append((statement, parameters, executemany))

        event.listen(engine, "before_cursor_execute", capture)

    def wait_paint(self, widget: Any, started: float, timeout_s: float = 120) -> float:
        """Spin the event loop until ``widget`` (or a child) painted, then settle;
        the end of the last paint, in ms from ``started``."""
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QWidget

        painted: list[float] = []

        class Watch(QObject):
            def eventFilter(self, obj, ev):  # type: ignore[no-untyped-def]
                if ev.type() == QEvent.Type.Paint:
                    painted.append(time.perf_counter())
                return False

        watch = Watch()
        targets = [widget, *widget.findChildren(QWidget)]
        for target in targets:
            target.installEventFilter(watch)
        deadline = time.monotonic() + timeout_s
        while not painted and time.monotonic() < deadline:
            self.qapp.processEvents()
        # The filter sees a Paint before it is handled: a list reads its rows while
        # painting, so a repaint ends when the turn that delivered it returns.
        ended = time.perf_counter()
        for _ in range(SETTLE_TURNS):
            seen = len(painted)
            self.qapp.processEvents()
            if len(painted) > seen:
                ended = time.perf_counter()
        for target in targets:
            target.removeEventFilter(watch)
        if not painted:
            return float("nan")
        return (ended - started) * 1000

    def action(self, name: str, act: Callable[[], Any], widget: Callable[[], Any]) -> Any:
        """Time ``act`` to the repaint of ``widget()`` (looked up after the action,
        for windows the action creates); record its statements and their replay."""
        self.statements = []
        self.capturing = True
        started = time.perf_counter()
        value = act()
        target = widget()
        ms = self.wait_paint(target, started)
        self.capturing = False
        statements = list(self.statements)
        self.results[name] = {
            "ms": ms,
            "statements": len(statements),
            "replay_ms": self.replay(statements),
        }
        return value

    def replay(self, statements: list[tuple[str, Any, bool]]) -> float:
        """Median of three replays of the reads among ``statements`` on raw sqlite3."""
        reads = [
            (sql, params, many)
            for sql, params, many in statements
            if sql.lstrip().upper().startswith(("SELECT", "WITH", "PRAGMA", "EXPLAIN"))
        ]

        def once() -> None:
            for sql, params, many in reads:
                if many:
                    self.raw.executemany(sql, params).fetchall()
                else:
                    self.raw.execute(sql, params or ()).fetchall()

        once()
        times = []
        for _ in range(3):
            began = time.perf_counter()
            once()
            times.append((time.perf_counter() - began) * 1000)
        return statistics.median(times)


def plain_table_ms(qapp: Any, raw: sqlite3.Connection, sql: str, params: tuple) -> float:
    """A plain QTableView fed by the raw query: query, model, show, first paint."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, obj, ev):  # type: ignore[no-untyped-def]
            if ev.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    started = time.perf_counter()
    rows = raw.execute(sql, params).fetchall()
    model = QStandardItemModel()
    for row in rows:
        model.appendRow([QStandardItem("" if v is None else str(v)) for v in row])
    view = QTableView()
    watch = Watch()
    view.viewport().installEventFilter(watch)
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    while not painted:
        qapp.processEvents()
    view.close()
    return (painted[0] - started) * 1000


def run(db: Path, scroll: int) -> dict[str, Any]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from coordinator_app.app import start
    from coordinator_app.domain.record_kind import RecordKind
    from coordinator_app.ui.main.pages import PAGE_KINDS
    from coordinator_app.ui.settings import AppSettings

    qapp = QApplication(sys.argv)
    ini = Path(tempfile.mkdtemp()) / "probe.ini"
    settings = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    settings.last_page = 0  # land on 地域: the first open of 会議 is timed below
    started = start(
        qapp,
        db_path=db,
        demo=False,
        lang="ja",
        prompts=QuietPrompts(),  # type: ignore[arg-type]
        settings=settings,
    )
    assert started is not None
    window = started.window
    window.resize(1280, 800)
    window.show()
    gc.freeze()  # as coordinator_app.app.main does once the window is shown
    for _ in range(5):
        qapp.processEvents()
    probe = Probe(qapp, started.db.engine, db)
    out: dict[str, Any] = {"rss_start_mb": rss_mb()}

    meeting_index = PAGE_KINDS.index(RecordKind.MEETING)
    probe.action(
        "meeting_first_open",
        lambda: window.show_page(meeting_index),
        lambda: window.page_at(meeting_index),
    )
    page = window.page_at(meeting_index)
    table, model = page.table, page.model
    out["rss_first_page_mb"] = rss_mb()
    out["first_page_rows"] = model.rowCount()

    probe.action("meeting_sort_title", lambda: table.sortByColumn(2, _asc()), table.viewport)
    probe.action("meeting_sort_date", lambda: table.sortByColumn(0, _desc()), table.viewport)

    def absent_filter() -> None:
        page.filter_edit.setText("存在しない語句ぬ")
        page.apply_filter_text()

    probe.action("meeting_filter_absent", absent_filter, table.viewport)
    out["absent_rows"] = model.rowCount()

    def clear_filter() -> None:
        page.filter_edit.clear()
        page.apply_filter_text()

    probe.action("meeting_filter_cleared", clear_filter, table.viewport)

    # Scrolling: to the bottom of what is loaded, again and again, until row N exists;
    # then the page at row N on its own.
    from PySide6.QtCore import QModelIndex

    began = time.perf_counter()
    steps = 0
    while model.rowCount() <= scroll and model.canFetchMore(QModelIndex()):
        # Each step loads the next page; the last one is the page at depth N.
        probe.action("meeting_page_at_depth", table.scrollToBottom, table.viewport)
        steps += 1
    depth = min(scroll, model.rowCount() - 1)
    jumped = getattr(model, "window", None) is not None
    if steps == 0 or jumped:  # a model that jumps: row N exists already, only its page is read
        probe.action(
            "meeting_page_at_depth",
            lambda: table.scrollTo(model.index(depth, 0)),
            table.viewport,
        )
    if jumped:  # and the page after it, as scrolling on reads it (a seek after a known key)
        probe.action(
            "meeting_page_after_depth",
            lambda: table.scrollTo(model.index(min(depth + 400, model.rowCount() - 1), 0)),
            table.viewport,
        )
    out["scroll_total_ms"] = (time.perf_counter() - began) * 1000
    out["scroll_steps"] = steps
    out["scroll_depth"] = depth
    out["rss_after_scroll_mb"] = rss_mb()

    # Windows.
    def search_dock() -> None:
        # The dock and its search, as Enter runs it: open_search alone only starts the
        # typing pause (250 ms), so the repaint timed was the empty dock's.
        window.open_search("見守り").run()

    probe.action("search_dock", search_dock, lambda: window.search_view)
    project_index = PAGE_KINDS.index(RecordKind.PROJECT)
    window.show_page(project_index)
    projects = window.page_at(project_index)
    for _ in range(5):
        qapp.processEvents()
    busiest = probe.raw.execute(
        "SELECT project_id FROM progress_entry WHERE deleted_at IS NULL "
        "GROUP BY project_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    if busiest:
        import uuid

        probe.action(
            "project_open",
            lambda: projects.select_record(uuid.UUID(busiest[0])),
            lambda: projects,
        )
    probe.action(
        "review_workspace",
        window.features.review_workspace,
        lambda: window.features.windows()["review"],
    )
    probe.action(
        "report_window",
        window.features.activity_report,
        lambda: window.features.windows()["report"],
    )
    for index, kind in enumerate(PAGE_KINDS):
        if index in (0, meeting_index, project_index):  # 0: the page it landed on
            continue
        probe.action(
            f"page_{kind.value}",
            lambda index=index: window.show_page(index),
            lambda index=index: window.page_at(index),
        )
    out["rss_everything_open_mb"] = rss_mb()

    # The plain-QTableView floor of the meeting list's first page, in this process.
    out["plain_table_ms"] = plain_table_ms(qapp, probe.raw, MEETING_PAGE_SQL, ())
    # The same sort while the background integrity check (the app's quick_check on a
    # read-only connection, as ``check_in_background`` runs it on a big file) reads
    # the whole file; valid only when the check was still running when it painted.
    import threading

    from coordinator_app.storage.open_checks import quick_check_file

    window.show_page(meeting_index)
    table.sortByColumn(0, _desc())
    probe.wait_paint(table.viewport(), time.perf_counter())
    check = threading.Thread(target=quick_check_file, args=(db,), daemon=True)
    check.start()
    probe.action(
        "meeting_sort_title_during_check", lambda: table.sortByColumn(2, _asc()), table.viewport
    )
    out["check_still_running"] = check.is_alive()
    out["actions"] = probe.results
    check.join()  # the file is closed cleanly after it
    started.safety.close(started.db, backup=False) if started.safety else started.close()
    return out


MEETING_PAGE_SQL = (
    "SELECT m.id, m.held_on, m.kind, m.title, m.venue, c.name, "
    "(SELECT count(*) FROM meeting_coordinator x WHERE x.meeting_id = m.id "
    "AND x.deleted_at IS NULL) + (SELECT count(*) FROM meeting_organisation y "
    "WHERE y.meeting_id = m.id AND y.deleted_at IS NULL), "
    "coalesce(m.participants_on_site, 0) + coalesce(m.participants_online, 0) "
    "FROM meeting m LEFT JOIN council c ON c.id = m.council_id "
    "WHERE m.deleted_at IS NULL ORDER BY m.held_on DESC, m.id LIMIT 200"
)
"""The meeting list's first page, same rows and columns (joins included)."""


def _asc():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.SortOrder.AscendingOrder


def _desc():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.SortOrder.DescendingOrder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--scroll", type=int, default=100_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(run(args.db, args.scroll)), flush=True)


if __name__ == "__main__":
    main()
