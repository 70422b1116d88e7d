"""Is a database file's schema exactly ours? Extra triggers, views and changed columns refused.

A SQLite file carries code as well as data: a trigger runs on the next
ordinary save (renaming every coordinator, deleting progress entries) and
travels into every later backup; a view in place of a table makes saves
fail. So a file is opened, restored or imported into only when its schema
is the one this app's migrations make:

* tables: the ORM's tables, the schema version table and the search index
  (:mod:`.search_schema`), none missing and none extra, each with the same
  columns (name, type affinity, NOT NULL, primary key);
* indexes: the ORM's indexes (same table, columns and uniqueness) and
  SQLite's automatic ones, nothing else;
* sync: the desk's sync tables and the change-capture triggers generated
  from the ORM (:mod:`coordinator_app.storage.capture`);
* triggers: exactly the search index's and the capture ones, with the same SQL;
* views: none.

The reference is built once per process from the ORM metadata and the
search index statements in an in-memory database (a few milliseconds), not
from the migrations: a test proves a freshly migrated file matches it, so
the two cannot drift apart unnoticed.

A file at an older (known) revision is upgraded on opening, so its tables
may legitimately differ; only its triggers and views are judged then.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

import sqlalchemy as sa
from sqlmodel import SQLModel

from coordinator_app.storage import capture
from coordinator_app.storage.search_schema import CREATE_STATEMENTS

VERSION_TABLE = "alembic_version"
FTS_SHADOW_SUFFIXES = ("_config", "_data", "_docsize", "_idx", "_content")


@dataclass(frozen=True)
class SchemaShape:
    """What is compared: every object of a database, by kind and name."""

    tables: dict[str, tuple[tuple[str, str, int, int], ...]]
    """Ordinary table name -> (column, affinity, not null, primary key), by column name."""
    virtual: dict[str, str]
    """Virtual table name -> its normalised SQL."""
    indexes: dict[str, tuple[str, int, tuple[str, ...]]]
    """Named index -> (table, unique, columns)."""
    triggers: dict[str, str]
    """Trigger name -> its normalised SQL."""
    views: tuple[str, ...]


def _normalise(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").strip()).replace("( ", "(").replace(" )", ")").lower()


def _affinity(declared: str) -> str:
    """SQLite's type affinity rules (https://sqlite.org/datatype3.html, 3.1)."""
    text = declared.upper()
    if "INT" in text:
        return "INTEGER"
    if any(word in text for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if "BLOB" in text or not text:
        return "BLOB"
    if any(word in text for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    return "NUMERIC"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_shape(conn: sqlite3.Connection) -> SchemaShape:
    """The shape of the database behind ``conn`` (only reads)."""
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    tables: dict[str, tuple[tuple[str, str, int, int], ...]] = {}
    virtual: dict[str, str] = {}
    indexes: dict[str, tuple[str, int, tuple[str, ...]]] = {}
    triggers: dict[str, str] = {}
    views: list[str] = []
    for kind, name, table, sql in rows:
        if kind == "table" and (sql or "").upper().startswith("CREATE VIRTUAL"):
            virtual[name] = _normalise(sql)
        elif kind == "table":
            columns = conn.execute(f"PRAGMA table_xinfo({_quote(name)})").fetchall()
            # By name, not position: a migration's ADD COLUMN appends where the
            # model may declare the column in the middle; the order means nothing.
            tables[name] = tuple(
                sorted(
                    (str(c[1]), _affinity(str(c[2] or "")), int(c[3]), int(c[5] > 0))
                    for c in columns
                )
            )
        elif kind == "index":
            info = conn.execute(f"PRAGMA index_info({_quote(name)})").fetchall()
            unique = int(bool(sql) and "UNIQUE" in sql.split("(")[0].upper())
            indexes[name] = (str(table), unique, tuple(str(c[2]) for c in info))
        elif kind == "trigger":
            triggers[name] = _normalise(sql)
        elif kind == "view":
            views.append(name)
    return SchemaShape(
        tables=tables, virtual=virtual, indexes=indexes, triggers=triggers, views=tuple(views)
    )


@lru_cache(maxsize=1)
def expected_shape() -> SchemaShape:
    """The shape this app's schema has, built from the ORM and the search index."""
    import coordinator_app.domain.models  # noqa: F401  (registers every table)

    engine = sa.create_engine("sqlite://")
    try:
        SQLModel.metadata.create_all(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql(
                f"CREATE TABLE {VERSION_TABLE} (version_num VARCHAR(32) NOT NULL, "
                f"CONSTRAINT {VERSION_TABLE}_pkc PRIMARY KEY (version_num))"
            )
            for statement in CREATE_STATEMENTS:
                conn.exec_driver_sql(statement)
            for statement in (*capture.TABLE_STATEMENTS, *capture.trigger_statements()):
                conn.exec_driver_sql(statement)
        raw = engine.raw_connection()
        try:
            return read_shape(raw.driver_connection)  # type: ignore[arg-type]  # sqlite3's, never None
        finally:
            raw.close()
    finally:
        engine.dispose()


def _shadow_tables(shape: SchemaShape) -> set[str]:
    return {v + suffix for v in shape.virtual for suffix in FTS_SHADOW_SUFFIXES}


def schema_differences(conn: sqlite3.Connection, *, at_head: bool = True) -> list[str]:
    """What makes the database behind ``conn`` not exactly ours, in plain Japanese.

    Args:
        conn: a connection to the database (only read).
        at_head: the file claims the current schema version; when False (an
            older version, to be upgraded) only triggers and views are judged.

    Returns:
        An empty list when the schema is ours.
    """
    found = read_shape(conn)
    expected = expected_shape()
    problems: list[str] = []
    for name in found.views:
        problems.append(f"ビュー「{name}」")
    for name, sql in sorted(found.triggers.items()):
        if expected.triggers.get(name) != sql:
            problems.append(f"トリガー「{name}」")
    if not at_head:
        return problems
    shadows = _shadow_tables(expected)
    for name, columns in sorted(found.tables.items()):
        if name in shadows:
            continue
        wanted = expected.tables.get(name)
        if wanted is None:
            problems.append(f"余分な表「{name}」")
        elif columns != wanted:
            problems.append(f"表「{name}」の列")
    for name in sorted(set(expected.tables) - set(found.tables)):
        problems.append(f"表「{name}」がない")
    for name, sql in sorted(found.virtual.items()):
        if expected.virtual.get(name) != sql:
            problems.append(f"検索索引「{name}」")
    for name in sorted(set(expected.virtual) - set(found.virtual)):
        problems.append(f"検索索引「{name}」がない")
    for name, index in sorted(found.indexes.items()):
        if expected.indexes.get(name) != index:
            problems.append(f"索引「{name}」")
    return problems


def describe_differences(
    file_name: str, problems: list[str], *, refused: str = "開けません"
) -> str:
    """The message for a refused file: what differs (the first few) and that nothing changed.

    Args:
        refused: what cannot be done (開けません, 復元できません, 取り込めません).
    """
    shown = "、".join(problems[:5]) + (f" ほか{len(problems) - 5}件" if len(problems) > 5 else "")
    return (
        f"「{file_name}」はこのアプリのデータベースと構造が違うため、{refused}"
        f"(このアプリが作らない部分: {shown})。"
        "他のプログラムで変更されたか、細工されたファイルのおそれがあります。"
        "ファイルは変更していません。"
    )
