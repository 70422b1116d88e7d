"""The schedule parser: what people write on a flyer becomes rules and a label."""

from __future__ import annotations

from datetime import time

import pytest

from coordinator_app.domain.gathering_places import (
    Schedule,
    ScheduleRule,
    parse_schedule,
    weekdays_of_mask,
)

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@pytest.mark.parametrize(
    ("text", "rules", "label"),
    [
        (
            "毎週火曜 10:00〜12:00",
            [ScheduleRule(weekdays=(TUE,), start=time(10), end=time(12))],
            "毎週火曜 10:00〜12:00",
        ),
        ("第2・第4木曜", [ScheduleRule(weekdays=(THU,), weeks=(2, 4))], "第2・第4木曜"),
        ("月1回", [ScheduleRule(per_month=1)], "月1回"),
        (
            "第１・第３水曜日　午後1時半～3時",
            [ScheduleRule(weekdays=(WED,), weeks=(1, 3), start=time(13, 30), end=time(15))],
            "第1・第3水曜 13:30〜15:00",
        ),
        (
            "月・木曜 9:30-11:00",
            [ScheduleRule(weekdays=(MON, THU), start=time(9, 30), end=time(11))],
            "毎週月・木曜 9:30〜11:00",
        ),
        (
            "毎月第2土曜日 10時〜",
            [ScheduleRule(weekdays=(SAT,), weeks=(2,), start=time(10))],
            "第2土曜 10:00",
        ),
        (
            "毎週火曜、10:00〜12:00",
            [ScheduleRule(weekdays=(TUE,), start=time(10), end=time(12))],
            "毎週火曜 10:00〜12:00",
        ),
        (
            "月2回 13:30〜15:00、第3金曜",
            [
                ScheduleRule(per_month=2, start=time(13, 30), end=time(15)),
                ScheduleRule(weekdays=(FRI,), weeks=(3,)),
            ],
            "月2回 13:30〜15:00、第3金曜",
        ),
        ("第5日曜", [ScheduleRule(weekdays=(SUN,), weeks=(5,))], "第5日曜"),
    ],
)
def test_schedules_people_write_are_read(text: str, rules: list[ScheduleRule], label: str) -> None:
    schedule = parse_schedule(text)
    assert list(schedule.rules) == rules
    assert schedule.label == label
    assert schedule.unread == ()
    assert schedule.note == ""


@pytest.mark.parametrize(
    "text",
    ["雨の日は休み", "隔週水曜", "第6日曜", "25:00〜26:00", "12:00〜10:00", "月2回(不定期)"],
)
def test_what_cannot_be_read_is_kept_word_for_word_with_a_note(text: str) -> None:
    schedule = parse_schedule(text)
    assert schedule.rules == ()
    assert schedule.unread == (text,)
    assert schedule.label == text
    assert text in schedule.note and "そのまま残します" in schedule.note


def test_a_mixed_schedule_keeps_the_read_and_the_unread_parts() -> None:
    schedule = parse_schedule("毎週火曜 10:00〜12:00、祝日は休み")
    assert schedule.rules == (ScheduleRule(weekdays=(TUE,), start=time(10), end=time(12)),)
    assert schedule.unread == ("祝日は休み",)
    assert schedule.label == "毎週火曜 10:00〜12:00、祝日は休み"


def test_rules_survive_json_and_give_the_weekdays_to_filter_by() -> None:
    schedule = parse_schedule("第2・第4木曜 10:00〜11:30、月・水曜、月1回、お花見の季節は外で")
    again = Schedule.from_json(schedule.to_json())
    assert again == schedule
    assert weekdays_of_mask(schedule.weekday_mask) == [MON, WED, THU]
    assert Schedule.from_json("") == Schedule()


def test_only_http_and_https_addresses_make_a_qr_code() -> None:
    from coordinator_app.domain.gathering_places import web_page_url

    assert web_page_url(" https://example.jp/a?b=1 ") == "https://example.jp/a?b=1"
    assert web_page_url("HTTP://example.jp") == "HTTP://example.jp"
    for text in (
        "",
        "www.example.jp",
        "mailto:a@example.jp",
        "https://",
        "https://a b.jp",
        "javascript:alert(1)",
        "086-000-1111",
    ):
        assert web_page_url(text) is None, text
