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
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coordinator_app.domain.models import Coordinator
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database

KILLS = int(os.environ.get("CRASH_TEST_KILLS", "200"))
ROUND_TIMEOUT_S = 20

ZYGOTE = r"""
import os, random, sys, uuid
from datetime import date
from coordinator_app.domain.enums import MeetingKind, MeetingMode, OrgKind
from coordinator_app.domain.models import Coordinator, Meeting, Organisation
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database

path = sys.argv[1]
attendees = [uuid.UUID(h) for h in sys.argv[2].split(",")]


def say(text):
    os.write(1, (text + "\n").encode())


def writer(seed):
    rnd = random.Random(seed)
    db = open_database(path)
    services = Services.create(db)
    say("writing")
    n = 0
    while True:
        n += 1
        say("saving")
        choice = rnd.random()
        if choice < 0.45:
            meeting = services.meetings.save(
                Meeting(kind=MeetingKind.LIAISON, title=f"連絡会 {seed}-{n}",
                        held_on=date(2024, 1 + n % 12, 1 + n % 28), mode=MeetingMode.ON_SITE,
                        minutes="議事録 " * rnd.randint(0, 3000)),
                coordinator_ids=attendees,
            )
            say(f"meeting {meeting.id.hex}")
        elif choice < 0.85:
            org = services.organisations.save(
                Organisation(name=f"団体 {seed}-{n}", kind=OrgKind.NPO,
                             notes="メモ" * rnd.randint(0, 2000))
            )
            say(f"organisation {org.id.hex}")
        else:
            size = rnd.randint(1, 48_000)
            photo = bytes([seed % 251]) * size
            person = services.coordinators.save(
                Coordinator(name=f"職員 {seed}-{n}", photo=photo, notes=str(size))
            )
            say(f"coordinator {person.id.hex}")


say("ready")
for line in sys.stdin:
    seed = int(line)
    pid = os.fork()
    if pid == 0:
        try:
            writer(seed)
        finally:
            os._exit(0)
    say(f"pid {pid}")
    _, status = os.waitpid(pid, 0)
    say(f"done {status}")
"""


class Zygote:
    def __init__(self, db_path: Path, attendees: list[str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE, str(db_path), ",".join(attendees)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.buffer = b""
        self.pending: list[str] = []
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + ROUND_TIMEOUT_S
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                raise AssertionError("the zygote stopped or timed out")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def spawn(self, seed: int) -> int:
        """Fork a writer; the writer's own lines may arrive before the zygote's pid line."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{seed}\n".encode())
        self.proc.stdin.flush()
        while True:
            line = self.readline()
            if line.startswith("pid "):
                return int(line.split()[1])
            self.pending.append(line)

    def next_line(self) -> str:
        return self.pending.pop(0) if self.pending else self.readline()

    def wait_for(self, text: str, times: int = 1) -> list[str]:
        """Read until the writer said ``text`` ``times`` times; returns the lines read."""
        lines = []
        while times:
            line = self.next_line()
            lines.append(line)
            if line.startswith("done "):
                raise AssertionError(f"the writer ended before saying {text!r}: {lines}")
            times -= line == text
        return lines

    def committed_until_done(
        self, before: list[str]
    ) -> tuple[list[tuple[str, str]], int, str | None]:
        """The committed records among ``before`` and the lines up to ``done``, the
        writer's exit status, and its last line before it died."""
        records = []
        last = None
        lines = iter(before)
        while True:
            line = next(lines, None) or self.next_line()
            if line.startswith("done "):
                return records, int(line.split()[1]), last
            last = line
            if line in ("writing", "saving"):
                continue
            kind, hex_id = line.split()
            records.append((kind, hex_id))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


def _check(db_path: Path, committed: dict[str, set[str]]) -> None:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table, ids in committed.items():
            present = {row[0] for row in conn.execute(f"SELECT id FROM {table}")}
            missing = ids - present
            assert not missing, f"{len(missing)} committed {table} rows lost"
        half_written = conn.execute(
            "SELECT m.id, COUNT(l.id) FROM meeting m LEFT JOIN meeting_coordinator l "
            "ON l.meeting_id = m.id GROUP BY m.id HAVING COUNT(l.id) != 3"
        ).fetchall()
        assert half_written == [], "a meeting was stored without all its attendance links"
        torn_photos = conn.execute(
            "SELECT COUNT(*) FROM coordinator WHERE photo IS NOT NULL "
            "AND length(photo) != CAST(notes AS INTEGER)"
        ).fetchone()[0]
        assert torn_photos == 0
    finally:
        conn.close()


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
    zygote = Zygote(db_path, [a.hex for a in attendees])
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
