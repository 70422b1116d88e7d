from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from coordinator_app.domain.fiscal import fiscal_months, fiscal_year, fiscal_year_range


def test_glossary_facts() -> None:
    assert fiscal_year(date(2023, 3, 31)) == 2022
    assert fiscal_year(date(2023, 4, 1)) == 2023


def test_range_is_april_to_march() -> None:
    assert fiscal_year_range(2022) == (date(2022, 4, 1), date(2023, 3, 31))


def test_months_start_in_april() -> None:
    months = fiscal_months(2024)
    assert months[0] == (2024, 4)
    assert months[-1] == (2025, 3)
    assert len(months) == 12


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_date_lies_in_its_fiscal_year(day: date) -> None:
    start, end = fiscal_year_range(fiscal_year(day))
    assert start <= day <= end
    assert fiscal_year(start - timedelta(days=1)) == fiscal_year(day) - 1
