"""A new desk's starting point: the municipality's synced tables as one SQLite file.

``GET /v1/snapshot`` answers a gzip-compressed SQLite file holding every row of
every synced table (soft-deleted rows included, as the change log carries
them) and the change-log cursor those rows are consistent with. A new desk
copies the rows in one transaction and then pulls only the tail after that
cursor, instead of replaying years of log.

Rows and cursor agree because they are read in one ``REPEATABLE READ``
transaction: every writer (``changes.ChangeWriter``) commits under the
municipality's advisory lock, which PostgreSQL releases only after the
commit is visible, so any one snapshot sees exactly a gap-free prefix of
the log — the same rule the pull relies on. Holding the lock while building
would stop every push for the length of the build, so the build does not.

Every role may pull the whole change log, so the snapshot is the same for
every role; it holds nothing of the server's own tables (users, tokens,
devices, conflicts, the log itself).

The file is written by SQLAlchemy Core on the standard library's ``sqlite3``
with the domain's own table definitions, so each value is stored exactly as
the desk stores it (naive UTC text for times, hex ids, enum codes): the desk
copies with ``INSERT … SELECT`` and gets the rows a replay of the log would
give. Besides the domain tables the file holds:

==================== ==========================================================
``snapshot_meta``    ``key``/``value``: ``format``, ``cursor``, ``municipality``,
                     ``built_at``, ``desk_revision``, ``rows``
``snapshot_blob``    ``table_name``, ``row_id`` (hex), ``column_name``, ``sha256``
                     of each binary value (the bytes are in the row itself)
``snapshot_row_version`` column on every domain table: the row's server version
==================== ==========================================================

**Cost control** (:class:`SnapshotCache`, one per running API): a big city's
snapshot takes minutes of database and disk, so it is not built for every
request.

* *Reuse*: the last snapshot built for a municipality is served again while
  its cursor is recent — at most ``snapshot_reuse_rows`` change-log rows
  behind the log's end and younger than ``snapshot_reuse_seconds``
  (``ServerConfig``; defaults 10,000 rows and one hour). The desk pulls the
  tail after the cursor the file carries, as after any snapshot, so a reused
  file gives the same desk as a fresh one. Otherwise a new one is built and
  replaces it.
* *One build at a time*: requests for a municipality queue on its lock; the
  first builds, the ones that waited find that build recent and reuse it. A
  second lock lets only one build run on the server at all (two
  municipalities' builds follow each other).
* *Per account*: at most ``snapshot_requests_per_account`` answers per
  ``snapshot_rate_window_seconds`` (defaults 6 per hour; ``limits.RateLimit``),
  reused or built — a desk needs one to start. Beyond it the answer is 429
  ``snapshot_rate_limited`` with a Japanese message saying when to try again
  (and ``Retry-After``); the desk shows it and creates nothing
  (``sync/bootstrap.py``), so running the command again later works.

The files live in one temporary directory of the cache, removed when the API
stops; a replaced file is deleted at once (an answer still streaming it keeps
its open handle). No path of the server machine travels.
"""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import psycopg
import sqlalchemy as sa
from psycopg import sql
from sqlmodel import SQLModel
from starlette.responses import StreamingResponse

from coordinator_app.domain import models
from coordinator_app.domain.types import utc_now
from coordinator_app.server.codec import table_specs, wire_time
from coordinator_app.server.config import desk_revisions

SNAPSHOT_FORMAT = 1
META_TABLE = "snapshot_meta"
BLOB_TABLE = "snapshot_blob"
ROW_VERSION_COLUMN = "snapshot_row_version"
CURSOR_HEADER = "X-Snapshot-Cursor"
_BATCH = 2000


@dataclass(frozen=True)
class Snapshot:
    """A built snapshot: the gzip file, the log cursor it matches, its row count."""

    path: Path
    cursor: int
    rows: int


def synced_tables() -> list[sa.Table]:
    """The domain tables the server keeps, parents first."""
    known = set(table_specs())
    ours = {m.__tablename__ for m in models.ALL_TABLES}
    return [t for t in SQLModel.metadata.sorted_tables if t.name in known and t.name in ours]


def build_snapshot(
    conn: psycopg.Connection, *, directory: Path, municipality: str, desk_revision: str
) -> Snapshot:
    """Write the snapshot of ``conn``'s municipality into ``directory``; returns it.

    ``conn`` is an autocommit connection whose search path is the
    municipality's schema; the read is one read-only REPEATABLE READ transaction.
    """
    plain = directory / "snapshot.sqlite3"
    engine = sa.create_engine(f"sqlite:///{plain}", poolclass=sa.NullPool)
    try:
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            found = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()
            cursor = int(found[0]) if found else 0
            with engine.begin() as lite:
                lite.exec_driver_sql("PRAGMA journal_mode = OFF")
                lite.exec_driver_sql("PRAGMA synchronous = OFF")
                lite.exec_driver_sql(
                    f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT)"
                )
                lite.exec_driver_sql(
                    f"CREATE TABLE {BLOB_TABLE} (table_name TEXT NOT NULL, row_id TEXT NOT NULL,"
                    " column_name TEXT NOT NULL, sha256 TEXT NOT NULL)"
                )
                rows = sum(_copy_table(conn, lite, table) for table in synced_tables())
                meta = {
                    "format": str(SNAPSHOT_FORMAT),
                    "cursor": str(cursor),
                    "municipality": municipality,
                    "built_at": wire_time(utc_now()),
                    "desk_revision": desk_revision,
                    "rows": str(rows),
                }
                lite.exec_driver_sql(
                    f"INSERT INTO {META_TABLE} (key, value) VALUES (?, ?)", list(meta.items())
                )
    finally:
        engine.dispose()
    packed = directory / "snapshot.sqlite3.gz"
    with plain.open("rb") as source, gzip.open(packed, "wb", compresslevel=6) as target:
        shutil.copyfileobj(source, target, 1 << 20)
    plain.unlink()
    return Snapshot(packed, cursor, rows)


def _copy_table(conn: psycopg.Connection, lite: sa.Connection, table: sa.Table) -> int:
    spec = table_specs()[table.name]
    names = list(spec.columns)
    blobs = [name for name in names if spec.columns[name].kind == "blob"]
    # The domain's column types (so values are stored as the desk stores them),
    # without its constraints, plus the row's server version.
    copy = sa.Table(
        table.name,
        sa.MetaData(),
        *(sa.Column(c.name, c.type, primary_key=c.primary_key) for c in table.columns),
        sa.Column(ROW_VERSION_COLUMN, sa.BigInteger),
    )
    copy.create(lite)
    insert = copy.insert()
    query = sql.SQL("SELECT {}, row_version FROM {}").format(
        sql.SQL(", ").join(sql.Identifier(name) for name in names), sql.Identifier(table.name)
    )
    copied = 0
    with conn.cursor(name=f"snapshot_{table.name}") as rows:
        rows.execute(query)
        while batch := rows.fetchmany(_BATCH):
            values = [dict(zip([*names, ROW_VERSION_COLUMN], row, strict=True)) for row in batch]
            if blobs:
                _fill_blobs(conn, lite, table.name, blobs, values)
            lite.execute(insert, values)
            copied += len(values)
    return copied


def _fill_blobs(
    conn: psycopg.Connection,
    lite: sa.Connection,
    table: str,
    columns: Sequence[str],
    values: list[dict[str, Any]],
) -> None:
    """The server keeps a binary value as the hash of a ``blob`` row: put the bytes back."""
    digests = {row[name] for row in values for name in columns if row[name] is not None}
    contents: dict[str, bytes] = {}
    if digests:
        found = conn.execute(
            "SELECT sha256, content FROM blob WHERE sha256 = ANY(%s)", [sorted(digests)]
        ).fetchall()
        contents = {str(digest).strip(): bytes(content) for digest, content in found}
    references = []
    for row in values:
        for name in columns:
            digest = row[name]
            if digest is None:
                continue
            digest = str(digest).strip()
            row[name] = contents.get(digest)
            if row[name] is not None:
                references.append((table, row["id"].hex, name, digest))
    if references:
        lite.exec_driver_sql(
            f"INSERT INTO {BLOB_TABLE} (table_name, row_id, column_name, sha256)"
            " VALUES (?, ?, ?, ?)",
            references,
        )


Connect = Callable[[], AbstractContextManager[psycopg.Connection]]
"""Lends an autocommit connection on the municipality's schema (a pool's ``connection``)."""


@dataclass(frozen=True)
class _Built:
    snapshot: Snapshot
    directory: Path
    born: float
    """The cache's clock when the build finished."""


class SnapshotCache:
    """The last snapshot of each municipality, reused while recent; one build at a time.

    Thread-safe (the API's handlers run on a thread pool). ``clock`` is a
    monotonic clock in seconds (a test passes its own); ``builds`` counts the
    snapshots built and ``waiting`` the requests queued behind another's build.
    """

    def __init__(
        self,
        *,
        reuse_rows: int,
        reuse_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.reuse_rows = reuse_rows
        self.reuse_seconds = reuse_seconds
        self.clock = clock
        self.builds = 0
        self.waiting = 0
        self._root: Path | None = None
        self._current: dict[str, _Built] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._building = threading.Lock()

    def open(self, municipality: str, connect: Connect) -> tuple[Snapshot, BinaryIO]:
        """A recent snapshot of ``municipality`` (built when there is none) and its open file."""
        with self._guard:
            lock = self._locks.setdefault(municipality, threading.Lock())
            self.waiting += 1
        try:
            lock.acquire()
        finally:
            with self._guard:
                self.waiting -= 1
        try:
            with connect() as conn:
                built = self._current.get(municipality)
                if built is None or not self._recent(conn, built):
                    with self._building:
                        built = self._build(conn, municipality)
            # Opened under the lock: a newer build cannot delete it first.
            return built.snapshot, built.snapshot.path.open("rb")
        finally:
            lock.release()

    def _recent(self, conn: psycopg.Connection, built: _Built) -> bool:
        if self.clock() - built.born > self.reuse_seconds:
            return False
        found = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()
        head = int(found[0]) if found else 0
        return head - built.snapshot.cursor <= self.reuse_rows

    def _build(self, conn: psycopg.Connection, municipality: str) -> _Built:
        with self._guard:
            if self._root is None:
                self._root = Path(tempfile.mkdtemp(prefix="coordinator-snapshots-"))
            root = self._root
        directory = Path(tempfile.mkdtemp(prefix=f"{municipality}-", dir=root))
        try:
            snapshot = build_snapshot(
                conn,
                directory=directory,
                municipality=municipality,
                desk_revision=desk_revisions()[-1],
            )
        except BaseException:
            shutil.rmtree(directory, ignore_errors=True)
            raise
        built = _Built(snapshot, directory, self.clock())
        replaced = self._current.get(municipality)
        self._current[municipality] = built
        self.builds += 1
        if replaced is not None:
            # An answer still sending it holds its open handle (POSIX); where the
            # system refuses, ``close`` removes it with the rest.
            shutil.rmtree(replaced.directory, ignore_errors=True)
        return built

    def close(self) -> None:
        """Remove every file of the cache (the API stops)."""
        with self._guard:
            root, self._root = self._root, None
            self._current.clear()
        if root is not None:
            shutil.rmtree(root, ignore_errors=True)


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    try:
        while chunk := handle.read(1 << 20):
            yield chunk
    finally:
        handle.close()


def snapshot_response(
    cache: SnapshotCache, *, municipality: str, connect: Connect
) -> StreamingResponse:
    """A recent snapshot of ``municipality`` as a file answer (see :class:`SnapshotCache`)."""
    built, handle = cache.open(municipality, connect)
    size = os.fstat(handle.fileno()).st_size
    name = f"snapshot-{municipality}-{built.cursor}.sqlite3.gz"
    return StreamingResponse(
        _chunks(handle),
        media_type="application/gzip",
        headers={
            CURSOR_HEADER: str(built.cursor),
            "Content-Length": str(size),
            "Content-Disposition": f'attachment; filename="{name}"',
        },
    )
