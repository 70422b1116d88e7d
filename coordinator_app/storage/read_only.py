"""Opening a database for reading only: a second instance, a read-only file, folder or medium."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.domain.validation import ValidationError
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import BUSY_TIMEOUT_MS
from coordinator_app.storage.locations import folder_is_writable, side_files
from coordinator_app.storage.open_checks import CHECK_TIMEOUT_S, is_locked_error
from coordinator_app.storage.schema import SchemaReport


class ReadOnlyDatabaseError(ValidationError):
    """A write was attempted on a database opened read-only.

    A :class:`ValidationError` (on the pseudo-field ``database``), so a form
    shows it like any refused save instead of crashing.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            {
                "database": f"データベース「{path.name}」は読み取り専用で開いているため、"
                "保存できません。"
            }
        )
        self.path = path


@dataclass
class ReadOnlyDatabase(Database):
    """A database opened for reading only: ``writing()`` refuses before SQLite is touched.

    The connections are opened with ``mode=ro`` and ``query_only`` as well, so
    nothing can write to the file even through the engine directly.
    """

    read_only: bool = field(default=True, init=False)

    @contextmanager
    def writing(self, *, everything: bool = False) -> Iterator[Session]:
        raise ReadOnlyDatabaseError(self.path)
        yield  # pragma: no cover - makes this a generator


def _read_only_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _read_only_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN")


class CannotOpenReadOnlyError(ValidationError):
    """There is no file to read (or it cannot be read at all)."""

    def __init__(self, path: Path, detail: str = "") -> None:
        text = (
            f"データベースファイル「{path.name}」がないため、読み取り専用でも開けません。"
            if not path.exists()
            else f"データベースファイル「{path.name}」を読み取り専用でも開けませんでした。"
        )
        super().__init__({"database": text + (f" 詳細: {detail}" if detail else "")})
        self.path = path


def read_only_open_uri(path: Path) -> str:
    """How to open ``path`` for reading only, wherever it lies.

    ``mode=ro`` honours another connection's locks and WAL, but SQLite must
    be able to create or open the -shm file beside a WAL database; in a
    read-only folder without side files (nobody has the file open, and
    nobody can write there) the file is read as ``immutable`` instead, which
    needs no side file at all (``attempt to write a readonly database``
    otherwise).

    Raises:
        CannotOpenReadOnlyError: there is no file to read, or it cannot be read.
    """
    if not path.is_file():
        raise CannotOpenReadOnlyError(path)
    base = path.resolve().as_uri()
    if not folder_is_writable(path) and not side_files(path):
        return f"{base}?immutable=1"
    uri = f"{base}?mode=ro"
    try:
        probe = sqlite3.connect(uri, uri=True, timeout=CHECK_TIMEOUT_S)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        if is_locked_error(exc):
            return uri
        if side_files(path) and not path.with_name(path.name + "-shm").exists():
            # A -wal nobody can index (no -shm, none creatable): only the main file is read.
            return f"{base}?immutable=1"
        if "readonly" in str(exc) or "unable to open" in str(exc):
            return f"{base}?immutable=1"
        raise CannotOpenReadOnlyError(path, str(exc)) from exc
    return uri


def open_read_only(path: Path | str) -> ReadOnlyDatabase:
    """Open ``path`` for reading only (second instance, read-only file, folder or medium).

    Raises:
        CannotOpenReadOnlyError: there is no file to read, or it cannot be read.
    """
    path = Path(path)
    uri = read_only_open_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )

    engine = sa.create_engine("sqlite://", creator=connect, poolclass=sa.pool.QueuePool)
    sa.event.listen(engine, "connect", _read_only_connect)
    sa.event.listen(engine, "begin", _read_only_begin)
    return ReadOnlyDatabase(
        path=path,
        engine=engine,
        schema=SchemaReport(created=False, upgraded_from=None, backup_path=None),
    )
