"""Column types shared by the tables."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC text and returned timezone-aware (UTC).

    SQLite has no timezone type; normalising on the way in means every stored
    value is comparable, and the aware value on the way out cannot be mistaken
    for local time.
    """

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware (UTC) datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def enum_column(
    enum_cls: type[Enum], *, nullable: bool = False, index: bool = False
) -> sa.Column[Any]:
    """A column storing an enum's *value* (a stable code), not its Python name."""
    return sa.Column(
        sa.Enum(
            enum_cls,
            values_callable=lambda members: [m.value for m in members],
            native_enum=False,
            create_constraint=False,
            length=40,
            validate_strings=True,
        ),
        nullable=nullable,
        index=index,
    )
