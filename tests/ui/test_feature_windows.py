"""The main window reaches every feature window: meeting log (Ctrl+Shift+M from
any page), 対応事項, review workspace, activity report, user switching."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _menu_texts(window: MainWindow, menu: str) -> list[str]:
    return [a.text() for a in window.menus[menu].actions() if not a.isSeparator()]


def test_ctrl_shift_m_opens_a_new_meeting_from_any_page(qtbot: QtBot, window: MainWindow) -> None:
    for digit in (Qt.Key.Key_2, Qt.Key.Key_6):
        qtbot.keyClick(window, digit, CTRL)
        qtbot.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    dialogs = [d for d in window.findChildren(MeetingDialog) if d.isVisible()]
    assert len(dialogs) == 2
    for dialog in dialogs:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.hide()


def test_feature_commands_are_in_the_menus(window: MainWindow) -> None:
    assert "会議を記録…" in _menu_texts(window, "edit")
    assert "対応事項" in _menu_texts(window, "view")
    tools = _menu_texts(window, "tools")
    for text in ("確認ワークスペース…", "実績報告…", "利用者の切り替え…"):
        assert text in tools


def test_windows_open_once_and_are_kept(qtbot: QtBot, window: MainWindow) -> None:
    features = window.features
    workspace = features.review_workspace()
    report = features.activity_report()
    items = features.action_items()
    for widget in (workspace, report, items):
        qtbot.addWidget(widget)
        assert widget.isVisible() and widget.isWindow()
    assert features.review_workspace() is workspace
    assert set(features.windows()) == {"review", "report", "action_items"}


def test_shortcuts_reach_review_and_report(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert {"review", "report"} <= set(window.features.windows())
    QApplication.processEvents()
