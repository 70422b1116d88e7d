from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import Area
from coordinator_app.services.registry import Services
from coordinator_app.storage.capture import SYNC_STATE_TABLES
from coordinator_app.storage.database import open_database
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.schema import (
    NotOurDatabaseError,
    SchemaTooNewError,
    UpgradeBrokeLinksError,
    head_revision,
    stored_revision,
    upgrade_to,
)
from coordinator_app.storage.search_schema import SEARCH_TABLES

FIRST_REVISION = "0001"


def test_new_file_is_created_at_head(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert db.schema.created
        assert stored_revision(db_path) == head_revision()
    finally:
        db.close()


def test_migrations_match_the_models(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_name": lambda name, type_, _p: (
                        name not in SEARCH_TABLES and name not in SYNC_STATE_TABLES
                    )
                },
            )
            diff = compare_metadata(context, SQLModel.metadata)
        assert diff == [], "models changed without a migration: add an Alembic revision"
    finally:
        db.close()


def test_upgrade_from_first_revision_keeps_data_and_backs_up(db_path: Path) -> None:
    engine = create_sqlite_engine(db_path)
    upgrade_to(engine, FIRST_REVISION)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO area (id, created_at, updated_at, name, kana, sort_kana, kind, notes) "
            "VALUES ('0123456789abcdef0123456789abcdef', '2020-01-01 00:00:00', "
            "'2020-01-01 00:00:00', '倉敷市', 'くらしきし', 'くらしきし', 'municipality', '')"
        )
    engine.dispose()

    db = open_database(db_path)
    try:
        assert db.schema.upgraded_from == FIRST_REVISION
        backup = db.schema.backup_path
        assert backup is not None and backup.exists()
        assert stored_revision(backup) == FIRST_REVISION
        assert stored_revision(db_path) == head_revision()
        services = Services.create(db)
        areas = services.areas.list().rows
        assert [a.name for a in areas] == ["倉敷市"]
        profile = services.settings.municipality()  # table added after the first revision
        profile.name = "倉敷市"
        services.settings.save_municipality(profile)
        services.areas.save(Area(name="児島", kind=AreaKind.DISTRICT, parent_id=areas[0].id))
    finally:
        db.close()


def test_newer_schema_is_refused_and_file_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    db.close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_path.read_bytes()
    mtime = db_path.stat().st_mtime_ns
    with pytest.raises(SchemaTooNewError, match="新しい版"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert db_path.stat().st_mtime_ns == mtime


def test_newer_schema_in_rollback_journal_mode_stays_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES ('abcdef')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError):
        open_database(path)
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists()


def test_foreign_file_without_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotOurDatabaseError, match="データベースではありません"):
        open_database(path)
    assert path.read_bytes() == before


def test_every_revision_downgrades_and_upgrades_again(db_path: Path) -> None:
    from alembic import command

    from coordinator_app.storage.schema import alembic_config

    engine = create_sqlite_engine(db_path)
    upgrade_to(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, FIRST_REVISION)
    assert stored_revision(db_path) == FIRST_REVISION
    upgrade_to(engine)
    engine.dispose()
    assert stored_revision(db_path) == head_revision()


def test_an_upgrade_that_leaves_dangling_links_is_rolled_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command  # imported by upgrade_to only when it migrates

    engine = create_sqlite_engine(db_path)
    upgrade_to(engine, "0008")
    real_upgrade = command.upgrade

    def breaking_upgrade(config: Any, revision: str) -> None:
        real_upgrade(config, revision)
        config.attributes["connection"].exec_driver_sql(
            "INSERT INTO action_item (id, created_at, updated_at, meeting_id, text, done) "
            "VALUES ('f0000000000000000000000000000001', '2020-01-01 00:00:00', "
            "'2020-01-01 00:00:00', 'ffffffffffffffffffffffffffffffff', '宙に浮いた', 0)"
        )

    monkeypatch.setattr(command, "upgrade", breaking_upgrade)
    with pytest.raises(UpgradeBrokeLinksError, match="取りやめました"):
        upgrade_to(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM action_item").scalar() == 0
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again
    engine.dispose()
    assert stored_revision(db_path) == "0008"
