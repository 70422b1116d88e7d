"""Desk clocks a year ahead and two hours behind change nothing that sync decides.

The server orders by arrival and merges by base values; review staleness goes by the
entry's server version. So with one desk's clock a year ahead and another's two hours
behind, both editing and syncing under their own clocks: the first push wins a field
both changed (not the later clock), the other is a conflict on the server and on that
desk and nowhere else, and an entry edited after its review needs a new review
whatever the clocks of the editor and the reviewer say.

The desk reads the time through ``datetime.now`` in ``domain.types.utc_now`` (the
records' default stamps), ``services.base.now`` (every service's stamps, reviews'
included), the sync worker and the conflict list: :func:`desk_clock` shifts exactly
those, and only on the test's thread — the server (the API on its own threads in this
process) keeps the true time, as a real server does.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ProgressEntry, Project, UserProfile
from tests.server.conftest import Client, new_user
from tests.sync.test_rounds import Desk, _edit, _new_meeting, admin, api, owner, server_dir

__all__ = ["admin", "api", "owner", "server_dir"]  # the fixtures this module uses

AHEAD = timedelta(days=365)
BEHIND = -timedelta(hours=2)
CLOCK_READERS = (
    "coordinator_app.domain.types",
    "coordinator_app.services.base",
    "coordinator_app.services.search_aliases",
    "coordinator_app.services.sync_conflicts",
    "coordinator_app.sync.worker",
)
"""The modules whose ``datetime.now`` is the desk's clock."""


@contextmanager
def desk_clock(offset: timedelta) -> Iterator[None]:
    """The desk's clock is ``offset`` off (on this thread only) inside the block."""
    desk_thread = threading.current_thread()

    class SkewedDatetime(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
            true = datetime.now(tz)
            return true + offset if threading.current_thread() is desk_thread else true

    with pytest.MonkeyPatch.context() as patch:
        for module in CLOCK_READERS:
            patch.setattr(f"{module}.datetime", SkewedDatetime)
        yield


class SkewedDesk(Desk):
    """A desk whose every action and sync runs under its own clock."""

    def __init__(self, path: Path, api: str, user: tuple[str, str], offset: timedelta) -> None:
        with desk_clock(offset):
            super().__init__(path, api, user)
        self.offset = offset

    @contextmanager
    def clock(self) -> Iterator[None]:
        with desk_clock(self.offset):
            yield


@pytest.fixture
def desks(tmp_path: Path, api: str, admin: Client) -> Iterator[dict[str, SkewedDesk]]:
    made = {
        name: SkewedDesk(tmp_path / f"{name}.sqlite3", api, new_user(admin, role), offset)
        for name, role, offset in (
            ("office", "coordinator", timedelta(0)),
            ("ahead", "coordinator", AHEAD),
            ("behind", "coordinator", BEHIND),
            ("reviewer_ahead", "supervisor", AHEAD),
            ("reviewer_behind", "supervisor", BEHIND),
        )
    }
    try:
        yield made
    finally:
        for desk in made.values():
            desk.db.close()


def sync(desk: SkewedDesk) -> int:
    with desk.clock():
        return desk.sync().exit_code


def edit(desk: SkewedDesk, meeting_id: uuid.UUID, **values: str) -> None:
    with desk.clock():
        _edit(desk, meeting_id, **values)


def test_the_clock_is_right_where_it_should_be(desks: dict[str, SkewedDesk]) -> None:
    """The harness itself: the ahead desk stamps its edits a year on, the office does not."""
    meeting = _new_meeting(desks["office"])
    for name in ("office", "ahead", "behind"):
        sync(desks[name])
    edit(desks["ahead"], meeting.id, agenda="一年先の時計で書いた")
    edit(desks["behind"], meeting.id, minutes="二時間遅れの時計で書いた")
    true_now = datetime.now(UTC)
    stamped_ahead = desks["ahead"].meeting(meeting.id).updated_at
    stamped_behind = desks["behind"].meeting(meeting.id).updated_at
    assert stamped_ahead - true_now > AHEAD - timedelta(minutes=5)
    assert timedelta(hours=1) < true_now - stamped_behind < timedelta(hours=3)


def test_the_first_push_wins_a_field_whatever_the_clocks_say(
    desks: dict[str, SkewedDesk], owner: psycopg.Connection
) -> None:
    office, ahead, behind = desks["office"], desks["ahead"], desks["behind"]
    first = _new_meeting(office, title="第1回協議体", venue="会議室A")
    second = _new_meeting(office, title="第2回協議体", venue="会議室A")
    for desk in (office, ahead, behind):
        assert sync(desk) == 0

    # The first meeting: the ahead desk edits first (a year later by its clock), the
    # behind desk edits after it, and pushes first: the behind desk's venue stands.
    edit(ahead, first.id, venue="公民館", agenda="見守りについて")
    edit(behind, first.id, venue="集会所", minutes="12名参加")
    assert sync(behind) == 0
    assert sync(ahead) == 3
    # The second meeting: the same edits, the other push order: the ahead desk's stands.
    edit(behind, second.id, venue="集会所", minutes="12名参加")
    edit(ahead, second.id, venue="公民館", agenda="見守りについて")
    assert sync(ahead) == 3  # its first meeting's conflict is still open
    assert sync(behind) == 3

    for desk in (office, ahead, behind, ahead, behind):
        sync(desk)
    expected = {
        first.id: ("集会所", "見守りについて", "12名参加"),
        second.id: ("公民館", "見守りについて", "12名参加"),
    }
    for meeting_id, values in expected.items():
        server_row = owner.execute(
            "SELECT venue, agenda, minutes FROM meeting WHERE id = %s", [meeting_id]
        ).fetchone()
        assert server_row == values
        for desk in (office, ahead, behind):  # every replica equals the server
            stored = desk.meeting(meeting_id)
            assert (stored.venue, stored.agenda, stored.minutes) == values

    # Exactly the venue of the second pusher is in conflict, on the server and on that
    # desk only; the bookkeeping stamps (a year apart) never are.
    conflicts = owner.execute(
        "SELECT row_id, field, pushed_value, current_value FROM conflict"
        " WHERE row_id = ANY(%s) AND resolved_at IS NULL ORDER BY created_at",
        [[first.id, second.id]],
    ).fetchall()
    assert conflicts == [
        (first.id, "venue", "公民館", "集会所"),
        (second.id, "venue", "集会所", "公民館"),
    ]
    assert ahead.open_conflicts() == [("venue", '"公民館"', '"集会所"')]
    assert behind.open_conflicts() == [("venue", '"集会所"', '"公民館"')]
    assert office.open_conflicts() == []
    # The server's history has the venues in the order they arrived.
    for meeting_id, arrived in ((first.id, ["集会所"]), (second.id, ["公民館"])):
        venues = owner.execute(
            "SELECT new_value FROM change_log WHERE row_id = %s AND field = 'venue'"
            " AND op = 'update' ORDER BY seq",
            [meeting_id],
        ).fetchall()
        assert [v for (v,) in venues] == arrived


def _project_with_entry(desk: SkewedDesk) -> tuple[Project, ProgressEntry]:
    project = desk.services.projects.save(
        Project(
            title="見守りネットワーク",
            program=ProjectProgram.PROBLEM_SOLVING_SHARING,
            status=ProjectStatus.IN_PROGRESS,
        )
    )
    entry = desk.services.progress.save_by(
        ProgressEntry(project_id=project.id, entry_date=date(2026, 5, 1), text="初回の集まり"),
        None,
    )
    return project, entry


def _profile(desk: SkewedDesk) -> UserProfile:
    me = desk.worker().client.request("GET", "/v1/me")
    return desk.services.profiles.get(uuid.UUID(me["profile_id"]))


def _state(desk: SkewedDesk, project: Project) -> tuple[bool, bool]:
    (state,) = desk.services.reviews.entry_states(project.id)
    return state.reviewed, state.changed_since_review


def _review(desk: SkewedDesk, entry: ProgressEntry) -> None:
    with desk.clock():
        desk.services.reviews.mark_reviewed([entry.id], _profile(desk), "確認しました")


def _edit_entry(desk: SkewedDesk, entry: ProgressEntry, text: str) -> None:
    with desk.clock():
        edited = desk.services.progress.get(entry.id)
        edited.text = text
        desk.services.progress.save_by(edited, None)


def _project_with_entries(desk: SkewedDesk, count: int) -> tuple[Project, list[ProgressEntry]]:
    project, first = _project_with_entry(desk)
    more = [
        desk.services.progress.save_by(
            ProgressEntry(project_id=project.id, entry_date=date(2026, 5, n), text=f"第{n}回"),
            None,
        )
        for n in range(2, count + 1)
    ]
    return project, [first, *more]


def _states(desk: SkewedDesk, project: Project) -> dict[uuid.UUID, tuple[bool, bool]]:
    return {
        s.entry.id: (s.reviewed, s.changed_since_review)
        for s in desk.services.reviews.entry_states(project.id)
    }


@pytest.fixture
def reviewed(
    desks: dict[str, SkewedDesk],
) -> tuple[list[SkewedDesk], Project, list[ProgressEntry], Callable[[ProgressEntry], set[Any]]]:
    """A project with two entries, known to every desk; ``everywhere(entry)`` syncs all
    desks (each pushes, then each pulls the others') and gives the entry's states."""
    everyone = list(desks.values())
    project, entries = _project_with_entries(desks["office"], 2)
    for desk in everyone:
        assert sync(desk) == 0

    def everywhere(entry: ProgressEntry) -> set[Any]:
        for desk in everyone + everyone:
            sync(desk)
        return {_states(desk, project)[entry.id] for desk in everyone}

    return everyone, project, entries, everywhere


def test_review_staleness_follows_server_versions_with_clocks_a_year_apart(
    desks: dict[str, SkewedDesk], reviewed: Any
) -> None:
    everyone, project, (first, second), everywhere = reviewed
    ahead, behind = desks["ahead"], desks["behind"]
    reviewer_ahead, reviewer_behind = desks["reviewer_ahead"], desks["reviewer_behind"]

    # Reviewed on a clock a year ahead, then edited on one two hours behind: by the
    # clocks the review is a year newer than the edit; by versions the edit is newer.
    _review(reviewer_ahead, first)
    assert everywhere(first) == {(True, False)}
    _edit_entry(behind, first, "初回の集まり(参加者 12名)")
    assert _states(behind, project)[first.id] == (False, True)  # in its outbox: 要再確認
    assert everywhere(first) == {(False, True)}
    for desk in everyone:
        (state,) = [
            s for s in desk.services.reviews.entry_states(project.id) if s.entry.id == first.id
        ]
        assert state.last_review is not None
        assert state.entry.updated_at < state.last_review.reviewed_at  # what a clock says

    # Edited on the clock a year ahead, then reviewed on the one two hours behind: by the
    # clocks the review is a year older than the edit; by versions it is current.
    _edit_entry(ahead, second, "第2回(民生委員 2名)")
    assert everywhere(second) == {(False, False)}
    _review(reviewer_behind, second)
    assert everywhere(second) == {(True, False)}
    for desk in everyone:
        (state,) = [
            s for s in desk.services.reviews.entry_states(project.id) if s.entry.id == second.id
        ]
        assert state.last_review is not None
        assert state.entry.updated_at > state.last_review.reviewed_at  # what a clock says
        assert desk.services.progress.get(second.id).text == "第2回(民生委員 2名)"


def test_a_new_review_counts_after_one_made_on_a_clock_a_year_ahead(
    desks: dict[str, SkewedDesk], reviewed: Any
) -> None:
    _everyone, _project, (first, _second), everywhere = reviewed
    _review(desks["reviewer_ahead"], first)
    _edit_entry(desks["office"], first, "初回の集まり(参加者 12名)")
    assert everywhere(first) == {(False, True)}
    _review(desks["reviewer_behind"], first)  # the entry's current version, reviewed
    assert everywhere(first) == {(True, False)}


def test_changed_since_my_last_review_lists_an_edit_made_after_it_on_any_clock(
    desks: dict[str, SkewedDesk], reviewed: Any
) -> None:
    _everyone, project, (first, _second), everywhere = reviewed
    reviewer = desks["reviewer_ahead"]
    _review(reviewer, first)
    _edit_entry(desks["behind"], first, "初回の集まり(参加者 12名)")
    assert everywhere(first) == {(False, True)}
    changed = reviewer.services.reviews.changed_since_last_review(project.id, _profile(reviewer))
    assert [entry.id for entry in changed] == [first.id]
