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
import signal
import time
from pathlib import Path

import pytest

from coordinator_app.services.data_safety import DataSafetyService
from coordinator_app.storage.locations import side_files
from tests.storage.killing import (
    RESTORE_ZYGOTE,
    Zygote,
    count_organisations,
    organisations_database,
)

ROUNDS = int(os.environ.get("RESTORE_KILL_ROUNDS", "30"))
HANG_LIMIT_S = 60


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
    backup = organisations_database(tmp_path / "backup.sqlite3", organisations=40)
    healthy_old = organisations_database(tmp_path / "old.sqlite3", organisations=7).read_bytes()
    damaged_old = bytearray(healthy_old)
    damaged_old[4096 : 4096 * 3] = b"\0" * (4096 * 2)  # a zero-filled stretch: damaged
    db_path = folder / "coordinator.sqlite3"
    rnd = random.Random(20250101)
    outcomes = {"old": 0, "new": 0}
    killed = 0
    zygote = Zygote(RESTORE_ZYGOTE, str(db_path), str(backup), timeout_s=HANG_LIMIT_S)
    try:
        # One unkilled round per kind measures how long a restore takes here.
        durations = {}
        for kind, old in (("healthy", healthy_old), ("damaged", bytes(damaged_old))):
            _reset(folder, db_path, old)
            zygote.send("go")
            assert zygote.readline().startswith("start ")
            line = zygote.readline()
            assert line.startswith("restored "), line
            durations[kind] = float(line.split()[1])
            assert zygote.readline().startswith("done ")
            assert count_organisations(db_path) == 40
        for round_number in range(ROUNDS):
            kind = "damaged" if round_number % 2 else "healthy"
            old = bytes(damaged_old) if kind == "damaged" else healthy_old
            _reset(folder, db_path, old)
            zygote.send("go")
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
            count = count_organisations(db_path)
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
