"""A coordinator's post (``Assignment``) and the day it holds."""

from __future__ import annotations

from datetime import date
from typing import Protocol


class Dated(Protocol):
    """What :func:`is_current` reads of a post."""

    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date | None: ...


def is_current(assignment: Dated, today: date | None = None) -> bool:
    """True when the post has begun by ``today`` (default: today) and not yet ended."""
    today = today or date.today()
    return assignment.start_date <= today and (
        assignment.end_date is None or assignment.end_date >= today
    )
