"""``coordinator-server`` as an administrator runs it: init, users, run, devices, SIGTERM."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from coordinator_app.server.cli import cluster_of
from coordinator_app.server.cluster import find_bindir
from coordinator_app.server.config import ServerDir
from tests.server.conftest import REVISION

pytestmark = pytest.mark.slow


def _cli(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coordinator_app.server", *args],
        input=(password + "\n") if password is not None else "",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def server_root() -> Iterator[Path]:
    if find_bindir() is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl, postgres) on this machine")
    root = Path(tempfile.mkdtemp(prefix="cs-cli-"))
    root.chmod(0o755)
    try:
        yield root / "server"
    finally:
        if (root / "server" / "server.json").exists():
            cluster_of(ServerDir.load(root / "server")).stop(mode="immediate")
        shutil.rmtree(root, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, token: str | None = None) -> tuple[int, dict]:
    headers = {"X-Schema-Revision": REVISION}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_init_users_run_devices_and_a_clean_stop(server_root: Path) -> None:
    done = _cli(
        "init",
        str(server_root),
        "--municipality",
        "wakabadai",
        "--admin",
        "管理者",
        "--password-stdin",
        password="admin-password-1",
    )
    assert done.returncode == 0, done.stderr
    assert "wakabadai" in done.stdout
    assert (server_root / "server.json").stat().st_mode & 0o077 == 0  # holds passwords
    again = _cli(
        "init",
        str(server_root),
        "--municipality",
        "wakabadai",
        "--admin",
        "x",
        "--password-stdin",
        password="admin-password-1",
    )
    assert again.returncode == 1
    assert "既にあります" in again.stderr

    added = _cli(
        "user",
        "add",
        str(server_root),
        "高橋",
        "--role",
        "coordinator",
        "--password-stdin",
        password="coord-password-1",
    )
    assert added.returncode == 0, added.stderr
    assert not cluster_of(ServerDir.load(server_root)).is_running()  # commands leave it stopped

    port = _free_port()
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "coordinator_app.server",
            "run",
            str(server_root),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while True:  # wait for the condition "health answers", bounded generously
            assert run.poll() is None, run.communicate()[1]
            try:
                status, body = _get(base + "/v1/health")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.1)
        assert (status, body["municipalities"]) == (200, {"wakabadai": "ok"})
        device_id = str(uuid.uuid4())
        login = urllib.request.Request(
            base + "/v1/login",
            data=json.dumps(
                {
                    "user": "高橋",
                    "password": "coord-password-1",
                    "device_id": device_id,
                    "device_name": "包括のノートPC",
                }
            ).encode(),
            headers={"Content-Type": "application/json", "X-Schema-Revision": REVISION},
        )
        with urllib.request.urlopen(login, timeout=30) as response:
            token = json.loads(response.read())["token"]
        # Administration while the server runs (the cluster is up: no start/stop).
        missing = _cli(
            "user",
            "add",
            str(server_root),
            "佐藤",
            "--role",
            "coordinator",
            "--coordinator",
            "いない人",
            "--password-stdin",
            password="coord-password-2",
        )
        assert missing.returncode == 1
        assert "見つかりません" in missing.stderr
        short = _cli(
            "user",
            "add",
            str(server_root),
            "鈴木",
            "--role",
            "supervisor",
            "--password-stdin",
            password="short",
        )
        assert short.returncode == 1
        assert "8文字以上" in short.stderr
        listed = _cli("user", "list", str(server_root))
        assert [line.split("\t")[:3] for line in listed.stdout.splitlines()] == [
            ["管理者", "admin", "有効"],
            ["高橋", "coordinator", "有効"],
        ]
        assert cluster_of(ServerDir.load(server_root)).is_running()
        devices = _cli("device", "list", str(server_root))
        assert devices.returncode == 0, devices.stderr
        assert device_id in devices.stdout and "包括のノートPC" in devices.stdout
        assert _cli("device", "revoke", str(server_root), device_id).returncode == 0
        status, body = _get(base + "/v1/me", token)
        assert (status, body["error"]["code"]) == (403, "device_revoked")
        assert _cli("user", "disable", str(server_root), "高橋").returncode == 0
        assert "無効" in _cli("user", "list", str(server_root)).stdout
    finally:
        run.send_signal(signal.SIGTERM)
        _out, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert "停止しました" in err
    assert not cluster_of(ServerDir.load(server_root)).is_running()


def test_init_without_postgresql_says_so(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PATH": "/nonexistent",
        "COORDINATOR_PG_BINDIR": "",
        "COORDINATOR_PG_FROM": "system",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, glob; glob.glob = lambda p: []; "
            "from coordinator_app.server.cli import main; "
            f"sys.exit(main(['init', {str(tmp_path / 's')!r},"
            " '--admin', 'a', '--password-stdin']))",
        ],
        input="admin-password-1\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "PostgreSQL のプログラム" in done.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="only root hands the cluster to the postgres user")
def test_init_as_root_refuses_a_directory_the_cluster_user_cannot_reach() -> None:
    if find_bindir() is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl, postgres) on this machine")
    # A short path (a parallel worker's tmp_path can pass the socket directory's limit,
    # which would be refused first for another reason); mkdtemp makes it 0700.
    private = Path(tempfile.mkdtemp(prefix="cs-private-"))
    try:
        _refused_as_private(private)
    finally:
        shutil.rmtree(private, ignore_errors=True)


def _refused_as_private(private: Path) -> None:
    done = _cli(
        "init",
        str(private / "srv"),
        "--admin",
        "a",
        "--password-stdin",
        password="admin-password-1",
    )
    assert done.returncode == 1
    assert "入れません" in done.stderr
    assert not (private / "srv" / "server.json").exists()
