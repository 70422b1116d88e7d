"""Applying one pulled page to the desk's file in batches (no Qt, no ORM objects).

A page's row changes are merged per row in log order (a later field value wins),
then written per table with one ``executemany`` per statement shape: one
``SELECT … WHERE id IN`` finds which rows the desk already holds, the missing ones
are inserted (with the model's defaults), the others updated with the fields the
page carries. A field with an edit still waiting in the outbox keeps the desk's
value. The caller runs this inside the page's transaction with capture off.

What the views hear of, and which rows' search entries are refreshed, is
returned as :class:`AppliedPage`.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from coordinator_app.domain import models
from coordinator_app.domain.changes import Changes, Origin
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP
from coordinator_app.domain.types import utc_now
from coordinator_app.server.codec import (
    NOW,
    ColumnSpec,
    WireValueError,
    from_wire_lenient,
    table_specs,
)
from coordinator_app.storage import capture
from coordinator_app.storage.change_collector import LINK_OWNERS
from coordinator_app.sync.client import SyncError, sync_text

TABLES: dict[str, sa.Table] = {
    m.__tablename__: m.__table__  # type: ignore[attr-defined,misc]
    for m in models.ALL_TABLES
}
CHUNK = 500
"""Ids per ``IN (…)`` list (SQLite allows 32,766 parameters; small lists plan well)."""


@dataclass
class AppliedPage:
    applied: int = 0
    """Row changes that wrote something (the count the round reports)."""
    touched: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    """Table -> ids of the rows written."""
    changes: Changes = field(default_factory=lambda: Changes(origin=Origin.SYNC))


@dataclass
class _Row:
    values: dict[str, Any] = field(default_factory=dict)
    """Column -> desk value (converted from the wire)."""
    exists: bool = False


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def apply_page(
    conn: sa.Connection,
    changes: Sequence[Mapping[str, Any]],
    pending: Mapping[tuple[str, str], set[str]],
    contents: Mapping[str, bytes],
) -> AppliedPage:
    """Write a page's row changes (in log order) into the desk's tables."""
    result = AppliedPage()
    rows: dict[str, dict[uuid.UUID, _Row]] = defaultdict(dict)
    versions: list[tuple[str, str, int]] = []
    blobs: list[tuple[str, str, str, str]] = []
    ids_of = {
        table: [uuid.UUID(c["id"]) for c in changes if c["table"] == table]
        for table in {c["table"] for c in changes if c["table"] in TABLES}
    }
    present = {table: _existing(conn, table, ids) for table, ids in ids_of.items()}
    specs = table_specs()
    for change in changes:
        table_name = change["table"]
        row_id = uuid.UUID(change["id"])
        if table_name in capture.VERSIONED_TABLES and "version" in change:
            versions.append((table_name, row_id.hex, int(change["version"])))
        if table_name not in TABLES:
            continue  # a table of a newer schema: the desk will get it after updating
        table_rows = rows[table_name]
        if table_name == "setting" and _desk_setting(conn, row_id, change, table_rows):
            continue  # the desk's own setting (pushed by an older desk): this one's stays
        keep = pending.get((table_name, row_id.hex), set())
        columns = specs[table_name].columns
        values: dict[str, Any] = {}
        for name, (_old, new) in change["fields"].items():
            column = columns.get(name)
            if name in keep or column is None or name == "id":
                continue
            if column.kind == "blob":
                if new is None:
                    values[name] = None
                else:
                    digest = str(new).removeprefix("sha256:")
                    blobs.append((table_name, row_id.hex, name, digest))
                    values[name] = contents[digest]
                continue
            values[name] = wire_value(column, new)
        row = table_rows.get(row_id)
        first = row is None
        if row is None:
            row = table_rows[row_id] = _Row(exists=row_id in present[table_name])
        row.values.update(values)
        if values or (first and not row.exists):
            result.applied += 1
            result.touched[table_name].add(row_id)
    for table_name, table_rows in rows.items():
        _write_table(conn, table_name, table_rows)
    if versions:
        conn.exec_driver_sql(
            "INSERT INTO sync_version (table_name, row_id, version) VALUES (?, ?, ?)"
            " ON CONFLICT (table_name, row_id) DO UPDATE"
            " SET version = max(version, excluded.version)",
            versions,
        )
    if blobs:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO sync_blob (table_name, row_id, column_name, sha256)"
            " VALUES (?, ?, ?, ?)",
            blobs,
        )
    result.changes = changes_of(conn, result.touched)
    return result


def wire_value(column: ColumnSpec, value: Any) -> Any:
    """A value from the server as the desk's column stores it (SyncError when it cannot be)."""
    try:
        return from_wire_lenient(column, value)
    except WireValueError as error:
        raise SyncError(
            sync_text(
                QT_TRANSLATE_NOOP("sync", "サーバーから受け取った値を保存できません: {reason}"),
                reason=str(error),
            )
        ) from None


def _existing(conn: sa.Connection, table_name: str, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    unique = list(dict.fromkeys(ids))
    for part in chunks(unique):
        marks = ",".join("?" * len(part))
        found.update(
            uuid.UUID(hex=str(r[0]))
            for r in conn.exec_driver_sql(
                f"SELECT id FROM {table_name} WHERE id IN ({marks})",  # a model's table name
                tuple(i.hex for i in part),
            )
        )
    return found


def _write_table(conn: sa.Connection, table_name: str, table_rows: dict[uuid.UUID, _Row]) -> None:
    """Updates then inserts, one ``executemany`` per set of columns."""
    table = TABLES[table_name]
    spec = table_specs()[table_name]
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    inserts: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    now = utc_now()
    for row_id, row in table_rows.items():
        if row.exists:
            if row.values:
                names = tuple(sorted(row.values))
                updates[names].append({"_rid": row_id, **{f"v_{n}": row.values[n] for n in names}})
            continue
        values = dict(row.values)
        for name, default in spec.defaults.items():
            values.setdefault(name, now if default is NOW else default)
        values.setdefault("created_at", now)
        values.setdefault("updated_at", now)
        values["id"] = row_id
        inserts[tuple(sorted(values))].append(values)
    for names, params in updates.items():
        statement = (
            table.update()
            .where(table.c.id == sa.bindparam("_rid", type_=table.c.id.type))
            .values({n: sa.bindparam(f"v_{n}", type_=table.c[n].type) for n in names})
        )
        conn.execute(statement, params)
    for params in inserts.values():
        conn.execute(table.insert(), params)


def _desk_setting(
    conn: sa.Connection,
    row_id: uuid.UUID,
    change: Mapping[str, Any],
    merged: Mapping[uuid.UUID, _Row],
) -> bool:
    key = (change["fields"].get("key") or [None, None])[1]
    if key is None and row_id in merged:
        key = merged[row_id].values.get("key")
    if key is None:
        table = TABLES["setting"]
        key = conn.execute(sa.select(table.c.key).where(table.c.id == row_id)).scalar()
    return isinstance(key, str) and capture.is_desk_setting(key)


def changes_of(conn: sa.Connection, touched: Mapping[str, set[uuid.UUID]]) -> Changes:
    """The kinds and ids the written rows stand for (a link row: its owner)."""
    records: set[tuple[RecordKind, uuid.UUID]] = set()
    kinds: set[RecordKind] = set()
    for table_name, ids in touched.items():
        link = LINK_OWNERS.get(table_name)
        if link is None:
            found = RecordKind.of_table(table_name)
            if found is not None:
                kinds.add(found)
                records.update((found, i) for i in ids)
            continue
        kind, column = link
        kinds.add(kind)
        for part in chunks(sorted(ids)):
            marks = ",".join("?" * len(part))
            for (owner,) in conn.exec_driver_sql(
                f"SELECT {column} FROM {table_name} WHERE id IN ({marks})",  # LINK_OWNERS' names
                tuple(i.hex for i in part),
            ):
                if owner is not None:
                    records.add((kind, uuid.UUID(hex=str(owner))))
    return Changes(records=frozenset(records), kinds=frozenset(kinds), origin=Origin.SYNC)
