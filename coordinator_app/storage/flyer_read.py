"""The flyer command's narrow read: five tables through one read-only sqlite3 connection.

A fresh ``coordinator-app flyer`` process spent most of its start-up importing
SQLAlchemy, SQLModel and building the 27 table classes, to read five tables.
:func:`open_flyer_tables` reads them with plain sqlite3 instead, but only from
a file the full open (:func:`coordinator_app.storage.database.open_database`)
would leave exactly as it is; for any other file it answers ``None`` and the
command takes the full open, which creates, migrates, refuses or renews as it
always did:

* no file, an empty one, a directory or anything without the SQLite header;
* a schema revision other than :data:`SCHEMA_HEAD` (an older file is migrated
  by the full open, a newer or foreign one refused with its message);
* a file never analysed (the full open runs a bounded ``ANALYZE``);
* a file copied, restored or moved since it was last opened (the full open
  renews its sync incarnation, :func:`.capture.check_file_identity`);
* any SQLite error while checking (locked, damaged, unreadable).

The connection is ``mode=ro`` and ``query_only``, with ``trusted_schema`` off:
nothing here can write to the file, and a function a hostile schema names is
never run. The rows are the columns flyers print, converted as the ORM
converts them (UUID from 32 hex digits, dates from ISO text, the enum's stored
value); only live rows (``deleted_at IS NULL``), in the services' list order.

The one thing the full open does that this one leaves out is ``PRAGMA optimize``
as it closes: planner statistics refreshed for the next open, which runs it
itself; it guards nothing.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from coordinator_app.domain.enums import AreaKind
from coordinator_app.storage.file_identity import file_identity, machine_identity

SCHEMA_HEAD = "0013"
"""The app's schema head (the newest Alembic revision); a test keeps it equal to
:func:`coordinator_app.storage.schema.head_revision`."""

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(value)  # 32 hex digits, as SQLAlchemy's Uuid reads them


def _opt_uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else _uuid(value)


def _date(value: Any) -> date:
    return date.fromisoformat(value)  # as SQLAlchemy's SQLite DATE reads it


def _opt_date(value: Any) -> date | None:
    return None if value is None else _date(value)


@dataclass(frozen=True)
class AreaRow:
    id: uuid.UUID
    name: str
    kind: AreaKind
    parent_id: uuid.UUID | None
    population: int | None
    households: int | None
    aging_rate: float | None
    stats_as_of: date | None


@dataclass(frozen=True)
class OrganisationRow:
    id: uuid.UUID
    name: str
    address: str
    phone: str
    email: str
    website: str


@dataclass(frozen=True)
class CoordinatorRow:
    id: uuid.UUID
    name: str
    kana: str
    sort_kana: str
    photo: bytes | None
    phone: str
    email: str
    office_hours: str
    message: str
    consult_topics: str

    @property
    def consult_topic_list(self) -> list[str]:
        """As :attr:`coordinator_app.domain.models.Coordinator.consult_topic_list`."""
        return [line.strip() for line in self.consult_topics.splitlines() if line.strip()]


@dataclass(frozen=True)
class AssignmentRow:
    id: uuid.UUID
    coordinator_id: uuid.UUID
    tier: int
    tier_label: str
    area_id: uuid.UUID
    organisation_id: uuid.UUID | None
    concurrent: bool
    start_date: date
    end_date: date | None


_AREA = (
    "SELECT id, name, kind, parent_id, population, households, aging_rate, stats_as_of"
    " FROM area WHERE deleted_at IS NULL"
)
_ORGANISATION = (
    "SELECT id, name, address, phone, email, website FROM organisation WHERE deleted_at IS NULL"
)
_COORDINATOR = (
    "SELECT id, name, kana, sort_kana, photo, phone, email, office_hours, message,"
    " consult_topics FROM coordinator WHERE deleted_at IS NULL"
)
_ASSIGNMENT = (
    "SELECT id, coordinator_id, tier, tier_label, area_id, organisation_id, concurrent,"
    " start_date, end_date FROM assignment WHERE deleted_at IS NULL"
)


def _area(row: tuple[Any, ...]) -> AreaRow:
    return AreaRow(
        id=_uuid(row[0]),
        name=row[1],
        kind=AreaKind(row[2]),
        parent_id=_opt_uuid(row[3]),
        population=row[4],
        households=row[5],
        aging_rate=row[6],
        stats_as_of=_opt_date(row[7]),
    )


def _organisation(row: tuple[Any, ...]) -> OrganisationRow:
    return OrganisationRow(_uuid(row[0]), *row[1:])


def _coordinator(row: tuple[Any, ...]) -> CoordinatorRow:
    return CoordinatorRow(_uuid(row[0]), *row[1:])


def _assignment(row: tuple[Any, ...]) -> AssignmentRow:
    return AssignmentRow(
        id=_uuid(row[0]),
        coordinator_id=_uuid(row[1]),
        tier=row[2],
        tier_label=row[3],
        area_id=_uuid(row[4]),
        organisation_id=_opt_uuid(row[5]),
        concurrent=bool(row[6]),
        start_date=_date(row[7]),
        end_date=_opt_date(row[8]),
    )


def _key(record_id: uuid.UUID) -> str:
    return record_id.hex


class FlyerTables:
    """The five tables flyers read, from a file :func:`open_flyer_tables` accepted."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    def close(self) -> None:
        self._conn.close()

    def municipality_settings(self, prefix: str) -> dict[str, tuple[str, bytes | None]]:
        """Live ``setting`` rows under ``prefix``: the rest of the key -> (text, blob)."""
        rows = self._conn.execute(
            "SELECT key, text_value, blob_value FROM setting"
            " WHERE deleted_at IS NULL AND substr(key, 1, ?) = ?",
            (len(prefix), prefix),
        ).fetchall()
        return {key.removeprefix(prefix): (text, blob) for key, text, blob in rows}

    def areas(self) -> list[AreaRow]:
        return [_area(r) for r in self._conn.execute(f"{_AREA} ORDER BY sort_kana, rowid")]

    def area(self, area_id: uuid.UUID) -> AreaRow | None:
        row = self._conn.execute(f"{_AREA} AND id = ?", (_key(area_id),)).fetchone()
        return None if row is None else _area(row)

    def organisation(self, organisation_id: uuid.UUID) -> OrganisationRow | None:
        row = self._conn.execute(f"{_ORGANISATION} AND id = ?", (_key(organisation_id),)).fetchone()
        return None if row is None else _organisation(row)

    def coordinators(self) -> list[CoordinatorRow]:
        return [
            _coordinator(r) for r in self._conn.execute(f"{_COORDINATOR} ORDER BY sort_kana, rowid")
        ]

    def coordinator(self, coordinator_id: uuid.UUID) -> CoordinatorRow | None:
        row = self._conn.execute(f"{_COORDINATOR} AND id = ?", (_key(coordinator_id),)).fetchone()
        return None if row is None else _coordinator(row)

    def assignments(self) -> list[AssignmentRow]:
        return [
            _assignment(r) for r in self._conn.execute(f"{_ASSIGNMENT} ORDER BY start_date, rowid")
        ]


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    conn.isolation_level = None
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _as_opened(conn: sqlite3.Connection, path: Path) -> bool:
    """True when the full open would change nothing: head schema, analysed, same file."""
    tables = {
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name IN ('alembic_version', 'sqlite_stat1', 'sync_state')"
        )
    }
    if tables != {"alembic_version", "sqlite_stat1", "sync_state"}:
        return False
    versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if versions != [(SCHEMA_HEAD,)]:
        return False
    identity = conn.execute("SELECT machine, file_path, file_id FROM sync_state").fetchall()
    if len(identity) > 1:
        return False
    where, inode = file_identity(path)
    return not identity or tuple(identity[0]) == (machine_identity(), where, inode)


def open_flyer_tables(path: Path) -> FlyerTables | None:
    """The flyer tables of ``path`` read-only, or ``None`` when the full open is needed.

    Never raises for a file it does not like, and never writes: see the module's
    list of what sends a file to the full open.
    """
    try:
        if not path.is_file() or path.stat().st_size == 0 or not _has_sqlite_header(path):
            return None
        conn = _connect(path)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        conn.execute("BEGIN")  # one snapshot for every read of the command
        if _as_opened(conn, path):
            return FlyerTables(path, conn)
    except (OSError, ValueError, sqlite3.Error):
        pass
    conn.close()
    return None
