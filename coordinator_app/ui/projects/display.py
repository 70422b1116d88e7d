"""Small display helpers and event kinds shared by the project tabs and the review views."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from coordinator_app.ui.dates import DateFormat

ATTACHMENT: Final = "attachment"
"""``sig_records_changed`` kind: attachments were added or removed."""
REVIEW: Final = "review"
"""``sig_records_changed`` kind: progress entries were marked 確認済."""


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
