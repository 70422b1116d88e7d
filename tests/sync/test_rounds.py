"""Desks syncing through the real server (throw-away PostgreSQL, HTTP on loopback):
merges and conflicts on both sides, a lost acknowledgement, one attendee added on two
desks, and the headless ``coordinator-app sync`` command."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg
from sqlmodel import select

from coordinator_app import cli
from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import Coordinator, Meeting, MeetingCoordinator
from coordinator_app.services.registry import Services
from coordinator_app.storage.backup import BackupManager
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.schema import head_revision
from coordinator_app.sync.client import ServerClient, SyncError
from coordinator_app.sync.worker import RoundResult, SyncWorker
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, new_user

# The server tests' fixtures: a throw-away PostgreSQL and the API on loopback.
server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner


class Desk:
    """One desk: its own file, its services and a login of its own user."""

    def __init__(self, path: Path, api: str, user: tuple[str, str]) -> None:
        self.db: Database = open_database(path)
        self.services = Services.create(self.db)
        self.api = api
        self.user = user

    def worker(self, client: ServerClient | None = None) -> SyncWorker:
        worker = SyncWorker(
            self.db, client or ServerClient(self.api, schema_revision=head_revision())
        )
        worker.login(*self.user)
        return worker

    def sync(self) -> RoundResult:
        return self.worker().run_round()

    def meeting(self, meeting_id: uuid.UUID) -> Meeting:
        return self.services.meetings.get(meeting_id)

    def outbox_size(self) -> int:
        with self.db.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one())

    def open_conflicts(self) -> list[tuple[str, str, str]]:
        with self.db.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT field, pushed_value, current_value FROM sync_conflict"
                " WHERE resolved_at IS NULL"
            ).fetchall()
        return [tuple(r) for r in rows]  # type: ignore[misc]


@pytest.fixture
def desks(tmp_path: Path, api: str, admin: Client) -> Iterator[tuple[Desk, Desk]]:
    office = Desk(tmp_path / "office.sqlite3", api, new_user(admin, "coordinator"))
    laptop = Desk(tmp_path / "laptop.sqlite3", api, new_user(admin, "coordinator"))
    try:
        yield office, laptop
    finally:
        office.db.close()
        laptop.db.close()


def _new_meeting(desk: Desk, **values: Any) -> Meeting:
    fields: dict[str, Any] = {
        "kind": MeetingKind.COUNCIL,
        "title": "第1層協議体",
        "held_on": date(2026, 5, 1),
        "mode": MeetingMode.ON_SITE,
        "venue": "会議室A",
        **values,
    }
    return desk.services.meetings.save(Meeting(**fields))


def _edit(desk: Desk, meeting_id: uuid.UUID, **values: Any) -> None:
    meeting = desk.meeting(meeting_id)
    for name, value in values.items():
        setattr(meeting, name, value)
    desk.services.meetings.save(meeting)


def test_different_fields_merge_and_the_same_field_conflicts_on_both(
    desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, laptop = desks
    meeting = _new_meeting(office)
    assert office.sync().pushed == 1
    assert laptop.sync().pulled >= 1
    assert laptop.meeting(meeting.id).venue == "会議室A"

    # Offline on both: the office corrects the venue, the laptop writes the agenda.
    _edit(office, meeting.id, venue="公民館")
    _edit(laptop, meeting.id, agenda="見守り活動について")
    office.sync()
    laptop.sync()
    office.sync()
    for desk in (office, laptop):
        stored = desk.meeting(meeting.id)
        assert (stored.venue, stored.agenda) == ("公民館", "見守り活動について")
        assert desk.open_conflicts() == []

    # Both change the venue: the server keeps the first, the second is a conflict.
    _edit(office, meeting.id, venue="集会所")
    _edit(laptop, meeting.id, venue="市役所 3階")
    assert office.sync().exit_code == 0
    result = laptop.sync()
    assert result.exit_code == 3
    assert result.conflicts_open == 1
    assert laptop.open_conflicts() == [("venue", '"市役所 3階"', '"集会所"')]
    office.sync()
    for desk in (office, laptop):
        assert desk.meeting(meeting.id).venue == "集会所"  # every replica equals the server
    row = owner.execute(
        "SELECT pushed_value, current_value FROM conflict WHERE row_id = %s AND resolved_at"
        " IS NULL",
        [str(meeting.id)],
    ).fetchall()
    assert row == [("市役所 3階", "集会所")]
    assert owner.execute("SELECT venue FROM meeting WHERE id = %s", [meeting.id]).fetchone() == (
        "集会所",
    )


class LostAcknowledgement(ServerClient):
    """The server commits the push, then the answer never reaches the desk."""

    def push(
        self, incarnation: str, transactions: list[dict[str, Any]], **echo: Any
    ) -> list[dict[str, Any]]:
        super().push(incarnation, transactions, **echo)
        raise SyncError("サーバーに接続できません", code="offline")


def test_a_push_whose_acknowledgement_was_lost_is_applied_once(
    desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, _laptop = desks
    office.sync()  # connected once: from now on each save is its own sync transaction
    meeting = _new_meeting(office)
    _edit(office, meeting.id, venue="公民館")
    lossy = office.worker(LostAcknowledgement(office.api, schema_revision=head_revision()))
    with pytest.raises(SyncError):
        lossy.run_round()
    assert office.outbox_size() > 0  # nothing is dropped on the desk's side
    logged = owner.execute(
        "SELECT count(*) FROM change_log WHERE row_id = %s", [meeting.id]
    ).fetchone()
    result = office.sync()
    assert result.pushed == 2 and result.exit_code == 0
    assert office.outbox_size() == 0
    again = owner.execute(
        "SELECT count(*) FROM change_log WHERE row_id = %s", [meeting.id]
    ).fetchone()
    assert again == logged  # replayed, not applied a second time
    assert owner.execute("SELECT venue FROM meeting WHERE id = %s", [meeting.id]).fetchone() == (
        "公民館",
    )


def test_the_same_attendee_added_on_two_desks_is_one_row(
    desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, laptop = desks
    coordinator = office.services.coordinators.save(Coordinator(name="佐藤 一郎"))
    meeting = _new_meeting(office)
    office.sync()
    laptop.sync()
    for desk in (office, laptop):  # offline on both, the same person ticked as present
        desk.services.meetings.save(desk.meeting(meeting.id), coordinator_ids=[coordinator.id])
    for desk in (office, laptop, office):
        assert desk.sync().exit_code == 0
    rows = owner.execute(
        "SELECT count(*) FROM meeting_coordinator WHERE meeting_id = %s AND deleted_at IS NULL",
        [meeting.id],
    ).fetchone()
    assert rows == (1,)
    for desk in (office, laptop):
        with desk.db.reading() as session:
            links = session.exec(select(MeetingCoordinator)).all()
        assert [(link.meeting_id, link.coordinator_id) for link in links] == [
            (meeting.id, coordinator.id)
        ]


def test_the_headless_round_prints_one_line_and_exits_by_state(
    tmp_path: Path, api: str, admin: Client, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    name, password = new_user(admin, "coordinator")
    path = tmp_path / "new-desk.sqlite3"  # does not exist yet: filled from the server
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    code = cli.main(
        ["--db", str(path), "sync", "--server", api, "--user", name, "--password-stdin"]
    )
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    assert len(out) == 1 and out[0].startswith("送信 0件 受信 ")

    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-password\n"))
    code = cli.main(
        ["--db", str(path), "sync", "--server", api, "--user", name, "--password-stdin"]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert "同期できませんでした" in captured.err


class DiesAfterOnePage(ServerClient):
    """The connection drops after the first page of a pull."""

    pages = 0

    def pull(self, after: int, limit: int, **echo: Any) -> dict[str, Any]:
        if self.pages == 1:
            raise SyncError("サーバーに接続できません", code="offline")
        self.pages += 1
        return super().pull(after, limit, **echo)


def test_a_pull_killed_midway_resumes_and_converges(
    desks: tuple[Desk, Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    office, laptop = desks
    office.sync()
    meetings = [_new_meeting(office, title=f"第{n}回協議体") for n in range(1, 6)]
    office.sync()
    monkeypatch.setattr("coordinator_app.sync.worker.PULL_PAGE", 1)
    dying = laptop.worker(DiesAfterOnePage(laptop.api, schema_revision=head_revision()))
    with pytest.raises(SyncError):
        dying.run_round()
    with laptop.db.engine.connect() as conn:
        cursor = conn.exec_driver_sql("SELECT pull_cursor FROM sync_state").scalar_one()
        present = conn.exec_driver_sql("SELECT count(*) FROM meeting").scalar_one()
    assert cursor > 0  # the first page is committed with its cursor
    assert present < len(meetings)
    assert laptop.sync().exit_code == 0
    assert {laptop.meeting(m.id).title for m in meetings} == {m.title for m in meetings}
    # The pulled rows are in the laptop's search index too.
    hits = laptop.services.search.search("第3回協議体").groups["meeting"]
    assert [hit.record_id for hit in hits] == [meetings[2].id]


def test_edits_after_restoring_an_old_backup_all_arrive(
    desks: tuple[Desk, Desk], tmp_path: Path, owner: psycopg.Connection
) -> None:
    office, _laptop = desks
    office.sync()
    meeting = _new_meeting(office)
    office.sync()
    path = office.db.path
    manager = BackupManager(path, tmp_path / "backups")
    backup = manager.backup_now()
    _edit(office, meeting.id, venue="公民館")  # pushed, then lost locally by the restore
    office.sync()
    office.db.close()
    manager.restore(backup.path)
    office.db = open_database(path)
    office.services = Services.create(office.db)
    # The restored file numbers its next transaction as it did before: a new
    # incarnation keeps the server from taking it for the one already applied.
    _edit(office, meeting.id, agenda="見守り活動について")
    result = office.sync()
    assert result.exit_code == 0
    stored = office.meeting(meeting.id)
    assert (stored.venue, stored.agenda) == ("公民館", "見守り活動について")
    assert owner.execute(
        "SELECT venue, agenda FROM meeting WHERE id = %s", [meeting.id]
    ).fetchone() == ("公民館", "見守り活動について")


def test_a_refused_change_stays_on_the_desk_with_the_servers_reason(
    tmp_path: Path, api: str, admin: Client, desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, _laptop = desks
    office.sync()
    meeting = _new_meeting(office)
    office.sync()
    supervisor = Desk(tmp_path / "city-hall.sqlite3", api, new_user(admin, "supervisor"))
    try:
        supervisor.sync()
        _edit(supervisor, meeting.id, title="上司が書き換えた題名")
        result = supervisor.sync()
        assert (result.exit_code, result.refused_open) == (3, 1)
        with supervisor.db.engine.connect() as conn:
            code, message = conn.exec_driver_sql(
                "SELECT code, message FROM sync_refused WHERE dismissed_at IS NULL"
            ).one()
        assert code == "role_forbidden" and "上司" in message
        assert supervisor.outbox_size() == 0
    finally:
        supervisor.db.close()
    assert owner.execute("SELECT title FROM meeting WHERE id = %s", [meeting.id]).fetchone() == (
        "第1層協議体",
    )


def test_a_photo_travels_by_content_hash(desks: tuple[Desk, Desk]) -> None:
    office, laptop = desks
    office.sync()
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    coordinator = office.services.coordinators.save(Coordinator(name="佐藤 一郎", photo=photo))
    assert office.sync().exit_code == 0
    laptop.sync()
    assert laptop.services.coordinators.get(coordinator.id).photo == photo
