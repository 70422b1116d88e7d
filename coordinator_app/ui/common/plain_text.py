"""User text is data, never markup: helpers for the Qt places that guess rich text.

QLabel, QMessageBox and tooltips treat a string that looks like HTML as rich
text (``Qt.mightBeRichText``): a name ``<img src=/local.png>`` would show a
local image, ``<font size=7>`` would shout, and a name could hide or forge the
wording of a question. Labels that show user data are set to plain text;
tooltips (which have no format setting) are converted when they look like HTML.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui
from PySide6.QtWidgets import QLabel

L = TypeVar("L", bound=QLabel)


def plain(label: L) -> L:
    """``label`` showing its text as plain text (returned for chaining)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows ``text`` literally, even when it looks like HTML."""
    if not text:
        return text
    if GuiQt.mightBeRichText(text):
        return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)
    return text
