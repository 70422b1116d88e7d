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

It is built in a temporary directory that is removed once the answer is sent;
no path of the server machine travels.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa
from psycopg import sql
from sqlmodel import SQLModel
from starlette.background import BackgroundTask
from starlette.responses import FileResponse

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


def snapshot_response(conn: psycopg.Connection, *, municipality: str) -> FileResponse:
    """The snapshot as a file answer; its temporary directory goes once it is sent."""
    directory = Path(tempfile.mkdtemp(prefix="coordinator-snapshot-"))
    try:
        built = build_snapshot(
            conn,
            directory=directory,
            municipality=municipality,
            desk_revision=desk_revisions()[-1],
        )
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return FileResponse(
        built.path,
        media_type="application/gzip",
        filename=f"snapshot-{municipality}-{built.cursor}.sqlite3.gz",
        headers={CURSOR_HEADER: str(built.cursor)},
        background=BackgroundTask(shutil.rmtree, directory, ignore_errors=True),
    )
