"""The issue's scenario over real HTTP: roles are enforced by the server, and every
accepted change is in the history with its actor and old → new."""

from __future__ import annotations

import uuid

import psycopg

from tests.server.conftest import Client, insert, logged_in, update


def _count(owner: psycopg.Connection, table: str) -> int:
    row = owner.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert row is not None
    return row[0]


def test_admin_creates_users_and_the_server_enforces_their_roles(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    coordinator = logged_in(api, admin, "coordinator")
    supervisor = logged_in(api, admin, "supervisor")
    assert coordinator.call("GET", "/v1/me").body["role"] == "coordinator"
    assert supervisor.call("GET", "/v1/me").body["role"] == "supervisor"

    # The coordinator logs a project, an entry and a meeting.
    project_id, entry_id, meeting_id = (str(uuid.uuid4()) for _ in range(3))
    result = coordinator.push(
        insert(
            "project", project_id, title="居場所づくり", program="independent", status="in_progress"
        ),
        insert(
            "progress_entry",
            entry_id,
            project_id=project_id,
            entry_date="2026-04-10",
            text="町会長と打合せ",
            author="なりすまし",
            # A profile that is not the pusher's: the server does not link it.
            author_profile_id=str(uuid.uuid4()),
        ),
        insert(
            "meeting",
            meeting_id,
            kind="council",
            title="第1層協議体",
            held_on="2026-04-15",
            mode="on_site",
            venue="市役所 会議室A",
        ),
    )
    assert result["status"] == "applied", result
    meetings, reviews, log = (
        _count(owner, "meeting"),
        _count(owner, "review"),
        _count(owner, "change_log"),
    )

    # The supervisor may not write a meeting: the whole transaction is refused.
    refused = supervisor.push(
        update("meeting", meeting_id, venue=["市役所 会議室A", "公民館"]),
        insert("meeting", title="上司の会議", kind="liaison", held_on="2026-04-20", mode="online"),
    )
    assert refused["status"] == "refused"
    assert refused["error"]["code"] == "role_forbidden"
    assert "上司" in refused["error"]["message"]
    # The coordinator may not write a review.
    coordinator_profile = coordinator.call("GET", "/v1/me").body["profile_id"]
    refused = coordinator.push(
        insert(
            "review",
            progress_entry_id=entry_id,
            reviewer_profile_id=coordinator_profile,
            entry_updated_at="2026-04-10T09:00:00Z",
        ),
    )
    assert refused["status"] == "refused"
    assert refused["error"]["code"] == "role_forbidden"
    # Nothing changed: no meeting, no review, no history row, the venue as it was.
    assert (_count(owner, "meeting"), _count(owner, "review"), _count(owner, "change_log")) == (
        meetings,
        reviews,
        log,
    )
    venue = owner.execute("SELECT venue FROM meeting WHERE id = %s", [meeting_id]).fetchone()
    assert venue == ("市役所 会議室A",)

    # The supervisor reviews the entry as themself: accepted.
    supervisor_profile = supervisor.call("GET", "/v1/me").body["profile_id"]
    review_id = str(uuid.uuid4())
    accepted = supervisor.push(
        insert(
            "review",
            review_id,
            progress_entry_id=entry_id,
            reviewer_profile_id=supervisor_profile,
            entry_updated_at="2026-04-10T09:00:00Z",
            comment="確認しました",
        ),
    )
    assert accepted["status"] == "applied", accepted
    # ...but not in another person's name.
    forged = supervisor.push(
        insert(
            "review",
            progress_entry_id=entry_id,
            reviewer_profile_id=coordinator_profile,
            entry_updated_at="2026-04-10T09:00:00Z",
        ),
    )
    assert forged["error"]["code"] == "not_own_review"

    # The coordinator edits the meeting; the history has every accepted change.
    edited = coordinator.push(update("meeting", meeting_id, venue=["市役所 会議室A", "公民館"]))
    assert edited["status"] == "applied"
    history = coordinator.call("GET", f"/v1/history/meeting/{meeting_id}").body["changes"]
    coordinator_name = coordinator.call("GET", "/v1/me").body["name"]
    venue_changes = [(c["actor"], c["old"], c["new"]) for c in history if c["field"] == "venue"]
    assert venue_changes == [
        (coordinator_name, None, "市役所 会議室A"),
        (coordinator_name, "市役所 会議室A", "公民館"),
    ]
    assert all(c["device"] == coordinator.device_id and c["at"] for c in history)
    review_history = supervisor.call("GET", f"/v1/history/review/{review_id}").body["changes"]
    supervisor_name = supervisor.call("GET", "/v1/me").body["name"]
    assert {(c["field"], c["actor"], c["new"]) for c in review_history} >= {
        ("comment", supervisor_name, "確認しました"),
        ("reviewer_profile_id", supervisor_name, supervisor_profile),
    }
    # The entry is linked to no account the pusher cannot vouch for; the name the desk
    # recorded is the desk's word, and the history says whose (policy.stamp_author).
    author = owner.execute(
        "SELECT author, author_profile_id FROM progress_entry WHERE id = %s", [entry_id]
    ).fetchone()
    assert author == ("なりすまし", None)
    entry_history = coordinator.call("GET", f"/v1/history/progress_entry/{entry_id}").body
    assert {c["actor"] for c in entry_history["changes"]} == {coordinator_name}
    # An entry linked to the pusher's own profile is theirs, by their account's name.
    own_entry = str(uuid.uuid4())
    own = coordinator.push(
        insert(
            "progress_entry",
            own_entry,
            project_id=project_id,
            entry_date="2026-04-11",
            text="自分の記録",
            author="表示名",
            author_profile_id=coordinator_profile,
        )
    )
    assert own["status"] == "applied", own
    author = owner.execute(
        "SELECT author, author_profile_id FROM progress_entry WHERE id = %s", [own_entry]
    ).fetchone()
    assert author == (coordinator_name, uuid.UUID(coordinator_profile))
    # Every change-log row of these records names its actor.
    unnamed = owner.execute(
        "SELECT count(*) FROM change_log WHERE row_id = ANY(%s) AND actor_id IS NULL",
        [[uuid.UUID(x) for x in (project_id, entry_id, meeting_id, review_id)]],
    ).fetchone()
    assert unnamed == (0,)
