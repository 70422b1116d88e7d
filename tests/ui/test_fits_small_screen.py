"""Done when: every window and dock fits a 1366×768 laptop.

A child process runs the app on an offscreen screen of exactly 1366×768 (the
offscreen platform's screen configuration), with the demo data loaded, and
opens what a user can open: the main window on every page with the search
dock (Ctrl+K) open, the meeting window, its 連続開催 and シリーズの編集 dialogs,
the 対応事項 window, the review workspace, the activity report, the profile
picker, settings, flyers, import, export. It reports each window's minimum
size and geometry as JSON lines; the parent checks each lies within the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCREEN = (1366, 768)
TITLE_BAR = 32

ROOT = str(Path(__file__).resolve().parents[2])
"""The project folder, so the child process imports the tests' fake prompts."""

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog, QWidget
    from coordinator_app.services.demo import load_demo
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database
    from coordinator_app.ui.context import UiContext
    from coordinator_app.ui.main.main_window import MainWindow
    from coordinator_app.ui.meetings.series_edit_dialog import SeriesEditDialog
    from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
    from coordinator_app.ui.settings import AppSettings, settings_store
    from tests.ui.fake_prompts import FakePrompts


    def report(name, widget):
        QApplication.processEvents()
        window = widget.window()
        frame, minimum = window.frameGeometry(), window.minimumSizeHint()
        inner = window.geometry()
        print(json.dumps({
            "name": name,
            "min": [minimum.width(), minimum.height()],
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "height": inner.height(),
            "widget": [*(lambda p: (p.x(), p.y()))(widget.mapTo(window, widget.rect().topLeft())),
                       widget.width(), widget.height()],
        }), flush=True)


    app = QApplication(sys.argv)
    screen = app.primaryScreen().geometry()
    print(json.dumps({"screen": [screen.width(), screen.height()]}), flush=True)
    services = Services.create(open_database(Path(sys.argv[1])))
    load_demo(services)
    settings = AppSettings(settings_store(Path(sys.argv[2])))
    ctx = UiContext.create(services=services, prompts=FakePrompts(), settings=settings)
    window = MainWindow(ctx)
    window.show()
    for index in range(window.stack.count() if hasattr(window, "stack") else 6):
        window.show_page(index)
        report(f"page {index}", window)
    window.open_search("見守り")
    for index in range(6):
        window.show_page(index)
        report(f"page {index} + search", window.search_dock)
    window.search_view.close_dock()
    print(json.dumps({"search_closed_by_esc": not window.search_dock.isVisible()}), flush=True)
    window.open_search("会議")
    QTest.keyClick(window.search_view.query_edit, Qt.Key.Key_Escape)
    print(json.dumps({"esc": not window.search_dock.isVisible()}), flush=True)

    features = window.features
    meeting = features.new_meeting()
    report("meeting window", meeting)
    meetings = services.meetings.list().rows
    series_dialog = meeting.open_series()
    report("連続開催", series_dialog)
    series_dialog.reject()
    in_series = [m for m in meetings if m.series_id is not None]
    if in_series:
        info = services.meetings.series_info(in_series[0].series_id)
        edit = SeriesEditDialog(ctx, meeting.prompts, info, meeting)
        edit.show()
        report("シリーズの編集", edit)
        edit.reject()
    item = ActionItemDialog(ctx, owner_id=meetings[0].id, record=None, parent=meeting)
    item.show()
    report("対応事項を追加", item)
    item.reject()
    for name in ("action_items", "review_workspace", "activity_report", "switch_profile"):
        report(name, getattr(features, name)())
    report("settings", window.open_settings())
    for name in ("open_flyer", "open_team_flyer", "open_import", "open_export"):
        dialog = getattr(window.dialogs, name)()
        report(name, dialog)
        dialog.reject()
    print("DONE", flush=True)
    """
)


def test_every_window_and_dock_fits_1366_by_768(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1]}
                ]
            }
        ),
        encoding="utf-8",
    )
    script = tmp_path / "windows.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": ROOT, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "demo.sqlite3"), str(tmp_path / "ui.ini")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=600,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert lines and lines[-1] == "DONE", done.stdout + done.stderr
    facts = [json.loads(line) for line in lines[:-1]]
    assert facts[0] == {"screen": list(SCREEN)}
    assert {"search_closed_by_esc": True} in facts and {"esc": True} in facts
    windows = [f for f in facts if "name" in f]
    assert len(windows) >= 20
    problems = []
    for fact in windows:
        name, (min_w, min_h), (x, y, w, h) = fact["name"], fact["min"], fact["frame"]
        if min_w > SCREEN[0] or min_h > SCREEN[1] - TITLE_BAR:
            problems.append(f"{name}: needs at least {min_w}×{min_h}")
        # The offscreen frame has no title bar: leave it room above the window.
        if x < 0 or y < 0 or x + w > SCREEN[0] or y + h > SCREEN[1]:
            problems.append(f"{name}: opens at {w}×{h}+{x}+{y}, off the screen")
        if fact["height"] + TITLE_BAR > SCREEN[1]:
            problems.append(f"{name}: {fact['height']} px tall, no room for its title bar")
        wx, wy, ww, wh = fact["widget"]
        if wx + ww > w or wy + wh > h:
            problems.append(f"{name}: part of it lies outside its window")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("wanted", [(900, 720), (2000, 1200)])
def test_fit_to_screen_shrinks_and_moves(qtbot: object, wanted: tuple[int, int]) -> None:
    from PySide6.QtWidgets import QWidget

    from coordinator_app.ui.common.screen_fit import TITLE_BAR as ROOM
    from coordinator_app.ui.common.screen_fit import available_area, fit_to_screen

    widget = QWidget()
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(*wanted)
    widget.move(300, 300)
    fit_to_screen(widget)
    area = available_area(widget)
    assert area is not None
    assert widget.width() <= area.width() and widget.height() <= area.height() - ROOM
    assert widget.x() + widget.width() <= area.right() + 1
    assert widget.y() + widget.height() + ROOM <= area.bottom() + 1
