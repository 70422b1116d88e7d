"""連続開催 under a second look: a saved meeting becomes session 1 (not a tenth
meeting), 祝日 are marked, skipped or moved, unticking renumbers, and a series is
edited and exported as one."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import Meeting
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.series_dialog import SeriesDialog
from coordinator_app.ui.meetings.series_edit_dialog import (
    SERIES_EDIT,
    SERIES_NEW,
    SeriesEditDialog,
)
from tests.conftest import Factory
from tests.ui.conftest import accept, enter, reopened
from tests.ui.fake_prompts import FakePrompts

MONDAYS = [date(2026, 1, 5) + timedelta(weeks=i) for i in range(9)]
"""Nine Mondays from 2026-01-05: 01-12 is 成人の日 and 02-23 天皇誕生日."""


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def _dialog(qtbot: QtBot, ctx: UiContext, **kwargs: object) -> MeetingDialog:
    dialog = MeetingDialog(ctx, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def _series(services: Services) -> tuple[uuid.UUID, list[Meeting]]:
    template = Meeting(
        kind=MeetingKind.COURSE,
        title="生活支援サポーター養成講座",
        held_on=MONDAYS[0],
        mode=MeetingMode.ON_SITE,
        venue="倉敷市民会館",
    )
    series, meetings = services.meetings.create_series(template, MONDAYS)
    return series.id, meetings


def test_a_series_from_a_saved_meeting_keeps_it_as_the_first_session(
    qtbot: QtBot, ctx: UiContext, make: Factory, db: Database, prompts: FakePrompts
) -> None:
    saved = make.meeting(kind=MeetingKind.COURSE, title="介護予防講座", held_on=date(2026, 4, 7))
    dialog = _dialog(qtbot, ctx, meeting_id=saved.id)
    series = dialog.open_series()
    assert isinstance(series, SeriesDialog)
    assert prompts.asked == []  # not in a series yet: nothing to warn about
    assert len(series.dates()) == 9
    accept(qtbot, series, series.create_button)
    with reopened(db) as stored:
        rows = stored.meetings.list(ListQuery(sort="date")).rows
        assert len(rows) == 9  # nine sessions, not the saved meeting plus nine
        assert len({m.held_on for m in rows}) == 9  # no day twice
        assert rows[0].id == saved.id  # the saved meeting is session 1
        assert rows[0].session_number == 1 and rows[0].series_id is not None
        assert rows[0].title == "介護予防講座(第1回)"
        assert {m.series_id for m in rows} == {rows[0].series_id}


def test_holidays_are_marked_and_can_be_skipped_or_moved(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts
) -> None:
    dialog = _dialog(qtbot, ctx)
    enter(qtbot, dialog.editor.title_edit, "担い手養成講座")
    enter(qtbot, dialog.editor.date_field, "2026-01-05")
    series = dialog.open_series()
    assert isinstance(series, SeriesDialog)
    texts = [series.dates_list.item(i).text() for i in range(9)]
    assert "祝日: 成人の日" in texts[1] and "祝日: 天皇誕生日" in texts[7]
    assert "祝日" not in texts[0]
    assert not series.holiday_box.isHidden()
    assert series.holiday_dates() == [date(2026, 1, 12), date(2026, 2, 23)]

    # Unticking a date renumbers the rest: no gap.
    series.dates_list.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert series.dates_list.item(2).text().startswith("—")
    assert series.dates_list.item(3).text().startswith("第3回 ")
    assert series.dates_list.item(8).text().startswith("第8回 ")
    series.dates_list.item(2).setCheckState(Qt.CheckState.Checked)

    # Creating with a holiday still ticked asks first; "no" creates nothing.
    prompts.answers.append(False)
    series.accept()
    assert "祝日" in prompts.questions[-1] and "天皇誕生日" in prompts.questions[-1]
    assert series.created == []
    assert ctx.services.meetings.list().total == 0

    series.skip_holidays()
    assert date(2026, 1, 12) not in series.dates() and len(series.dates()) == 7
    assert series.holiday_box.isHidden()
    series.update_dates()
    series.move_holidays()
    assert series.dates()[1] == date(2026, 1, 13)  # the Tuesday after 成人の日
    assert date(2026, 2, 24) in series.dates() and len(series.dates()) == 9
    assert series.holiday_dates() == []
    asked = len(prompts.questions)
    accept(qtbot, series, series.create_button)
    assert len(prompts.questions) == asked  # no holiday left: no question
    held = sorted(m.held_on for m in ctx.services.meetings.list().rows)
    assert date(2026, 2, 23) not in held and date(2026, 2, 24) in held


def test_a_session_of_a_series_warns_and_edits_the_whole_series(
    qtbot: QtBot,
    ctx: UiContext,
    services: Services,
    db: Database,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    series_id, meetings = _series(services)
    dialog = _dialog(qtbot, ctx, meeting_id=meetings[2].id)
    prompts.choices.append(SERIES_EDIT)
    edit = dialog.open_series()
    assert "すでに連続開催「生活支援サポーター養成講座」(全9回)の第3回" in prompts.asked[-1]
    assert isinstance(edit, SeriesEditDialog)
    qtbot.addWidget(edit)
    assert edit.sessions_list.count() == 9
    assert "天皇誕生日" in edit.sessions_list.item(7).text()
    enter(qtbot, edit.title_edit, "生活支援サポーター養成講座 初級")
    enter(qtbot, edit.first_field, "2026-01-06")  # every session one day later
    assert edit.shift_days() == 1
    assert "天皇誕生日" not in edit.sessions_list.item(7).text()
    accept(qtbot, edit, edit.save_button)

    # The form shows the moved session, and the whole series went out as one .ics.
    assert dialog.editor.date_field.date() == MONDAYS[2] + timedelta(days=1)
    target = tmp_path / "講座.ics"
    prompts.save_files.append(target)
    assert edit.export_ics()
    ics = target.read_text(encoding="utf-8")
    assert ics.count("BEGIN:VEVENT") == 9
    assert "生活支援サポーター養成講座 初級(第9回)" in ics.replace("\r\n ", "")

    with reopened(db) as stored:
        info = stored.meetings.series_info(series_id)
        assert info.series.title == "生活支援サポーター養成講座 初級"
        assert [m.held_on for m in info.sessions] == [d + timedelta(days=1) for d in MONDAYS]
        assert [m.session_number for m in info.sessions] == list(range(1, 10))
        assert info.sessions[0].title == "生活支援サポーター養成講座 初級(第1回)"


def test_a_second_series_from_a_session_leaves_the_first_alone(
    qtbot: QtBot, ctx: UiContext, services: Services, prompts: FakePrompts
) -> None:
    series_id, meetings = _series(services)
    dialog = _dialog(qtbot, ctx, meeting_id=meetings[0].id)
    prompts.choices.append(SERIES_NEW)
    series = dialog.open_series()
    assert isinstance(series, SeriesDialog)
    series.count_spin.setValue(2)
    prompts.answers.append(True)  # yes, also on the holiday
    accept(qtbot, series, series.create_button)
    assert len(services.meetings.series_info(series_id).sessions) == 9
    assert services.meetings.list().total == 11

    prompts.choices.append(2)  # キャンセル
    assert dialog.open_series() is None


def test_deleting_a_session_and_renumbering(services: Services) -> None:
    series_id, meetings = _series(services)
    services.meetings.soft_delete(meetings[3].id)
    info = services.meetings.series_info(series_id)
    assert [m.session_number for m in info.sessions] == list(range(1, 9))
    assert info.sessions[3].title == "生活支援サポーター養成講座(第4回)"
    assert info.sessions[3].held_on == MONDAYS[4]


def test_holiday_names_follow_the_window_language(qapp: object) -> None:
    from PySide6.QtWidgets import QApplication

    from coordinator_app.ui.i18n import install_translators, remove_translators
    from coordinator_app.ui.meetings.holiday_names import holiday_name

    assert holiday_name(date(2026, 2, 23)) == "天皇誕生日"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "en")
    try:
        assert holiday_name(date(2026, 2, 23)) == "Emperor's Birthday"
    finally:
        remove_translators(app, translators)
    assert holiday_name(date(2026, 2, 23)) == "天皇誕生日"
