"""The SQLite engine: pragmas, transaction mode and the default location.

* WAL journal, foreign keys on, a busy timeout.
* ``synchronous=FULL``: a committed user save survives a power cut.
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
