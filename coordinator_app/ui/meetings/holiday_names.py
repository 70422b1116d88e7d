"""祝日 names in the language of the window (Japanese, or English in the English window)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain import japanese_holidays


def holiday_language() -> str:
    """The holidays package's language code for the installed UI catalogue.

    The catalogue names its own language: the Japanese source says "ja", the
    English catalogue translates it to "en_US".
    """
    code = QCoreApplication.translate("HolidayNames", "ja")
    return code if code in japanese_holidays.LANGUAGES else "ja"


def holiday_name(day: date) -> str | None:
    return japanese_holidays.holiday_name(day, holiday_language())


def holidays_between(first: date, last: date) -> dict[date, str]:
    return japanese_holidays.holidays_between(first, last, holiday_language())
