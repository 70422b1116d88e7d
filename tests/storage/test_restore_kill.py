"""Restore is atomic: a restore SIGKILLed at any moment leaves the old database or the
new one at the path, never none; the next start cleans what the kill left behind.

A zygote subprocess imports the app once and forks one restorer per round. The
restorer says ``start`` on a pipe just before it calls ``restore``; the test
chooses the kill moment after that signal (a random fraction of how long an
unkilled restore took on this machine, measured by the restorer itself), so the
same thing is tested at any speed. What decides pass or fail is only what is on
disk after the kill.
"""

from __future__ import annotations

import contextlib
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.services.data_safety import DataSafetyService
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from coordinator_app.storage.locations import side_files

ROUNDS = int(os.environ.get("RESTORE_KILL_ROUNDS", "30"))
HANG_LIMIT_S = 60

ZYGOTE = r"""
import os, sys, time
from coordinator_app.storage.backup import BackupManager

db_path, backup = sys.argv[1], sys.argv[2]


def say(text):
    os.write(1, (text + "\n").encode())


say("ready")
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            manager = BackupManager(db_path)
            say(f"start {os.getpid()}")
            began = time.perf_counter()
            manager.restore(backup)
            say(f"restored {time.perf_counter() - began:.6f}")
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    say(f"done {status}")
"""


class Zygote:
    def __init__(self, db_path: Path, backup: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE, str(db_path), str(backup)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.buffer = b""
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + HANG_LIMIT_S
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                raise AssertionError("the zygote stopped or hung")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def fork(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"go\n")
        self.proc.stdin.flush()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=HANG_LIMIT_S)


def _database(path: Path, organisations: int) -> Path:
    db = open_database(path)
    services = Services.create(db)
    for n in range(organisations):
        services.organisations.save(
            Organisation(name=f"団体{n}", kind=OrgKind.NPO, notes="メモ" * 500)
        )
    db.close()
    return path


def _count(path: Path) -> int | None:
    """Organisations in a sound database at ``path``; None when it is not one."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                return None
            return int(conn.execute("SELECT COUNT(*) FROM organisation").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def _reset(folder: Path, db_path: Path, old: bytes) -> None:
    for path in folder.iterdir():
        if path.is_file() and path.name != "backup.sqlite3":
            path.unlink()
    db_path.write_bytes(old)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the zygote forks restorers (POSIX)")
def test_a_killed_restore_leaves_the_old_or_the_new_database(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    backup = _database(tmp_path / "backup.sqlite3", organisations=40)
    healthy_old = _database(tmp_path / "old.sqlite3", organisations=7).read_bytes()
    damaged_old = bytearray(healthy_old)
    damaged_old[4096 : 4096 * 3] = b"\0" * (4096 * 2)  # a zero-filled stretch: damaged
    db_path = folder / "coordinator.sqlite3"
    rnd = random.Random(20250101)
    outcomes = {"old": 0, "new": 0}
    killed = 0
    zygote = Zygote(db_path, backup)
    try:
        # One unkilled round per kind measures how long a restore takes here.
        durations = {}
        for kind, old in (("healthy", healthy_old), ("damaged", bytes(damaged_old))):
            _reset(folder, db_path, old)
            zygote.fork()
            assert zygote.readline().startswith("start ")
            line = zygote.readline()
            assert line.startswith("restored "), line
            durations[kind] = float(line.split()[1])
            assert zygote.readline().startswith("done ")
            assert _count(db_path) == 40
        for round_number in range(ROUNDS):
            kind = "damaged" if round_number % 2 else "healthy"
            old = bytes(damaged_old) if kind == "damaged" else healthy_old
            _reset(folder, db_path, old)
            zygote.fork()
            started = zygote.readline()
            assert started.startswith("start ")
            # The child is restoring now: kill it somewhere inside the restore.
            time.sleep(rnd.uniform(0, durations[kind]))
            with contextlib.suppress(ProcessLookupError):  # it finished first
                os.kill(int(started.split()[1]), signal.SIGKILL)
            line = zygote.readline()
            if line.startswith("restored "):
                line = zygote.readline()
            status = int(line.split()[1])
            killed += os.WIFSIGNALED(status)

            assert db_path.exists(), f"round {round_number}: no database at the path"
            count = _count(db_path)
            if count == 40:
                outcomes["new"] += 1
            else:
                assert db_path.read_bytes() == old, (
                    f"round {round_number} ({kind}): the path holds neither the old "
                    f"file nor the restored one"
                )
                outcomes["old"] += 1
            # The next start cleans what the kill left and opens what is there.
            safety = DataSafetyService(db_path)
            if count == 40 or kind == "healthy":
                opened = safety.open()
                safety.close(opened.db, backup=False)
                staged = safety.manager.staging_path()
                assert not staged.exists() and not side_files(staged)
                leftovers = [
                    p.name
                    for where in (folder, safety.backup_dir)
                    if where.is_dir()
                    for p in where.iterdir()
                    if p.name.endswith(".partial") or ".restoring" in p.name
                ]
                assert leftovers == [], f"round {round_number}: left behind {leftovers}"
    finally:
        zygote.close()
    print(f"\n{ROUNDS} restores, {killed} killed mid-way: {outcomes}")
    assert killed > 0, "no kill landed inside a restore"
