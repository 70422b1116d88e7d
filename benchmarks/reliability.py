"""Reliability table: writers and restores SIGKILLed at random, and hostile files.

Three parts, each printed as a Markdown table with the machine it ran on:

* **writer kills**: a zygote process imports the app once and forks a writer
  per round (meetings with three attendance links, organisations, coordinators
  with photos, through the real services). The writer says ``writing`` once
  the database is open, ``saving`` before each save and the record's id after
  each commit; the kill lands at once (a quarter of the rounds: while opening)
  or during the n-th save after those signals. After each kill: every
  reported record must be there (else *lost*), ``integrity_check`` and
  ``foreign_key_check`` must pass and no meeting may lack its links (else
  *corrupt*).
* **restore kills**: a forked restorer puts a 40-organisation backup over a
  healthy or a damaged (zero-filled pages) database and is killed at a random
  moment inside the restore. The path must then hold the old file (same
  bytes) or the restored one (sound, 40 organisations), never nothing; the
  next start (``DataSafetyService.open``) must leave no ``.restoring`` or
  ``.partial`` file behind.
* **hostile files**: each kind is checked on opening and offered to restore;
  both must refuse it and leave its bytes untouched.

POSIX only (``fork``). A script, not a test::

    python -m benchmarks.reliability [--writer-kills 300] [--restore-kills 60]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import random
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HANG_LIMIT_S = 60

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
    services = Services.create(open_database(path))
    say("writing")
    n = 0
    while True:
        n += 1
        say("saving")
        choice = rnd.random()
        if choice < 0.45:
            m = services.meetings.save(
                Meeting(kind=MeetingKind.LIAISON, title=f"連絡会 {seed}-{n}",
                        held_on=date(2024, 1 + n % 12, 1 + n % 28), mode=MeetingMode.ON_SITE,
                        minutes="議事録 " * rnd.randint(0, 3000)),
                coordinator_ids=attendees)
            say(f"meeting {m.id.hex}")
        elif choice < 0.85:
            o = services.organisations.save(
                Organisation(name=f"団体 {seed}-{n}", kind=OrgKind.NPO,
                             notes="メモ" * rnd.randint(0, 2000)))
            say(f"organisation {o.id.hex}")
        else:
            size = rnd.randint(1, 48_000)
            c = services.coordinators.save(
                Coordinator(name=f"職員 {seed}-{n}", photo=bytes([seed % 251]) * size,
                            notes=str(size)))
            say(f"coordinator {c.id.hex}")


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


class Zygote:
    """A subprocess that forks children on request and relays their lines."""

    def __init__(self, script: str, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.buffer = b""
        self.pending: list[str] = []
        if self.readline() != "ready":
            raise RuntimeError("the zygote did not start")

    def readline(self) -> str:
        if self.pending:
            return self.pending.pop(0)
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + HANG_LIMIT_S
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                raise RuntimeError("the zygote stopped or hung")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{text}\n".encode())
        self.proc.stdin.flush()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=HANG_LIMIT_S)


# -- writer kills --------------------------------------------------------------------


def writer_kills(folder: Path, kills: int) -> dict[str, int]:
    from coordinator_app.domain.models import Coordinator
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database

    path = folder / "writers.sqlite3"
    db = open_database(path)
    services = Services.create(db)
    attendees = [services.coordinators.save(Coordinator(name=f"出席者{n}")).id for n in range(3)]
    db.close()
    committed: dict[str, set[str]] = {"meeting": set(), "organisation": set(), "coordinator": set()}
    rnd = random.Random(20250101)
    result = {"kills": 0, "mid_save": 0, "committed": 0, "lost": 0, "corrupt": 0}
    zygote = Zygote(WRITER_ZYGOTE, str(path), ",".join(a.hex for a in attendees))
    try:
        for round_number in range(kills):
            zygote.send(str(round_number))
            seen: list[str] = []
            while True:
                line = zygote.readline()
                if line.startswith("pid "):
                    pid = int(line.split()[1])
                    break
                seen.append(line)
            zygote.pending = seen + zygote.pending
            seen = []
            if rnd.random() >= 0.25:
                wanted = rnd.randint(1, 4)
                while wanted:
                    line = zygote.readline()
                    seen.append(line)
                    wanted -= line == "saving"
                time.sleep(rnd.uniform(0, 0.005))
            os.kill(pid, signal.SIGKILL)
            zygote.pending = seen + zygote.pending
            last = None
            while True:
                line = zygote.readline()
                if line.startswith("done "):
                    break
                last = line
                if line not in ("writing", "saving"):
                    kind, hex_id = line.split()
                    committed[kind].add(hex_id)
            result["kills"] += 1
            result["mid_save"] += last == "saving"
            lost, corrupt = _check_writers(path, committed)
            result["lost"] = lost
            result["corrupt"] += corrupt
    finally:
        zygote.close()
    result["committed"] = sum(len(ids) for ids in committed.values())
    return result


def _check_writers(path: Path, committed: dict[str, set[str]]) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        corrupt = conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
        corrupt |= conn.execute("PRAGMA foreign_key_check").fetchall() != []
        corrupt |= bool(
            conn.execute(
                "SELECT m.id FROM meeting m LEFT JOIN meeting_coordinator l "
                "ON l.meeting_id = m.id GROUP BY m.id HAVING COUNT(l.id) != 3"
            ).fetchall()
        )
        lost = 0
        for table, ids in committed.items():
            present = {row[0] for row in conn.execute(f"SELECT id FROM {table}")}
            lost += len(ids - present)
        return lost, int(corrupt)
    finally:
        conn.close()


# -- restore kills -------------------------------------------------------------------


def _database(path: Path, organisations: int) -> Path:
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


def _count(path: Path) -> int | None:
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


def restore_kills(folder: Path, kills: int) -> dict[str, int]:
    from coordinator_app.services.data_safety import DataSafetyService

    backup = _database(folder / "backup.sqlite3", 40)
    healthy = _database(folder / "old.sqlite3", 7).read_bytes()
    damaged = bytearray(healthy)
    damaged[4096 : 4096 * 3] = b"\0" * 8192
    data = folder / "data"
    data.mkdir()
    db_path = data / "coordinator.sqlite3"
    rnd = random.Random(20250102)
    result = {"restores": 0, "killed": 0, "old": 0, "new": 0, "none": 0, "corrupt": 0}
    result["leftovers"] = 0
    zygote = Zygote(RESTORE_ZYGOTE, str(db_path), str(backup))

    def reset(old: bytes) -> None:
        for path in data.rglob("*"):
            if path.is_file():
                path.unlink()
        db_path.write_bytes(old)

    def one_round(old: bytes, kill_after: float | None) -> float | None:
        reset(old)
        zygote.send("go")
        started = zygote.readline()
        if kill_after is not None:
            time.sleep(kill_after)
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(started.split()[1]), signal.SIGKILL)
        took = None
        line = zygote.readline()
        if line.startswith("restored "):
            took = float(line.split()[1])
            line = zygote.readline()
        status = int(line.split()[1])
        result["killed"] += kill_after is not None and os.WIFSIGNALED(status)
        return took

    try:
        durations = {
            "healthy": one_round(healthy, None) or 0.1,
            "damaged": one_round(bytes(damaged), None) or 0.1,
        }
        result["killed"] = 0
        for n in range(kills):
            kind = "damaged" if n % 2 else "healthy"
            old = bytes(damaged) if kind == "damaged" else healthy
            one_round(old, rnd.uniform(0, durations[kind]))
            result["restores"] += 1
            if not db_path.exists():
                result["none"] += 1
                continue
            count = _count(db_path)
            if count == 40:
                result["new"] += 1
            elif db_path.read_bytes() == old:
                result["old"] += 1
            else:
                result["corrupt"] += 1
            if count == 40 or kind == "healthy":
                safety = DataSafetyService(db_path)
                opened = safety.open()
                safety.close(opened.db, backup=False)
            else:
                safety = DataSafetyService(db_path)
                with contextlib.suppress(Exception):
                    safety.lock.acquire()
                    safety.clean_leftovers()
                safety.lock.release()
            result["leftovers"] += sum(
                1 for p in data.rglob("*") if p.name.endswith(".partial") or ".restoring" in p.name
            )
    finally:
        zygote.close()
    return result


# -- hostile files -------------------------------------------------------------------


def _tamper(sql: list[str]) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            for statement in sql:
                conn.execute(statement)
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()

    return apply


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zero_fill(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\0" * 8192
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE budget (year INTEGER, amount INTEGER)")
    conn.commit()
    conn.close()


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(64 * 1024))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


HOSTILE: dict[str, Callable[[Path], None]] = {
    "trigger renaming every coordinator": _tamper(
        [
            "CREATE TRIGGER t AFTER INSERT ON organisation BEGIN "
            "UPDATE coordinator SET name = 'x'; END"
        ]
    ),
    "view in place of a table": _tamper(
        [
            "PRAGMA foreign_keys = OFF",
            "DROP TABLE progress_entry",
            "CREATE VIEW progress_entry AS SELECT * FROM project",
        ]
    ),
    "changed columns": _tamper(["ALTER TABLE organisation ADD COLUMN secret TEXT"]),
    "extra view": _tamper(["CREATE VIEW v AS SELECT name FROM coordinator"]),
    "extra unique index": _tamper(["CREATE UNIQUE INDEX u ON organisation (name, kind)"]),
    "truncated to half": _truncate,
    "zero-filled pages": _zero_fill,
    "foreign SQLite file": _foreign,
    "random bytes": _random_bytes,
    "empty (0 bytes)": _empty,
}


def hostile_files(folder: Path) -> list[tuple[str, str, str, str]]:
    """(kind, verdict on opening, restore refused?, bytes untouched?) per kind."""
    from coordinator_app.storage.backup import BackupManager
    from coordinator_app.storage.backup_copy import BackupError
    from coordinator_app.storage.open_checks import check_database

    current = _database(folder / "current.sqlite3", 3)
    rows = []
    for n, (kind, tamper) in enumerate(HOSTILE.items()):
        path = _database(folder / f"hostile{n}.sqlite3", 5)
        tamper(path)
        before = path.read_bytes()
        current_before = current.read_bytes()
        verdict = check_database(path)
        try:
            BackupManager(current).restore(path)
            refused = "accepted"
        except BackupError:
            refused = "refused"
        untouched = path.read_bytes() == before and current.read_bytes() == current_before
        rows.append((kind, verdict.status.value, refused, "yes" if untouched else "NO"))
    return rows


# -- report --------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}; "
        f"{platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"SQLite {sqlite3.sqlite_version}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--writer-kills", type=int, default=300)
    parser.add_argument("--restore-kills", type=int, default=60)
    args = parser.parse_args(argv)
    if not hasattr(os, "fork"):
        print("needs fork (POSIX)", file=sys.stderr)
        return 2
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="coordinator-reliability-") as tmp:
        folder = Path(tmp)
        (folder / "w").mkdir()
        (folder / "r").mkdir()
        (folder / "h").mkdir()
        writers = writer_kills(folder / "w", args.writer_kills)
        restores = restore_kills(folder / "r", args.restore_kills)
        hostile = hostile_files(folder / "h")
    print(f"Machine: {machine()}")
    print(f"Run time: {time.monotonic() - began:.0f} s\n")
    print(
        "| SIGKILLs of a writer | last signal: saving "
        "| committed records checked | lost | corrupt |"
    )
    print("|---:|---:|---:|---:|---:|")
    w = writers
    print(f"| {w['kills']} | {w['mid_save']} | {w['committed']} | {w['lost']} | {w['corrupt']} |")
    print()
    print(
        "| restores | killed mid-way | old file at the path | restored file at the path "
        "| no file | corrupt | leftovers after next start |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    r = restores
    print(
        f"| {r['restores']} | {r['killed']} | {r['old']} | {r['new']} | {r['none']} "
        f"| {r['corrupt']} | {r['leftovers']} |"
    )
    print()
    print("| hostile file | verdict on opening | restore | bytes untouched |")
    print("|---|---|---|---|")
    for kind, verdict, refused, untouched in hostile:
        print(f"| {kind} | {verdict} | {refused} | {untouched} |")
    failed = (
        w["lost"]
        or w["corrupt"]
        or r["none"]
        or r["corrupt"]
        or r["leftovers"]
        or any(refused != "refused" or untouched != "yes" for _k, _v, refused, untouched in hostile)
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
