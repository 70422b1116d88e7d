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
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.storage.killing import (
    RESTORE_ZYGOTE,
    WRITER_ZYGOTE,
    Zygote,
    count_organisations,
    organisations_database,
    writer_damage,
)

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
            pid = zygote.spawn(round_number)
            seen: list[str] = []
            if rnd.random() >= 0.25:
                seen = zygote.wait_for("saving", times=rnd.randint(1, 4))
                time.sleep(rnd.uniform(0, 0.005))
            os.kill(pid, signal.SIGKILL)
            records, _, last = zygote.committed_until_done(seen)
            for kind, hex_id in records:
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
    damage = writer_damage(path, committed)
    return sum(damage.lost.values()), int(damage.corrupt)


def restore_kills(folder: Path, kills: int) -> dict[str, int]:
    from coordinator_app.services.data_safety import DataSafetyService

    backup = organisations_database(folder / "backup.sqlite3", 40)
    healthy = organisations_database(folder / "old.sqlite3", 7).read_bytes()
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
            count = count_organisations(db_path)
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

    current = organisations_database(folder / "current.sqlite3", 3)
    rows = []
    for n, (kind, tamper) in enumerate(HOSTILE.items()):
        path = organisations_database(folder / f"hostile{n}.sqlite3", 5)
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
