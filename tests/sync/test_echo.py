"""A desk's own pushed values are not sent back to it (echo), where that is safe: the
cursor still passes them, a value the server wrote differently still arrives, and a
value another desk changed in between still ends as the server's."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg

from coordinator_app.domain.enums import (
    MeetingKind,
    MeetingMode,
    ProfileRole,
    ProjectProgram,
    ProjectStatus,
)
from coordinator_app.domain.models import Meeting, ProgressEntry, Project, UserProfile
from coordinator_app.sync.client import ServerClient
from tests.sync.test_rounds import Desk, admin, api, desks, owner, server_dir

__all__ = ["admin", "api", "desks", "owner", "server_dir"]  # the fixtures this module uses


class CountingClient(ServerClient):
    """Counts the field values the pulled pages carry, per row id."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields: dict[str, int] = {}
        self.rows: set[str] = set()

    def pull(self, after: int, limit: int, **echo: Any) -> dict[str, Any]:
        page = super().pull(after, limit, **echo)
        for tx in page["transactions"]:
            for change in tx["changes"]:
                self.rows.add(change["id"])
                self.fields[change["id"]] = self.fields.get(change["id"], 0) + len(change["fields"])
        return page


def _counting(desk: Desk) -> CountingClient:
    return CountingClient(desk.api, schema_revision=_revision())


def _revision() -> str:
    from coordinator_app.storage.schema import head_revision

    return head_revision()


def _cursor(desk: Desk) -> int:
    with desk.db.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT pull_cursor FROM sync_state").scalar_one())


def _last_seq(owner: psycopg.Connection) -> int:
    row = owner.execute("SELECT max(seq) FROM change_log").fetchone()
    assert row is not None
    return int(row[0])


def _meeting(desk: Desk) -> Meeting:
    return desk.services.meetings.save(
        Meeting(
            kind=MeetingKind.COUNCIL,
            title="第2層協議体",
            held_on=date(2026, 6, 3),
            mode=MeetingMode.ON_SITE,
            venue="会議室A",
        )
    )


def test_after_a_push_the_next_pull_applies_none_of_the_desks_own_changes(
    desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, laptop = desks
    office.sync()
    laptop.sync()
    meeting = _meeting(office)
    edited = office.meeting(meeting.id)
    edited.venue = "公民館"
    edited.agenda = "見守り活動について"
    office.services.meetings.save(edited)

    client = _counting(office)
    result = office.worker(client).run_round()
    assert result.pushed == 2
    assert result.pulled == 0  # nothing of its own is applied again
    assert client.fields.get(str(meeting.id), 0) == 0  # nor sent: no field of the meeting
    assert _cursor(office) == _last_seq(owner)  # the cursor passed the skipped entries
    assert office.meeting(meeting.id).venue == "公民館"

    # Another desk gets every value, and the next round of the office is empty.
    laptop_client = _counting(laptop)
    assert laptop.worker(laptop_client).run_round().pulled == 2
    assert laptop_client.fields[str(meeting.id)] > 2
    assert (laptop.meeting(meeting.id).venue, laptop.meeting(meeting.id).agenda) == (
        "公民館",
        "見守り活動について",
    )
    assert office.sync().pulled == 0


def test_a_value_the_server_wrote_differently_still_arrives(
    desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, _laptop = desks
    office.sync()
    project = office.services.projects.save(
        Project(
            title="見守りネットワーク",
            program=ProjectProgram.PROBLEM_SOLVING_SHARING,
            status=ProjectStatus.IN_PROGRESS,
        )
    )
    # The entry links to a profile of this desk's picker: the server keeps the name
    # but drops the link (it cannot vouch for a profile it does not know).
    local = office.services.profiles.save(
        UserProfile(name="田中 一郎", role=ProfileRole.COORDINATOR)
    )
    entry = office.services.progress.save_by(
        ProgressEntry(project_id=project.id, entry_date=date(2026, 5, 1), text="初回の集まり"),
        local,
    )
    assert entry.author_profile_id == local.id
    client = _counting(office)
    result = office.worker(client).run_round()
    assert result.pushed >= 1
    assert client.fields[str(entry.id)] >= 1  # the altered link came back
    assert client.fields.get(str(project.id), 0) == 0  # the project came back unchanged: not
    stored = office.services.progress.get(entry.id)
    assert (stored.author, stored.author_profile_id) == ("田中 一郎", None)
    row = owner.execute(
        "SELECT author, author_profile_id FROM progress_entry WHERE id = %s", [entry.id]
    ).fetchone()
    assert row == ("田中 一郎", None)
    assert _cursor(office) == _last_seq(owner)


def test_an_own_value_after_another_desks_changes_of_that_field_still_arrives(
    desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, laptop = desks
    meeting = _meeting(office)
    office.sync()
    laptop.sync()
    base_cursor = _cursor(office)
    # The laptop changes the venue and changes it back, before the office pulls.
    for venue in ("集会所", "会議室A"):
        edited = laptop.meeting(meeting.id)
        edited.venue = venue
        laptop.services.meetings.save(edited)
        laptop.sync()
    # The office, still at its old cursor, moves the venue: the server takes it
    # (its base equals the server's value); the pull brings the laptop's two
    # entries first, so the office's own value must come after them.
    edited = office.meeting(meeting.id)
    edited.venue = "公民館"
    office.services.meetings.save(edited)
    assert _cursor(office) == base_cursor
    result = office.sync()
    assert result.conflicts_open == 0
    assert owner.execute("SELECT venue FROM meeting WHERE id = %s", [meeting.id]).fetchone() == (
        "公民館",
    )
    assert office.meeting(meeting.id).venue == "公民館"
    laptop.sync()
    assert laptop.meeting(meeting.id).venue == "公民館"


def test_a_restored_file_gets_its_old_incarnations_values_back(
    desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    """Echoes are per file incarnation: another incarnation of the device is sent everything."""
    office, _laptop = desks
    office.sync()
    meeting = _meeting(office)
    office.sync()
    with office.db.engine.connect() as conn:
        incarnation = conn.exec_driver_sql("SELECT incarnation FROM sync_state").scalar_one()
    client = office.worker().client
    own = client.pull(0, 5000, incarnation=str(incarnation))
    other = client.pull(0, 5000, incarnation=str(uuid.uuid4()))

    def fields(page: dict[str, Any]) -> int:
        return sum(
            len(c["fields"])
            for tx in page["transactions"]
            for c in tx["changes"]
            if c["id"] == str(meeting.id)
        )

    assert fields(own) == 0
    assert fields(other) > 0
    assert own["cursor"] == other["cursor"]
