"""Crash safety: a writer using the real services is SIGKILLed at random moments.

A "zygote" subprocess imports the app once and forks a fresh writer for each
round, so hundreds of kills fit in CI time. The writer says ``writing`` on a
pipe once its database is open, ``saving`` before each save, and each record's
id only after ``save`` has returned (committed). The kill moment is chosen
after those signals (never by a fixed delay from the fork), so the same
thing is tested whatever the machine's speed. After every kill
the test checks that every reported record is in the file, that
``PRAGMA integrity_check`` is ok, and that no transaction was half-written
(each meeting has exactly its three attendance links, each photo is whole).
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from coordinator_app.domain.models import Coordinator
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from tests.storage.killing import WRITER_ZYGOTE, Zygote, writer_damage

KILLS = int(os.environ.get("CRASH_TEST_KILLS", "200"))
ROUND_TIMEOUT_S = 20


def _check(db_path: Path, committed: dict[str, set[str]]) -> None:
    damage = writer_damage(db_path, committed)
    assert damage.integrity_ok and damage.foreign_keys_ok
    for table, missing in damage.lost.items():
        assert not missing, f"{missing} committed {table} rows lost"
    assert damage.half_written_meetings == 0, (
        "a meeting was stored without all its attendance links"
    )
    assert damage.torn_photos == 0


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the zygote forks writers (POSIX)")
def test_sigkill_at_random_moments_loses_no_committed_record(tmp_path: Path) -> None:
    db_path = tmp_path / "crash.sqlite3"
    db = open_database(db_path)
    services = Services.create(db)
    attendees = [services.coordinators.save(Coordinator(name=f"出席者{n}")).id for n in range(3)]
    db.close()
    rnd = random.Random(20240501)
    committed: dict[str, set[str]] = {"meeting": set(), "organisation": set(), "coordinator": set()}
    kills = mid_save = while_writing = guaranteed = 0
    started = time.monotonic()
    zygote = Zygote(
        WRITER_ZYGOTE, str(db_path), ",".join(a.hex for a in attendees), timeout_s=ROUND_TIMEOUT_S
    )
    try:
        for round_number in range(KILLS):
            pid = zygote.spawn(round_number)
            seen: list[str] = []
            if rnd.random() < 0.25:
                # A quarter of the kills land at once: while the writer opens the database.
                pass
            else:
                # The rest after the writer's own signals: during its n-th save, at a
                # random point of it (the save is nearly all the writer's time).
                saves = rnd.randint(1, 4)
                seen = zygote.wait_for("writing")
                seen += zygote.wait_for("saving", times=saves)
                guaranteed += saves - 1  # each save before the n-th one was committed
                time.sleep(rnd.uniform(0, 0.005))
                while_writing += 1
            os.kill(pid, signal.SIGKILL)
            records, status, last = zygote.committed_until_done(seen)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"the writer ended by itself (status {status}): it crashed"
            )
            kills += 1
            mid_save += last == "saving"
            for table, hex_id in records:
                committed[table].add(hex_id)
            _check(db_path, committed)
    finally:
        zygote.close()
    elapsed = time.monotonic() - started
    total = sum(len(ids) for ids in committed.values())
    print(f"\n{kills} SIGKILLs in {elapsed:.1f}s, {total} committed records verified")
    assert kills == KILLS >= 200 or "CRASH_TEST_KILLS" in os.environ
    assert while_writing > kills // 2
    assert mid_save > while_writing // 2, "most kills after the signals should hit a save"
    assert total >= guaranteed > 0
    reopened = open_database(db_path)
    try:
        stored = Services.create(reopened).organisations.list().total
    finally:
        reopened.close()
    # Killed between commit and report: stored but never reported, never the other way.
    assert stored >= len(committed["organisation"])
