"""Small display helpers shared by the project tabs and the review views."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain.era import format_fiscal_year
from coordinator_app.ui.dates import DateFormat


def format_stamp(dates: DateFormat, value: datetime | None) -> str:
    """A stored (UTC) timestamp in this computer's time zone: ``2024-05-01 14:05``."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{dates.format(local.date())} {local:%H:%M}"


def format_size(size: int) -> str:
    """``820 B``, ``14 KB``, ``2.3 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size // 1024} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def fiscal_year_text(dates: DateFormat, year: int) -> str:
    """``2022年度`` (English: ``FY2022``), or ``令和4年度`` when dates are shown in 和暦."""
    if dates.wareki:
        return format_fiscal_year(year, wareki=True)
    return QCoreApplication.translate("FiscalYear", "{year}年度").format(year=year)
