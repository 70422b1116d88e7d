"""The meeting window for the keyboard: the common rules (:mod:`ui.common.keyboard`),
and Tab into an empty minutes template puts the cursor under 【報告事項】.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from coordinator_app.ui.common.keyboard import FOCUS_FRAME_STYLE, make_keyboard_friendly

__all__ = ["FOCUS_FRAME_STYLE", "MinutesCursor", "first_section_position", "make_keyboard_friendly"]


def first_section_position(text: str) -> int | None:
    """Where typing should start in a minutes text that begins with a heading line
    (【報告事項】, [Reports] in English): the start of the line after it; None when it
    does not."""
    if not text.startswith(("【", "[")):
        return None
    end = text.find("\n")
    return len(text) if end < 0 else end + 1


class MinutesCursor(QObject):
    """Tab (or Shift+Tab, Alt+3) into the minutes puts the cursor where writing starts:
    under the first heading when the box still begins with one and the cursor is
    at the very start."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() == QEvent.Type.FocusIn:
            assert isinstance(event, QFocusEvent)
            if event.reason() in (
                Qt.FocusReason.TabFocusReason,
                Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason,
            ):
                self.place()
        return False

    def place(self) -> None:
        cursor = self._edit.textCursor()
        if cursor.position() != 0 or cursor.hasSelection():
            return
        position = first_section_position(self._edit.toPlainText())
        if position is None:
            return
        cursor.setPosition(position, QTextCursor.MoveMode.MoveAnchor)
        self._edit.setTextCursor(cursor)
