"""Fast entry: defaults, council members and venue, 前回をコピー, the minutes template,
and the open action items carried over from the council's earlier meetings."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.minutes_template import (
    MinutesTemplateSetting,
    strip_empty_sections,
    template_text,
)
from coordinator_app.ui.settings import AppSettings, settings_store
from tests.conftest import Factory
from tests.ui.conftest import choose, enter, reopened
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_meeting_log_support import (
    OFFSCREEN_WINDOWS,
    council_with_members,
)


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def _dialog(qtbot: QtBot, ctx: UiContext, **kwargs: object) -> MeetingDialog:
    dialog = MeetingDialog(ctx, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


@OFFSCREEN_WINDOWS
def test_a_new_meeting_starts_today_at_the_last_slot_with_known_venues(
    qtbot: QtBot, ctx: UiContext, make: Factory
) -> None:
    recent = date.today() - timedelta(days=30)
    make.meeting(venue="若葉市民会館", held_on=recent, start_time=time(10), end_time=time(11, 30))
    make.meeting(venue="北山地区会館", held_on=recent - timedelta(days=200))
    dialog = _dialog(qtbot, ctx)
    editor = dialog.editor
    assert editor.kind_combo.currentText() == "協議体"
    assert editor.date_field.date() == date.today()
    assert (editor.start_field.text(), editor.end_field.text()) == ("10:00", "11:30")
    completer = editor.venue_edit.completer()
    assert completer is not None
    # Read when the field is first entered, not when the form is built.
    assert completer.model().rowCount() == 0
    dialog.show()
    editor.venue_edit.setFocus()
    qtbot.waitUntil(lambda: completer.model().rowCount() > 0)
    assert set(completer.model().stringList()) == {"若葉市民会館", "北山地区会館"}  # type: ignore[attr-defined]
    completer.setCompletionPrefix("地区")  # contains, not only starts with
    assert completer.currentCompletion() == "北山地区会館"
    assert not editor.is_dirty  # defaults are not edits


def test_choosing_a_council_offers_its_members_venue_and_name(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory, db: Database
) -> None:
    orgs = [make.organisation(f"第{i}町会", kana=f"だい{i}ちょうかい") for i in range(3)]
    contact = make.contact(orgs[0], name="山田 花子")
    north = council_with_members(services, make, organisations=orgs[:2], contacts=[contact])
    south = council_with_members(
        services, make, organisations=orgs[2:], venue="南台ふれあいセンター", name="南部圏域会議"
    )
    dialog = _dialog(qtbot, ctx)
    editor = dialog.editor
    choose(editor.council_combo, north.name)
    assert editor.title_edit.text() == north.name
    assert editor.venue_edit.text() == "北山地区会館"
    assert set(editor.organisation_list.checked_values()) == {orgs[0].id, orgs[1].id}
    assert editor.contact_list.checked_values() == [contact.id]
    assert "委員 3件" in editor.hint_label.text()
    assert editor.is_dirty

    # Another council replaces what the form filled in itself...
    choose(editor.council_combo, south.name)
    assert editor.title_edit.text() == south.name
    assert editor.venue_edit.text() == "南台ふれあいセンター"
    assert editor.organisation_list.checked_values() == [orgs[2].id]
    assert editor.contact_list.checked_values() == []
    # ...but never what the user typed or ticked.
    enter(qtbot, editor.title_edit, "合同会議")
    editor.organisation_list.item_for(orgs[0].id).setCheckState(Qt.CheckState.Checked)  # type: ignore[union-attr]
    choose(editor.council_combo, north.name)
    assert editor.title_edit.text() == "合同会議"
    assert set(editor.organisation_list.checked_values()) == {orgs[0].id, orgs[1].id, orgs[2].id}
    assert dialog.save()
    with reopened(db) as stored:
        meeting_id = editor.current_id
        assert meeting_id is not None
        assert stored.meetings.get(meeting_id).council_id == north.id
        attendance = stored.meetings.full_attendance(meeting_id)
        assert set(attendance.organisation_ids) == {o.id for o in orgs}
        assert attendance.contact_ids == [contact.id]


def test_copy_previous_starts_from_the_councils_latest_meeting(
    qtbot: QtBot,
    ctx: UiContext,
    services: Services,
    make: Factory,
    prompts: FakePrompts,
    db: Database,
) -> None:
    council = make.council()
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    org = make.organisation("若葉市社会福祉協議会")
    project = make.project()
    for held_on, venue in ((date(2024, 4, 10), "旧会場"), (date(2024, 5, 8), "市役所 第2会議室")):
        services.meetings.save(
            Meeting(
                kind=MeetingKind.COUNCIL,
                title="第1層協議体 定例会",
                held_on=held_on,
                start_time=time(14),
                end_time=time(16),
                venue=venue,
                mode=MeetingMode.HYBRID,
                capacity_online=10,
                council_id=council.id,
                project_id=project.id,
                agenda="1. 報告\n2. 協議",
                minutes="前回の議事録(コピーしない)",
                participants_on_site=9,
            ),
            coordinator_ids=[person.id],
            organisation_ids=[org.id],
        )
    dialog = _dialog(qtbot, ctx)
    editor = dialog.editor
    choose(editor.kind_combo, "講座")
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert "コピーできる前回の会議がありません" in prompts.infos[-1]  # no 講座 yet

    choose(editor.kind_combo, "協議体")
    choose(editor.council_combo, council.name)
    enter(qtbot, editor.title_edit, "打ち合わせメモ")
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert "置き換えますか" in prompts.questions[-1]  # typed text would be replaced
    assert editor.title_edit.text() == "第1層協議体 定例会"
    assert editor.venue_edit.text() == "市役所 第2会議室"
    assert (editor.start_field.text(), editor.end_field.text()) == ("14:00", "16:00")
    assert editor.mode_combo.currentText() == "併用"
    assert editor.agenda_edit.toPlainText() == "1. 報告\n2. 協議"
    assert editor.date_field.date() == date.today()  # the date stays
    assert editor.participants_on_site.text() == ""  # counts and minutes are new each time
    assert editor.minutes_edit.toPlainText() == template_text()
    assert dialog.save()
    meeting_id = editor.current_id
    assert meeting_id is not None
    with reopened(db) as stored:
        meeting = stored.meetings.get(meeting_id)
        assert (meeting.council_id, meeting.project_id) == (council.id, project.id)
        assert meeting.capacity_online == 10
        assert meeting.minutes == ""
        assert stored.meetings.attendance(meeting_id) == ([person.id], [org.id])


def test_copy_previous_in_a_series_takes_the_previous_session(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    template = Meeting(
        kind=MeetingKind.COURSE,
        title="担い手養成講座",
        held_on=date(2024, 5, 1),
        mode=MeetingMode.ON_SITE,
    )
    _series, sessions = services.meetings.create_series(
        template, [date(2024, 5, 1), date(2024, 5, 8), date(2024, 5, 15)]
    )
    first = sessions[0]
    first.venue = "若葉市民会館"
    first.agenda = "オリエンテーション"
    services.meetings.save(first)
    dialog = _dialog(qtbot, ctx, meeting_id=sessions[1].id)
    editor = dialog.editor
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert editor.venue_edit.text() == "若葉市民会館"
    assert editor.agenda_edit.toPlainText() == "オリエンテーション"
    assert editor.date_field.date() == date(2024, 5, 8)


@pytest.mark.parametrize(
    ("kind", "kind_text", "title", "counted"),
    [
        (MeetingKind.TRAINING, "研修会", "介護予防研修 第5回", "介護予防研修 第6回"),
        (MeetingKind.LIAISON, "連絡会", "第５回 SC連絡会", "第６回 SC連絡会"),
        (MeetingKind.COURSE, "講座", "第九回 サロン講座", "第十回 サロン講座"),
    ],
)
def test_copy_previous_works_for_every_kind_and_counts_the_session_up(
    qtbot: QtBot,
    ctx: UiContext,
    services: Services,
    db: Database,
    kind: MeetingKind,
    kind_text: str,
    title: str,
    counted: str,
) -> None:
    services.meetings.save(
        Meeting(
            kind=kind,
            title=title,
            held_on=date(2024, 5, 8),
            venue="若葉市民会館",
            mode=MeetingMode.ON_SITE,
        )
    )
    services.meetings.save(  # another kind, later: not "previous" for this one
        Meeting(
            kind=MeetingKind.OTHER,
            title="別の会議 第8回",
            held_on=date(2024, 5, 20),
            mode=MeetingMode.ON_SITE,
        )
    )
    dialog = _dialog(qtbot, ctx)
    editor = dialog.editor
    choose(editor.kind_combo, kind_text)
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    assert editor.title_edit.text() == counted
    assert editor.venue_edit.text() == "若葉市民会館"
    assert dialog.save()
    with reopened(db) as stored:
        meeting = stored.meetings.get(editor.current_id)  # type: ignore[arg-type]
        assert (meeting.title, meeting.kind) == (counted, kind)


@OFFSCREEN_WINDOWS
def test_venue_suggestions_are_recent_prunable_and_open_above_the_field(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory, ui_settings: AppSettings
) -> None:
    today = date.today()
    make.meeting(venue="若葉市民会館", held_on=today - timedelta(days=10))
    make.meeting(venue="若葉市民会會館", held_on=today - timedelta(days=20))  # a typo
    make.meeting(venue="旧公民館", held_on=today - timedelta(days=365 * 3))  # long ago
    gone = make.meeting(venue="取り消した会場", held_on=today - timedelta(days=5))
    services.meetings.soft_delete(gone.id)
    dialog = _dialog(qtbot, ctx)
    dialog.resize(900, 700)
    dialog.show()
    editor = dialog.editor
    completer = editor.fast_entry.venue_completer
    assert completer.venues.stringList() == ["若葉市民会館", "若葉市民会會館"]

    editor.venue_edit.setFocus()
    qtbot.waitUntil(editor.venue_edit.hasFocus)
    enter(qtbot, editor.venue_edit, "若葉", replace=False)
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    field_top = editor.venue_edit.mapToGlobal(editor.venue_edit.rect().topLeft()).y()
    assert popup.geometry().bottom() < field_top  # the fields below stay visible
    typo_row = completer.completionModel().match(
        completer.completionModel().index(0, 0), Qt.ItemDataRole.DisplayRole, "若葉市民会會館"
    )[0]
    popup.setCurrentIndex(typo_row)
    qtbot.keyClick(popup, Qt.Key.Key_Delete)
    assert completer.venues.stringList() == ["若葉市民会館"]
    popup.hide()
    # Remembered for the next window; the meeting that used it keeps it.
    second = _dialog(qtbot, ctx)
    assert second.editor.fast_entry.venues.stringList() == ["若葉市民会館"]
    assert {m.venue for m in services.meetings.list().rows} >= {"若葉市民会會館"}


def test_the_minutes_template_can_be_turned_off_and_is_remembered(
    qtbot: QtBot, ctx: UiContext, ui_settings: AppSettings, settings_path: Path
) -> None:
    dialog = _dialog(qtbot, ctx)
    editor = dialog.editor
    assert editor.template_check.isChecked()
    assert editor.minutes_edit.toPlainText() == "【報告事項】\n\n【協議事項】\n\n【次回予定】\n"
    enter(qtbot, editor.title_edit, "見出しを使う会議")
    editor.minutes_edit.moveCursor(editor.minutes_edit.textCursor().MoveOperation.Start)
    editor.minutes_edit.moveCursor(editor.minutes_edit.textCursor().MoveOperation.Down)
    editor.minutes_edit.insertPlainText("報告を受けた。")
    assert dialog.save()
    assert ctx.services.meetings.get(editor.current_id).minutes == "【報告事項】\n報告を受けた。"  # type: ignore[arg-type]
    assert editor.minutes_edit.toPlainText() == "【報告事項】\n報告を受けた。"

    qtbot.keyClick(editor.template_check, Qt.Key.Key_Space)
    assert not MinutesTemplateSetting(ui_settings).enabled
    ui_settings.sync()
    assert not MinutesTemplateSetting(AppSettings(settings_store(settings_path))).enabled
    second = _dialog(qtbot, ctx)
    fresh = second.editor
    assert not fresh.template_check.isChecked()
    assert fresh.minutes_edit.toPlainText() == ""
    qtbot.keyClick(fresh.template_check, Qt.Key.Key_Space)  # on again: headings appear
    assert fresh.minutes_edit.toPlainText() == template_text()
    qtbot.keyClick(fresh.template_check, Qt.Key.Key_Space)  # off: the bare headings go
    assert fresh.minutes_edit.toPlainText() == ""
    assert not fresh.is_dirty


def test_strip_empty_sections() -> None:
    assert strip_empty_sections(template_text()) == ""
    text = "前置き\n【報告事項】\n\n【協議事項】\n協議した。\n\n【次回予定】\n"
    assert strip_empty_sections(text) == "前置き\n【協議事項】\n協議した。"
    assert strip_empty_sections("【その他】\n") == "【その他】"  # not a template heading


def test_open_items_of_earlier_council_meetings_are_carried_over(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    council = make.council()
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    earlier = make.meeting(
        kind=MeetingKind.COUNCIL, council_id=council.id, held_on=date(2024, 4, 1)
    )
    open_item = services.action_items.save(
        ActionItem(
            meeting_id=earlier.id,
            text="委員候補に打診する",
            owner_coordinator_id=person.id,
            due_date=date.today() - timedelta(days=3),
        )
    )
    services.action_items.save(ActionItem(meeting_id=earlier.id, text="済んだこと", done=True))
    other = make.meeting(title="別の会議")
    services.action_items.save(ActionItem(meeting_id=other.id, text="他の会議の事項"))

    dialog = _dialog(qtbot, ctx)
    editor = dialog.editor
    panel = editor.carried_over
    assert panel.model.rowCount() == 0
    choose(editor.council_combo, council.name)
    assert panel.model.rowCount() == 1  # shown while the new meeting is being written
    assert panel.model.index(0, panel.model.TEXT).data() == "委員候補に打診する"
    assert panel.model.index(0, panel.model.STATE).data() == "期限切れ"
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "1件" in panel.title.text()
    assert dialog.save()
    assert panel.model.rowCount() == 1  # now from the stored meeting

    panel.table.selectRow(0)
    assert panel.mark_selected_done()
    assert services.action_items.get(open_item.id).done
    assert panel.model.rowCount() == 0
    ctx.undo_stack.undo()
    assert not services.action_items.get(open_item.id).done
    assert panel.model.rowCount() == 1
