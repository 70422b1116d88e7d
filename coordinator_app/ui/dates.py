"""How dates and times are shown and read: ISO (2022-04-01) or 和暦 (令和4年4月1日).

Input accepts either form whatever the display setting, plus ``2022/4/1``,
``2022年4月1日`` and the short era form ``R4.4.1``; full-width digits are fine.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time

from coordinator_app.domain.era import EraError, format_wareki, parse_wareki
from coordinator_app.domain.validation import date_problem

_WESTERN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME = re.compile(r"^(\d{1,2})\s*(?:[:：時]\s*(\d{1,2})?\s*分?)?$")


class DateFormat:
    """The display style of dates, shared by every view (changed in settings)."""

    def __init__(self, *, wareki: bool = False) -> None:
        self.wareki = wareki

    def format(self, value: date | None) -> str:
        if value is None:
            return ""
        if self.wareki:
            try:
                return format_wareki(value)
            except EraError:
                return value.isoformat()
        return value.isoformat()

    def example(self) -> str:
        """An example input for placeholders."""
        return "令和4年4月1日" if self.wareki else "2022-04-01"


def parse_date(text: str) -> date | None:
    """The date in ``text``; None for empty text.

    Raises:
        ValueError: the text is not a date. Its message says why in Japanese
            when the text has the shape of a date that does not exist
            (2023年2月30日, 令和元年4月30日); it is empty for other text.
    """
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        return None
    match = _WESTERN.match(norm) or _COMPACT.match(norm)
    if match:
        year, month, day = (int(g) for g in match.groups())
        problem = date_problem(year, month, day)
        if problem is not None:
            raise ValueError(problem)
        return date(year, month, day)
    try:
        return parse_wareki(norm)
    except EraError as exc:
        raise ValueError("" if exc.unreadable else exc.args[0]) from exc


def format_time(value: time | None) -> str:
    return "" if value is None else value.strftime("%H:%M")


def parse_time(text: str) -> time | None:
    """``10:00``, ``9:30``, ``10時``, ``10時30分``; None for empty text.

    Raises:
        ValueError: the text is not a time of day.
    """
    norm = unicodedata.normalize("NFKC", text).strip()
    if not norm:
        return None
    match = _TIME.match(norm)
    if not match:
        raise ValueError(text)
    return time(int(match.group(1)), int(match.group(2) or 0))
