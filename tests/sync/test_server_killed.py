"""The server's PostgreSQL killed in the middle of a push (``pg_ctl stop -m immediate``:
every backend dies at once, as in a crash): the desk is told in Japanese and keeps its
outbox; once PostgreSQL is back the next round pushes, and the server holds every
change exactly once — the transactions committed before the crash are answered from
their stored results, the rest applied.

The cluster is this module's own (the session's shared one is never killed).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg

from coordinator_app import cli
from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import Meeting
from coordinator_app.server import sync as server_sync
from coordinator_app.server.cli import cluster_of, initialise, owner_connection
from coordinator_app.server.cluster import Cluster, find_bindir
from coordinator_app.server.config import ServerDir
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from tests.server.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    MUNICIPALITY,
    Client,
    fast_config,
    new_user,
    serving,
)

# Durable commits (no synchronous_commit=off): what the server acknowledged inside
# PostgreSQL must survive the crash. fsync stays off: a killed process loses no
# page the kernel already has.
CRASH_PG_OPTIONS = "-c fsync=off -c full_page_writes=off"
KILL_AT = 5
"""The crash comes as the server starts the push's fifth transaction."""


@dataclass
class Server:
    server_dir: ServerDir
    cluster: Cluster
    api: str

    def owner(self) -> psycopg.Connection:
        return owner_connection(self.server_dir, self.server_dir.municipality(MUNICIPALITY).schema)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    if find_bindir() is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl, postgres) on this machine")
    root = Path(tempfile.mkdtemp(prefix="cs-killed-"))
    root.chmod(0o755)  # the postgres user must be able to enter it when run as root
    try:
        initialise(root, municipality=MUNICIPALITY, admin=ADMIN, password=ADMIN_PASSWORD)
        server_dir = ServerDir.load(root)
        cluster = cluster_of(server_dir)
        cluster.start(options=CRASH_PG_OPTIONS)
        try:
            with serving(fast_config(server_dir)) as api:
                yield Server(server_dir, cluster, api)
        finally:
            cluster.stop(mode="immediate")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _sync(db: Path, server: Server, user: tuple[str, str], capsys: Any) -> tuple[int, str, str]:
    """One ``coordinator-app sync`` round, as a script runs it: (exit code, stdout, stderr)."""
    name, password = user
    with pytest.MonkeyPatch.context() as stdin:
        stdin.setattr("sys.stdin", io.StringIO(password + "\n"))
        code = cli.main(
            ["--db", str(db), "sync", "--server", server.api, "--user", name, "--password-stdin"]
        )
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err.strip()


def _outbox(db: Path) -> list[tuple[int, str, str]]:
    database = open_database(db)
    try:
        with database.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT tx, table_name, row_id FROM sync_outbox ORDER BY seq"
            ).fetchall()
    finally:
        database.close()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _edits(db: Path) -> tuple[list[Meeting], list[str]]:
    """Six new meetings, then the first one's venue changed six times: twelve user actions."""
    database = open_database(db)
    try:
        services = Services.create(database)
        meetings = [
            services.meetings.save(
                Meeting(
                    kind=MeetingKind.COUNCIL,
                    title=f"第{n}回 第2層協議体",
                    held_on=date(2026, 5, n),
                    mode=MeetingMode.ON_SITE,
                    venue="地区センター",
                )
            )
            for n in range(1, 7)
        ]
        venues = [f"集会所 {n}号室" for n in range(1, 7)]
        for venue in venues:
            first = services.meetings.get(meetings[0].id)
            first.venue = venue
            services.meetings.save(first)
    finally:
        database.close()
    return meetings, venues


def _killing_at(cluster: Cluster, number: int) -> Callable[..., dict[str, Any]]:
    real = server_sync.push_transaction
    calls = 0

    def push_transaction(conn: psycopg.Connection, **kwargs: Any) -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == number:
            cluster.stop(mode="immediate")  # every backend dies, this request's included
        return real(conn, **kwargs)

    return push_transaction


def test_postgresql_killed_mid_push_loses_and_doubles_nothing(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    admin = Client(server.api)
    assert admin.login(ADMIN, ADMIN_PASSWORD).status == 200
    user = new_user(admin, "coordinator")
    db = tmp_path / "laptop.sqlite3"
    assert _sync(db, server, user, capsys)[0] == 0  # connected once: capture is on
    meetings, venues = _edits(db)
    waiting = _outbox(db)
    assert len({tx for tx, _t, _r in waiting}) == 12

    with monkeypatch.context() as crash:
        crash.setattr(server_sync, "push_transaction", _killing_at(server.cluster, KILL_AT))
        code, out, err = _sync(db, server, user, capsys)
    assert not server.cluster.is_running()
    assert (code, out) == (1, "")
    assert err == (
        "同期できませんでした: データベースに接続できません。しばらくしてからやり直してください"
        "(未送信の変更は残っています)"
    )
    assert _outbox(db) == waiting  # nothing dropped on the desk

    server.cluster.start(options=CRASH_PG_OPTIONS)
    with server.owner() as owner:
        device = owner.execute(
            "SELECT device_id FROM applied_tx GROUP BY device_id HAVING count(*) > 0"
        ).fetchall()
        committed = owner.execute("SELECT count(*) FROM applied_tx").fetchone()
    # The transactions before the crash were committed, and survived it.
    assert committed == (KILL_AT - 1,) and len(device) == 1

    code, out, err = _sync(db, server, user, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("送信 12件 ")
    assert _outbox(db) == []

    with server.owner() as owner:
        applied = owner.execute(
            "SELECT client_tx, count(*) FROM applied_tx WHERE device_id = %s"
            " GROUP BY client_tx ORDER BY client_tx",
            [device[0][0]],
        ).fetchall()
        assert [n for _tx, n in applied] == [1] * 12
        assert len(applied) == 12
        stored = owner.execute(
            "SELECT id, title, venue FROM meeting WHERE deleted_at IS NULL ORDER BY held_on"
        ).fetchall()
        assert stored == [
            (m.id, m.title, venues[-1] if m is meetings[0] else "地区センター") for m in meetings
        ]
        # Each meeting's insert logged once; the venue's six changes, each once, in order.
        inserts = owner.execute(
            "SELECT row_id, count(*) FROM change_log WHERE table_name = 'meeting'"
            " AND op = 'insert' AND field = 'title' GROUP BY row_id"
        ).fetchall()
        assert sorted(n for _r, n in inserts) == [1] * 6
        assert {r for r, _n in inserts} == {m.id for m in meetings}
        history = owner.execute(
            "SELECT new_value FROM change_log WHERE table_name = 'meeting' AND row_id = %s"
            " AND op = 'update' AND field = 'venue' ORDER BY seq",
            [meetings[0].id],
        ).fetchall()
        assert [v for (v,) in history] == venues
