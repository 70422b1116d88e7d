"""Done when: every dialog passes a keyboard walk (Tab and Shift+Tab reach each
enabled control once; nothing keeps Tab for itself: a multi-line box moves on,
a table gives it back) and multi-line boxes show a focus frame."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.councils.membership_dialog import MembershipDialog
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.organisations.contact_dialog import ContactDialog
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from tests.conftest import Factory
from tests.ui.keyboard_walk import assert_walk, reachable
from tests.ui.test_meeting_log_support import OFFSCREEN_WINDOWS

Opener = Callable[[MainWindow, Factory], QWidget]

OPENERS: dict[str, Opener] = {
    "担当者": lambda w, make: ContactDialog(
        w.ctx, owner_id=make.organisation().id, record=None, parent=w
    ),
    "担当": lambda w, make: AssignmentDialog(
        w.ctx, owner_id=make.coordinator().id, record=None, parent=w
    ),
    "委員": lambda w, make: MembershipDialog(
        w.ctx, owner_id=make.council().id, record=None, parent=w
    ),
    "経過記録": lambda w, make: ProgressEntryDialog(
        w.ctx, owner_id=make.project().id, record=None, parent=w
    ),
    "設定": lambda w, _make: w.open_settings(),
    "書き出し": lambda w, _make: w.dialogs.open_export(),
    "チラシ": lambda w, make: (make.coordinator(), w.dialogs.open_flyer())[1],
    "取り込み": lambda w, _make: w.dialogs.open_import(),
    "利用者": lambda w, _make: w.features.switch_profile(),
}


@OFFSCREEN_WINDOWS
@pytest.mark.parametrize("name", list(OPENERS))
def test_the_dialog_passes_the_walk(
    qtbot: QtBot, window: MainWindow, make: Factory, name: str
) -> None:
    dialog = OPENERS[name](window, make)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    start = QApplication.focusWidget() or reachable(dialog)[0]
    assert_walk(qtbot, dialog, start)
    for edit in dialog.findChildren(QPlainTextEdit):
        if not edit.isVisible() or not edit.isEnabled() or edit.isReadOnly():
            continue
        assert edit.tabChangesFocus()
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        image = edit.grab().toImage()
        frame = QColor(image.pixel(0, image.height() // 2))
        assert frame == edit.palette().color(QPalette.ColorRole.Highlight), name
    dialog.hide()


@OFFSCREEN_WINDOWS
def test_every_page_and_window_passes_the_walk(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    make.organisation()
    make.coordinator()
    make.council()
    make.project()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    walked = 0
    for index in range(len(window.pages)):
        window.show_page(index)
        page = window.current_page
        tabs = getattr(page.editor, "tabs", None)
        for tab in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            assert_walk(qtbot, window, page.filter_edit)  # through the list, the form, back
            walked += 1
    assert walked >= 20
    for name in ("action_items", "review_workspace", "activity_report"):
        feature = getattr(window.features, name)()
        feature.activateWindow()
        qtbot.waitUntil(feature.isActiveWindow)
        assert_walk(qtbot, feature, QApplication.focusWidget() or reachable(feature)[0])
