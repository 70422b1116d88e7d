"""The server's migrations: ordered SQL files applied per municipality schema.

Why not Alembic here: every municipality is a PostgreSQL schema of its own,
the server's DDL is plain PostgreSQL (no SQLite batch mode, no FTS5), and
PostgreSQL runs DDL inside a transaction, so a migration is a file read in
order, applied under an advisory lock in one transaction with its row in
``schema_migration``. A DBA can read the files as they are. The desk keeps
its Alembic chain in ``storage/migrations``; the two never share a file.

The application connects as a role of its own (``<schema>_api``) that may
read and write the domain tables but only read and append to ``change_log``
— the database itself keeps the history append-only.
"""

from __future__ import annotations

import re
import zlib
from importlib import resources

import psycopg
from psycopg import sql

from coordinator_app.server.codec import table_specs

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_SCHEMA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")

# Tables the API role may change; change_log and applied_tx only grow.
_API_WRITABLE = ("blob", "counter", "user_account", "device", "access_token", "conflict")
_API_APPEND_ONLY = ("change_log", "applied_tx")


def migrations() -> list[tuple[str, str]]:
    """``(version, sql)`` of every migration file, in order."""
    found = []
    for entry in resources.files("coordinator_app.server.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((match.group(1), entry.read_text(encoding="utf-8")))
    return sorted(found)


def check_schema_name(name: str) -> str:
    if not _SCHEMA_NAME.match(name):
        raise ValueError(f"schema name not allowed: {name!r}")
    return name


def advisory_key(schema: str) -> int:
    """The per-municipality advisory lock key (pushes and migrations)."""
    return zlib.crc32(schema.encode("utf-8"))


def migrate(conn: psycopg.Connection, schema: str) -> list[str]:
    """Create ``schema`` if needed and apply the pending migrations; returns their versions.

    ``conn`` is an owner connection in autocommit mode or idle; the whole run
    is one transaction.
    """
    check_schema_name(schema)
    applied: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [advisory_key("migrate:" + schema)])
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        conn.execute(sql.SQL("SET LOCAL search_path TO {}").format(sql.Identifier(schema)))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migration ("
            " version varchar(10) PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migration")}
        for version, text in migrations():
            if version in done:
                continue
            conn.execute(text)  # type: ignore[arg-type]  # trusted package files
            conn.execute("INSERT INTO schema_migration (version) VALUES (%s)", [version])
            applied.append(version)
    return applied


def api_role_name(schema: str) -> str:
    return f"{check_schema_name(schema)}_api"


def ensure_api_role(conn: psycopg.Connection, schema: str, password: str) -> str:
    """Create or update the API's login role and grant it exactly what it needs."""
    role = api_role_name(schema)
    ident = sql.Identifier(role)
    schema_ident = sql.Identifier(schema)
    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(
            sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(password))
        )
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema_ident, ident))
        domain = list(table_specs())
        for table in (*domain, *_API_WRITABLE):
            conn.execute(
                sql.SQL("GRANT SELECT, INSERT, UPDATE ON {}.{} TO {}").format(
                    schema_ident, sql.Identifier(table), ident
                )
            )
        for table in _API_APPEND_ONLY:
            target = sql.SQL("{}.{}").format(schema_ident, sql.Identifier(table))
            conn.execute(sql.SQL("REVOKE ALL ON {} FROM {}").format(target, ident))
            conn.execute(sql.SQL("GRANT SELECT, INSERT ON {} TO {}").format(target, ident))
        conn.execute(
            sql.SQL("GRANT SELECT ON {}.schema_migration TO {}").format(schema_ident, ident)
        )
    return role
