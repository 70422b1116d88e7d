"""Done when: end before start, a date that does not exist, counts that are negative or
above the bound each get a clear Japanese message next to the field, and the rest of
the form is kept (nothing is stored until it is right)."""

from __future__ import annotations

from datetime import date, time

import pytest
from pytestqt.qtbot import QtBot

from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings import meeting_draft
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from tests.ui.conftest import enter, reopened
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def dialog(qtbot: QtBot, ctx: UiContext) -> MeetingDialog:
    window = MeetingDialog(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _errors(editor: MeetingEditor) -> dict[str, str]:
    """Every error label shown, by field name."""
    shown = {}
    for form in editor.forms:
        for name in (*meeting_draft.FIELD_NAMES, "general"):
            if (name == "general" or form.owns(name)) and (text := form.error_text(name)):
                shown[name] = text
    return shown


def _beside(editor: MeetingEditor, name: str) -> bool:
    """The error label sits in the field's own row, right under it."""
    form = next(f for f in editor.forms if f.owns(name))
    return form.error_label(name).parentWidget() is form.widget(name).parentWidget()


def _fill(qtbot: QtBot, editor: MeetingEditor) -> None:
    enter(qtbot, editor.title_edit, "生活支援コーディネーター連絡会")
    enter(qtbot, editor.date_field, "2023-06-15")
    enter(qtbot, editor.start_field, "15:00")
    enter(qtbot, editor.end_field, "16:30")
    enter(qtbot, editor.venue_edit, "若葉市役所 第2会議室")
    enter(qtbot, editor.capacity_on_site, "20")
    enter(qtbot, editor.participants_on_site, "12")
    enter(qtbot, editor.agenda_edit, "1. 各圏域の報告")


def test_each_mistake_is_named_by_its_field_and_nothing_is_lost(
    qtbot: QtBot, dialog: MeetingDialog, services: Services, db: Database
) -> None:
    editor = dialog.editor
    _fill(qtbot, editor)
    typed = meeting_draft.capture(editor)

    def refused(field: str, message: str) -> None:
        assert not dialog.save()
        errors = _errors(editor)
        assert errors.get(field) == message, errors
        assert _beside(editor, field)
        assert services.meetings.list().total == 0
        assert editor.is_dirty

    # End before start.
    enter(qtbot, editor.end_field, "14:00")
    refused("end_time", "終了時刻は開始時刻より後にしてください")
    assert editor.tabs is not None and editor.tabs.currentIndex() == 0
    enter(qtbot, editor.end_field, "16:30")

    # Dates that do not exist, western and 和暦.
    enter(qtbot, editor.date_field, "2023-02-30")
    refused("held_on", "「2023-02-30」は存在しない日付です(2月は28日まで)")
    enter(qtbot, editor.date_field, "2023/13/01")
    refused("held_on", "「2023/13/01」の月が正しくありません(1〜12月)")
    enter(qtbot, editor.date_field, "令和5年2月29日")
    refused("held_on", "「令和5年2月29日」は存在しない日付です(令和5年2月は28日までです)")
    enter(qtbot, editor.date_field, "2023-06-15")

    # Counts: negative, above the bound, not a number; the form goes to their tab.
    enter(qtbot, editor.participants_on_site, "-3")
    refused("participants_on_site", "会場の参加者数は0以上の数で入力してください")
    assert editor.tabs.currentIndex() == 1
    enter(qtbot, editor.participants_on_site, "12")
    enter(qtbot, editor.capacity_on_site, "100001")
    refused("capacity_on_site", "会場の定員が大きすぎます(100,000以下で入力してください)")
    assert editor.tabs.currentIndex() == 0
    enter(qtbot, editor.capacity_on_site, "20")
    enter(qtbot, editor.participants_online, "たくさん")
    refused("participants_online", "数字で入力してください")
    enter(qtbot, editor.participants_online, "")

    # Everything else is exactly as typed all along.
    assert meeting_draft.capture(editor) | {"tab": 0} == typed | {"tab": 0}
    assert dialog.save(), _errors(editor)
    assert _errors(editor) == {}
    meeting_id = editor.current_id
    assert meeting_id is not None
    with reopened(db) as stored:
        meeting = stored.meetings.get(meeting_id)
        assert meeting.title == "生活支援コーディネーター連絡会"
        assert meeting.held_on == date(2023, 6, 15)
        assert (meeting.start_time, meeting.end_time) == (time(15), time(16, 30))
        assert (meeting.capacity_on_site, meeting.participants_on_site) == (20, 12)
        assert meeting.participants_online is None
        assert meeting.agenda == "1. 各圏域の報告"


def test_over_capacity_is_pointed_out_but_allowed(
    qtbot: QtBot, dialog: MeetingDialog, services: Services
) -> None:
    editor = dialog.editor
    _fill(qtbot, editor)
    enter(qtbot, editor.capacity_online, "30")
    enter(qtbot, editor.participants_online, "25")
    assert editor.capacity_note.text() == "会場 12 / 定員20名・オンライン 25 / 定員30名"
    assert not editor.capacity_note.over_capacity
    enter(qtbot, editor.participants_on_site, "23")
    assert editor.capacity_note.over_capacity
    assert "定員を超えています" in editor.capacity_note.text()
    assert dialog.save()  # walk-ins happen
    assert services.meetings.get(editor.current_id).participants_on_site == 23  # type: ignore[arg-type]
