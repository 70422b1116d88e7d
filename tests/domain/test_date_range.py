"""Issue 11.8 and issue 10: dates are limited to 1868..2200, everything that derives
years, eras or calendar files copes with any date, and date errors say why."""

from __future__ import annotations

from datetime import date, time

import pytest

from coordinator_app.domain.era import (
    EraError,
    format_fiscal_year,
    format_wareki,
    format_wareki_year,
    parse_wareki,
)
from coordinator_app.domain.validation import (
    MAX_DATE,
    MIN_DATE,
    Errors,
    check_date_range,
    date_problem,
)

EXTREMES = [date.min, date(1, 1, 1), date(1867, 12, 31), MIN_DATE, MAX_DATE, date.max]


def test_the_sane_range_is_accepted_and_the_rest_refused_with_a_clear_message() -> None:
    for ok in (MIN_DATE, date(2022, 4, 1), MAX_DATE):
        errors = Errors()
        check_date_range(errors, "held_on", "開催日", ok)
        assert not errors
    for bad in (date(1, 1, 1), date(1867, 12, 31), date(2201, 1, 1), date(9999, 12, 31)):
        errors = Errors()
        check_date_range(errors, "held_on", "開催日", bad)
        assert errors.errors["held_on"].startswith(
            "開催日は1868年1月1日から2200年12月31日までの日付で入力してください"
        )


@pytest.mark.parametrize("day", EXTREMES)
def test_era_formatting_copes_with_every_date(day: date) -> None:
    assert format_wareki(day)
    assert format_wareki(day, short=True)
    assert format_wareki_year(day)
    assert format_fiscal_year(day.year, wareki=True).endswith("年度")
    assert format_fiscal_year(day.year).endswith("年度")


def test_before_meiji_is_written_in_western_years() -> None:
    assert format_wareki(date(1868, 1, 1)) == "1868年1月1日"
    assert format_wareki(date(1868, 1, 25)) == "明治元年1月25日"
    assert format_wareki(MAX_DATE) == "令和182年12月31日"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("令和5年2月30日", "令和5年2月は28日までです"),
        ("R6.2.30", "令和6年2月は29日までです"),
        ("令和元年4月30日", "令和は2019年5月1日から。この日は平成31年4月30日です"),
        ("平成31年5月1日", "令和は2019年5月1日から。この日は令和元年5月1日です"),
        ("令和5年13月1日", "13月はありません"),
    ],
)
def test_wareki_errors_say_why(text: str, reason: str) -> None:
    with pytest.raises(EraError) as caught:
        parse_wareki(text)
    assert reason in str(caught.value)
    assert not caught.value.unreadable


def test_western_date_problems_say_why() -> None:
    assert date_problem(2023, 2, 30) == "2023年2月は28日までです(2月30日はありません)"
    assert date_problem(2024, 2, 29) is None
    assert date_problem(2024, 4, 31) == "2024年4月は30日までです(4月31日はありません)"
    assert date_problem(2024, 0, 1) == "0月はありません(月は1〜12で入力してください)"


def test_ics_copes_with_the_whole_date_range() -> None:
    from coordinator_app.domain.enums import MeetingKind, MeetingMode
    from coordinator_app.domain.models import Meeting
    from coordinator_app.services.calendar_export import meetings_to_ics

    meetings = [
        Meeting(
            title="古", held_on=date(1, 1, 1), kind=MeetingKind.LIAISON, mode=MeetingMode.ON_SITE
        ),
        Meeting(title="遠", held_on=date.max, kind=MeetingKind.LIAISON, mode=MeetingMode.ON_SITE),
        Meeting(
            title="夜",
            held_on=date.max,
            start_time=time(23, 30),
            kind=MeetingKind.LIAISON,
            mode=MeetingMode.ON_SITE,
        ),
    ]
    text = meetings_to_ics(meetings).decode()
    assert "DTSTART;VALUE=DATE:00010101" in text and "DTEND;VALUE=DATE:00010102" in text
    assert "DTSTART;VALUE=DATE:99991231" in text
    assert "DTSTART;TZID=Asia/Tokyo:99991231T233000" in text
    assert "DTEND;TZID=Asia/Tokyo:99991231T235959" in text
