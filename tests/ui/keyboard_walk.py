"""A keyboard walk: press Tab (or Shift+Tab) through a window and see where focus goes.

:func:`tab_cycle` presses Tab from the focused widget until the focus comes
back to it; :func:`reachable` lists what a user should be able to reach (every
visible, enabled widget that takes Tab focus). A window passes when the cycle
holds each of those exactly once: nothing skipped, nothing visited twice (a
table that keeps Tab for its cells would be visited over and over, a trap).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_cycle(qtbot: QtBot, *, backwards: bool = False, limit: int = 120) -> list[QWidget]:
    """Press Tab (Shift+Tab) until the focus is back where it started.

    Returns:
        The widgets in the order they got the focus, the starting one first.
    """
    start = focused()
    seen = [start]
    try:
        for _ in range(limit):
            if backwards:
                qtbot.keyClick(focused(), Key.Key_Backtab, SHIFT)
            else:
                qtbot.keyClick(focused(), Key.Key_Tab)
            current = focused()
            if current is start:
                return seen
            seen.append(current)
    finally:
        release_modifiers(qtbot)
    names = [describe(w) for w in seen[-12:]]
    raise AssertionError(f"Tab never came back to {describe(start)}: a trap? last: {names}")


def release_modifiers(qtbot: QtBot) -> None:
    """Let go of every modifier key Qt believes held: when Shift+Tab moves the focus to
    another widget, the key's release reaches that widget, and a key click with a
    modifier releases the key with the modifier still set; Qt then goes on believing it
    held, so a later test's ``selectRow`` would extend or toggle a selection instead of
    making one. With no focus widget or active window (the test's windows are closed),
    a throw-away widget receives the releases."""
    held = QGuiApplication.keyboardModifiers()
    if held == Qt.KeyboardModifier.NoModifier:
        return
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    spare = None
    if widget is None:
        widget = spare = QWidget()
    for modifier, key in (
        (Qt.KeyboardModifier.ShiftModifier, Key.Key_Shift),
        (Qt.KeyboardModifier.ControlModifier, Key.Key_Control),
        (Qt.KeyboardModifier.AltModifier, Key.Key_Alt),
        (Qt.KeyboardModifier.MetaModifier, Key.Key_Meta),
    ):
        if held & modifier:
            qtbot.keyRelease(widget, key, Qt.KeyboardModifier.NoModifier)
    if spare is not None:
        spare.deleteLater()


def reachable(window: QWidget) -> list[QWidget]:
    """Every widget of ``window`` a user should reach with Tab."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or not widget.isEnabled():
            continue
        if widget.focusProxy() is not None:
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def position(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else ""
    return f"{type(widget).__name__}({widget.objectName() or label!s:.20})"


def assert_walk(qtbot: QtBot, window: QWidget, start: QWidget) -> list[QWidget]:
    """Tab and Shift+Tab from ``start`` reach every reachable widget exactly once,
    Shift+Tab in the reverse order of Tab. Returns the Tab order."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    forward = tab_cycle(qtbot)
    expected = reachable(window)
    names = sorted(describe(w) for w in expected if w not in forward)
    assert not names, f"never reached with Tab: {names}"
    extra = sorted(describe(w) for w in forward if w not in expected)
    assert not extra, f"invisible or disabled stops: {extra}"
    assert len(forward) == len(set(forward)), [describe(w) for w in forward]
    backward = tab_cycle(qtbot, backwards=True)
    assert backward == [forward[0], *reversed(forward[1:])]
    return forward
