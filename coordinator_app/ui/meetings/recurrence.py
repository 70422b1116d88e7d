"""The dates of a recurring meeting: weekly, every other week, monthly by date or weekday."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum


class Repeat(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY_DATE = "monthly_date"
    """The same day of the month (the 31st becomes the month's last day)."""
    MONTHLY_WEEKDAY = "monthly_weekday"
    """The same weekday of the same week (第2火曜); a missing 5th becomes the last."""


def series_dates(first: date, repeat: Repeat, count: int) -> list[date]:
    """``count`` dates starting with ``first``."""
    if count <= 0:
        return []
    if repeat in (Repeat.WEEKLY, Repeat.BIWEEKLY):
        step = timedelta(weeks=1 if repeat == Repeat.WEEKLY else 2)
        return [first + step * i for i in range(count)]
    result = []
    for i in range(count):
        year, month = divmod(first.month - 1 + i, 12)
        year, month = first.year + year, month + 1
        if repeat == Repeat.MONTHLY_DATE:
            last = calendar.monthrange(year, month)[1]
            result.append(date(year, month, min(first.day, last)))
        else:
            result.append(nth_weekday(year, month, first.weekday(), (first.day - 1) // 7 + 1))
    return result


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of the month, or the last one when there
    are fewer than ``n``."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    while day.month != month:
        day -= timedelta(weeks=1)
    return day
