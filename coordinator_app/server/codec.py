"""The wire form of the synced tables' values, derived from the domain's SQLModel tables.

A push carries ``{column: [old, new]}`` with JSON values; the server compares,
stores and returns them in one canonical form per column kind, so ``cur ==
old`` means the same thing whichever desk sent the value:

======== ======================================= ==========================
kind     wire value                              stored as (PostgreSQL)
======== ======================================= ==========================
uuid     ``"8-4-4-4-12"`` lowercase (32 hex ok)  uuid
datetime ISO 8601 with offset, sent back in UTC  timestamptz
date     ``"YYYY-MM-DD"``                        date
time     ``"HH:MM:SS[.ffffff]"``                 time
int      integer                                 integer
float    number (finite)                         double precision
bool     ``true``/``false`` (0/1 accepted)       boolean
str      string, at most the column's length     varchar/text
enum     one of the domain enum's codes          varchar(40)
blob     ``"sha256:<64 hex>"``, bytes uploaded   char(64) → blob
         first to ``PUT /v1/blobs/{sha256}``
======== ======================================= ==========================

``None`` is ``null`` for every kind. Nothing here touches a database.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any

import annotated_types
import sqlalchemy as sa

from coordinator_app.domain import models
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, server_text
from coordinator_app.domain.types import UTCDateTime, utc_now

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class WireValueError(ValueError):
    """A value that does not fit its column; the message is Japanese (a ``server_text``)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str
    nullable: bool
    length: int | None = None
    choices: frozenset[str] | None = None
    minimum: int | None = None
    maximum: int | None = None
    """The domain model's own bounds (``Field(ge=…, le=…)``), e.g. tier 1–3."""


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: Mapping[str, ColumnSpec]
    defaults: Mapping[str, Any]
    """Wire values the desk may omit on insert (the model's plain defaults; :data:`NOW`)."""


def column_kind(column: sa.Column) -> tuple[str, int | None]:
    """The wire kind of a domain column and its length limit, if any."""
    col_type = column.type
    if isinstance(col_type, UTCDateTime | sa.DateTime):
        return "datetime", None
    if isinstance(col_type, sa.Uuid):
        return "uuid", None
    if isinstance(col_type, sa.Enum):
        return "enum", col_type.length
    if isinstance(col_type, sa.LargeBinary):
        return "blob", None
    if isinstance(col_type, sa.Boolean):
        return "bool", None
    if isinstance(col_type, sa.Integer):
        return "int", None
    if isinstance(col_type, sa.Float):
        return "float", None
    if isinstance(col_type, sa.Date):
        return "date", None
    if isinstance(col_type, sa.Time):
        return "time", None
    length = getattr(col_type, "length", None)
    if isinstance(col_type, sa.String) or hasattr(col_type, "impl"):
        return "str", length
    raise TypeError(f"no wire kind for {column}")


NOW = object()
"""A default meaning "the server's time now" (fields created with ``utc_now``)."""


def _plain_default(model: type[models.Record], name: str) -> tuple[bool, Any]:
    field = model.model_fields.get(name)
    if field is None or field.is_required():
        return False, None
    if field.default_factory is utc_now:
        return True, NOW
    if field.default_factory is not None:
        return False, None
    default = field.default
    if default is None or isinstance(default, str | int | bool):
        return True, getattr(default, "value", default)
    return False, None


def _bounds(model: type[models.Record], name: str) -> tuple[int | None, int | None]:
    field = model.model_fields.get(name)
    if field is None:
        return None, None
    minimum = next((m.ge for m in field.metadata if isinstance(m, annotated_types.Ge)), None)
    maximum = next((m.le for m in field.metadata if isinstance(m, annotated_types.Le)), None)
    return minimum, maximum


@cache
def table_specs() -> dict[str, TableSpec]:
    """Every synced table by name."""
    specs: dict[str, TableSpec] = {}
    for model in models.ALL_TABLES:
        table = model.__table__  # type: ignore[attr-defined]
        columns: dict[str, ColumnSpec] = {}
        defaults: dict[str, Any] = {}
        for column in table.columns:
            kind, length = column_kind(column)
            choices = frozenset(column.type.enums) if kind == "enum" else None
            minimum, maximum = _bounds(model, column.name)
            columns[column.name] = ColumnSpec(
                column.name, kind, bool(column.nullable), length, choices, minimum, maximum
            )
            has_default, value = _plain_default(model, column.name)
            if has_default and not column.primary_key:
                defaults[column.name] = value
        specs[table.name] = TableSpec(table.name, columns, defaults)
    return specs


def wire_time(value: datetime) -> str:
    """A timestamp in the wire's one form: UTC, six fractional digits, ``Z``."""
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def to_wire(spec: ColumnSpec, value: Any) -> Any:
    """Canonical wire value of a value read from PostgreSQL."""
    if value is None:
        return None
    kind = spec.kind
    if kind == "uuid":
        return str(value)
    if kind == "datetime":
        # Always six fractional digits: canonical strings then sort by time.
        return wire_time(value)
    if kind in ("date", "time"):
        return value.isoformat()
    if kind == "blob":
        return f"sha256:{value}"
    return value


def from_wire(spec: ColumnSpec, value: Any) -> Any:
    """The Python value to store for a wire value; raises :class:`WireValueError`."""
    if value is None:
        if not spec.nullable:
            raise WireValueError(
                server_text(
                    QT_TRANSLATE_NOOP("server", "{column} は空にできません"), column=spec.name
                )
            )
        return None
    try:
        return _DECODERS[spec.kind](spec, value)
    except WireValueError:
        raise
    except (TypeError, ValueError, OverflowError) as error:
        raise WireValueError(
            server_text(
                QT_TRANSLATE_NOOP("server", "{column} の値の形式が正しくありません"),
                column=spec.name,
            )
        ) from error


def canonical(spec: ColumnSpec, value: Any) -> Any:
    """The canonical wire form of a wire value (for comparing ``cur == old``)."""
    return to_wire(spec, from_wire_lenient(spec, value))


def from_wire_lenient(spec: ColumnSpec, value: Any) -> Any:
    """Like :func:`from_wire`, but ``None`` is accepted for any column (an old value)."""
    if value is None:
        return None
    return from_wire(spec, value)


def _uuid(spec: ColumnSpec, value: Any) -> uuid.UUID:
    if not isinstance(value, str):
        raise TypeError(value)
    return uuid.UUID(value)


def _datetime(spec: ColumnSpec, value: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError(value)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        # SQLite stores naive UTC text (domain/types.py): naive means UTC.
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _date(spec: ColumnSpec, value: Any) -> date:
    if not isinstance(value, str):
        raise TypeError(value)
    return date.fromisoformat(value)


def _time(spec: ColumnSpec, value: Any) -> time:
    if not isinstance(value, str):
        raise TypeError(value)
    return time.fromisoformat(value)


def _int(spec: ColumnSpec, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    if not -(2**31) <= value < 2**31:
        raise WireValueError(
            server_text(
                QT_TRANSLATE_NOOP("server", "{column} の値が大きすぎます"), column=spec.name
            )
        )
    if spec.minimum is not None and value < spec.minimum:
        raise WireValueError(
            server_text(
                QT_TRANSLATE_NOOP("server", "{column} は{minimum}以上にしてください"),
                column=spec.name,
                minimum=spec.minimum,
            )
        )
    if spec.maximum is not None and value > spec.maximum:
        raise WireValueError(
            server_text(
                QT_TRANSLATE_NOOP("server", "{column} は{maximum}以下にしてください"),
                column=spec.name,
                maximum=spec.maximum,
            )
        )
    return value


def _float(spec: ColumnSpec, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    number = float(value)
    if not math.isfinite(number):
        raise WireValueError(
            server_text(
                QT_TRANSLATE_NOOP("server", "{column} の値が正しくありません"), column=spec.name
            )
        )
    return number


def _bool(spec: ColumnSpec, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise TypeError(value)


def _str(spec: ColumnSpec, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    if "\x00" in value:
        raise WireValueError(
            server_text(
                QT_TRANSLATE_NOOP("server", "{column} に使えない文字が含まれています"),
                column=spec.name,
            )
        )
    if spec.length is not None and len(value) > spec.length:
        raise WireValueError(
            server_text(
                QT_TRANSLATE_NOOP("server", "{column} は{length}文字以内にしてください"),
                column=spec.name,
                length=spec.length,
            )
        )
    return value


def _enum(spec: ColumnSpec, value: Any) -> str:
    if not isinstance(value, str) or spec.choices is None or value not in spec.choices:
        raise WireValueError(
            server_text(
                QT_TRANSLATE_NOOP("server", "{column} の値 {value} は使えません"),
                column=spec.name,
                value=repr(value),
            )
        )
    return value


def _blob(spec: ColumnSpec, value: Any) -> str:
    if not isinstance(value, str) or not value.startswith("sha256:"):
        raise TypeError(value)
    digest = value.removeprefix("sha256:").lower()
    if not _SHA256.match(digest):
        raise TypeError(value)
    return digest


_DECODERS = {
    "uuid": _uuid,
    "datetime": _datetime,
    "date": _date,
    "time": _time,
    "int": _int,
    "float": _float,
    "bool": _bool,
    "str": _str,
    "enum": _enum,
    "blob": _blob,
}
