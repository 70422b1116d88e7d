"""A new desk starts from the server's snapshot, then pulls the tail (throw-away
PostgreSQL, the real API on loopback, the headless ``coordinator-app sync``)."""

from __future__ import annotations

import gzip
import http.client
import io
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg

from coordinator_app import cli
from coordinator_app.domain.enums import MeetingKind, MeetingMode, ProjectProgram, ProjectStatus
from coordinator_app.domain.models import Coordinator, Meeting, ProgressEntry, Project
from coordinator_app.server.snapshot import synced_tables
from coordinator_app.services.registry import Services
from coordinator_app.storage import capture
from coordinator_app.storage.database import open_database
from coordinator_app.storage.schema import head_revision
from coordinator_app.sync import bootstrap
from coordinator_app.sync import client as client_module
from coordinator_app.sync.client import ServerClient, SyncError
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, insert, logged_in, new_user, update
from tests.sync.test_rounds import Desk

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20


@pytest.fixture
def origin(tmp_path: Path, api: str, admin: Client) -> Iterator[Desk]:
    """A desk that has pushed records of many kinds (a photo, an entry, a deleted one)."""
    desk = Desk(tmp_path / "origin.sqlite3", api, new_user(admin, "coordinator"))
    s = desk.services
    try:
        desk.sync()
        coordinator = s.coordinators.save(
            Coordinator(name="佐藤 一郎", kana="さとう いちろう", photo=PHOTO)
        )
        desk.made = {"coordinator": coordinator.id}  # type: ignore[attr-defined]
        for n in range(1, 13):
            meeting = s.meetings.save(
                Meeting(
                    kind=MeetingKind.COUNCIL,
                    title=f"第{n}回若葉台協議体",
                    held_on=date(2026, 4, n),
                    mode=MeetingMode.ON_SITE,
                    venue="公民館",
                )
            )
            desk.made[f"meeting {n}"] = meeting.id  # type: ignore[attr-defined]
        gone = s.meetings.save(
            Meeting(
                kind=MeetingKind.LIAISON,
                title="取り消した連絡会",
                held_on=date(2026, 5, 1),
                mode=MeetingMode.ONLINE,
            )
        )
        s.meetings.soft_delete(gone.id)
        project = s.projects.save(
            Project(
                title="見守りネットワーク",
                program=ProjectProgram.PROBLEM_SOLVING_SHARING,
                status=ProjectStatus.IN_PROGRESS,
            )
        )
        s.progress.save_by(
            ProgressEntry(project_id=project.id, entry_date=date(2026, 5, 1), text="初回の集まり"),
            None,
        )
        assert desk.sync().exit_code == 0
        yield desk
    finally:
        desk.db.close()


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table's rows, all columns, by id (the desk's own settings left out);
    the pulled versions and content hashes; the search index's entries."""
    found = {}
    with closing(sqlite3.connect(path)) as conn:
        for table in sorted(capture.SYNCED_TABLES):
            kept = capture.desk_only_condition(table, table)
            found[table] = conn.execute(
                f"SELECT * FROM {table}" + (f" WHERE {kept}" if kept else "") + " ORDER BY id"
            ).fetchall()
        for table in ("sync_version", "sync_blob"):
            found[table] = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()
        found["search_entry"] = conn.execute(
            "SELECT kind, record_id, title, body, held_on, area_id FROM search_entry"
            " ORDER BY kind, record_id"
        ).fetchall()
    return found


def _sync(api: str, path: Path, user: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(user[1] + "\n"))
    return cli.main(
        ["--db", str(path), "sync", "--server", api, "--user", user[0], "--password-stdin"]
    )


def test_a_new_desk_starts_from_the_snapshot_and_pulls_only_the_tail(
    origin: Desk,
    tmp_path: Path,
    api: str,
    admin: Client,
    owner: psycopg.Connection,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    monkeypatch.setattr("coordinator_app.sync.worker.PULL_PAGE", 5)
    pulled_after: list[int] = []
    real_pull, real_snapshot = ServerClient.pull, ServerClient.snapshot
    snapshot_cursor: list[int] = []
    late = origin.meeting(origin.made["meeting 1"])  # type: ignore[attr-defined]

    def pull(self: ServerClient, after: int, limit: int, **echo: Any) -> dict[str, Any]:
        pulled_after.append(after)
        return real_pull(self, after, limit, **echo)

    def snapshot(self: ServerClient, target: Path) -> int:
        snapshot_cursor.append(real_snapshot(self, target))
        # A colleague saves after the snapshot was built: that edit is the tail.
        late.venue = "市役所 3階"
        origin.services.meetings.save(late)
        monkeypatch.setattr(ServerClient, "pull", real_pull)
        origin.sync()
        monkeypatch.setattr(ServerClient, "pull", pull)
        return snapshot_cursor[-1]

    monkeypatch.setattr(ServerClient, "pull", pull)
    monkeypatch.setattr(ServerClient, "snapshot", snapshot)
    newcomer, old_way = new_user(admin, "coordinator"), new_user(admin, "coordinator")
    path = tmp_path / "new" / "desk.sqlite3"  # neither the file nor its folder exists
    code = _sync(api, path, newcomer, monkeypatch)
    out = capsys.readouterr()
    assert code == 0, out.err
    (cursor,) = snapshot_cursor
    log_length = owner.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    assert 0 < cursor < log_length
    # One page after the snapshot's cursor: the log before it was never pulled.
    assert pulled_after == [cursor]
    assert out.out.strip() == "送信 0件 受信 1件 競合 0件 送信できなかった変更 0件"
    assert sorted(p.name for p in path.parent.iterdir()) == ["desk.sqlite3"]

    # A desk made the old way (the whole log, page by page) holds the same rows.
    monkeypatch.setattr(ServerClient, "pull", pull)
    pulled_after.clear()
    replayed = Desk(tmp_path / "replayed.sqlite3", api, old_way)
    try:
        replayed.sync()
    finally:
        replayed.db.close()
    assert pulled_after[0] == 0 and len(pulled_after) > 10
    origin.db.close()
    bootstrapped, by_replay, by_origin = (
        _rows(p) for p in (path, tmp_path / "replayed.sqlite3", tmp_path / "origin.sqlite3")
    )
    for table in bootstrapped:
        assert bootstrapped[table] == by_replay[table], table
        if table not in ("sync_version", "sync_blob"):
            assert bootstrapped[table] == by_origin[table], table
    assert len(bootstrapped["meeting"]) == 13 and bootstrapped["sync_blob"]
    assert len(bootstrapped["search_entry"]) >= 12  # the deleted meeting is not searchable
    assert bootstrapped["sync_version"]

    desk = open_database(path)
    try:
        with desk.engine.connect() as conn:
            outbox = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one()
            device = conn.exec_driver_sql("SELECT device_id FROM sync_state").scalar_one()
        assert outbox == 0  # the copied rows were not captured as the desk's own edits
        services = Services.create(desk)
        hits = services.search.search("第7回若葉台協議体").groups["meeting"]
        assert [services.meetings.get(h.record_id).title for h in hits] == ["第7回若葉台協議体"]
        assert services.meetings.get(late.id).venue == "市役所 3階"
        coordinator_id = origin.made["coordinator"]  # type: ignore[attr-defined]
        assert services.coordinators.get(coordinator_id).photo == PHOTO
    finally:
        desk.close()
    # The file moved into place kept its identity: one device registered for the newcomer.
    devices = owner.execute(
        "SELECT DISTINCT t.device_id FROM access_token t JOIN user_account u ON u.id = t.user_id"
        " WHERE u.name = %s",
        [newcomer[0]],
    ).fetchall()
    assert [str(d[0]) for d in devices] == [device]


def _snapshot_tables(api: str, user: tuple[str, str], where: Path) -> dict[str, list[Any]]:
    client = ServerClient(api, schema_revision=head_revision())
    client.login(*user, device_id=str(uuid.uuid4()), device_name="test")
    packed = where / f"{user[0]}.gz"
    cursor = client.snapshot(packed)
    plain = where / f"{user[0]}.sqlite3"
    plain.write_bytes(gzip.decompress(packed.read_bytes()))
    with closing(sqlite3.connect(plain)) as conn:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
        ]
        found: dict[str, list[Any]] = {
            name: conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall()
            for name in names
            if name != "snapshot_meta"
        }
        meta = dict(conn.execute("SELECT key, value FROM snapshot_meta").fetchall())
    assert int(meta["cursor"]) == cursor
    found["cursor"] = [cursor]
    return found


def test_every_role_gets_the_same_rows_and_nothing_of_the_servers_own_tables(
    origin: Desk, tmp_path: Path, api: str, admin: Client, owner: psycopg.Connection
) -> None:
    # Every role may pull the whole log, so the snapshot is the same for all of them.
    users = {role: new_user(admin, role) for role in ("coordinator", "supervisor", "admin")}
    snapshots = {role: _snapshot_tables(api, user, tmp_path) for role, user in users.items()}
    first = snapshots["coordinator"]
    assert snapshots["supervisor"] == first and snapshots["admin"] == first
    assert set(first) == {t.name for t in synced_tables()} | {"snapshot_blob", "cursor"}
    assert not {"user_account", "access_token", "device", "change_log", "blob"} & set(first)
    meeting_id = origin.made["meeting 3"]  # type: ignore[attr-defined]
    assert any(row[0] == meeting_id.hex and "第3回若葉台協議体" in row for row in first["meeting"])
    for table in ("meeting", "coordinator", "user_profile", "progress_entry"):
        (held,) = owner.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert len(first[table]) == held, table
    (log_end,) = owner.execute("SELECT max(seq) FROM change_log").fetchone()
    assert first["cursor"] == [log_end]
    # Without a login there is no snapshot.
    with pytest.raises(SyncError) as refused:
        ServerClient(api, schema_revision=head_revision()).snapshot(tmp_path / "no.gz")
    assert refused.value.status == 401 and refused.value.code == "token_missing"


def test_an_interrupted_download_leaves_no_file(
    origin: Desk,
    tmp_path: Path,
    api: str,
    admin: Client,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    def dies(source: Any, target: Any, length: int = 0) -> None:
        part = source.read(100)  # the real answer's first bytes, then the line drops
        target.write(part)
        raise http.client.IncompleteRead(part)

    # The desk's side only (the server runs in this process too).
    monkeypatch.setattr(client_module, "shutil", SimpleNamespace(copyfileobj=dies))
    folder = tmp_path / "desks"
    path = folder / "desk.sqlite3"
    assert _sync(api, path, new_user(admin, "coordinator"), monkeypatch) == 1
    assert "同期できませんでした: サーバーから受信できませんでした" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_an_interrupted_copy_leaves_no_file(
    origin: Desk, tmp_path: Path, api: str, admin: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_copy = bootstrap._copy_rows

    def dies(conn: Any) -> int:
        real_copy(conn)
        raise KeyboardInterrupt  # the user closes the terminal in the middle of the copy

    monkeypatch.setattr(bootstrap, "_copy_rows", dies)
    path = tmp_path / "desks" / "desk.sqlite3"
    client = ServerClient(api, schema_revision=head_revision())
    user, password = new_user(admin, "coordinator")
    with pytest.raises(KeyboardInterrupt):
        bootstrap.bootstrap_new_desk(path, client, user=user, password=password)
    assert list(path.parent.iterdir()) == []


def test_a_broken_snapshot_or_an_older_server_falls_back_to_replaying_the_log(
    origin: Desk,
    tmp_path: Path,
    api: str,
    admin: Client,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    def truncated(self: ServerClient, target: Path) -> int:
        real = ServerClient.download(self, "/v1/snapshot", target)
        target.write_bytes(target.read_bytes()[:200])
        return int(real["x-snapshot-cursor"])

    monkeypatch.setattr(ServerClient, "snapshot", truncated)
    user = new_user(admin, "coordinator")
    path = tmp_path / "broken.sqlite3"
    assert _sync(api, path, user, monkeypatch) == 0
    err = capsys.readouterr().err
    assert "スナップショットから作成できませんでした" in err and "最初から受信します" in err

    def older_server(self: ServerClient, target: Path) -> int:
        raise SyncError("見つかりません", code="not_found", status=404)

    monkeypatch.setattr(ServerClient, "snapshot", older_server)
    older = tmp_path / "older.sqlite3"
    assert _sync(api, older, user, monkeypatch) == 0
    assert "スナップショットに対応していない" in capsys.readouterr().err
    origin.sync()  # the users made since its last round
    origin.db.close()
    expected = _rows(tmp_path / "origin.sqlite3")
    for replayed in (path, older):
        found = _rows(replayed)
        for table in capture.SYNCED_TABLES:
            assert found[table] == expected[table], table
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "broken.sqlite3",
        "older.sqlite3",
        "origin.sqlite3",
    ]


def _versions(
    api: str, user: tuple[str, str], where: Path
) -> tuple[int, set[tuple[str, str, int]]]:
    """A snapshot's cursor and every row in it as (table, id, server version)."""
    client = ServerClient(api, schema_revision=head_revision())
    client.login(*user, device_id=str(uuid.uuid4()), device_name="test")
    packed = where / "snapshot.gz"
    cursor = client.snapshot(packed)
    plain = where / "snapshot.sqlite3"
    plain.write_bytes(gzip.decompress(packed.read_bytes()))
    rows = set()
    with closing(sqlite3.connect(plain)) as conn:
        for table in synced_tables():
            rows |= {
                (table.name, str(uuid.UUID(row_id)), version)
                for row_id, version in conn.execute(
                    f"SELECT id, snapshot_row_version FROM {table.name}"
                )
            }
    plain.unlink()
    return cursor, rows


def test_rows_and_cursor_agree_while_desks_push(
    tmp_path: Path, api: str, admin: Client, owner: psycopg.Connection
) -> None:
    """Snapshots taken while four desks push hold exactly the log up to their cursor."""
    desks = [logged_in(api, admin, "coordinator") for _ in range(4)]
    reader = new_user(admin, "supervisor")
    errors: list[BaseException] = []

    def push(desk: Client) -> None:
        try:
            for i in range(10):
                change = insert("organisation", name=f"団体{i}", kind="npo")
                assert desk.push(change)["status"] == "applied"
                renamed = update("organisation", change["id"], name=(f"団体{i}", f"改称{i}"))
                assert desk.push(renamed)["status"] == "applied"
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=push, args=(d,)) for d in desks]
    for thread in threads:
        thread.start()
    snapshots = []
    while not snapshots or any(t.is_alive() for t in threads):
        snapshots.append(_versions(api, reader, tmp_path))
    for thread in threads:
        thread.join()
    assert errors == []
    for cursor, rows in snapshots:
        log = {
            (table, str(row_id), version)
            for table, row_id, version in owner.execute(
                "SELECT table_name, row_id, max(seq) FROM change_log WHERE seq <= %s"
                " GROUP BY table_name, row_id",
                [cursor],
            )
        }
        assert rows == log
