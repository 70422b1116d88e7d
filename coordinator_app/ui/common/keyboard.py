"""Windows for the keyboard: no trap, no invisible stop, a visible focus.

- tables give Tab back to the window (arrows move inside them);
- scroll areas that only hold a form are not a Tab stop of their own;
- multi-line boxes move on with Tab (Enter is the new line), and they and the
  lists show a focus frame like the one-line fields.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QScrollArea, QWidget

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

W = TypeVar("W", bound=QWidget)


def with_focus_frames(widget: W) -> W:
    """``widget`` with :data:`FOCUS_FRAME_STYLE` for everything put under it later
    (set before its children exist, the style sheet costs no second polish)."""
    widget.setStyleSheet(widget.styleSheet() + FOCUS_FRAME_STYLE)
    return widget


def make_keyboard_friendly(root: QWidget, *, style: bool = True) -> None:
    """Apply the rules above to every widget under ``root`` (call once it is built).

    ``style=False`` leaves out the focus frames, for a ``root`` placed under a parent
    that carries :data:`FOCUS_FRAME_STYLE` already (the main window's pages): setting a
    style sheet on a built tree polishes every widget in it again.
    """
    if style and FOCUS_FRAME_STYLE not in root.styleSheet():  # not twice: a second polish
        root.setStyleSheet(root.styleSheet() + FOCUS_FRAME_STYLE)
    for view in root.findChildren(QAbstractItemView):
        # Tab cycling through the cells of a table is a trap; arrows still move inside.
        view.setTabKeyNavigation(False)
    for area in root.findChildren(QScrollArea):
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for edit in root.findChildren(QPlainTextEdit):
        edit.setTabChangesFocus(True)  # Tab moves on; Enter is a new line
