from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator_app.domain.era import (
    EraError,
    format_fiscal_year,
    format_wareki,
    parse_wareki,
)


def test_glossary_facts() -> None:
    assert format_wareki(date(2019, 4, 30)) == "平成31年4月30日"
    assert format_wareki(date(2019, 5, 1)) == "令和元年5月1日"
    assert parse_wareki("令和4年9月末日") == date(2022, 9, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和4年9月30日", date(2022, 9, 30)),
        ("R4.9.30", date(2022, 9, 30)),
        ("Ｒ４．９．３０", date(2022, 9, 30)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("平成29年8月28日", date(2017, 8, 28)),
        ("令和6年2月末日", date(2024, 2, 29)),
        ("昭和64年1月7日", date(1989, 1, 7)),
    ],
)
def test_parse(text: str, expected: date) -> None:
    assert parse_wareki(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "令和元年4月30日",  # before 令和 began
        "平成31年5月1日",  # 平成 had ended
        "令和4年2月30日",  # no such day
        "令和4年13月1日",
        "令和0年1月1日",
        "2022年9月30日",
        "",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(EraError):
        parse_wareki(text)


def test_fiscal_year_label() -> None:
    assert format_fiscal_year(2022) == "2022年度"
    assert format_fiscal_year(2022, wareki=True) == "令和4年度"
    assert format_fiscal_year(2019, wareki=True) == "令和元年度"
    assert format_fiscal_year(1988, wareki=True) == "昭和63年度"
    assert format_fiscal_year(1989, wareki=True) == "平成元年度"


@given(st.dates(min_value=date(1868, 1, 25), max_value=date(2200, 12, 31)))
def test_round_trip(day: date) -> None:
    assert parse_wareki(format_wareki(day)) == day
    assert parse_wareki(format_wareki(day, short=True)) == day
