"""国民の祝日: which dates are Japanese public holidays, and their names.

The table comes from the maintained ``holidays`` package (it follows the
Cabinet Office's list, including 振替休日 and 国民の休日), never from a list
written here.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

LANGUAGES = ("ja", "en_US")
"""Languages the names come in (the package's codes)."""


@lru_cache(maxsize=64)
def _year(year: int, language: str) -> dict[date, str]:
    import holidays  # on first use: it loads every country's table (a few hundred ms)

    table = holidays.country_holidays("JP", years=year, language=language)
    return dict(table.items())


def holiday_name(day: date, language: str = "ja") -> str | None:
    """The holiday's name (天皇誕生日, 振替休日…; ``en_US``: Emperor's Birthday…),
    or None on an ordinary day."""
    return _year(day.year, language).get(day)


def holidays_between(first: date, last: date, language: str = "ja") -> dict[date, str]:
    """Every holiday from ``first`` to ``last`` inclusive, by date."""
    found: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        found.update({d: n for d, n in _year(year, language).items() if first <= d <= last})
    return found


def next_working_day(day: date) -> date:
    """The first day after ``day`` that is neither a weekend nor a holiday."""
    candidate = day + timedelta(days=1)
    while candidate.weekday() >= 5 or holiday_name(candidate) is not None:
        candidate += timedelta(days=1)
    return candidate
