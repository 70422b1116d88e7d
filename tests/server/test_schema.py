"""The server's schema: the domain's tables column for column, an append-only change log
the API's own database role cannot rewrite, migrations that run once."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from coordinator_app.server.codec import table_specs
from coordinator_app.server.config import ServerDir
from coordinator_app.server.schema import migrate
from coordinator_app.storage.schema import upgrade_to
from tests.server.conftest import MUNICIPALITY, Client, insert, logged_in

SERVER = Path(__file__).resolve().parents[2] / "coordinator_app" / "server"


def _api_connection(server_dir: ServerDir) -> psycopg.Connection:
    municipality = server_dir.municipality(MUNICIPALITY)
    return psycopg.connect(
        server_dir.api_dsn(municipality),
        autocommit=True,
        options=f"-c search_path={municipality.schema}",
    )


def test_the_api_role_cannot_rewrite_the_history(
    api: str, admin: Client, server_dir: ServerDir
) -> None:
    desk = logged_in(api, admin, "coordinator")
    desk.push(insert("area", name="北地区", kind="district"))
    with _api_connection(server_dir) as conn:
        assert conn.execute("SELECT count(*) FROM change_log").fetchone() != (0,)
        for statement in (
            "UPDATE change_log SET new_value = '\"改ざん\"'",
            "DELETE FROM change_log",
            "TRUNCATE change_log",
            "UPDATE applied_tx SET result = '{}'",
            "DELETE FROM applied_tx",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        # It can still read and append, which is all the API does.
        assert conn.execute("SELECT max(seq) FROM change_log").fetchone() is not None


def test_even_the_owner_cannot_rewrite_the_history(owner: psycopg.Connection) -> None:
    for statement in (
        "UPDATE change_log SET actor_name = 'x'",
        "DELETE FROM change_log",
        "TRUNCATE change_log",
    ):
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            owner.execute(statement)


def test_the_domain_tables_match_the_desk_column_for_column(owner: psycopg.Connection) -> None:
    """A desk migration that adds a column needs a server migration too: this fails until then."""
    rows = owner.execute(
        "SELECT table_name, column_name, is_nullable FROM information_schema.columns"
        " WHERE table_schema = current_schema()"
    ).fetchall()
    server: dict[str, dict[str, bool]] = {}
    for table, column, nullable in rows:
        server.setdefault(table, {})[column] = nullable == "YES"
    for name, spec in table_specs().items():
        expected = {c.name: c.nullable for c in spec.columns.values()}
        actual = dict(server.get(name, {}))
        assert actual.pop("row_version", None) is False, name
        assert actual == expected, name


# How a desk column type, as the desk's own chain creates it on PostgreSQL, is kept on
# the server: times with their zone, unbounded strings as text, bytes as the SHA-256
# of a row in ``blob``. Everything else is the same type and length.
_ON_THE_SERVER = {
    ("timestamp without time zone", None): ("timestamp with time zone", None),
    ("character varying", None): ("text", None),
    ("bytea", None): ("character", 64),
}


@dataclass
class Catalog:
    columns: dict[tuple[str, str], tuple[str, int | None, bool]]
    foreign_keys: dict[tuple[str, str], tuple[str, bool]]
    indexes: set[tuple[str, bool, str]]


def _catalog(conn: psycopg.Connection | sa.Connection, schema: str, tables: set[str]) -> Catalog:
    def rows(query: str) -> list[Any]:
        if isinstance(conn, sa.Connection):
            return list(conn.exec_driver_sql(query, (schema,)).fetchall())
        return conn.execute(query, [schema]).fetchall()  # type: ignore[arg-type]

    columns = {
        (t, c): (typ, length, nullable == "YES")
        for t, c, typ, length, nullable in rows(
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable"
            " FROM information_schema.columns WHERE table_schema = %s"
        )
        if t in tables
    }
    foreign_keys = {
        (t, c): (target, deferrable)
        for t, c, target, deferrable in rows(
            "SELECT cl.relname, a.attname, ref.relname, k.condeferrable"
            " FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid"
            " JOIN pg_class ref ON ref.oid = k.confrelid"
            " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
            " WHERE k.contype = 'f' AND k.connamespace = %s::regnamespace"
        )
        if t in tables
    }
    indexes = {
        (t, "UNIQUE" in definition, definition.split(" USING ", 1)[1])
        for t, definition in rows(
            "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = %s"
        )
        if t in tables
    }
    return Catalog(columns, foreign_keys, indexes)


def test_the_domain_tables_are_what_the_desk_chain_makes_on_postgresql(
    desk_schema: sa.Engine, owner: psycopg.Connection
) -> None:
    """The server's domain tables against the desk's own migrations run on PostgreSQL:
    same columns, types (mapped as above), nullability, foreign keys (deferred on the
    server: a pushed transaction may arrive in any order) and indexes. A desk revision
    the server does not mirror yet fails here."""
    upgrade_to(desk_schema)
    tables = set(table_specs())
    with desk_schema.connect() as conn:
        desk_name = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
        desk = _catalog(conn, desk_name, tables)
    server_name = owner.execute("SELECT current_schema()").fetchone()
    assert server_name is not None
    server = _catalog(owner, server_name[0], tables)

    expected_columns = {}
    for key, (typ, length, nullable) in desk.columns.items():
        typ, length = _ON_THE_SERVER.get((typ, length), (typ, length))
        expected_columns[key] = (typ, length, nullable)
    for table in tables:
        expected_columns[(table, "row_version")] = ("bigint", None, False)
    assert server.columns == expected_columns

    binary = {key for key, (typ, _l, _n) in desk.columns.items() if typ == "bytea"}
    expected_keys = {key: (target, True) for key, (target, _d) in desk.foreign_keys.items()}
    expected_keys.update({key: ("blob", False) for key in binary})
    assert server.foreign_keys == expected_keys

    missing = desk.indexes - server.indexes
    assert not missing, missing


def test_migrations_run_once(server_dir: ServerDir) -> None:
    schema = server_dir.municipality(MUNICIPALITY).schema
    assert migrate(server_dir.owner_dsn, schema) == []


def test_the_server_imports_no_qt_no_ui_and_no_desk_services() -> None:
    banned = ("PySide6", "coordinator_app.ui", "coordinator_app.services", "coordinator_app.app")
    for path in SERVER.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(banned), f"{path.name} imports {name}"
