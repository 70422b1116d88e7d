"""The server's migrations: an Alembic chain run once per municipality schema.

Every municipality is a PostgreSQL schema of its own with its own
``alembic_version``; the chain lives in ``server/migrations`` (``env.py``,
``versions/``), each revision running one plain-PostgreSQL SQL file beside it
so a DBA can read the DDL as it is. PostgreSQL runs DDL inside a
transaction, so one upgrade is one transaction under an advisory lock: it
applies whole or not at all, and two servers starting at once do not race.

Why the server does not run the desk's own chain (``storage/migrations``)
and convert it: run on PostgreSQL, that chain makes the same tables, columns,
lengths and indexes, but the server keeps on purpose every time as
``timestamptz`` (the desk's are naive UTC), unbounded strings as ``text``,
binary columns as the SHA-256
of a row in ``blob`` (bytes stored once, uploaded before the push), deferred
foreign keys (a pushed transaction may hold its rows in any order), a
``row_version`` on every table, and none of the desk's outbox tables or
capture triggers. Converting after the desk chain would need a server step
after every desk revision, and the desk's data migrations (re-keying,
collected settings) would rewrite server rows outside the change log, which
must hold every change. So the server keeps its own plain-SQL revisions and
the guard is a test: ``tests/server/test_schema.py`` runs the desk's chain on
PostgreSQL and compares columns, types (with that mapping), nullability,
foreign keys and indexes, and fails when a desk revision is not mirrored.

A server created before the chain was Alembic-managed has a
``schema_migration`` table listing the SQL files it ran: it is stamped at the
revision of its last file and upgraded from there, in place.

The application connects as a role of its own (``<schema>_api``) that may
read and write the domain tables but only read and append to ``change_log``
— the database itself keeps the history append-only.
"""

from __future__ import annotations

import re
import zlib
from importlib import resources

import psycopg
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from psycopg import sql

from coordinator_app.server.codec import table_specs

_SCHEMA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
_LEGACY_TABLE = "schema_migration"

# Tables the API role may change; change_log and applied_tx only grow.
_API_WRITABLE = ("blob", "counter", "user_account", "device", "access_token", "conflict")
_API_APPEND_ONLY = ("change_log", "applied_tx")


class MigrationError(RuntimeError):
    """A municipality schema the chain cannot take; the message is Japanese."""


def alembic_config() -> Config:
    config = Config()
    location = resources.files("coordinator_app.server") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def check_schema_name(name: str) -> str:
    if not _SCHEMA_NAME.match(name):
        raise ValueError(f"schema name not allowed: {name!r}")
    return name


def advisory_key(schema: str) -> int:
    """The per-municipality advisory lock key (pushes and migrations)."""
    return zlib.crc32(schema.encode("utf-8"))


def _engine(owner_dsn: str) -> sa.Engine:
    def connect() -> psycopg.Connection:
        return psycopg.connect(owner_dsn, connect_timeout=30)

    return sa.create_engine("postgresql+psycopg://", creator=connect, poolclass=sa.NullPool)


def current_revision(conn: sa.Connection, schema: str) -> str | None:
    context = MigrationContext.configure(conn, opts={"version_table_schema": schema})
    return context.get_current_revision()


def _adopt_file_based(conn: sa.Connection, config: Config, schema: str) -> None:
    """Stamp a server made by the SQL-file runner at the revision of its last file."""
    found = conn.execute(
        sa.text(
            "SELECT 1 FROM information_schema.tables"
            " WHERE table_schema = :schema AND table_name = :table"
        ),
        {"schema": schema, "table": _LEGACY_TABLE},
    ).first()
    if found is None or current_revision(conn, schema) is not None:
        return
    versions = sorted(
        row[0] for row in conn.execute(sa.text(f"SELECT version FROM {_LEGACY_TABLE}"))
    )
    known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
    expected = [f"{n:04d}" for n in range(1, len(versions) + 1)]
    if not versions or versions != expected or f"s{versions[-1]}" not in known:
        raise MigrationError(
            f"スキーマ {schema} の移行記録({', '.join(versions) or 'なし'})は"
            "このサーバーの版と合いません。サーバーを更新してください。何も変更していません"
        )
    command.stamp(config, f"s{versions[-1]}")
    conn.execute(sa.text(f"DROP TABLE {_LEGACY_TABLE}"))


def migrate(owner_dsn: str, schema: str) -> list[str]:
    """Create ``schema`` if needed and upgrade it to head; returns the revisions applied.

    One transaction under an advisory lock: a failing revision leaves the
    schema as it was.
    """
    check_schema_name(schema)
    config = alembic_config()
    engine = _engine(owner_dsn)
    try:
        with engine.begin() as conn:
            conn.execute(
                sa.text("SELECT pg_advisory_xact_lock(:key)"),
                {"key": advisory_key("migrate:" + schema)},
            )
            conn.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            conn.execute(sa.text(f'SET LOCAL search_path TO "{schema}"'))
            config.attributes["connection"] = conn
            config.attributes["schema"] = schema
            _adopt_file_based(conn, config, schema)
            before = current_revision(conn, schema)
            command.upgrade(config, "head")
            script = ScriptDirectory.from_config(config)
            applied = [
                rev.revision
                for rev in script.iterate_revisions("head", before or "base")
                if rev.revision != before
            ]
    finally:
        engine.dispose()
    return list(reversed(applied))


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
            sql.SQL("GRANT SELECT ON {}.alembic_version TO {}").format(schema_ident, ident)
        )
    return role
