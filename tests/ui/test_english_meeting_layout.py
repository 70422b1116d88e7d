"""Issue 18: the meeting form's 記録 tab fits an 800 px wide window without a
sideways scroll bar, in Japanese and in English: in the meeting window and
beside the list in the main window (shown as narrow as it goes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from coordinator_app.ui.context import UiContext
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from tests.conftest import Factory
from tests.ui.test_meeting_log_support import OFFSCREEN_WINDOWS

RECORD_TAB = 2


@pytest.fixture(params=["ja", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)


def _sideways(editor: MeetingEditor) -> int:
    """How far the 記録 tab scrolls sideways (0: it fits)."""
    assert editor.tabs is not None
    editor.tabs.setCurrentIndex(RECORD_TAB)
    page = editor.tabs.currentWidget()
    assert isinstance(page, QScrollArea)
    QApplication.processEvents()
    bar = page.horizontalScrollBar()
    return bar.maximum() if bar.isVisible() else 0


@OFFSCREEN_WINDOWS
def test_the_record_tab_of_the_meeting_window_fits_800_px(
    qtbot: QtBot, ctx: UiContext, make: Factory, language: str, tmp_path: Path
) -> None:
    meeting = make.meeting(title="Neighbourhood council " * 4)
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    dialog.resize(800, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 800
    assert _sideways(dialog.editor) == 0
    dialog.grab().save(str(tmp_path / f"record-tab-{language}.png"))


@OFFSCREEN_WINDOWS
def test_the_record_tab_beside_the_list_fits_without_scrolling_sideways(
    qtbot: QtBot, ctx: UiContext, language: str, tmp_path: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(800, 600)  # as narrow as the main window goes
    window.show()
    qtbot.waitExposed(window)
    for index in range(len(window.pages)):
        window.show_page(index)
        if isinstance(window.current_page.editor, MeetingEditor):
            break
    editor = window.current_page.editor
    assert isinstance(editor, MeetingEditor)
    window.current_page.new_record()
    assert _sideways(editor) == 0
    window.grab().save(str(tmp_path / f"record-tab-page-{language}.png"))
