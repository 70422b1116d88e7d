"""The meeting list's filters (年度, 月, 種類, 協議体, プロジェクト, コーディネーター, 地域)
and the month calendar showing the same meetings."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import AreaKind, MeetingKind
from coordinator_app.domain.fiscal import fiscal_year
from coordinator_app.domain.models import Area
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.calendar_model import DATE_ROLE
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from tests.conftest import Factory
from tests.ui.conftest import choose
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def data(services: Services, make: Factory) -> dict[str, object]:
    city = make.city("若葉市")
    north = make.area("北部圏域", parent=city)
    south = services.areas.save(
        Area(
            name="南部圏域", kana="なんぶけんいき", kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id
        )
    )
    council = make.council(area=north, tier=2)
    project = make.project(title="移動販売の誘致", area_id=south.id)
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    m1 = make.meeting(title="協議体(3月)", held_on=date(2023, 3, 31), council_id=council.id)
    m2 = services.meetings.save(
        make.meeting(title="誘致の打ち合わせ", held_on=date(2023, 4, 1), project_id=project.id),
        coordinator_ids=[person.id],
    )
    m3 = make.meeting(title="SC研修", held_on=date(2023, 6, 15), kind=MeetingKind.TRAINING)
    m4 = make.meeting(title="新年の連絡会", held_on=date(2024, 1, 10))
    return {
        "city": city,
        "north": north,
        "council": council,
        "project": project,
        "person": person,
        "m1": m1,
        "m2": m2,
        "m3": m3,
        "m4": m4,
    }


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, data: dict[str, object]) -> MeetingPage:
    widget = MeetingPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def _titles(page: MeetingPage) -> set[str]:
    page.model.fetch_all()
    return {page.model.record_at(row).title for row in range(page.model.rowCount())}  # type: ignore[union-attr]


def test_every_filter_narrows_the_list(page: MeetingPage, data: dict[str, object]) -> None:
    filters = page.filters
    assert _titles(page) == {"協議体(3月)", "誘致の打ち合わせ", "SC研修", "新年の連絡会"}
    years = [filters.year_combo.itemText(i) for i in range(filters.year_combo.count())]
    assert years[:2] == ["すべての年度", f"{fiscal_year(date.today())}年度"]  # newest first
    assert years[-1] == "2022年度"  # the oldest meeting's
    choose(filters.year_combo, "2023年度")
    assert _titles(page) == {"誘致の打ち合わせ", "SC研修", "新年の連絡会"}
    choose(filters.month_combo, "6月")
    assert _titles(page) == {"SC研修"}
    choose(filters.year_combo, "すべての年度")
    choose(filters.month_combo, "1月")  # January of any year
    assert _titles(page) == {"新年の連絡会"}
    page.clear_filters()
    assert len(_titles(page)) == 4

    for key, value, expected in (
        ("council_id", data["council"], {"協議体(3月)"}),
        ("project_id", data["project"], {"誘致の打ち合わせ"}),
        ("coordinator_id", data["person"], {"誘致の打ち合わせ"}),
        ("area_id", data["north"], {"協議体(3月)"}),
        ("area_id", data["city"], {"協議体(3月)", "誘致の打ち合わせ"}),  # areas below count
    ):
        page.filters.set_value(key, value.id)  # type: ignore[attr-defined]
        assert _titles(page) == expected, key
        page.clear_filters()
    choose(page.kind_filter, "研修会")
    assert _titles(page) == {"SC研修"}


def test_the_calendar_shows_the_same_meetings_by_month(
    qtbot: QtBot, page: MeetingPage, data: dict[str, object]
) -> None:
    page.show_calendar()
    calendar = page.calendar
    choose(page.filters.year_combo, "2023年度")
    choose(page.filters.month_combo, "6月")
    assert (calendar.model.year, calendar.model.month) == (2023, 6)
    assert [m.title for m in calendar.meetings_shown()] == ["SC研修"]
    assert calendar.month_label.text() == "2023年6月"
    index = calendar.model.index_of(date(2023, 6, 15))
    assert "SC研修" in index.data()
    calendar.table.setFocus()
    calendar.table.setCurrentIndex(index)
    qtbot.keyClick(calendar.table, Qt.Key.Key_Return)  # one meeting that day: it opens
    assert page.editor.current_id == data["m3"].id  # type: ignore[attr-defined]

    choose(page.filters.month_combo, "すべての月")
    choose(page.filters.year_combo, "すべての年度")
    calendar.show_month(2023, 3)
    assert [m.title for m in calendar.meetings_shown()] == ["協議体(3月)"]
    qtbot.keyClick(calendar.table, Qt.Key.Key_PageDown)
    assert (calendar.model.year, calendar.model.month) == (2023, 4)
    assert [m.title for m in calendar.meetings_shown()] == ["誘致の打ち合わせ"]
    # The list's filters apply to the calendar too.
    page.filters.set_value("council_id", data["council"].id)  # type: ignore[attr-defined]
    assert calendar.meetings_shown() == []
    qtbot.keyClick(calendar.table, Qt.Key.Key_PageUp)
    assert [m.title for m in calendar.meetings_shown()] == ["協議体(3月)"]


def test_the_calendar_grid_and_wareki(
    qtbot: QtBot, ctx: UiContext, data: dict[str, object]
) -> None:
    ctx.dates.wareki = True
    page = MeetingPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_calendar()
    calendar = page.calendar
    calendar.show_month(2023, 6)
    assert calendar.month_label.text() == "令和5年6月"
    assert page.filters.year_combo.findText("令和5年度") > 0
    assert page.filters.year_combo.findText("令和元年度") < 0  # no meetings that far back
    first = calendar.model.index(0, 0)
    assert first.data(DATE_ROLE) == date(2023, 5, 28)  # the grid starts on Sunday
    assert [calendar.model.headerData(i, Qt.Orientation.Horizontal) for i in range(7)] == list(
        "日月火水木金土"
    )
    assert calendar.day_label.text().startswith("令和5年6月1日")
