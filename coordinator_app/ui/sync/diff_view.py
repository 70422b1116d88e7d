"""Two texts side by side with their differences marked (difflib, plain text).

The texts are set with ``setPlainText`` and marked with extra selections, so
whatever a user typed (``<b>``, ``&amp;``…) shows as typed, never as markup.
"""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QTextEdit, QWidget

REMOVED = QColor("#ffd7d5")
ADDED = QColor("#ccf0d4")


def changed_ranges(left: str, right: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, end) character ranges that differ in ``left`` and in ``right``."""
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    ours: list[tuple[int, int]] = []
    theirs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            ours.append((i1, i2))
        if j2 > j1:
            theirs.append((j1, j2))
    return ours, theirs


def _pane(parent: QWidget) -> QPlainTextEdit:
    pane = QPlainTextEdit(parent)
    pane.setReadOnly(True)
    pane.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    return pane


def _mark(pane: QPlainTextEdit, ranges: list[tuple[int, int]], colour: QColor) -> None:
    selections = []
    for start, end in ranges:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(pane.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[attr-defined]
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        selection.format = fmt  # type: ignore[attr-defined]
        selections.append(selection)
    pane.setExtraSelections(selections)


class DiffView(QWidget):
    """The original value, then yours and the current one with their differences coloured."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_title = QLabel(self)
        self.left_title = QLabel(self)
        self.right_title = QLabel(self)
        self.base = _pane(self)
        self.left = _pane(self)
        self.right = _pane(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (title, pane) in enumerate(
            (
                (self.base_title, self.base),
                (self.left_title, self.left),
                (self.right_title, self.right),
            )
        ):
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(title, 0, column)
            grid.addWidget(pane, 1, column)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)

    def show_base(self, title: str, text: str) -> None:
        """The value both sides started from (not marked)."""
        self.base_title.setText(title)
        self.base.setPlainText(text)

    def show_texts(self, left_title: str, left: str, right_title: str, right: str) -> None:
        self.left_title.setText(left_title)
        self.right_title.setText(right_title)
        self.left.setPlainText(left)
        self.right.setPlainText(right)
        ours, theirs = changed_ranges(left, right)
        _mark(self.left, ours, REMOVED)
        _mark(self.right, theirs, ADDED)
