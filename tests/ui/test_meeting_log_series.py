"""連続開催: a recurring meeting from the form's contents, each session its own meeting."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind
from coordinator_app.services.base import ListQuery
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.recurrence import Repeat, nth_weekday, series_dates
from coordinator_app.ui.meetings.series_dialog import SeriesDialog
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter, reopened
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def test_series_dates() -> None:
    assert series_dates(date(2024, 1, 31), Repeat.MONTHLY_DATE, 3) == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
    ]
    # 2nd Tuesday each month.
    assert series_dates(date(2024, 4, 9), Repeat.MONTHLY_WEEKDAY, 3) == [
        date(2024, 4, 9),
        date(2024, 5, 14),
        date(2024, 6, 11),
    ]
    assert series_dates(date(2024, 4, 1), Repeat.BIWEEKLY, 2) == [
        date(2024, 4, 1),
        date(2024, 4, 15),
    ]
    assert nth_weekday(2024, 2, 3, 5) == date(2024, 2, 29)  # no 5th Thursday: the last one
    assert series_dates(date(2024, 4, 1), Repeat.WEEKLY, 0) == []


def test_a_nine_session_course_without_the_holiday(
    qtbot: QtBot, ctx: UiContext, make: Factory, db: Database
) -> None:
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    dialog = MeetingDialog(ctx)
    qtbot.addWidget(dialog)
    editor = dialog.editor
    choose(editor.kind_combo, "講座")
    enter(qtbot, editor.title_edit, "生活支援サポーター養成講座")
    enter(qtbot, editor.date_field, "2024-09-03")
    enter(qtbot, editor.start_field, "13:30")
    enter(qtbot, editor.end_field, "15:30")
    enter(qtbot, editor.venue_edit, "若葉市民会館")
    enter(qtbot, editor.capacity_on_site, "30")
    editor.coordinator_list.item_for(person.id).setCheckState(Qt.CheckState.Checked)  # type: ignore[union-attr]

    series = dialog.open_series()
    assert isinstance(series, SeriesDialog)
    assert series.first_field.date() == date(2024, 9, 3)
    assert series.count_spin.value() == 9
    assert series.dates_list.count() == 9
    assert series.dates_list.item(0).text() == "第1回 2024-09-03(火)"
    series.count_spin.setValue(10)
    holiday = series.dates_list.item(6)  # 2024-10-15 … say a local festival
    holiday.setCheckState(Qt.CheckState.Unchecked)
    assert len(series.dates()) == 9
    accept(qtbot, series, series.create_button)
    assert [m.held_on for m in series.created][-1] == date(2024, 11, 5)

    with reopened(db) as stored:
        sessions = stored.meetings.list(
            ListQuery(sort="date", filters={"series_id": series.created[0].series_id})
        ).rows
        assert len(sessions) == 9
        assert date(2024, 10, 15) not in {m.held_on for m in sessions}
        assert [m.session_number for m in sessions] == list(range(1, 10))
        assert sessions[0].title == "生活支援サポーター養成講座(第1回)"
        for meeting in sessions:
            assert meeting.kind == MeetingKind.COURSE
            assert (meeting.start_time, meeting.end_time) == (time(13, 30), time(15, 30))
            assert meeting.venue == "若葉市民会館"
            assert meeting.capacity_on_site == 30
            assert stored.meetings.attendance(meeting.id) == ([person.id], [])
    assert editor.current_id == series.created[0].id  # the form shows the first session
    assert not editor.is_dirty


def test_a_series_from_a_form_with_mistakes_is_refused(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = MeetingDialog(ctx)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.date_field, "2024-09-03")
    series = dialog.open_series()
    series.accept()
    assert series.created == []
    assert "会議名を入力してください" in series.error_label.text()
    assert dialog.editor.forms[0].error_text("title") == "会議名を入力してください"
    assert ctx.services.meetings.list().total == 0
