from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import DB_ENV_VAR, default_database_path


def _pragma(db: Database, name: str) -> object:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_pragmas(db: Database) -> None:
    assert _pragma(db, "journal_mode") == "wal"
    assert _pragma(db, "foreign_keys") == 1
    assert _pragma(db, "synchronous") == 2  # FULL
    assert int(_pragma(db, "busy_timeout")) >= 1000


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(sa.exc.IntegrityError), db.writing() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO contact (id, created_at, updated_at, organisation_id, name, kana, "
            "sort_kana, role, phone, email, notes) VALUES ('00000000000000000000000000000001', "
            "'2024-01-01', '2024-01-01', 'ffffffffffffffffffffffffffffffff', 'x', '', '', '', "
            "'', '', '')"
        )


def test_write_transactions_take_the_write_lock_at_begin(db: Database, db_path: Path) -> None:
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with db.writing() as session:
            session.connection().exec_driver_sql("SELECT 1")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_reads_do_not_block_a_writer(db: Database, db_path: Path) -> None:
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        with db.reading() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM area").scalar()
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_failed_action_writes_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.writing() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO setting (id, created_at, updated_at, key, text_value) "
            "VALUES ('00000000000000000000000000000002', '2024-01-01', '2024-01-01', 'k', 'v')"
        )
        raise RuntimeError("boom")
    with db.reading() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM setting").scalar() == 0


def test_default_path_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "x.sqlite3"))
    assert default_database_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv(DB_ENV_VAR)
    assert default_database_path().name == "coordinator.sqlite3"
