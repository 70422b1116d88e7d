"""Deciding a conflict on the desk: an ordinary, captured edit of the field, the
conflict marked resolved in the same transaction; refused changes dismissed."""

from __future__ import annotations

import json
import uuid

import pytest

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.sync_conflicts import SyncConflictService
from coordinator_app.storage import capture
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import writing
from tests.conftest import Factory


def _conflict(
    db: Database, meeting_id: uuid.UUID, field: str, mine: object, current: object
) -> str:
    conflict_id = str(uuid.uuid4())
    with writing(db.engine).begin() as conn:
        capture.enroll(conn)
        conn.exec_driver_sql("DELETE FROM sync_outbox")
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict (id, table_name, row_id, field, kind, base_value,"
            " pushed_value, current_value, client_tx, user_name, at)"
            " VALUES (?, 'meeting', ?, ?, 'field', ?, ?, ?, 1, '佐藤', '2026-05-01T05:00:00Z')",
            (
                conflict_id,
                meeting_id.hex,
                field,
                json.dumps("会議室A"),
                json.dumps(mine, ensure_ascii=False),
                json.dumps(current, ensure_ascii=False),
            ),
        )
    return conflict_id


def _outbox(db: Database) -> list[dict[str, list[object]]]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT fields FROM sync_outbox").fetchall()
    return [json.loads(r[0]) for r in rows]


def test_an_edited_value_is_captured_and_the_conflict_closed(db: Database, make: Factory) -> None:
    meeting = make.meeting(venue="公民館")
    _conflict(db, meeting.id, "venue", "市民センター", "公民館")
    store = SyncConflictService(db)
    (conflict,) = store.open_conflicts()
    assert conflict.record_title == meeting.title and conflict.editable_as_text
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    store.resolve(conflict, "市民センター 3階 第1会議室")
    assert make.s.meetings.get(meeting.id).venue == "市民センター 3階 第1会議室"
    assert _outbox(db) == [{"venue": ["公民館", "市民センター 3階 第1会議室"]}]
    assert store.open_conflicts() == []
    assert store.counts() == (1, 0, 0)  # one transaction to send, nothing open
    assert heard and heard[-1].touches(RecordKind.MEETING)


def test_keeping_the_current_value_sends_nothing(db: Database, make: Factory) -> None:
    meeting = make.meeting(venue="公民館")
    _conflict(db, meeting.id, "venue", "市民センター", "公民館")
    store = SyncConflictService(db)
    (conflict,) = store.open_conflicts()
    store.resolve(conflict, conflict.current)
    assert _outbox(db) == []
    assert store.open_conflicts() == []
    store.reopen(conflict.id)
    assert [c.id for c in store.open_conflicts()] == [conflict.id]


def test_a_required_field_cannot_be_decided_empty(db: Database, make: Factory) -> None:
    meeting = make.meeting()
    _conflict(db, meeting.id, "title", None, "連絡会")
    store = SyncConflictService(db)
    (conflict,) = store.open_conflicts()
    with pytest.raises(ValidationError):
        store.resolve(conflict, None)
    assert [c.id for c in store.open_conflicts()] == [conflict.id]
    assert make.s.meetings.get(meeting.id).title == meeting.title
