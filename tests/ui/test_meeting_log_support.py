"""Shared helpers of the meeting-log GUI tests (no tests here).

- keyboard helpers that, like a user, always type into the widget that has the
  focus: Japanese arrives as an input-method commit (QTest cannot type it),
  everything else as real key events.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import CouncilStatus
from coordinator_app.domain.models import Council, CouncilMembership, Organisation
from coordinator_app.services.registry import Services
from tests.conftest import Factory
from tests.ui.conftest import commit_text

_ASCII = range(0x20, 0x7F)

OFFSCREEN_WINDOWS = pytest.mark.qt_log_ignore(
    # The offscreen platform cannot size or raise windows (restored drafts open raised);
    # one marker with every pattern, because pytest-qt reads only the closest one.
    "does not support propagateSizeHints",
    "does not support raise",
    "does not support grabbing the keyboard",
)


# -- the keyboard ---------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: QtBot,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    times: int = 1,
) -> None:
    """Press ``key`` in whatever has the focus."""
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type into the focused widget: ASCII as key clicks, Japanese as IME commits,
    newlines as Return."""
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            press(qtbot, Qt.Key.Key_Return)
        chunk = ""
        for ch in line:
            if (ord(ch) in _ASCII) != (not chunk or ord(chunk[-1]) in _ASCII):
                _send(qtbot, chunk)
                chunk = ""
            chunk += ch
        _send(qtbot, chunk)


def _send(qtbot: QtBot, chunk: str) -> None:
    if not chunk:
        return
    if chunk.isascii():
        qtbot.keyClicks(focused(), chunk)
    else:
        commit_text(focused(), chunk)


def replace_text(qtbot: QtBot, text: str) -> None:
    """Select everything in the focused field and type ``text`` over it."""
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, text)


def arrow_to_item(qtbot: QtBot, text: str) -> None:
    """In the focused list, move with the arrow keys to the row showing ``text``
    (what a user does by looking at the list)."""
    widget = focused()
    assert isinstance(widget, QListWidget), type(widget)
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(widget.count()):
        if widget.currentItem() is not None and widget.currentItem().text() == text:
            return
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} not in the list")


def arrow_to_choice(qtbot: QtBot, text: str) -> None:
    """In the focused combo box, move with the arrow keys to the item ``text``."""
    widget = focused()
    assert isinstance(widget, QComboBox), type(widget)
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(widget.count()):
        if widget.currentText() == text:
            return
        press(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} not in {[widget.itemText(i) for i in range(widget.count())]}")


def tab_to(qtbot: QtBot, target: QWidget, *, limit: int = 40) -> int:
    """Press Tab until ``target`` has the focus; returns how many presses it took."""
    for count in range(limit):
        if focused() is target:
            return count
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}")


# -- data -----------------------------------------------------------------------------


def council_with_members(
    services: Services,
    make: Factory,
    *,
    organisations: Sequence[Organisation],
    contacts: Sequence[object] = (),
    venue: str = "北山地区会館",
    name: str = "北部圏域 支え合い会議",
) -> Council:
    """A tier-2 council whose members are ``organisations`` and ``contacts`` (since 2022)."""
    area = make.area()
    council = services.councils.save(
        Council(
            name=name,
            kana="ほくぶけんいき ささえあいかいぎ",
            tier=2,
            area_id=area.id,
            status=CouncilStatus.ESTABLISHED,
            usual_venue=venue,
            established_on=date(2022, 4, 1),
        )
    )
    for org in organisations:
        services.council_members.save(
            CouncilMembership(
                council_id=council.id, organisation_id=org.id, start_date=date(2022, 4, 1)
            )
        )
    for contact in contacts:
        services.council_members.save(
            CouncilMembership(
                council_id=council.id,
                contact_id=contact.id,  # type: ignore[attr-defined]
                start_date=date(2022, 4, 1),
            )
        )
    return council
