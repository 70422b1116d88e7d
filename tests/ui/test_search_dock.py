"""Issue 16: the search dock's first show does only what it shows. Its statements are a
fixed few whatever the hits; the area filter reads the areas when the user reaches it;
a hit's height is laid out again before the next paint when the width changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.search.result_model import HighlightDelegate
from coordinator_app.ui.search.search_view import AreaTreeOptions
from tests.conftest import Factory
from tests.statements import counting

ROOT = Path(__file__).parents[2]


def _meetings(make: Factory, count: int) -> None:
    for i in range(count):
        make.meeting(
            title=f"定例会{i}",
            held_on=date(2024, 4, 1) + timedelta(days=i),
            minutes=f"前置き{i}。地域の見守り活動を話し合った。" + "続けて買い物支援の話。" * 5,
        )


def _open_and_search(window: MainWindow, db: Database) -> list[str]:
    with counting(db) as statements:
        view = window.open_search("見守り")
        view.run()
    return statements


def test_the_first_search_in_the_dock_is_six_statements_whatever_the_hits(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    _meetings(make, 2)
    make.organisation("見守りネットワーク")
    statements = _open_and_search(window, db)
    assert window.search_view is not None and window.search_view.results is not None
    assert window.search_view.results.total_shown == 3
    # The years of the filter (BEGIN + one statement), then the search: BEGIN, the
    # alias list, every kind's hits, the shown hits' texts. No area is read.
    assert len(statements) == 6, statements
    assert not any("FROM area" in s for s in statements)
    window.search_view.close_dock()
    _meetings(make, 30)
    window.search_view.query_edit.clear()
    with counting(db) as again:
        window.open_search("見守り").run()
    assert window.search_view.results.total_shown == 11  # a page of meetings, one organisation
    assert len(again) == 4, again  # the view exists: the search alone


def test_the_area_filter_reads_the_areas_when_the_user_reaches_it(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    city = make.city()
    north = make.area("北部圏域", parent=city)
    view = window.open_search("見守り")
    source = view.area_combo.source
    assert isinstance(source, AreaTreeOptions)
    assert source.reads == 0 and view.area_combo.count() == 1  # 「すべての地域」 only
    assert view.area_combo.currentText() == "すべての地域"
    view.area_combo.setFocus()
    qtbot.keyClick(view.area_combo, Qt.Key.Key_Down)  # a user stepping through the areas
    assert source.reads == 1
    texts = [view.area_combo.itemText(i) for i in range(view.area_combo.count())]
    assert texts == ["すべての地域", "福生市", "　北部圏域"]
    assert view.area_combo.current_value() == city.id
    qtbot.keyClick(view.area_combo, Qt.Key.Key_Down)
    assert view.area_combo.current_value() == north.id
    assert source.reads == 1  # read once


def test_hits_are_laid_out_again_before_the_next_paint_after_a_resize(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    _meetings(make, 12)
    view = window.open_search("見守り")
    view.run()
    view.tree.grab()
    group = view.model.index(0, 0)
    first = view.model.index(0, 0, group)
    tall = view.tree.visualRect(first).height()
    assert tall > 0
    dock = window.search_dock
    assert dock is not None
    dock.setFloating(True)
    dock.resize(900, dock.height())
    qtbot.waitUntil(lambda: view.tree.viewport().width() > 800)
    view.tree.grab()  # the paint lays the hits out at the new width first
    assert view.tree.visualRect(first).height() < tall  # the snippet no longer wraps


def test_a_repaint_at_the_same_width_draws_the_hits_without_laying_them_out(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    _meetings(make, 12)
    view = window.open_search("見守り")
    view.run()
    delegate = view.tree.itemDelegate()
    assert isinstance(delegate, HighlightDelegate)
    view.tree.grab()
    laid_out = delegate.layouts
    view.tree.grab()  # e.g. the second paint of the first show (the column's stretch)
    assert delegate.layouts == laid_out


SEARCH_VIEW = "coordinator_app.ui.search.search_view"
IDLE_PROBE = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from coordinator_app.app import start
    from coordinator_app.ui.settings import AppSettings, settings_store
    from tests.ui.fake_prompts import FakePrompts

    app = QApplication(sys.argv)
    settings = AppSettings(settings_store(Path(sys.argv[2])))
    started = start(app, db_path=Path(sys.argv[1]), demo=False, lang="ja",
                    prompts=FakePrompts(), settings=settings)
    report = {"before_paint": sys.argv[3] in sys.modules}
    started.window.show()
    deadline = time.monotonic() + 120
    while sys.argv[3] not in sys.modules and time.monotonic() < deadline:
        app.processEvents()
    report["after_paint"] = sys.argv[3] in sys.modules
    report["dock"] = started.window.search_view is not None
    print(json.dumps(report))
    started.safety.close(started.db, backup=False)
    """
)


def test_the_search_dock_modules_are_imported_while_idle_after_the_first_paint(
    tmp_path: Path, db_path: Path, services: Services, make: Factory
) -> None:
    make.meeting()
    services.db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    args = [sys.executable, "-c", IDLE_PROBE, str(db_path), str(tmp_path / "s.ini"), SEARCH_VIEW]
    out = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    # Imported after the first paint, before the user asks; the dock itself is not built.
    assert report == {"before_paint": False, "after_paint": True, "dock": False}
