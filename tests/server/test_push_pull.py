"""Push and pull over real HTTP: idempotency, merge and conflicts, refusals, the pull feed."""

from __future__ import annotations

import hashlib
import threading
import uuid

import psycopg

from tests.server.conftest import Client, insert, logged_in, update


def _meeting(client: Client, **values: object) -> str:
    meeting_id = str(uuid.uuid4())
    fields = {
        "kind": "council",
        "title": "協議体",
        "held_on": "2026-05-01",
        "mode": "on_site",
        "venue": "会議室A",
        **values,
    }
    assert client.push(insert("meeting", meeting_id, **fields))["status"] == "applied"
    return meeting_id


def _log_count(owner: psycopg.Connection) -> int:
    row = owner.execute("SELECT count(*) FROM change_log").fetchone()
    assert row is not None
    return row[0]


def test_a_replayed_transaction_is_applied_once(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    desk = logged_in(api, admin, "coordinator")
    change = insert("organisation", name="若葉台社協", kind="social_welfare_council")
    first = desk.push(change, tx=41)
    log = _log_count(owner)
    again = desk.push(change, tx=41)  # the acknowledgement was lost; the desk retries
    assert again["replayed"] is True
    assert again["server_tx"] == first["server_tx"]
    assert _log_count(owner) == log
    rows = owner.execute("SELECT count(*) FROM organisation WHERE id = %s", [change["id"]])
    assert rows.fetchone() == (1,)


def test_a_restored_backup_gets_a_new_incarnation_and_its_edits_arrive(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    desk = logged_in(api, admin, "coordinator")
    meeting_id = _meeting(desk)
    desk.push(update("meeting", meeting_id, venue=["会議室A", "会議室B"]), tx=7)
    desk.incarnation = str(uuid.uuid4())  # restore: the same tx numbers come again
    result = desk.push(update("meeting", meeting_id, title=["協議体", "第2回協議体"]), tx=7)
    assert result["status"] == "applied"
    assert "replayed" not in result
    row = owner.execute("SELECT venue, title FROM meeting WHERE id = %s", [meeting_id]).fetchone()
    assert row == ("会議室B", "第2回協議体")


def test_two_desks_merge_different_fields_and_conflict_on_the_same_one(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    office = logged_in(api, admin, "coordinator")
    laptop = logged_in(api, admin, "coordinator")
    meeting_id = _meeting(office)
    assert (
        office.push(update("meeting", meeting_id, venue=["会議室A", "公民館"]))["conflicts"] == []
    )
    # The laptop was offline: it changed the agenda (merges) and the venue (conflicts).
    result = laptop.push(
        update(
            "meeting", meeting_id, agenda=["", "見守り活動について"], venue=["会議室A", "集会所"]
        )
    )
    assert result["status"] == "applied"
    assert [(c["field"], c["base"], c["pushed"], c["current"]) for c in result["conflicts"]] == [
        ("venue", "会議室A", "集会所", "公民館")
    ]
    row = owner.execute("SELECT venue, agenda FROM meeting WHERE id = %s", [meeting_id])
    assert row.fetchone() == ("公民館", "見守り活動について")
    # The conflict is kept on the server: the laptop's user and the admin see it.
    mine = laptop.call("GET", "/v1/conflicts").body["conflicts"]
    assert [(c["row_id"], c["field"], c["pushed"]) for c in mine] == [
        (meeting_id, "venue", "集会所")
    ]
    assert office.call("GET", "/v1/conflicts").body["conflicts"] == []
    every = admin.call("GET", "/v1/conflicts").body["conflicts"]
    assert any(c["row_id"] == meeting_id for c in every)
    # Deciding: the laptop's user takes their value (an ordinary, logged edit), then
    # closes the conflict; the office's user may not close it for them.
    conflict_id = mine[0]["id"]
    assert office.call("POST", f"/v1/conflicts/{conflict_id}/resolve").code == "forbidden"
    laptop.push(update("meeting", meeting_id, venue=["公民館", "集会所"]))
    assert laptop.call("POST", f"/v1/conflicts/{conflict_id}/resolve").status == 200
    assert laptop.call("GET", "/v1/conflicts").body["conflicts"] == []
    resolved = owner.execute(
        "SELECT c.resolved_at IS NOT NULL, u.name FROM conflict c"
        " JOIN user_account u ON u.id = c.resolved_by WHERE c.id = %s",
        [uuid.UUID(conflict_id)],
    ).fetchone()
    assert resolved == (True, laptop.call("GET", "/v1/me").body["name"])
    venues = [
        (c["old"], c["new"])
        for c in laptop.call("GET", f"/v1/history/meeting/{meeting_id}").body["changes"]
        if c["field"] == "venue"
    ]
    assert venues[-2:] == [("会議室A", "公民館"), ("公民館", "集会所")]


def test_an_edit_to_a_row_deleted_on_the_server_is_a_conflict(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    office = logged_in(api, admin, "coordinator")
    laptop = logged_in(api, admin, "coordinator")
    meeting_id = _meeting(office)
    office.push(update("meeting", meeting_id, deleted_at=[None, "2026-05-02T10:00:00Z"]))
    result = laptop.push(update("meeting", meeting_id, minutes=["", "議事録"]))
    assert [(c["field"], c["kind"]) for c in result["conflicts"]] == [("minutes", "deleted_row")]
    row = owner.execute("SELECT minutes FROM meeting WHERE id = %s", [meeting_id]).fetchone()
    assert row == ("",)


def test_a_refused_change_rejects_its_whole_transaction(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    desk = logged_in(api, admin, "coordinator")
    good = insert("organisation", name="町会", kind="neighbourhood_association")
    cases = {
        "invalid_value": insert("organisation", name="x" * 201, kind="npo"),
        "unknown_column": insert("organisation", name="x", kind="npo", colour="red"),
        "unknown_table": insert("sqlite_master", name="x"),
        "hard_delete": {**update("meeting", str(uuid.uuid4())), "op": "delete"},
        "unknown_row": update("meeting", str(uuid.uuid4()), venue=["a", "b"]),
        "integrity": insert("contact", organisation_id=str(uuid.uuid4()), name="宙に浮いた連絡先"),
    }
    log = _log_count(owner)
    for code, bad in cases.items():
        result = desk.push(good, bad)
        assert result["status"] == "refused", code
        assert result["error"]["code"] == code
        assert result["error"]["message"]
    assert _log_count(owner) == log
    rows = owner.execute("SELECT count(*) FROM organisation WHERE id = %s", [good["id"]])
    assert rows.fetchone() == (0,)
    # A bad value names its column in Japanese.
    result = desk.push(insert("organisation", name="x" * 201, kind="npo"))
    assert result["error"]["message"] == "name は200文字以内にしてください"


def test_only_an_admin_deletes_master_data(api: str, admin: Client) -> None:
    desk = logged_in(api, admin, "coordinator")
    org = insert("organisation", name="老人クラブ", kind="seniors_club")
    desk.push(org)
    delete = update("organisation", org["id"], deleted_at=[None, "2026-05-02T10:00:00Z"])
    assert desk.push(delete)["error"]["code"] == "admin_only_delete"
    assert admin.push(delete)["status"] == "applied"


def test_attachments_need_their_bytes_uploaded_first(api: str, admin: Client) -> None:
    desk = logged_in(api, admin, "coordinator")
    meeting_id = _meeting(desk)
    content = "議事録の写真".encode() * 100
    digest = hashlib.sha256(content).hexdigest()
    attachment = insert(
        "attachment",
        meeting_id=meeting_id,
        filename="写真.jpg",
        media_type="image/jpeg",
        size=len(content),
        content=f"sha256:{digest}",
    )
    assert desk.push(attachment)["error"]["code"] == "missing_blob"
    wrong = desk.call(
        "PUT",
        f"/v1/blobs/{digest}",
        data=b"other bytes",
        headers={"Content-Type": "application/octet-stream"},
    )
    assert (wrong.status, wrong.code) == (422, "blob_mismatch")
    put = desk.call(
        "PUT",
        f"/v1/blobs/{digest}",
        data=content,
        headers={"Content-Type": "application/octet-stream"},
    )
    assert put.status == 200
    assert desk.push(attachment)["status"] == "applied"
    fetched = desk.call("GET", f"/v1/blobs/{digest}")
    assert fetched.raw == content


def test_pull_pages_follow_the_log_and_never_split_a_transaction(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    desk = logged_in(api, admin, "coordinator")
    start = owner.execute("SELECT value FROM counter WHERE name = 'seq'").fetchone()
    assert start is not None
    meeting_ids = [_meeting(desk, title=f"会議{i}") for i in range(3)]
    cursor, seen, pages = start[0], [], 0
    while True:
        page = desk.call("GET", f"/v1/pull?after={cursor}&limit=5").body
        pages += 1
        for tx in page["transactions"]:
            seen.extend(change["id"] for change in tx["changes"])
            # each insert arrives whole in one page: every column of the meeting
            for change in tx["changes"]:
                assert {"title", "venue", "held_on"} <= set(change["fields"])
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert seen == meeting_ids
    assert pages == 3  # limit 5 rows, but a meeting's ~24 field rows stay together


def test_concurrent_pushers_never_leave_a_gap_in_the_feed(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    """Pullers running while desks push see every change: no sequence number is skipped
    (one committing after a puller's cursor passed it would be lost to that puller)."""
    start = owner.execute("SELECT value FROM counter WHERE name = 'seq'").fetchone()
    assert start is not None
    desks = [logged_in(api, admin, "coordinator") for _ in range(6)]
    pullers = [logged_in(api, admin, "supervisor") for _ in range(3)]
    errors: list[BaseException] = []
    pushed: list[str] = []
    seen: list[set[str]] = [set() for _ in pullers]
    pushing_done = threading.Event()

    def push(desk: Client) -> None:
        try:
            for i in range(6):
                change = insert("organisation", name=f"団体{i}", kind="npo")
                assert desk.push(change)["status"] == "applied"
                pushed.append(change["id"])
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    def pull(index: int, puller: Client) -> None:
        try:
            cursor = start[0]
            while True:
                finished = pushing_done.is_set()  # read before the page: a last full pass
                page = puller.call("GET", f"/v1/pull?after={cursor}&limit=7").body
                for tx in page["transactions"]:
                    seen[index].update(c["id"] for c in tx["changes"])
                cursor = page["cursor"]
                if finished and not page["more"]:
                    return
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=push, args=(d,)) for d in desks]
    readers = [threading.Thread(target=pull, args=(i, p)) for i, p in enumerate(pullers)]
    for thread in threads + readers:
        thread.start()
    for thread in threads:
        thread.join()
    pushing_done.set()
    for thread in readers:
        thread.join()
    assert errors == []
    assert len(pushed) == 36
    for ids in seen:
        assert set(pushed) <= ids
    seqs = [row[0] for row in owner.execute("SELECT seq FROM change_log ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    counter = owner.execute("SELECT value FROM counter WHERE name = 'seq'").fetchone()
    assert counter == (len(seqs),)
