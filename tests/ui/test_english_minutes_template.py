"""Issue 18, point 11: the minutes template's headings follow the interface
language; headings left empty are dropped whichever window wrote them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.ui.context import UiContext
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.meetings.keyboard import first_section_position
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.minutes_template import strip_empty_sections, template_text
from tests.conftest import Factory
from tests.ui.test_meeting_log_support import OFFSCREEN_WINDOWS

JAPANESE = "【報告事項】\n\n【協議事項】\n\n【次回予定】\n"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def test_the_japanese_window_keeps_the_japanese_headings() -> None:
    assert template_text() == JAPANESE


def test_the_english_window_writes_english_headings(english: None) -> None:
    text = template_text()
    assert text == "[Reports]\n\n[Discussion]\n\n[Next meeting]\n"
    assert first_section_position(text) == len("[Reports]\n")
    assert strip_empty_sections(text) == ""
    # minutes begun in the Japanese window lose their empty headings here too
    assert strip_empty_sections("補足\n" + JAPANESE) == "補足"
    assert strip_empty_sections("[Reports]\nDone.\n[Discussion]\n") == "[Reports]\nDone."
    assert strip_empty_sections("[Other]\n") == "[Other]"  # not a template heading


@OFFSCREEN_WINDOWS
def test_a_new_meeting_in_english_saves_only_what_was_written(
    qtbot: QtBot, ctx: UiContext, make: Factory, english: None
) -> None:
    meeting = make.meeting(title="Salon", minutes="")
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    editor = dialog.editor
    assert editor.minutes_edit.toPlainText() == template_text()
    assert not any("\u3000" <= ch <= "\u9fff" for ch in editor.minutes_edit.toPlainText())
    editor.minutes_edit.setPlainText("[Reports]\nThe salon opens in May.\n\n[Discussion]\n\n")
    assert dialog.save()
    stored = ctx.services.meetings.get(meeting.id)
    assert stored.minutes == "[Reports]\nThe salon opens in May."
