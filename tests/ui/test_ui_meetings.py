"""The 会議 page: meeting data, attendance, record and action items."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.services.base import ListQuery
from coordinator_app.storage.database import Database
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter, reopened


def _page(window: MainWindow) -> MeetingPage:
    window.show_page(4)
    page = window.pages[4]
    assert isinstance(page, MeetingPage)
    return page


def _check(check_list: object, text: str) -> None:
    check_list.ensure_searched()  # type: ignore[attr-defined]  # as its tab shown does
    item = next(
        check_list.list.item(i)  # type: ignore[attr-defined]
        for i in range(check_list.list.count())  # type: ignore[attr-defined]
        if check_list.list.item(i).text() == text  # type: ignore[attr-defined]
    )
    item.setCheckState(Qt.CheckState.Checked)


def test_create_edit_delete_meeting(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    council = make.council()
    project = make.project(title="買い物支援の仕組みづくり")
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    org = make.organisation("若葉市社会福祉協議会")
    page = _page(window)
    editor = page.editor
    editor.refresh_choices()
    page.new_record()
    choose(editor.kind_combo, "研修会")
    enter(qtbot, editor.title_edit, "生活支援コーディネーター研修")
    enter(qtbot, editor.date_field, "2023-06-15")
    enter(qtbot, editor.start_field, "13:30")
    enter(qtbot, editor.end_field, "16:00")
    enter(qtbot, editor.venue_edit, "若葉市民会館 大会議室")
    choose(editor.mode_combo, "併用")
    enter(qtbot, editor.capacity_on_site, "20")
    enter(qtbot, editor.capacity_online, "30")
    enter(qtbot, editor.participants_on_site, "18")
    enter(qtbot, editor.participants_online, "25")
    choose(editor.council_combo, council.name)
    choose(editor.project_combo, "買い物支援の仕組みづくり")
    _check(editor.coordinator_list, "高橋 美咲")
    _check(editor.organisation_list, "若葉市社会福祉協議会")
    enter(qtbot, editor.agenda_edit, "1. 開会\n2. 事例報告")
    enter(qtbot, editor.minutes_edit, "事例を2件共有した。")
    enter(qtbot, editor.decisions_edit, "次回は9月に開催する。")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    meeting_id = editor.current_id
    assert meeting_id is not None, editor.forms[0].error_text("general")

    enter(qtbot, editor.participants_on_site, "19")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not editor.is_dirty

    page.new_record()
    enter(qtbot, editor.title_edit, "中止になった会議")
    assert page.save_record()
    doomed_id = editor.current_id
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    window.close()
    with reopened(db) as services:
        meeting = services.meetings.get(meeting_id)
        assert meeting.kind == MeetingKind.TRAINING
        assert meeting.title == "生活支援コーディネーター研修"
        assert meeting.held_on == date(2023, 6, 15)
        assert (meeting.start_time, meeting.end_time) == (time(13, 30), time(16, 0))
        assert meeting.venue == "若葉市民会館 大会議室"
        assert meeting.mode == MeetingMode.HYBRID
        assert (meeting.capacity_on_site, meeting.capacity_online) == (20, 30)
        assert (meeting.participants_on_site, meeting.participants_online) == (19, 25)
        assert (meeting.council_id, meeting.project_id) == (council.id, project.id)
        assert meeting.agenda == "1. 開会\n2. 事例報告"
        assert meeting.minutes == "事例を2件共有した。"
        assert meeting.decisions == "次回は9月に開催する。"
        assert services.meetings.attendance(meeting_id) == ([person.id], [org.id])
        assert services.meetings.get(doomed_id, include_deleted=True).is_deleted


def test_action_items_add_edit_delete(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    meeting = make.meeting()
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    contact = make.contact(make.organisation("若葉市社会福祉協議会"), name="山田 花子")
    page = _page(window)
    page.model.refresh()
    page.select_record(meeting.id)
    panel = page.editor.action_items

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ActionItemDialog)
    enter(qtbot, dialog.text_edit, "町会長に協議体への参加を依頼する")
    choose(dialog.owner_combo, "高橋 美咲(コーディネーター)")
    enter(qtbot, dialog.due_field, "2023-07-31")
    accept(qtbot, dialog, dialog.save_button)
    item_id = panel.model.id_at(0)
    stored = make.s.action_items.get(item_id)  # type: ignore[arg-type]
    assert (stored.owner_coordinator_id, stored.owner_contact_id) == (person.id, None)

    panel.select_row(0)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ActionItemDialog)
    choose(dialog.owner_combo, "山田 花子(若葉市社会福祉協議会)")
    qtbot.keyClick(dialog.done_check, Qt.Key.Key_Space)
    accept(qtbot, dialog, dialog.save_button)
    assert panel.model.index(0, panel.model.DONE).data() == "✓"

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ActionItemDialog)
    enter(qtbot, dialog.text_edit, "不要になった対応")
    accept(qtbot, dialog, dialog.save_button)
    assert panel.model.rowCount() == 2
    doomed_id = panel.model.id_at(1)
    panel.select_row(1)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1

    window.close()
    with reopened(db) as services:
        item = services.action_items.get(item_id)  # type: ignore[arg-type]
        assert item.meeting_id == meeting.id
        assert item.text == "町会長に協議体への参加を依頼する"
        assert item.owner_coordinator_id is None
        assert item.owner_contact_id == contact.id
        assert item.due_date == date(2023, 7, 31)
        assert item.done is True
        assert services.action_items.get(doomed_id, include_deleted=True).is_deleted  # type: ignore[arg-type]
        live = services.action_items.list(ListQuery(filters={"meeting_id": meeting.id}))
        assert [i.id for i in live.rows] == [item_id]


def test_deleting_a_session_on_the_page_renumbers_the_series(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    template = make.meeting(title="講座", kind=MeetingKind.COURSE, held_on=date(2024, 6, 4))
    days = [date(2024, 6, 4), date(2024, 6, 11), date(2024, 6, 18)]
    series, sessions = make.s.meetings.create_series(template, days, keep_id=template.id)
    page = _page(window)
    page.model.refresh()
    assert page.select_record(sessions[0].id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    with reopened(db) as services:
        live = services.meetings.series_info(series.id).sessions
        assert [(m.held_on, m.session_number, m.title) for m in live] == [
            (date(2024, 6, 11), 1, "講座(第1回)"),
            (date(2024, 6, 18), 2, "講座(第2回)"),
        ]

    def titles() -> list[str]:
        return sorted(page.model.index(row, 2).data() for row in range(page.model.rowCount()))

    qtbot.waitUntil(lambda: titles() == ["講座(第1回)", "講座(第2回)"])
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with reopened(db) as services:
        live = services.meetings.series_info(series.id).sessions
        assert [(m.session_number, m.title) for m in live] == [
            (n, f"講座(第{n}回)") for n in (1, 2, 3)
        ]
    qtbot.waitUntil(lambda: titles() == [f"講座(第{n}回)" for n in (1, 2, 3)])
