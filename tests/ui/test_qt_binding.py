"""Guards against a Qt binding that breaks long sessions.

PySide6 6.12.0 decrements the reference count of ``None`` on every call of a
method returning void. On Python 3.11 (where None is not immortal) the app
then aborts with "none_dealloc" after a few thousand such calls: a list of a
few thousand organisations was enough. pyproject.toml excludes that release;
this test fails if a binding with the bug is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget
from pytestqt.qtbot import QtBot

CALLS = 2000


def test_void_calls_do_not_consume_none(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    listing = QListWidget()
    qtbot.addWidget(listing)
    items = [QListWidgetItem(str(i), listing) for i in range(100)]
    before = sys.getrefcount(None)
    for i in range(CALLS):
        widget.setHidden(False)
        items[i % 100].setHidden(False)
        listing.setRowHidden(i % 100, False)
    assert sys.getrefcount(None) > before - CALLS // 2
