"""「第5回」 counted up in every digit style, and the 祝日 table from the holidays package."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator_app.domain.japanese_holidays import (
    holiday_name,
    holidays_between,
    next_working_day,
)
from coordinator_app.domain.session_titles import (
    int_to_kanji,
    kanji_to_int,
    next_session_title,
    series_base_title,
)


@pytest.mark.parametrize(
    ("title", "counted"),
    [
        ("北部地区協議体 第5回", "北部地区協議体 第6回"),
        ("第9回 連絡会", "第10回 連絡会"),
        ("第５回 定例会", "第６回 定例会"),
        ("第９回 定例会", "第１０回 定例会"),
        ("第五回 地域ケア会議", "第六回 地域ケア会議"),
        ("第九回", "第十回"),
        ("第十九回", "第二十回"),
        ("養成講座(第2回)", "養成講座(第3回)"),
        ("第1回準備会を経た第3回協議体", "第1回準備会を経た第4回協議体"),
        ("定例会", "定例会"),
        ("第九十九回", "第九十九回"),  # 百 is not guessed
    ],
)
def test_next_session_title(title: str, counted: str) -> None:
    assert next_session_title(title) == counted


def test_kanji_numbers_round_trip() -> None:
    for value in range(1, 100):
        text = int_to_kanji(value)
        assert text is not None and kanji_to_int(text) == value
    assert kanji_to_int("十十") is None and kanji_to_int("") is None
    assert series_base_title("講座(第12回)") == "講座"


def test_japanese_holidays() -> None:
    assert holiday_name(date(2026, 2, 23)) == "天皇誕生日"
    assert holiday_name(date(2026, 2, 24)) is None
    assert holiday_name(date(2025, 5, 6)) is not None  # 振替休日
    assert holidays_between(date(2026, 1, 1), date(2026, 1, 31)) == {
        date(2026, 1, 1): "元日",
        date(2026, 1, 12): "成人の日",
    }
    assert next_working_day(date(2026, 5, 1)) == date(2026, 5, 7)  # past the Golden Week
