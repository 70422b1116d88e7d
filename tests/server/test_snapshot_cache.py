"""``GET /v1/snapshot`` under cost control (throw-away PostgreSQL, the real API on
loopback): concurrent requests build once, a reused snapshot plus the tail gives a
desk equal to the server, a stale one is rebuilt, and an account asking too often
gets 429 with a Japanese message the desk shows (nothing is created)."""

from __future__ import annotations

import gzip
import io
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from coordinator_app import cli
from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import Meeting
from coordinator_app.server import snapshot as snapshot_module
from coordinator_app.server.config import ServerConfig, ServerDir
from coordinator_app.server.snapshot import SnapshotCache
from coordinator_app.storage.schema import head_revision
from coordinator_app.sync.client import ServerClient, SyncError
from tests.server import conftest as server_fixtures
from tests.server.conftest import Client, insert, logged_in, new_user, serving
from tests.sync.test_rounds import Desk
from tests.sync.test_snapshot_bootstrap import _rows

Served = tuple[str, FastAPI]


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def serve(
    server_dir: ServerDir, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., Served]]:
    """Start an API of the test's own config (on the session's PostgreSQL)."""
    apps: list[FastAPI] = []
    real_create = server_fixtures.create_app

    def create_app(config: ServerConfig) -> FastAPI:
        apps.append(real_create(config))
        return apps[-1]

    monkeypatch.setattr(server_fixtures, "create_app", create_app)
    running: list[Any] = []

    def start(**overrides: Any) -> Served:
        config = ServerConfig.from_dir(server_dir, failed_login_delay=0.01, **overrides)
        context = serving(config)
        base = context.__enter__()
        running.append(context)
        return base, apps[-1]

    try:
        yield start
    finally:
        for context in reversed(running):
            context.__exit__(None, None, None)


def _cache(app: FastAPI) -> SnapshotCache:
    cache = app.state.snapshots
    assert isinstance(cache, SnapshotCache)
    return cache


def _download(base: str, user: tuple[str, str], where: Path) -> tuple[int, bytes]:
    client = ServerClient(base, schema_revision=head_revision())
    client.login(*user, device_id=str(uuid.uuid4()), device_name="test")
    target = where / f"{uuid.uuid4().hex}.gz"
    cursor = client.snapshot(target)
    return cursor, target.read_bytes()


def _until(condition: Callable[[], bool], what: str) -> None:
    """Wait for a condition (a generous deadline only against a hang, never the verdict)."""
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def test_two_concurrent_requests_build_once(
    serve: Callable[..., Served],
    admin: Client,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, app = serve(snapshot_requests_per_account=0)
    cache = _cache(app)
    started, release = threading.Event(), threading.Event()
    real_build = snapshot_module.build_snapshot

    def held_build(*args: Any, **kwargs: Any) -> Any:
        started.set()
        assert release.wait(60), "the test never released the build"
        return real_build(*args, **kwargs)

    monkeypatch.setattr(snapshot_module, "build_snapshot", held_build)
    users = [new_user(admin, "coordinator"), new_user(admin, "supervisor")]
    answers: dict[int, tuple[int, bytes]] = {}
    errors: list[BaseException] = []

    def fetch(index: int) -> None:
        try:
            answers[index] = _download(base, users[index], tmp_path)
        except BaseException as error:  # reported in the test's thread
            errors.append(error)

    first = threading.Thread(target=fetch, args=(0,))
    first.start()
    _until(started.is_set, "the first request did not start building")
    second = threading.Thread(target=fetch, args=(1,))
    second.start()
    _until(lambda: cache.waiting == 1, "the second request is not waiting for the build")
    release.set()
    first.join()
    second.join()
    assert errors == []
    assert cache.builds == 1
    assert answers[0] == answers[1]  # the same file, the same cursor
    # Nothing pushed since: a third request is answered from the cache too.
    assert _download(base, users[0], tmp_path) == answers[0]
    assert cache.builds == 1
    with closing(sqlite3.connect(":memory:")) as lite:
        plain = tmp_path / "one.sqlite3"
        plain.write_bytes(gzip.decompress(answers[0][1]))
        lite.execute("ATTACH DATABASE ? AS s", (str(plain),))
        meta = dict(lite.execute("SELECT key, value FROM s.snapshot_meta").fetchall())
    assert int(meta["cursor"]) == answers[0][0]


def _sync_cli(base: str, path: Path, user: tuple[str, str], monkeypatch: Any) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(user[1] + "\n"))
    return cli.main(
        ["--db", str(path), "sync", "--server", base, "--user", user[0], "--password-stdin"]
    )


def _meeting(desk: Desk, n: int) -> Meeting:
    return desk.services.meetings.save(
        Meeting(
            kind=MeetingKind.COUNCIL,
            title=f"第{n}回キャッシュ協議体",
            held_on=date(2026, 6, n),
            mode=MeetingMode.ON_SITE,
            venue="公民館",
        )
    )


def test_a_reused_snapshot_and_the_tail_give_a_desk_equal_to_the_server(
    serve: Callable[..., Served],
    admin: Client,
    owner: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, app = serve(snapshot_requests_per_account=0)
    cache = _cache(app)
    origin = Desk(tmp_path / "origin.sqlite3", base, new_user(admin, "coordinator"))
    try:
        meetings = [_meeting(origin, n) for n in range(1, 4)]
        assert origin.sync().exit_code == 0
        first_path = tmp_path / "first" / "desk.sqlite3"
        assert _sync_cli(base, first_path, new_user(admin, "coordinator"), monkeypatch) == 0
        assert cache.builds == 1
        (built_at,) = owner.execute("SELECT max(seq) FROM change_log").fetchone()

        # After the build: an edit and a new meeting (the tail the next desk pulls).
        late = origin.meeting(meetings[0].id)
        late.venue = "市役所 3階"
        origin.services.meetings.save(late)
        _meeting(origin, 4)
        assert origin.sync().exit_code == 0
        pulled_after: list[int] = []
        real_pull = ServerClient.pull

        def pull(self: ServerClient, after: int, limit: int, **echo: Any) -> dict[str, Any]:
            pulled_after.append(after)
            return real_pull(self, after, limit, **echo)

        monkeypatch.setattr(ServerClient, "pull", pull)
        second_path = tmp_path / "second" / "desk.sqlite3"
        assert _sync_cli(base, second_path, new_user(admin, "coordinator"), monkeypatch) == 0
        assert cache.builds == 1  # the file built for the first desk was served again
        assert pulled_after[0] == built_at  # ...and the desk pulled the tail after it
        monkeypatch.setattr(ServerClient, "pull", real_pull)
        origin.sync()  # the users made since
    finally:
        origin.db.close()
    expected = _rows(tmp_path / "origin.sqlite3")
    found = _rows(second_path)
    for table in expected:
        if table not in ("sync_version", "sync_blob"):
            assert found[table] == expected[table], table
    # Equal to the server itself, not only to the desk that wrote it.
    venues = dict(owner.execute("SELECT id, venue FROM meeting").fetchall())
    with closing(sqlite3.connect(second_path)) as desk:
        held = {uuid.UUID(i): v for i, v in desk.execute("SELECT id, venue FROM meeting")}
    assert held == venues and held[meetings[0].id] == "市役所 3階"


def test_a_snapshot_too_far_behind_or_too_old_is_rebuilt(
    serve: Callable[..., Served], api: str, admin: Client, tmp_path: Path
) -> None:
    base, app = serve(
        snapshot_reuse_rows=3, snapshot_reuse_seconds=600, snapshot_requests_per_account=0
    )
    cache = _cache(app)
    clock = Clock()
    cache.clock = clock
    reader = new_user(admin, "supervisor")
    writer = logged_in(api, admin, "coordinator")
    cursor, _ = _download(base, reader, tmp_path)
    assert cache.builds == 1
    # One new organisation is several log rows (one per field): more than 3 behind.
    assert writer.push(insert("organisation", name="キャッシュの会", kind="npo"))["status"] == (
        "applied"
    )
    behind = writer.call("GET", f"/v1/pull?after={cursor}").body["cursor"] - cursor
    assert behind > 3
    newer, _ = _download(base, reader, tmp_path)
    assert cache.builds == 2 and newer == cursor + behind
    # Nothing new, but older than the age: rebuilt as well.
    clock.now += 599
    assert _download(base, reader, tmp_path)[0] == newer and cache.builds == 2
    clock.now += 2
    assert _download(base, reader, tmp_path)[0] == newer and cache.builds == 3
    # A replaced file is deleted at once; the cache's folder goes when the API stops.
    root = cache._root
    assert root is not None and len(list(root.iterdir())) == 1
    cache.close()
    assert not root.exists()


def test_an_account_asking_too_often_gets_429_and_the_desk_creates_nothing(
    serve: Callable[..., Served],
    admin: Client,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    base, app = serve(snapshot_requests_per_account=2, snapshot_rate_window_seconds=3600)
    clock = Clock()
    app.state.snapshot_limit.clock = clock
    user = new_user(admin, "coordinator")
    for _ in range(2):
        _download(base, user, tmp_path)
    client = Client(base)
    assert client.login(*user).status == 200
    clock.now += 60
    refused = client.call("GET", "/v1/snapshot")
    assert refused.status == 429 and refused.code == "snapshot_rate_limited"
    message = refused.body["error"]["message"]
    assert message == (
        "初期データ(スナップショット)の取得は1時間に2回までです。約59分後にやり直してください"
    )
    assert refused.body["error"]["details"] == {"retry_after_seconds": 3540}
    # Another account is not held back by this one.
    assert _download(base, new_user(admin, "coordinator"), tmp_path)[0] >= 0
    with pytest.raises(SyncError) as raised:
        _download(base, user, tmp_path)
    assert raised.value.status == 429 and raised.value.message == message

    # The desk's command says so and creates nothing; later it works.
    folder = tmp_path / "desks"
    path = folder / "desk.sqlite3"
    assert _sync_cli(base, path, user, monkeypatch) == 1
    assert f"同期できませんでした: {message}" in capsys.readouterr().err
    assert not path.exists() and list(folder.iterdir()) == []
    clock.now += 3600
    assert _sync_cli(base, path, user, monkeypatch) == 0
    assert path.exists()
