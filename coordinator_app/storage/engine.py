"""The SQLite engine: pragmas, transaction mode and the default location.

* WAL journal, foreign keys on, a busy timeout.
* ``synchronous=FULL``: a committed user save survives a power cut.
* A compile-only view of the engine (:func:`compiling_only`) warms SQLAlchemy's
  compiled cache with the statements a screen will run, reading no data.
* Write transactions begin IMMEDIATE. In WAL mode a deferred transaction that
  reads and then writes fails at once with "database is locked" when another
  connection wrote in between, whatever the busy timeout; taking the write
  lock up front makes it wait instead.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from coordinator_app.storage.default_location import APP_NAME as APP_NAME
from coordinator_app.storage.default_location import DB_ENV_VAR as DB_ENV_VAR
from coordinator_app.storage.default_location import DB_FILENAME as DB_FILENAME
from coordinator_app.storage.default_location import default_database_path as default_database_path

BUSY_TIMEOUT_MS = 5000
BEGIN_OPTION = "sqlite_begin"


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own
    # transaction handling would begin DEFERRED behind our back).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_begin(conn: sa.Connection) -> None:
    mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def create_sqlite_engine(path: Path | str, *, echo: bool = False) -> sa.Engine:
    """An engine on ``path`` with the pragmas and begin behaviour described above."""
    engine = sa.create_engine(
        f"sqlite:///{Path(path)}",
        echo=echo,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    sa.event.listen(engine, "connect", _on_connect)
    sa.event.listen(engine, "begin", _on_begin)
    return engine


def writing(engine: sa.Engine) -> sa.Engine:
    """The same engine (same pool) whose transactions begin IMMEDIATE."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})


COMPILE_ONLY_OPTION = "coordinator_compile_only"


class CompileOnlyError(RuntimeError):
    """A compile-only connection was asked to run something that is not a read."""


def _rows_withheld(
    _conn: sa.Connection,
    _cursor: Any,
    statement: str,
    parameters: Any,
    _context: Any,
    _executemany: bool,
) -> tuple[str, Any]:
    head = statement.lstrip()[:6].upper()
    if head.startswith("BEGIN"):
        return statement, parameters
    if not head.startswith(("SELECT", "WITH")):
        raise CompileOnlyError(f"compile-only connection: refused {statement[:40]!r}")
    # SQLite prepares the whole statement (its plan, its parameters) and evaluates the
    # constant false condition before its first loop: no row, no page of the file read.
    return f"SELECT * FROM ({statement}) WHERE 0", parameters


def compiling_only(engine: sa.Engine) -> sa.Engine:
    """The same engine (pool, dialect and compiled cache) on which each read compiles its
    statement exactly as it would to run it (the same cache key: LIMIT and every value
    bound), then finds no row without reading the file. Anything but a read is refused
    (:class:`CompileOnlyError`): nothing is written.

    Running a screen's reads here after the first paint means that, when the user opens
    the screen, SQLAlchemy finds each statement already compiled (see
    ``Database.compiling_only``). The cursor's columns are the statement's own, in its
    order, so results are built as usual (empty).
    """
    dry = engine.execution_options(**{COMPILE_ONLY_OPTION: True})
    sa.event.listen(dry, "before_cursor_execute", _rows_withheld, retval=True)
    return dry
