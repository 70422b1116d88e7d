"""A desk's own settings (its backup rotation, its import wizard's mappings) are never
captured nor pushed; the municipality's settings still are."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator_app.domain.ids import setting_id
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile
from coordinator_app.storage import capture
from coordinator_app.storage.backup_policy import BackupPolicy, load_policy, save_policy
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.schema import upgrade_to
from coordinator_app.storage.schema_check import schema_differences


def _outbox_settings(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT s.key FROM sync_outbox AS o JOIN setting AS s ON s.id = o.row_id"
            " WHERE o.table_name = 'setting' ORDER BY o.seq"
        ).fetchall()
    return [row[0] for row in rows]


def test_desk_settings_are_not_captured_and_municipality_ones_are(db: Database) -> None:
    save_policy(db, BackupPolicy(daily=3))  # before the first sync: enrolment skips it
    with db.engine.begin() as conn:
        capture.enroll(conn)
    assert _outbox_settings(db) == []
    save_policy(db, BackupPolicy(daily=5, weekly=2))
    with db.engine.begin() as conn:  # what the import wizard's MappingStore writes
        conn.exec_driver_sql(
            "INSERT INTO setting (id, created_at, updated_at, key, text_value)"
            " VALUES (?, '2026-01-01 00:00:00', '2026-01-01 00:00:00', ?, '{}')",
            (setting_id("import.mapping.meeting").hex, "import.mapping.meeting"),
        )
    assert _outbox_settings(db) == []
    assert load_policy(db) == BackupPolicy(daily=5, weekly=2)
    Services.create(db).settings.save_municipality(MunicipalityProfile(name="若葉台市"))
    keys = _outbox_settings(db)
    assert "municipality.name" in keys
    assert all(not capture.is_desk_setting(key) for key in keys)


def test_upgrading_takes_queued_desk_settings_out_of_the_outbox(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    engine = create_sqlite_engine(path)
    upgrade_to(engine, "0011")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET capture = 1")  # a desk that synced
        for key in ("backup.keep_daily", "municipality.name"):
            conn.exec_driver_sql(
                "INSERT INTO setting (id, created_at, updated_at, key, text_value)"
                " VALUES (?, '2026-01-01 00:00:00', '2026-01-01 00:00:00', ?, '3')",
                (setting_id(key).hex, key),
            )
        queued = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one()
    assert queued == 2  # the old triggers captured both
    engine.dispose()
    db = open_database(path)
    try:
        assert _outbox_settings(db) == ["municipality.name"]
        raw = db.engine.raw_connection()
        try:  # the upgraded triggers are exactly the ones a new file gets
            assert schema_differences(raw.driver_connection) == []  # type: ignore[arg-type]
        finally:
            raw.close()
        save_policy(db, BackupPolicy(daily=9))
        assert _outbox_settings(db) == ["municipality.name"]
    finally:
        db.close()


@pytest.mark.parametrize("key", ["backup.keep_daily", "import.mapping.contact"])
def test_desk_keys_are_recognised(key: str) -> None:
    assert capture.is_desk_setting(key)
    assert not capture.is_desk_setting("municipality." + key)
