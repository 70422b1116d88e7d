"""The server's schema is an Alembic chain with a version table per municipality schema,
and a server made by the earlier SQL-file runner is taken over in place."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from importlib import resources

import psycopg
import pytest

from coordinator_app.server.cli import owner_connection
from coordinator_app.server.config import ServerDir
from coordinator_app.server.schema import MigrationError, head_revision, migrate
from tests.server.conftest import MUNICIPALITY

SQL_FILES = (
    "0001_initial.sql",
    "0002_minutes_areas_tiers_members.sql",
    "0003_gathering_places.sql",
    "0004_gathering_surveys.sql",
)


@pytest.fixture
def new_schema(server_dir: ServerDir) -> Iterator[str]:
    schema = f"mig_{uuid.uuid4().hex[:8]}"
    yield schema
    with owner_connection(server_dir) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def _file_based_server(server_dir: ServerDir, schema: str, files: int) -> None:
    """What the runner before Alembic left behind: ``schema_migration`` and the first files."""
    with owner_connection(server_dir) as conn, conn.transaction():
        conn.execute(f"CREATE SCHEMA {schema}")
        conn.execute(f"SET LOCAL search_path TO {schema}")
        conn.execute(
            "CREATE TABLE schema_migration ("
            " version varchar(10) PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        package = resources.files("coordinator_app.server.migrations")
        for name in SQL_FILES[:files]:
            conn.execute((package / name).read_text(encoding="utf-8"))  # type: ignore[arg-type]
            conn.execute("INSERT INTO schema_migration (version) VALUES (%s)", [name[:4]])
        conn.execute(
            "INSERT INTO area (id, created_at, updated_at, name, kana, sort_kana, kind, notes)"
            " VALUES (%s, now(), now(), '北地区', '', '', 'district', '')",
            [uuid.UUID(int=7)],
        )


def _columns(conn: psycopg.Connection, schema: str) -> set[tuple[str, str, str, str]]:
    rows = conn.execute(
        "SELECT table_name, column_name, data_type, is_nullable"
        " FROM information_schema.columns WHERE table_schema = %s",
        [schema],
    ).fetchall()
    return {tuple(row) for row in rows if row[0] != "alembic_version"}  # type: ignore[misc]


def _version(conn: psycopg.Connection, schema: str) -> list[str]:
    return [row[0] for row in conn.execute(f"SELECT version_num FROM {schema}.alembic_version")]


def test_each_municipality_schema_has_its_own_version_table(
    server_dir: ServerDir, new_schema: str
) -> None:
    assert migrate(server_dir.owner_dsn, new_schema) == [
        "s0001",
        "s0002",
        "s0003",
        "s0004",
        "s0005",
        "s0006",
    ]
    running = server_dir.municipality(MUNICIPALITY).schema
    with owner_connection(server_dir) as conn:
        assert _version(conn, new_schema) == [head_revision()]
        assert _version(conn, running) == [head_revision()]
        # Two schemas built by the chain are the same, column for column.
        assert _columns(conn, new_schema) == _columns(conn, running)
        legacy = conn.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migration'"
        ).fetchone()
        assert legacy is None


def test_a_server_made_by_the_sql_files_is_stamped_upgraded_and_keeps_its_rows(
    server_dir: ServerDir, new_schema: str
) -> None:
    _file_based_server(server_dir, new_schema, files=4)
    assert migrate(server_dir.owner_dsn, new_schema) == ["s0005", "s0006"]
    running = server_dir.municipality(MUNICIPALITY).schema
    with owner_connection(server_dir) as conn:
        assert _version(conn, new_schema) == [head_revision()]
        assert conn.execute(f"SELECT name FROM {new_schema}.area").fetchall() == [("北地区",)]
        assert conn.execute(f"SELECT to_regclass('{new_schema}.schema_migration')").fetchone() == (
            None,
        )
        assert _columns(conn, new_schema) == _columns(conn, running)


def test_a_server_half_way_through_the_files_is_upgraded_by_the_chain(
    server_dir: ServerDir, new_schema: str
) -> None:
    _file_based_server(server_dir, new_schema, files=1)
    assert migrate(server_dir.owner_dsn, new_schema) == [
        "s0002",
        "s0003",
        "s0004",
        "s0005",
        "s0006",
    ]
    running = server_dir.municipality(MUNICIPALITY).schema
    with owner_connection(server_dir) as conn:
        assert _columns(conn, new_schema) == _columns(conn, running)
        assert conn.execute(f"SELECT count(*) FROM {new_schema}.area").fetchone() == (1,)


def test_a_file_record_the_chain_does_not_know_is_refused_untouched(
    server_dir: ServerDir, new_schema: str
) -> None:
    _file_based_server(server_dir, new_schema, files=4)
    with owner_connection(server_dir) as conn:
        conn.execute(f"INSERT INTO {new_schema}.schema_migration (version) VALUES ('0009')")
    with pytest.raises(MigrationError, match="合いません"):
        migrate(server_dir.owner_dsn, new_schema)
    with owner_connection(server_dir) as conn:
        assert conn.execute(f"SELECT to_regclass('{new_schema}.alembic_version')").fetchone() == (
            None,
        )
        assert conn.execute(f"SELECT count(*) FROM {new_schema}.schema_migration").fetchone() == (
            5,
        )
