"""Japanese fiscal year (年度): 1 April to 31 March."""

from __future__ import annotations

from datetime import date

FISCAL_YEAR_START_MONTH = 4


def fiscal_year(day: date) -> int:
    """The 年度 a date belongs to: 2023-03-31 -> 2022, 2023-04-01 -> 2023."""
    return day.year if day.month >= FISCAL_YEAR_START_MONTH else day.year - 1


def fiscal_year_range(year: int) -> tuple[date, date]:
    """First and last day (inclusive) of 年度 ``year``."""
    return date(year, FISCAL_YEAR_START_MONTH, 1), date(year + 1, FISCAL_YEAR_START_MONTH - 1, 31)


def fiscal_months(year: int) -> list[tuple[int, int]]:
    """(year, month) pairs of 年度 ``year`` in order, April first."""
    return [(year, m) for m in range(4, 13)] + [(year + 1, m) for m in range(1, 4)]
