"""Profiles registered in a desk's picker stay on that desk: never captured nor pushed
(the server lets only an admin write user profiles); profiles the server sends are
still applied, and a desk upgraded from 0012 drops the ones waiting in its outbox."""

from __future__ import annotations

import json
from pathlib import Path

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.storage import capture
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.schema import upgrade_to
from coordinator_app.storage.schema_check import schema_differences


def _outbox_tables(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT table_name FROM sync_outbox ORDER BY seq").fetchall()
    return [row[0] for row in rows]


def test_a_desks_profiles_are_never_queued_for_the_server(db: Database, services: Services) -> None:
    before = services.profiles.save(UserProfile(name="高橋 美咲", role=ProfileRole.COORDINATOR))
    with db.engine.begin() as conn:
        assert capture.enroll(conn) == 0  # the first sync uploads no profile
    later = services.profiles.save(UserProfile(name="山本 健", role=ProfileRole.SUPERVISOR))
    before.title = "第1層コーディネーター"
    services.profiles.save(before)
    services.profiles.soft_delete(later.id)
    assert _outbox_tables(db) == []
    assert services.profiles.get(before.id).title == "第1層コーディネーター"


def test_an_upgraded_desk_drops_queued_profiles_and_their_refusals(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    engine = create_sqlite_engine(path)
    upgrade_to(engine, "0012")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET capture = 1")  # a desk that synced
        conn.exec_driver_sql(
            "INSERT INTO user_profile (id, created_at, updated_at, name, kana, sort_kana, role,"
            " title) VALUES ('0123456789abcdef0123456789abcdef', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00', '高橋 美咲', '', '', 'coordinator', '')"
        )
        conn.exec_driver_sql(
            "INSERT INTO area (id, created_at, updated_at, name, kana, sort_kana, kind, notes)"
            " VALUES ('fedcba9876543210fedcba9876543210', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:00', '東地区', '', '', 'region', '')"
        )
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one() == 2
        for tables, code in ((["user_profile"], "admin_only"), (["meeting"], "role_forbidden")):
            changes = json.dumps([{"table": t, "id": "x", "op": "insert"} for t in tables])
            conn.exec_driver_sql(
                "INSERT INTO sync_refused (tx, incarnation, code, message, changes, at)"
                " VALUES (1, 'i', ?, '', ?, '2026-01-01T00:00:00+00:00')",
                (code, changes),
            )
    engine.dispose()
    db = open_database(path)
    try:
        assert _outbox_tables(db) == ["area"]
        with db.engine.connect() as conn:
            open_refusals = conn.exec_driver_sql(
                "SELECT code FROM sync_refused WHERE dismissed_at IS NULL"
            ).fetchall()
        assert [row[0] for row in open_refusals] == ["role_forbidden"]
        raw = db.engine.raw_connection()
        try:  # the upgraded triggers are exactly the ones a new file gets
            assert schema_differences(raw.driver_connection) == []  # type: ignore[arg-type]
        finally:
            raw.close()
        Services.create(db).profiles.save(UserProfile(name="佐藤", role=ProfileRole.COORDINATOR))
        assert _outbox_tables(db) == ["area"]
    finally:
        db.close()
