"""The server's schema: the domain's tables column for column, an append-only change log
the API's own database role cannot rewrite, migrations that run once."""

from __future__ import annotations

import ast
from pathlib import Path

import psycopg
import pytest

from coordinator_app.server.codec import table_specs
from coordinator_app.server.config import ServerDir
from coordinator_app.server.schema import migrate
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
