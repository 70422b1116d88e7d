"""What a list asks for and gets back: the query, the page, a row, a picker's option.

(Split from :mod:`coordinator_app.services.base`, which re-exports them.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Item = TypeVar("Item")


@dataclass(frozen=True)
class ListQuery:
    """Filter, sort and page of a list.

    Attributes:
        text: a substring matched against the name (kanji) and the reading
            (kana, folded so that katakana/hiragana and widths do not matter).
        sort: a key of the service's ``sort_keys``.
        filters: service-specific equality filters, e.g. ``{"kind": OrgKind.NPO}``.
    """

    text: str = ""
    sort: str = ""
    descending: bool = False
    offset: int = 0
    limit: int | None = None
    include_deleted: bool = False
    filters: dict[str, Any] = field(default_factory=dict)
    with_total: bool = True
    """False skips counting all matches (``Page.total`` is then -1): a next
    page of a long list does not need the count again."""
    after: tuple[Any, ...] | None = None
    """Keyset paging: the ``Page.keys`` entry of the last row already read; the
    page starts right after it (an index seek, whatever the depth) instead of
    at ``offset``."""


@dataclass(frozen=True)
class Page(Generic[Item]):
    rows: list[Item]
    total: int
    keys: list[tuple[Any, ...]] | None = None
    """Each row's position in the sort (its sort values and rowid), for
    ``ListQuery.after``; None when the sort allows no keyset (a nullable key)."""


@dataclass(frozen=True)
class Choice:
    """A light option for pickers: no ORM object, just what a list shows."""

    id: uuid.UUID
    label: str
    reading: str = ""


@dataclass(frozen=True)
class Row(Generic[T]):
    """A list row: the record plus display values joined from other tables."""

    record: T
    extra: dict[str, Any] = field(default_factory=dict)
