"""A modifier key a test left "held" does not reach the next test.

A key click with Shift releases the key with Shift still set, so Qt goes on believing
Shift is down; a later ``selectRow`` then extends a selection from a stale anchor and
selects nothing (CI saw the undo offer's tests fail that way, depending on which test
file its worker ran before). The GUI fixtures let go of every modifier before and after
each test. The two tests below run in this order (pytest keeps a file's order).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.test_undo_offer import _complete_one


def test_a_shift_click_leaves_shift_held_until_the_test_ends(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
    window.close()  # no focus widget or active window is left to receive the release


def test_the_next_test_starts_with_no_key_held_and_selects_a_row(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    item = _complete_one(qtbot, window, make)  # selects the item's row, marks it done
    assert make.s.action_items.get(item.id).done
