"""The desk's migration chain runs on PostgreSQL: its SQLite-only parts (the FTS5 search
index, PRAGMAs, sqlite_master) are skipped there, so nothing stops the chain."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

import coordinator_app.domain.models  # noqa: F401  (registers the tables)
from coordinator_app.server.cli import owner_connection
from coordinator_app.server.config import ServerDir
from coordinator_app.storage.schema import current_revision, head_revision, upgrade_to
from coordinator_app.storage.search_schema import SEARCH_TABLES


@pytest.fixture
def desk_schema(server_dir: ServerDir) -> Iterator[sa.Engine]:
    """An engine on a new, empty schema of the throw-away cluster (dropped afterwards)."""
    schema = f"desk_chain_{uuid.uuid4().hex[:8]}"
    with owner_connection(server_dir) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")

    def connect() -> psycopg.Connection:
        return psycopg.connect(server_dir.owner_dsn, options=f"-c search_path={schema}")

    engine = sa.create_engine("postgresql+psycopg://", creator=connect, poolclass=sa.NullPool)
    try:
        yield engine
    finally:
        engine.dispose()
        with owner_connection(server_dir) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_the_desk_chain_upgrades_to_head_on_postgresql(desk_schema: sa.Engine) -> None:
    upgrade_to(desk_schema)
    assert current_revision(desk_schema) == head_revision()
    with desk_schema.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert not tables & SEARCH_TABLES  # the FTS5 index is the desk's alone
