"""Change capture on the desk: every change to a synced table lands in an outbox.

Triggers generated from the SQLModel metadata write each change of a synced
table (:data:`SYNCED_TABLES`, the tables the server's ``codec.table_specs``
knows) into ``sync_outbox`` in the same transaction as the write, whoever the
writer is (a service, an import, a repair, a raw SQL statement):

* an insert carries every column but ``id`` as ``{col: [null, new]}``;
* an update carries only the columns that changed, ``{col: [old, new]}``;
* a hard delete of a synced row is refused (``RAISE(ABORT, …)``): a deletion
  travels as an update of ``deleted_at``; a changed ``id`` is refused too;
* binary columns (photos, attachments, the logo) carry ``{"$blob": size}``
  instead of their bytes; the worker sends their content hash;
* a ``setting`` row whose key is the desk's own (:data:`DESK_SETTING_PREFIXES`:
  this file's backup rotation, the import wizard's remembered column
  mappings) is not captured: it never leaves the desk, and a coordinator's
  desk does not collect refusals for settings only an admin may write.
* a ``user_profile`` row (:data:`DESK_TABLES`) is never captured: a profile
  registered in a desk's picker names who uses that desk; the municipality's
  people are its server accounts, whose profiles the admin makes on the server
  and every desk receives by pull (a desk logged in uses its account's one).

``sync_state`` is one control row: ``capture`` (0 until the desk first syncs
— :func:`enroll` — and while pulled changes are applied, inside that same
transaction, so they are not captured again),
``open_tx`` (the sync transaction the triggers write into), the file's
*incarnation* and device, the pull cursor. ``Database.writing()`` closes the
open transaction number at the start of each user action
(:func:`begin_user_action`), so one user action is one sync transaction; a
writer that bypasses it (a raw statement) joins the open number, which the
worker closes before pushing (:func:`close_open_tx`) — a pushed number is
never written to again.

Nothing here imports Qt or the services; the migration that installs all of
this keeps its own frozen copy of the statements.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import SQLModel

from coordinator_app.domain import models
from coordinator_app.storage.file_identity import file_identity as file_identity
from coordinator_app.storage.file_identity import machine_identity as machine_identity

STATE_TABLE = "sync_state"
OUTBOX_TABLE = "sync_outbox"
CONFLICT_TABLE = "sync_conflict"
REFUSED_TABLE = "sync_refused"
BLOB_TABLE = "sync_blob"
VERSION_TABLE = "sync_version"
SYNC_STATE_TABLES = frozenset(
    {STATE_TABLE, OUTBOX_TABLE, CONFLICT_TABLE, REFUSED_TABLE, BLOB_TABLE, VERSION_TABLE}
)
"""Desk-only bookkeeping tables (not SQLModel tables, not on the server)."""

DELETE_REFUSED = "同期する記録は削除できません(削除は削除日時の記入で行います)"
REKEY_REFUSED = "同期する記録の ID は変更できません"

DESK_SETTING_PREFIXES: tuple[str, ...] = ("backup.", "import.mapping.")
"""Keys of ``setting`` rows that belong to this desk, not to the municipality.

``backup.*`` is the rotation policy of this file's own backups and
``import.mapping.*`` the column mappings this desk's import wizard remembered
for the spreadsheets it was given; every other key (the municipality's
profile and logo, area tiers, search aliases, gathering-place kinds, project
narratives) is the municipality's and syncs. Frozen into revision 0012's
triggers: a new prefix is a new revision.
"""

DESK_TABLES = frozenset({"user_profile"})
"""Synced tables whose changes made on a desk never leave it (see the module doc).

Rows pulled from the server are still applied; hard deletes and new ids are
still refused. Frozen into revision 0013's triggers.
"""

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
_CHUNK = 30  # columns per json_object call (SQLite allows 127 arguments by default)

TABLE_STATEMENTS: tuple[str, ...] = (
    """
    CREATE TABLE sync_state (
        id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
        capture INTEGER NOT NULL DEFAULT 0,
        open_tx INTEGER NOT NULL DEFAULT 1,
        incarnation VARCHAR(36) NOT NULL,
        device_id VARCHAR(36) NOT NULL,
        machine VARCHAR(300) NOT NULL DEFAULT '',
        file_path TEXT NOT NULL DEFAULT '',
        file_id VARCHAR(100) NOT NULL DEFAULT '',
        pull_cursor INTEGER NOT NULL DEFAULT 0,
        last_sync_at VARCHAR(40)
    )
    """,
    """
    CREATE TABLE sync_outbox (
        seq INTEGER NOT NULL PRIMARY KEY,
        tx INTEGER NOT NULL,
        table_name VARCHAR(63) NOT NULL,
        row_id VARCHAR(36) NOT NULL,
        op VARCHAR(10) NOT NULL,
        fields TEXT NOT NULL
    )
    """,
    "CREATE INDEX ix_sync_outbox_tx ON sync_outbox (tx)",
    """
    CREATE TABLE sync_conflict (
        id VARCHAR(36) NOT NULL PRIMARY KEY,
        table_name VARCHAR(63) NOT NULL,
        row_id VARCHAR(36) NOT NULL,
        field VARCHAR(63) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        base_value TEXT,
        pushed_value TEXT,
        current_value TEXT,
        client_tx INTEGER,
        user_name VARCHAR(100) NOT NULL DEFAULT '',
        at VARCHAR(40) NOT NULL,
        resolved_at VARCHAR(40)
    )
    """,
    "CREATE INDEX ix_sync_conflict_row ON sync_conflict (table_name, row_id)",
    """
    CREATE TABLE sync_refused (
        id INTEGER NOT NULL PRIMARY KEY,
        tx INTEGER NOT NULL,
        incarnation VARCHAR(36) NOT NULL,
        code VARCHAR(40) NOT NULL,
        message TEXT NOT NULL,
        change_index INTEGER,
        changes TEXT NOT NULL,
        at VARCHAR(40) NOT NULL,
        dismissed_at VARCHAR(40)
    )
    """,
    """
    CREATE TABLE sync_blob (
        table_name VARCHAR(63) NOT NULL,
        row_id VARCHAR(36) NOT NULL,
        column_name VARCHAR(63) NOT NULL,
        sha256 CHAR(64) NOT NULL,
        PRIMARY KEY (table_name, row_id, column_name)
    )
    """,
    """
    CREATE TABLE sync_version (
        table_name VARCHAR(63) NOT NULL,
        row_id VARCHAR(36) NOT NULL,
        version BIGINT NOT NULL,
        PRIMARY KEY (table_name, row_id)
    )
    """,
)

VERSIONED_TABLES = frozenset({"progress_entry", "review"})
"""Tables whose rows' server versions the desk remembers (``sync_version``): a
review stores the version of the entry it saw, and staleness compares versions,
never the desks' clocks; the latest review of an entry is the one the server
received last."""

sync_version = sa.table(
    VERSION_TABLE, sa.column("table_name"), sa.column("row_id"), sa.column("version")
)
"""For queries: the server version (change-log sequence) of a row as last pulled."""
sync_outbox = sa.table(OUTBOX_TABLE, sa.column("table_name"), sa.column("row_id"))
"""For queries: a row with a change not yet pushed has a row here."""


def record_version(connection: sa.Connection, table: str, row_id: str, version: int) -> None:
    """Remember a pulled row's server version (the highest one seen wins)."""
    connection.exec_driver_sql(
        "INSERT INTO sync_version (table_name, row_id, version) VALUES (?, ?, ?)"
        " ON CONFLICT (table_name, row_id) DO UPDATE SET version = max(version, excluded.version)",
        (table, row_id, version),
    )


@dataclass(frozen=True)
class CapturedTable:
    name: str
    columns: tuple[str, ...]
    """Every column but ``id``, in the model's order."""
    blobs: frozenset[str]


def synced_tables() -> tuple[CapturedTable, ...]:
    """Every synced table with its columns, from the SQLModel metadata."""
    found = []
    for model in models.ALL_TABLES:
        table: sa.Table = model.__table__
        columns = tuple(c.name for c in table.columns if c.name != "id")
        blobs = frozenset(c.name for c in table.columns if isinstance(c.type, sa.LargeBinary))
        found.append(CapturedTable(table.name, columns, blobs))
    return tuple(found)


SYNCED_TABLES = frozenset(t.name for t in synced_tables())


def _value(ref: str, column: str, blobs: frozenset[str]) -> str:
    if column in blobs:
        return (
            f"CASE WHEN {ref}.{column} IS NULL THEN NULL"
            f" ELSE json_object('$blob', length({ref}.{column})) END"
        )
    return f"{ref}.{column}"


def is_desk_setting(key: str) -> bool:
    """Does the ``setting`` row with this key stay on the desk?"""
    return key.startswith(DESK_SETTING_PREFIXES)


def desk_only_condition(table: str, ref: str) -> str:
    """SQL true for a row of ``table`` (read from ``ref``) that is captured; '' for every row."""
    if table in DESK_TABLES:
        return "0"
    if table != "setting":
        return ""
    return " AND ".join(f"NOT ({ref}.key GLOB '{prefix}*')" for prefix in DESK_SETTING_PREFIXES)


def _chunks(columns: Sequence[str]) -> list[Sequence[str]]:
    return [columns[i : i + _CHUNK] for i in range(0, len(columns), _CHUNK)] or [()]


def _inserted(table: CapturedTable, ref: str) -> str:
    """The JSON of a whole row of ``table`` as an insert, read from ``ref``."""
    inserted = None
    for chunk in _chunks(table.columns):
        pairs = ", ".join(f"'{c}', json_array(NULL, {_value(ref, c, table.blobs)})" for c in chunk)
        part = f"json_object({pairs})"
        inserted = part if inserted is None else f"json_patch({inserted}, {part})"
    assert inserted is not None
    return inserted


def trigger_statements(tables: Iterable[CapturedTable] | None = None) -> tuple[str, ...]:
    """The capture triggers of ``tables`` (default: every synced table)."""
    statements: list[str] = []
    when = "(SELECT capture FROM sync_state) = 1"
    for table in tables if tables is not None else synced_tables():
        name, blobs = table.name, table.blobs
        for identifier in (name, *table.columns):
            if not _IDENTIFIER.match(identifier):
                raise ValueError(f"unexpected identifier {identifier!r}")
        inserted = _inserted(table, "NEW")
        updated = "'{}'"
        for chunk in _chunks(table.columns):
            pairs = ", ".join(
                f"'{c}', CASE WHEN OLD.{c} IS NOT NEW.{c} THEN"
                f" json_array({_value('OLD', c, blobs)}, {_value('NEW', c, blobs)}) END"
                for c in chunk
            )
            updated = f"json_patch({updated}, json_object({pairs}))"
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in table.columns)
        captured = desk_only_condition(name, "NEW")
        row_when = f"{when} AND {captured}" if captured else when
        target = "INSERT INTO sync_outbox (tx, table_name, row_id, op, fields)"
        statements += [
            f"CREATE TRIGGER sync_{name}_insert AFTER INSERT ON {name} WHEN {row_when} BEGIN"
            f" {target} VALUES ((SELECT open_tx FROM sync_state), '{name}', NEW.id,"
            f" 'insert', {inserted}); END",
            f"CREATE TRIGGER sync_{name}_update AFTER UPDATE ON {name}"
            f" WHEN {row_when} AND ({changed}) BEGIN"
            f" {target} VALUES ((SELECT open_tx FROM sync_state), '{name}', NEW.id,"
            f" 'update', {updated}); END",
            f"CREATE TRIGGER sync_{name}_no_delete BEFORE DELETE ON {name} WHEN {when}"
            f" BEGIN SELECT RAISE(ABORT, '{DELETE_REFUSED}'); END",
            f"CREATE TRIGGER sync_{name}_no_rekey BEFORE UPDATE OF id ON {name}"
            f" WHEN {when} AND OLD.id IS NOT NEW.id"
            f" BEGIN SELECT RAISE(ABORT, '{REKEY_REFUSED}'); END",
        ]
    return tuple(statements)


def trigger_names(tables: Iterable[CapturedTable] | None = None) -> tuple[str, ...]:
    names = []
    for table in tables if tables is not None else synced_tables():
        for suffix in ("insert", "update", "no_delete", "no_rekey"):
            names.append(f"sync_{table.name}_{suffix}")
    return tuple(names)


# -- at run time -------------------------------------------------------------------

_CLOSE_OPEN_TX = (
    "UPDATE sync_state SET open_tx = open_tx + 1"
    " WHERE EXISTS (SELECT 1 FROM sync_outbox WHERE sync_outbox.tx = sync_state.open_tx)"
)


def begin_user_action(connection: sa.Connection) -> None:
    """Start a new sync transaction number if the open one already holds changes.

    Called at the start of every ``Database.writing()`` transaction, inside it.
    """
    connection.exec_driver_sql(_CLOSE_OPEN_TX)


def close_open_tx(connection: sa.Connection) -> int:
    """Close the open number (inside a write transaction); returns the first open one.

    Every outbox row with a smaller ``tx`` is final and may be pushed.
    """
    connection.exec_driver_sql(_CLOSE_OPEN_TX)
    return int(connection.exec_driver_sql("SELECT open_tx FROM sync_state").scalar_one())


def is_enrolled(connection: sa.Connection) -> bool:
    return bool(connection.exec_driver_sql("SELECT capture FROM sync_state").scalar_one())


ENROLL_ROWS_PER_TX = 500
"""Rows of one table per sync transaction when a desk's existing records are queued."""


def enroll(connection: sa.Connection, rows_per_tx: int = ENROLL_ROWS_PER_TX) -> int:
    """Start capturing; the rows already in the file become inserts waiting to be pushed.

    A desk that never connects captures nothing (its file stays as small and
    fast as before sync existed). At its first sync every synced row already
    in the file goes into the outbox — tables parents first, each table's rows
    in sync transactions of at most ``rows_per_tx`` rows (a push request stays
    small whatever the file holds) — so years of records kept alone reach the
    server, merged by id. Call inside a write transaction; returns the rows
    queued.
    """
    if is_enrolled(connection):
        return 0
    if rows_per_tx < 1:
        raise ValueError("rows_per_tx must be at least 1")
    queued = 0
    for statement in seed_statements():
        first = close_open_tx(connection)
        connection.exec_driver_sql(statement)
        # Not the cursor's rowcount: Python's sqlite3 leaves it at -1 for WITH … INSERT.
        added = int(connection.exec_driver_sql("SELECT changes()").scalar_one())
        queued += added
        if added > rows_per_tx:
            # The rows went in with consecutive seq numbers in the statement's order:
            # every rows_per_tx of them become the next transaction number.
            start = connection.exec_driver_sql(
                "SELECT min(seq) FROM sync_outbox WHERE tx = ?", (first,)
            ).scalar_one()
            connection.exec_driver_sql(
                "UPDATE sync_outbox SET tx = tx + (seq - ?) / ? WHERE tx = ?",
                (start, rows_per_tx, first),
            )
            connection.exec_driver_sql(
                "UPDATE sync_state SET open_tx = ?", (first + (added - 1) // rows_per_tx,)
            )
    connection.exec_driver_sql("UPDATE sync_state SET capture = 1")
    close_open_tx(connection)
    return queued


def seed_statements() -> tuple[str, ...]:
    """One ``INSERT … SELECT`` per synced table, tables in foreign-key order.

    A table that refers to itself (the area tree) is read parents first.
    """
    by_name = {t.name: t for t in synced_tables()}
    statements = []
    for sa_table in SQLModel.metadata.sorted_tables:
        table = by_name.get(sa_table.name)
        if table is None:
            continue
        name = table.name
        head = (
            "INSERT INTO sync_outbox (tx, table_name, row_id, op, fields)"
            f" SELECT (SELECT open_tx FROM sync_state), '{name}', r.id, 'insert',"
            f" {_inserted(table, 'r')} FROM {name} AS r"
        )
        captured = desk_only_condition(name, "r")
        order = f" WHERE {captured} ORDER BY r.rowid" if captured else " ORDER BY r.rowid"
        parents = [fk.parent.name for fk in sa_table.foreign_keys if fk.column.table is sa_table]
        if parents:
            column = parents[0]
            statements.append(
                f"WITH RECURSIVE depth(id, d) AS (SELECT id, 0 FROM {name}"
                f" WHERE {column} IS NULL OR {column} NOT IN (SELECT id FROM {name})"
                f" UNION ALL SELECT c.id, depth.d + 1 FROM {name} AS c"
                f" JOIN depth ON c.{column} = depth.id WHERE depth.d < 64)"
                f" {head} JOIN (SELECT id, max(d) AS d FROM depth GROUP BY id) AS o"
                " ON o.id = r.id ORDER BY o.d, r.rowid"
            )
        else:
            statements.append(head + order)
    return tuple(statements)


@contextmanager
def capture_off(connection: sa.Connection) -> Iterator[None]:
    """Apply pulled changes without capturing them (inside the caller's transaction)."""
    connection.exec_driver_sql("UPDATE sync_state SET capture = 0")
    try:
        yield
    finally:
        connection.exec_driver_sql("UPDATE sync_state SET capture = 1")


# -- the file's incarnation ----------------------------------------------------


@dataclass(frozen=True)
class SyncIdentity:
    device_id: str
    incarnation: str


def read_identity(connection: sa.Connection) -> SyncIdentity:
    row = connection.exec_driver_sql("SELECT device_id, incarnation FROM sync_state").one()
    return SyncIdentity(str(row[0]), str(row[1]))


def renew_incarnation(connection: sa.Connection, *, new_device: bool = False) -> str:
    """Give the file a new incarnation (restore, copy); a new device id too when asked."""
    incarnation = str(uuid.uuid4())
    if new_device:
        connection.exec_driver_sql(
            "UPDATE sync_state SET incarnation = ?, device_id = ?",
            (incarnation, str(uuid.uuid4())),
        )
    else:
        connection.exec_driver_sql("UPDATE sync_state SET incarnation = ?", (incarnation,))
    return incarnation


def check_file_identity(engine: sa.Engine, path: Path) -> bool:
    """Renew the incarnation if the file was copied, restored or moved to another computer.

    Called when a file is opened. The first opening only records where the file
    is. Returns True when the incarnation was renewed.
    """
    where, inode = file_identity(path)
    machine = machine_identity()
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT machine, file_path, file_id FROM sync_state").first()
    if row is None or tuple(row) == (machine, where, inode):
        return False
    with engine.begin() as conn:
        renewed = bool(row[1])
        if renewed:
            # Another computer or another path is another desk; a restore in place
            # (same path, a new file) is the same desk with a new incarnation.
            renew_incarnation(conn, new_device=row[0] != machine or row[1] != where)
        conn.exec_driver_sql(
            "UPDATE sync_state SET machine = ?, file_path = ?, file_id = ?",
            (machine, where, inode),
        )
    return renewed
