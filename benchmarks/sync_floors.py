"""The sync benchmark's floors: the raw cost of the same rows (SQLite executemany into a
fresh file; psycopg COPY + executemany into look-alike tables on the same PostgreSQL)."""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

from coordinator_app.server.cli import owner_connection
from coordinator_app.server.config import ServerDir


def _schema_of(source: sqlite3.Connection, tables: list[str]) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements of ``tables`` (no triggers)."""
    marks = ",".join("?" * len(tables))
    return [
        sql
        for (sql,) in source.execute(
            f"SELECT sql FROM sqlite_master WHERE tbl_name IN ({marks}) AND sql IS NOT NULL"
            " AND type IN ('table', 'index') ORDER BY type DESC",
            tables,
        )
    ]


def sqlite_floor(
    source_path: Path,
    target_path: Path,
    inserts: dict[str, list[tuple[Any, ...]]],
    columns: dict[str, list[str]],
    updates: list[tuple[str, str, list[tuple[Any, ...]]]] = (),  # type: ignore[assignment]
) -> float:
    """Seconds to executemany ``inserts`` (then ``updates``) into a fresh file, one transaction."""
    source = sqlite3.connect(source_path)
    statements = _schema_of(source, list(columns))
    source.close()
    target = sqlite3.connect(target_path, isolation_level=None)
    target.execute("PRAGMA journal_mode = WAL")  # as the app's files
    target.execute("PRAGMA synchronous = NORMAL")
    for statement in statements:
        target.execute(statement)
    started = time.perf_counter()
    target.execute("BEGIN")
    for table, rows in inserts.items():
        names = columns[table]
        target.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            rows,
        )
    for table, column, pairs in updates:
        target.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?", pairs)
    target.execute("COMMIT")
    seconds = time.perf_counter() - started
    target.close()
    return seconds


def read_rows(
    path: Path, tables: list[str], where: str = "", params: tuple[Any, ...] = ()
) -> tuple[dict[str, list[tuple[Any, ...]]], dict[str, list[str]]]:
    conn = sqlite3.connect(path)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    columns: dict[str, list[str]] = {}
    for table in tables:
        cursor = conn.execute(f"SELECT * FROM {table} {where}", params)
        columns[table] = [d[0] for d in cursor.description]
        rows[table] = cursor.fetchall()
    conn.close()
    return rows, columns


def postgres_floor(
    server_dir: ServerDir, municipality: str, outbox: list[tuple[str, str, str, dict[str, Any]]]
) -> float:
    """Seconds to COPY the pushed rows and apply the pushed updates into look-alike tables."""
    schema = server_dir.municipality(municipality).schema
    inserted: dict[str, list[uuid.UUID]] = defaultdict(list)
    updated: dict[tuple[str, tuple[str, ...]], list[uuid.UUID]] = defaultdict(list)
    for table, row_hex, op, fields in outbox:
        row_id = uuid.UUID(row_hex)
        if op == "insert":
            inserted[table].append(row_id)
        else:
            updated[(table, tuple(sorted(fields)))].append(row_id)
    tables = sorted({t for t, *_ in outbox})
    with owner_connection(server_dir) as conn:
        conn.execute("DROP SCHEMA IF EXISTS floor CASCADE")
        conn.execute("CREATE SCHEMA floor")
        for table in tables:
            conn.execute(f"CREATE TABLE floor.{table} (LIKE {schema}.{table} INCLUDING ALL)")
        # The rows as the server stored them (read before the clock starts).
        copies: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
        for table, ids in inserted.items():
            cursor = conn.execute(f"SELECT * FROM {schema}.{table} WHERE id = ANY(%s)", [ids])
            copies[table] = ([d.name for d in cursor.description or ()], cursor.fetchall())
        changes: list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]] = []
        for (table, names), ids in updated.items():
            listed = ", ".join(names)
            found = {
                r[0]: r[1:]
                for r in conn.execute(
                    f"SELECT id, {listed} FROM {schema}.{table} WHERE id = ANY(%s)", [ids]
                )
            }
            changes.append((table, names, [(*found[i], i) for i in ids if i in found]))
        conn.commit()
        started = time.perf_counter()
        with conn.transaction():
            for table, (names, rows) in copies.items():
                with conn.cursor().copy(
                    f"COPY floor.{table} ({', '.join(names)}) FROM STDIN"
                ) as copy:
                    for row in rows:
                        copy.write_row(row)
            with conn.cursor() as cursor:
                for table, names, params in changes:
                    sets = ", ".join(f"{n} = %s" for n in names)
                    cursor.executemany(f"UPDATE floor.{table} SET {sets} WHERE id = %s", params)
        seconds = time.perf_counter() - started
        conn.execute("DROP SCHEMA floor CASCADE")
        conn.commit()
    return seconds
