"""Change capture: every writer of the file lands in the outbox, one user action is one
sync transaction, hard deletes are refused, applied changes are not captured again."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from coordinator_app.domain.models import Meeting
from coordinator_app.services.registry import Services
from coordinator_app.storage import capture
from coordinator_app.storage.database import Database, open_database
from tests.conftest import Factory


@pytest.fixture(autouse=True)
def enrolled(db: Database) -> None:
    """This desk has synced once: from now on every change is captured."""
    with db.engine.begin() as conn:
        capture.enroll(conn)


def outbox(db: Database) -> list[tuple[int, str, str, str, dict[str, Any]]]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT tx, table_name, row_id, op, fields FROM sync_outbox ORDER BY seq"
        ).fetchall()
    return [(tx, table, row_id, op, json.loads(fields)) for tx, table, row_id, op, fields in rows]


def clear_outbox(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_outbox")


def test_the_synced_tables_are_the_servers() -> None:
    codec = pytest.importorskip("coordinator_app.server.codec")
    assert set(codec.table_specs()) == capture.SYNCED_TABLES


def test_every_column_of_every_synced_table_is_captured(db: Database) -> None:
    """A migration that adds a column without recreating its triggers fails here."""
    with db.engine.connect() as conn:
        triggers = dict(
            conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'"
            ).fetchall()
        )
        for table in capture.SYNCED_TABLES:
            columns = [
                row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table})").fetchall()
            ]
            inserted = triggers[f"sync_{table}_insert"]
            updated = triggers[f"sync_{table}_update"]
            assert f"sync_{table}_no_delete" in triggers
            for column in columns:
                if column == "id":
                    continue
                assert f"'{column}', json_array(NULL, " in inserted, (table, column)
                assert f"OLD.{column} IS NOT NEW.{column}" in updated, (table, column)
    assert set(triggers) == set(capture.trigger_names())


def test_insert_carries_every_column_and_update_only_what_changed(
    db: Database, services: Services, make: Factory
) -> None:
    clear_outbox(db)
    meeting = make.meeting(venue="会議室A")
    [(tx, table, row_id, op, fields)] = outbox(db)
    assert (table, op) == ("meeting", "insert")
    assert row_id == meeting.id.hex
    columns = {c.name for c in Meeting.__table__.columns} - {"id"}  # type: ignore[attr-defined]
    assert set(fields) == columns
    assert fields["venue"] == [None, "会議室A"]

    meeting.venue = "公民館"
    services.meetings.save(meeting)
    later = outbox(db)[1]
    assert later[0] > tx  # a new user action, a new sync transaction
    assert later[3] == "update"
    assert set(later[4]) == {"venue", "updated_at"}
    assert later[4]["venue"] == ["会議室A", "公民館"]


def test_one_user_action_is_one_sync_transaction(
    db: Database, services: Services, make: Factory
) -> None:
    coordinator = make.coordinator()
    org = make.organisation()
    meeting = make.meeting()
    clear_outbox(db)
    meeting.venue = "公民館"
    services.meetings.save(
        meeting, coordinator_ids=[coordinator.id], organisation_ids=[org.id], contact_ids=[]
    )
    rows = outbox(db)
    assert {r[1] for r in rows} == {"meeting", "meeting_coordinator", "meeting_organisation"}
    assert len({r[0] for r in rows}) == 1


def test_a_raw_sql_update_is_captured_and_closed_before_a_push(
    db: Database, db_path: Path, make: Factory
) -> None:
    meeting = make.meeting(venue="会議室A")
    clear_outbox(db)
    raw = sqlite3.connect(db_path)
    try:
        raw.execute("UPDATE meeting SET venue = '集会所' WHERE id = ?", (meeting.id.hex,))
        raw.commit()
    finally:
        raw.close()
    [(tx, table, _row, op, fields)] = outbox(db)
    assert (table, op, fields) == ("meeting", "update", {"venue": ["会議室A", "集会所"]})
    with db.engine.begin() as conn:
        assert capture.close_open_tx(conn) == tx + 1
    # The closed number is never written to again, whoever writes next.
    make.meeting(title="次の会議")
    assert all(row[0] > tx for row in outbox(db)[1:])


def test_hard_deletes_of_synced_rows_are_refused(
    db: Database, db_path: Path, make: Factory
) -> None:
    meeting = make.meeting()
    raw = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="同期する記録は削除できません"):
            raw.execute("DELETE FROM meeting WHERE id = ?", (meeting.id.hex,))
        with pytest.raises(sqlite3.IntegrityError, match="ID は変更できません"):
            raw.execute("UPDATE meeting SET id = ? WHERE id = ?", ("0" * 32, meeting.id.hex))
    finally:
        raw.close()
    with db.reading() as session:
        assert session.get(Meeting, meeting.id) is not None


def test_applied_changes_are_not_captured_again(db: Database, make: Factory) -> None:
    meeting = make.meeting(venue="会議室A")
    clear_outbox(db)
    with db.engine.begin() as conn:
        with capture.capture_off(conn):
            conn.exec_driver_sql(
                "UPDATE meeting SET venue = '公民館' WHERE id = ?", (meeting.id.hex,)
            )
        assert conn.exec_driver_sql("SELECT capture FROM sync_state").scalar_one() == 1
    assert outbox(db) == []


def test_a_soft_delete_and_its_undo_are_captured(
    db: Database, services: Services, make: Factory
) -> None:
    meeting = make.meeting()
    clear_outbox(db)
    services.meetings.soft_delete(meeting.id)
    services.meetings.restore(meeting.id)
    rows = outbox(db)
    assert [r[3] for r in rows] == ["update", "update"]
    assert rows[0][4]["deleted_at"][0] is None and rows[0][4]["deleted_at"][1] is not None
    assert rows[1][4]["deleted_at"][1] is None
    assert rows[0][0] < rows[1][0]


def test_an_import_is_captured_in_one_transaction(
    db: Database, services: Services, tmp_path: Path
) -> None:
    from coordinator_app.services.transfer.fields import ORGANISATIONS
    from tests.services.test_transfer_import import ORG_ROWS, _import

    clear_outbox(db)
    _import(
        services,
        tmp_path,
        ORGANISATIONS,
        [*ORG_ROWS[:2], ["ふじ町会", "ふじちょうかい", "町会・自治会", "", "", ""]],
    )
    rows = [r for r in outbox(db) if r[1] == "organisation"]
    assert sorted(r[4]["name"][1] for r in rows) == ["ふじ町会", "福生市社会福祉協議会"]
    assert len({r[0] for r in outbox(db)}) == 1


def test_binary_columns_travel_as_a_marker_not_bytes(
    db: Database, services: Services, make: Factory
) -> None:
    coordinator = make.coordinator()
    clear_outbox(db)
    coordinator.photo = b"\x89PNG" + bytes(100)
    services.coordinators.save(coordinator)
    [(_tx, _table, _row, _op, fields)] = outbox(db)
    assert fields["photo"] == [None, {"$blob": 104}]


def test_a_fresh_file_passes_the_hostile_file_check(db: Database) -> None:
    from coordinator_app.storage.schema_check import schema_differences

    raw = db.engine.raw_connection()
    try:
        assert schema_differences(raw.driver_connection) == []  # type: ignore[arg-type]
    finally:
        raw.close()


def test_a_foreign_trigger_on_a_synced_table_is_still_refused(db: Database) -> None:
    from coordinator_app.storage.schema_check import schema_differences

    with db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "CREATE TRIGGER sync_meeting_evil AFTER UPDATE ON meeting BEGIN"
                " UPDATE coordinator SET name = 'x'; END"
            )
        )
    raw = db.engine.raw_connection()
    try:
        assert schema_differences(raw.driver_connection) == [  # type: ignore[arg-type]
            "トリガー「sync_meeting_evil」"
        ]
    finally:
        raw.close()


def test_a_desk_that_never_synced_captures_nothing(tmp_path: Path) -> None:
    alone = open_database(tmp_path / "alone.sqlite3")
    try:
        Factory(Services.create(alone)).meeting()
        assert outbox(alone) == []
        with alone.engine.begin() as conn:  # a hard delete works as it always did
            conn.exec_driver_sql("DELETE FROM meeting")
    finally:
        alone.close()


def test_the_first_sync_queues_the_rows_already_in_the_file(tmp_path: Path) -> None:
    alone = open_database(tmp_path / "years.sqlite3")
    try:
        make = Factory(Services.create(alone))
        city = make.city()
        district = make.area("北部圏域", parent=city)
        # A parent stored after its child (an import in any order): parents still go first.
        with alone.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE area SET parent_id = ? WHERE id = ?", (district.id.hex, city.id.hex)
            )
            conn.exec_driver_sql(
                "UPDATE area SET parent_id = NULL WHERE id = ?", (district.id.hex,)
            )
        make.meeting()
        with alone.engine.begin() as conn:
            assert capture.enroll(conn) == 3
            assert capture.enroll(conn) == 0  # once
        rows = outbox(alone)
        assert [(r[1], r[2]) for r in rows] == [
            ("area", district.id.hex),
            ("area", city.id.hex),
            ("meeting", rows[2][2]),
        ]
        assert all(r[3] == "insert" for r in rows)
        assert rows[0][0] == rows[1][0] < rows[2][0]  # one sync transaction per table
    finally:
        alone.close()
