"""Pushing much: a desk holding many records joins (its existing rows are queued in
bounded transactions, each push request stays below the server's request limit), and
acknowledging many transactions reads the outbox a bounded number of times; a pulled
page carries a couple of hundred new records."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg
import sqlalchemy as sa

from coordinator_app.storage import capture
from coordinator_app.storage.schema import head_revision
from coordinator_app.sync.client import ServerClient, SyncError, request_timeout
from coordinator_app.sync.worker import SyncWorker
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, new_user
from tests.sync import test_rounds
from tests.sync.test_rounds import Desk, _edit, _new_meeting

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner
desks = test_rounds.desks

SERVER_LIMIT = 1024 * 1024  # the test server's request limit (tests/server/conftest.py)
MEETINGS = 2000


def _copies(desk: Desk, template: uuid.UUID, count: int) -> list[uuid.UUID]:
    """``count`` copies of one meeting row, written straight into the file."""
    with desk.db.engine.begin() as conn:
        columns = [
            row[1] for row in conn.exec_driver_sql("PRAGMA table_info(meeting)") if row[1] != "id"
        ]
        names = ", ".join(columns)
        ids = [uuid.uuid4() for _ in range(count)]
        for new in ids:
            conn.exec_driver_sql(
                f"INSERT INTO meeting (id, {names}) SELECT ?, {names} FROM meeting WHERE id = ?",
                (new.hex, template.hex),
            )
    return ids


def test_a_desk_with_many_records_joins_in_requests_below_the_limit(
    tmp_path: Path, api: str, admin: Client, owner: psycopg.Connection
) -> None:
    desk = Desk(tmp_path / "years.sqlite3", api, new_user(admin, "coordinator"))
    try:
        first = _new_meeting(desk, agenda="見守り活動について、" * 20)
        ids = [first.id, *_copies(desk, first.id, MEETINGS - 1)]
        with desk.db.engine.begin() as conn:
            assert capture.enroll(conn) >= MEETINGS
            queued = conn.exec_driver_sql(
                "SELECT sum(length(CAST(fields AS BLOB))) FROM sync_outbox"
                " WHERE table_name = 'meeting'"
            ).scalar_one()
            largest = conn.exec_driver_sql(
                "SELECT max(n) FROM (SELECT count(*) AS n FROM sync_outbox GROUP BY tx)"
            ).scalar_one()
        assert queued > SERVER_LIMIT  # one transaction per table would not fit one request
        assert largest <= capture.ENROLL_ROWS_PER_TX

        client = ServerClient(api, schema_revision=head_revision())
        # A transaction larger than any request may be: a clear message, nothing lost.
        tiny = SyncWorker(desk.db, client, max_push_bytes=10_000)
        tiny.login(*desk.user)
        before = desk.outbox_size()
        with pytest.raises(SyncError) as refused:
            tiny.push_once()
        assert refused.value.code == "request_too_large"
        assert "大きすぎて送信できません" in refused.value.message
        assert desk.outbox_size() == before

        worker = SyncWorker(desk.db, client, max_push_bytes=SERVER_LIMIT - 64 * 1024)
        result = worker.run_round()
        assert result.exit_code == 0
        assert desk.outbox_size() == 0
        on_server = owner.execute(
            "SELECT count(*) FROM meeting WHERE id = ANY(%s)", [ids]
        ).fetchone()
        assert on_server == (MEETINGS,)
    finally:
        desk.db.close()


def test_a_large_request_waits_longer_for_the_server() -> None:
    # A 4 MB push on a slow line, or applied by a busy server, is not cut at the base wait.
    assert request_timeout(60.0, 0) == 60.0
    assert request_timeout(60.0, 4 * 1024 * 1024) >= 60.0 + 250.0


def test_a_request_over_the_server_limit_gets_a_clear_message(
    tmp_path: Path, api: str, admin: Client
) -> None:
    desk = Desk(tmp_path / "big.sqlite3", api, new_user(admin, "coordinator"))
    try:
        worker = desk.worker()
        with desk.db.engine.connect() as conn:
            incarnation = capture.read_identity(conn).incarnation
        oversized = {"tx": 1, "changes": [{"padding": "あ" * SERVER_LIMIT}]}
        with pytest.raises(SyncError) as refused:
            worker.client.push(incarnation, [oversized])
        assert refused.value.code == "request_too_large"
        assert "大きすぎて" in refused.value.message
    finally:
        desk.db.close()


def test_acknowledging_many_transactions_reads_the_outbox_a_bounded_number_of_times(
    desks: tuple[Desk, Desk],
) -> None:
    office, laptop = desks
    count = 30
    meetings = [_new_meeting(office, title=f"協議体 {n}") for n in range(count)]
    office.sync()
    laptop.sync()
    for meeting in meetings:  # the same field on both: every laptop transaction conflicts
        _edit(office, meeting.id, venue="集会所")
        _edit(laptop, meeting.id, venue="公民館")
    _edit(laptop, meetings[0].id, agenda="まだ送らない")  # waits in the outbox meanwhile
    office.sync()
    worker = laptop.worker()
    reads: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "sync_outbox" in statement:
            reads.append(statement)

    sa.event.listen(laptop.db.engine, "before_cursor_execute", seen)
    try:
        acknowledged = 0
        while pushed := worker.push_once():
            acknowledged += pushed
    finally:
        sa.event.remove(laptop.db.engine, "before_cursor_execute", seen)
    assert acknowledged == count + 1
    # Per request: the next transactions, once the waiting fields; then the empty check.
    assert len(reads) <= 4
    with laptop.db.engine.connect() as conn:
        conflicts = conn.exec_driver_sql(
            "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL"
        ).scalar_one()
    assert conflicts == count
    assert {laptop.meeting(m.id).venue for m in meetings} == {"集会所"}


def test_a_pulled_page_carries_a_couple_of_hundred_new_meetings(
    desks: tuple[Desk, Desk],
) -> None:
    office, laptop = desks
    laptop.sync()  # caught up with everything the server had
    first = _new_meeting(office)
    _copies(office, first.id, 399)
    with office.db.engine.begin() as conn:
        capture.enroll(conn, rows_per_tx=1)  # as if each had been saved on its own
    assert office.sync().pushed >= 400
    applied, more = laptop.worker().pull_once()
    assert more
    assert 150 <= applied < 400  # one page: about 190 meetings of 27 fields
    assert laptop.sync().exit_code == 0
    with laptop.db.engine.connect() as conn:
        copies = conn.exec_driver_sql(
            "SELECT count(*) FROM meeting WHERE title = ?", (first.title,)
        ).scalar_one()
    assert copies >= 400
