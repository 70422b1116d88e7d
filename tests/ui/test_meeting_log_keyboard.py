"""Done when: a council meeting with 8 attendees, minutes and 3 action items is logged
with the keyboard alone (Tab, arrows, Space, Enter, shortcuts; Japanese through the
input method), and everything ends up in the database."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from tests.conftest import Factory
from tests.ui.conftest import reopened
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_meeting_log_support import (
    arrow_to_choice,
    arrow_to_item,
    council_with_members,
    focused,
    press,
    replace_text,
    tab_to,
    type_text,
)

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def _add_action_item(qtbot: QtBot, dialog: MeetingDialog, text: str, owner: str, due: str) -> None:
    """Space on 追加…, type the item, arrows to the owner, Enter saves."""
    assert focused() is dialog.editor.action_items.add_button
    press(qtbot, Key.Key_Space)
    item_dialog = dialog.editor.action_items.dialog
    assert isinstance(item_dialog, ActionItemDialog)
    qtbot.waitUntil(item_dialog.isActiveWindow)
    assert focused() is item_dialog.text_edit
    type_text(qtbot, text)
    press(qtbot, Key.Key_Tab)
    assert focused() is item_dialog.owner_combo
    arrow_to_choice(qtbot, owner)
    press(qtbot, Key.Key_Tab)
    assert focused() is item_dialog.due_field
    type_text(qtbot, due)
    press(qtbot, Key.Key_Return)
    assert item_dialog.result() == QDialog.DialogCode.Accepted, item_dialog.form.error_text(
        "general"
    )
    # The offscreen platform has no window manager to hand activation back to the
    # meeting window when the item dialog closes; do what a window manager does.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused() is dialog.editor.action_items.add_button


def test_council_meeting_logged_with_the_keyboard_alone(
    qtbot: QtBot, ctx: UiContext, services: Services, db: Database, make: Factory
) -> None:
    takahashi = make.coordinator("高橋 美咲", "たかはし みさき")
    sato = make.coordinator("佐藤 一郎", "さとう いちろう")
    make.coordinator("鈴木 次郎", "すずき じろう")  # works elsewhere that day
    orgs = [
        make.organisation(name, kana=kana)
        for name, kana in (
            ("北山町会", "きたやまちょうかい"),
            ("北部地区民生委員協議会", "ほくぶちくみんせいいいんきょうぎかい"),
            ("北部地域包括支援センター", "ほくぶちいきほうかつしえんせんたー"),
            ("NPO法人 まちの縁側", "えぬぴーおーほうじん まちのえんがわ"),
            ("北山老人クラブ", "きたやまろうじんくらぶ"),
        )
    ]
    absent = orgs[4]
    contacts = [
        make.contact(orgs[0], name="山田 花子"),
        make.contact(orgs[2], name="木村 節子"),
    ]
    council = council_with_members(services, make, organisations=orgs, contacts=contacts)

    dialog = MeetingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    editor = dialog.editor

    # Kind first: 協議体 is the default; the council comes next and fills in members.
    assert focused() is editor.kind_combo
    press(qtbot, Key.Key_Home)
    assert editor.kind_combo.currentText() == "協議体"
    press(qtbot, Key.Key_Tab)
    assert focused() is editor.council_combo
    arrow_to_choice(qtbot, council.name)
    assert editor.title_edit.text() == council.name
    assert editor.venue_edit.text() == "北山地区会館"
    tab_to(qtbot, editor.title_edit)
    press(qtbot, Key.Key_End)
    type_text(qtbot, " 第3回")
    press(qtbot, Key.Key_Tab)
    assert focused() is editor.date_field
    replace_text(qtbot, "2024-06-15")
    press(qtbot, Key.Key_Tab)
    replace_text(qtbot, "14:00")
    press(qtbot, Key.Key_Tab)
    replace_text(qtbot, "15:30")
    tab_to(qtbot, editor.capacity_on_site)
    type_text(qtbot, "20")

    # 出席 (Alt+2): two coordinators by their reading, one member sent apologies.
    press(qtbot, Key.Key_2, ALT)
    assert focused() is editor.coordinator_list.filter
    for reading, name in (("たかはし", "高橋 美咲"), ("さとう", "佐藤 一郎")):
        replace_text(qtbot, reading)
        press(qtbot, Key.Key_Return)  # search now
        press(qtbot, Key.Key_Tab)
        arrow_to_item(qtbot, name)
        press(qtbot, Key.Key_Space)
        press(qtbot, Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    tab_to(qtbot, editor.organisation_list.list)
    arrow_to_item(qtbot, absent.name)
    press(qtbot, Key.Key_Space)
    tab_to(qtbot, editor.participants_on_site)
    type_text(qtbot, "14")
    assert "出席 8件" in editor.attendees.total.text()

    # 記録 (Alt+3): agenda, minutes under the template's headings, decisions.
    press(qtbot, Key.Key_3, ALT)
    assert focused() is editor.agenda_edit
    type_text(qtbot, "1. 各地区の報告\n2. 移動支援について")
    press(qtbot, Key.Key_Tab)
    assert focused() is editor.minutes_edit
    press(qtbot, Key.Key_Home, CTRL)
    press(qtbot, Key.Key_Down)
    type_text(qtbot, "各地区の通いの場の状況を報告した。")
    press(qtbot, Key.Key_Down, times=2)
    type_text(qtbot, "買い物の移動支援の担い手について協議した。")
    press(qtbot, Key.Key_Tab)
    assert focused() is editor.decisions_edit
    type_text(qtbot, "9月から試行する。\n担い手募集のチラシを作る。")

    # 対応事項 (Alt+4): adding the first item saves the meeting first.
    press(qtbot, Key.Key_4, ALT)
    for text, owner, due in (
        ("チラシの原案を作る", "高橋 美咲(コーディネーター)", "2024-07-05"),
        ("町会長に試行の協力を依頼する", "山田 花子(北山町会)", "2024-07-31"),
        ("運転ボランティアの保険を確認する", "佐藤 一郎(コーディネーター)", "2024-08-09"),
    ):
        _add_action_item(qtbot, dialog, text, owner, due)
    assert editor.action_items.model.rowCount() == 3

    press(qtbot, Key.Key_S, CTRL)
    assert not editor.is_dirty
    meeting_id = editor.current_id
    assert meeting_id is not None
    press(qtbot, Key.Key_Escape)
    assert not dialog.isVisible()
    assert not list(ctx.services.db.path.parent.glob("drafts/*/*.json")), (
        "a saved meeting left a draft"
    )

    with reopened(db) as stored:
        meeting = stored.meetings.get(meeting_id)
        assert meeting.kind == MeetingKind.COUNCIL
        assert meeting.council_id == council.id
        assert meeting.title == "北部圏域 支え合い会議 第3回"
        assert meeting.held_on == date(2024, 6, 15)
        assert (meeting.start_time, meeting.end_time) == (time(14), time(15, 30))
        assert meeting.venue == "北山地区会館"
        assert meeting.mode == MeetingMode.ON_SITE
        assert (meeting.capacity_on_site, meeting.participants_on_site) == (20, 14)
        assert meeting.agenda == "1. 各地区の報告\n2. 移動支援について"
        assert meeting.minutes == (
            "【報告事項】\n各地区の通いの場の状況を報告した。\n"
            "【協議事項】\n買い物の移動支援の担い手について協議した。"
        )
        assert meeting.decisions == "9月から試行する。\n担い手募集のチラシを作る。"
        attendance = stored.meetings.full_attendance(meeting_id)
        assert set(attendance.coordinator_ids) == {takahashi.id, sato.id}
        assert set(attendance.organisation_ids) == {o.id for o in orgs[:4]}
        assert set(attendance.contact_ids) == {c.id for c in contacts}
        total = sum(
            len(ids)
            for ids in (
                attendance.coordinator_ids,
                attendance.organisation_ids,
                attendance.contact_ids,
            )
        )
        assert total == 8
        items = stored.action_items.for_meeting(meeting_id).rows
        assert [(r.record.text, r.record.due_date) for r in items] == [
            ("チラシの原案を作る", date(2024, 7, 5)),
            ("町会長に試行の協力を依頼する", date(2024, 7, 31)),
            ("運転ボランティアの保険を確認する", date(2024, 8, 9)),
        ]
        assert [(r.record.owner_coordinator_id, r.record.owner_contact_id) for r in items] == [
            (takahashi.id, None),
            (None, contacts[0].id),
            (sato.id, None),
        ]
        assert not any(r.record.done for r in items)
    assert QApplication.focusWidget() is None or not dialog.isAncestorOf(QApplication.focusWidget())
