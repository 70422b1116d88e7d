"""The meeting window for the keyboard: no trap, no invisible stop, a visible focus.

- tables give Tab back to the window (arrows move inside them);
- scroll areas that only hold a form are not a Tab stop of their own;
- multi-line boxes and lists show a focus frame like the one-line fields;
- Tab into an empty minutes template puts the cursor under 【報告事項】.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

FOCUS_FRAME_STYLE = """
QPlainTextEdit, QTextEdit {
    border: 1px solid palette(mid); padding: 1px;
}
QPlainTextEdit:focus, QTextEdit:focus {
    border: 2px solid palette(highlight); padding: 0px;
}
QListView:focus, QTableView:focus, QTreeView:focus {
    border: 2px solid palette(highlight);
}
"""
"""A 2 px frame in the highlight colour around the multi-line box or list that
has the focus (Fusion draws none for them); the 1 px padding keeps the text
from moving when the frame thickens."""


def make_keyboard_friendly(root: QWidget) -> None:
    """Apply the rules above to every widget under ``root`` (call once it is built)."""
    root.setStyleSheet(root.styleSheet() + FOCUS_FRAME_STYLE)
    for view in root.findChildren(QAbstractItemView):
        # Tab cycling through the cells of a table is a trap; arrows still move inside.
        view.setTabKeyNavigation(False)
    for area in root.findChildren(QScrollArea):
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for edit in root.findChildren(QPlainTextEdit):
        edit.setTabChangesFocus(True)  # Tab moves on; Enter is a new line


def first_section_position(text: str) -> int | None:
    """Where typing should start in a minutes text that begins with a heading line
    (【報告事項】): the start of the line after it; None when it does not."""
    if not text.startswith("【"):
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
