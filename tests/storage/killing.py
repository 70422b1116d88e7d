"""Helpers for killing writers and restorers at random moments (POSIX, ``fork``).

Shared by ``tests/storage/test_crash.py``, ``tests/storage/test_restore_kill.py``
and ``benchmarks/reliability.py``: a "zygote" subprocess imports the app once and
forks a fresh child per round, so hundreds of kills fit in little time. Children
speak on a pipe (one line per event); the caller chooses the kill moment after
those signals, never by a fixed delay from the fork.

* :data:`WRITER_ZYGOTE` (args: database path, three attendee ids, comma-joined)
  forks a writer per seed sent on stdin. The writer says ``writing`` once its
  database is open, ``saving`` before each save and ``<table> <hex id>`` after
  each commit; the zygote says ``pid N`` after forking and ``done STATUS``
  when the child ended.
* :data:`RESTORE_ZYGOTE` (args: database path, backup path) forks a restorer
  per line; it says ``start PID`` just before ``restore``, ``restored SECONDS``
  after it, and the zygote ``done STATUS``.
"""

from __future__ import annotations

import os
import select
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

WRITER_ZYGOTE = r"""
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

RESTORE_ZYGOTE = r"""
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


class ZygoteError(RuntimeError):
    """The zygote stopped, hung, or a child ended before saying what was awaited."""


class Zygote:
    """A subprocess that forks children on request and relays their lines."""

    def __init__(self, script: str, *args: str, timeout_s: float = 60) -> None:
        self.timeout_s = timeout_s
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.buffer = b""
        self.pending: list[str] = []
        if self._read() != "ready":
            raise ZygoteError("the zygote did not start")

    def _read(self) -> str:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + self.timeout_s
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                raise ZygoteError("the zygote stopped or hung")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def readline(self) -> str:
        """The next line: one set aside by :meth:`spawn` first, then the pipe's."""
        return self.pending.pop(0) if self.pending else self._read()

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{text}\n".encode())
        self.proc.stdin.flush()

    def spawn(self, seed: int) -> int:
        """Fork a writer; its own lines may arrive before the zygote's pid line."""
        self.send(str(seed))
        seen: list[str] = []
        while True:
            line = self._read()
            if line.startswith("pid "):
                self.pending += seen
                return int(line.split()[1])
            seen.append(line)

    def wait_for(self, text: str, times: int = 1) -> list[str]:
        """Read until the child said ``text`` ``times`` times; returns the lines read."""
        lines = []
        while times:
            line = self.readline()
            lines.append(line)
            if line.startswith("done "):
                raise ZygoteError(f"the child ended before saying {text!r}: {lines}")
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
            line = next(lines, None) or self.readline()
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
        self.proc.wait(timeout=self.timeout_s)


@dataclass
class WriterDamage:
    """What a killed writer may have left wrong in the file (all zero/True when sound)."""

    integrity_ok: bool = True
    foreign_keys_ok: bool = True
    lost: dict[str, int] = field(default_factory=dict)
    half_written_meetings: int = 0
    torn_photos: int = 0

    @property
    def corrupt(self) -> bool:
        return not (self.integrity_ok and self.foreign_keys_ok) or bool(
            self.half_written_meetings or self.torn_photos
        )


def writer_damage(path: Path, committed: dict[str, set[str]]) -> WriterDamage:
    """Check the writers' file: integrity, foreign keys, every committed id present,
    each meeting with its three attendance links, each photo whole."""
    conn = sqlite3.connect(path)
    try:
        damage = WriterDamage(
            integrity_ok=conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)],
            foreign_keys_ok=conn.execute("PRAGMA foreign_key_check").fetchall() == [],
        )
        for table, ids in committed.items():
            present = {row[0] for row in conn.execute(f"SELECT id FROM {table}")}
            damage.lost[table] = len(ids - present)
        damage.half_written_meetings = len(
            conn.execute(
                "SELECT m.id FROM meeting m LEFT JOIN meeting_coordinator l "
                "ON l.meeting_id = m.id GROUP BY m.id HAVING COUNT(l.id) != 3"
            ).fetchall()
        )
        damage.torn_photos = conn.execute(
            "SELECT COUNT(*) FROM coordinator WHERE photo IS NOT NULL "
            "AND length(photo) != CAST(notes AS INTEGER)"
        ).fetchone()[0]
        return damage
    finally:
        conn.close()


def organisations_database(path: Path, organisations: int) -> Path:
    """A database at ``path`` with ``organisations`` organisations (through the services)."""
    from coordinator_app.domain.enums import OrgKind
    from coordinator_app.domain.models import Organisation
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database

    db = open_database(path)
    services = Services.create(db)
    for n in range(organisations):
        services.organisations.save(
            Organisation(name=f"団体{n}", kind=OrgKind.NPO, notes="メモ" * 500)
        )
    db.close()
    return path


def count_organisations(path: Path) -> int | None:
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
