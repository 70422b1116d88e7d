"""A throw-away PostgreSQL and the real API on a loopback port, once per test session
for the tests under ``tests/server`` (modules elsewhere take theirs from ``per_module``).

The cluster is built by the same code as ``coordinator-server init`` in a new
temporary directory (as root it belongs to the ``postgres`` user), started
with durability off (a test database need not survive a power cut), and
removed at the end. Never a shared or pre-existing server.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

pytest.importorskip("fastapi", reason="the server extra is not installed")
pytest.importorskip("psycopg", reason="the server extra is not installed")

import psycopg
import uvicorn

from coordinator_app.server.app import create_app
from coordinator_app.server.cli import cluster_of, initialise, owner_connection
from coordinator_app.server.cluster import find_bindir
from coordinator_app.server.config import ServerConfig, ServerDir, desk_revisions

MUNICIPALITY = "wakabadai"
ADMIN, ADMIN_PASSWORD = "admin", "admin-password-1"
TEST_PG_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
REVISION = desk_revisions()[-1]
SLOW_SERVER = 600.0
"""Seconds a test waits for an answer: a busy CI box may be slow; a hang still ends."""


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[ServerDir]:
    """A new cluster with the municipality and its admin, started; stopped and removed after."""
    if find_bindir() is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl, postgres) on this machine")
    # Not pytest's tmp_path: its parents are 0700 root, which the postgres user
    # cannot enter when the tests run as root.
    root = Path(tempfile.mkdtemp(prefix="cs-test-"))
    root.chmod(0o755)
    try:
        initialise(root, municipality=MUNICIPALITY, admin=ADMIN, password=ADMIN_PASSWORD)
        loaded = ServerDir.load(root)
        cluster = cluster_of(loaded)
        cluster.start(options=TEST_PG_OPTIONS)
        try:
            yield loaded
        finally:
            cluster.stop(mode="immediate")
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def server_dir() -> Iterator[ServerDir]:
    with throwaway_cluster() as loaded:
        yield loaded


@contextlib.contextmanager
def serving(config: ServerConfig) -> Iterator[str]:
    """Serve the API for ``config`` with uvicorn in a thread; yields its base URL."""
    server = uvicorn.Server(uvicorn.Config(create_app(config), log_level="warning"))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:  # a condition, not a duration: start-up takes what it takes
        assert thread.is_alive(), "the API did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()
        sock.close()


def fast_config(server_dir: ServerDir) -> ServerConfig:
    """Fast failed-login delay, lock-out after 3 failures, 1 MiB request limit; a snapshot
    reused only while the log has not moved, and no snapshot rate limit (the cache and
    the limit have their own tests: test_snapshot_cache.py)."""
    return ServerConfig.from_dir(
        server_dir,
        failed_login_delay=0.01,
        max_failed_logins=3,
        max_request_bytes=1024 * 1024,
        snapshot_reuse_rows=0,
        snapshot_requests_per_account=0,
    )


@pytest.fixture(scope="session")
def api(server_dir: ServerDir) -> Iterator[str]:
    """The base URL of the API (real HTTP on loopback)."""
    with serving(fast_config(server_dir)) as base:
        yield base


@pytest.fixture
def owner(server_dir: ServerDir) -> Iterator[psycopg.Connection]:
    """An owner connection to the municipality's schema (for looking, not for the API)."""
    schema = server_dir.municipality(MUNICIPALITY).schema
    with owner_connection(server_dir, schema) as conn:
        yield conn


@pytest.fixture
def desk_schema(server_dir: ServerDir) -> Iterator[sa.Engine]:
    """An engine on a new, empty schema of the throw-away cluster (dropped afterwards)."""
    schema = f"desk_chain_{uuid.uuid4().hex[:8]}"
    with owner_connection(server_dir) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")

    def connect() -> psycopg.Connection:
        return psycopg.connect(server_dir.owner_dsn, options=f"-c search_path={schema}")

    engine = sa.create_engine("postgresql+psycopg://", creator=connect, poolclass=sa.NullPool)
    try:
        yield engine
    finally:
        engine.dispose()
        with owner_connection(server_dir) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@dataclass
class Reply:
    status: int
    body: Any
    raw: bytes = b""

    @property
    def code(self) -> str | None:
        if isinstance(self.body, dict) and "error" in self.body:
            return self.body["error"]["code"]
        return None


@dataclass
class Client:
    base: str
    token: str | None = None
    revision: str | None = REVISION
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    incarnation: str = field(default_factory=lambda: str(uuid.uuid4()))
    next_tx: int = 1

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        all_headers = {"Content-Type": "application/json"}
        if self.revision:
            all_headers["X-Schema-Revision"] = self.revision
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        all_headers.update(headers or {})
        if body is not None:
            data = json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            self.base + path, data=data, method=method, headers=all_headers
        )
        try:
            with urllib.request.urlopen(request, timeout=SLOW_SERVER) as response:
                raw = response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            raw = error.read()
            status = error.code
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return Reply(status, parsed, raw)

    def login(self, user: str, password: str, **extra: Any) -> Reply:
        reply = self.call(
            "POST",
            "/v1/login",
            {
                "user": user,
                "password": password,
                "device_id": self.device_id,
                "device_name": f"{user} のノートPC",
                **extra,
            },
        )
        if reply.status == 200:
            self.token = reply.body["token"]
        return reply

    def push(self, *changes: dict[str, Any], tx: int | None = None) -> dict[str, Any]:
        """Push one transaction; returns its result."""
        if tx is None:
            tx, self.next_tx = self.next_tx, self.next_tx + 1
        reply = self.call(
            "POST",
            "/v1/push",
            {"incarnation": self.incarnation, "transactions": [{"tx": tx, "changes": changes}]},
        )
        assert reply.status == 200, reply.body
        return reply.body["results"][0]


def insert(table: str, row_id: str | None = None, **values: Any) -> dict[str, Any]:
    return {
        "table": table,
        "id": row_id or str(uuid.uuid4()),
        "op": "insert",
        "fields": {name: [None, value] for name, value in values.items()},
    }


def update(table: str, row_id: str, **pairs: tuple[Any, Any]) -> dict[str, Any]:
    return {
        "table": table,
        "id": row_id,
        "op": "update",
        "fields": {name: list(pair) for name, pair in pairs.items()},
    }


@pytest.fixture
def client(api: str) -> Client:
    return Client(api)


@pytest.fixture
def admin(api: str) -> Client:
    admin = Client(api)
    assert admin.login(ADMIN, ADMIN_PASSWORD).status == 200
    return admin


def new_user(admin: Client, role: str, **extra: Any) -> tuple[str, str]:
    """Create a user through the API; returns (name, password)."""
    name = f"{role}-{uuid.uuid4().hex[:8]}"
    password = f"pw-{uuid.uuid4().hex}"
    reply = admin.call(
        "POST", "/v1/users", {"name": name, "role": role, "password": password, **extra}
    )
    assert reply.status == 201, reply.body
    return name, password


def logged_in(api: str, admin: Client, role: str) -> Client:
    name, password = new_user(admin, role)
    user = Client(api)
    assert user.login(name, password).status == 200
    return user
