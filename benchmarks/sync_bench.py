"""Benchmark: sync at volume, each row beside the raw cost of the same rows in one run.

Builds a throw-away server as an administrator does (``coordinator-server init``
into a temporary directory: a private PostgreSQL with its normal durability
settings), runs ``coordinator-server run`` as a separate process on loopback,
and times what the desks do through ``coordinator-app sync`` (``cli.main`` in
this process, exactly the command's code path):

* **Big city into the server** (set-up, reported): the big-city file of
  ``benchmarks/generate_bigcity.py`` at ``--scale`` is pushed by an admin's
  desk connecting for the first time (a desk that already holds data joins:
  its whole file is uploaded through the ordinary push).
* **A fresh desk bootstrapped**: ``coordinator-app sync`` on a path that does
  not exist, whatever that command does for it (a server-built snapshot, then
  the tail of the log). Floor: the same synced rows, read back from the new
  desk file, inserted with ``executemany`` into a fresh SQLite file holding the
  same tables and indexes (no triggers, no search index), one transaction.
* **A pull of ``--pull`` changes made by another desk**: that desk pushes
  new meetings and then edits each one's venue (half inserts, half updates,
  10 changes per transaction, through the push API as its sync worker sends
  them); the bootstrapped desk pulls them with one ``coordinator-app sync``.
  Floor: the same meeting rows ``executemany``-inserted, then the same venue
  updates ``executemany``-applied, into a fresh SQLite file, one transaction.
* **A month offline**: the bootstrapped desk makes ``--changes`` row changes
  through its services, one user action per sync transaction, on dates spread
  over 30 days (new meetings with two attendees, new progress entries, edited
  minutes, edited entries), then one ``coordinator-app sync`` pushes them (and
  pulls what came since; its own values are not sent back). Floor: the same
  rows, read back from the server, ``COPY``-ed into equivalent tables (``LIKE
  … INCLUDING ALL``) on the same PostgreSQL and the same updates
  ``executemany``-applied, one transaction.

Prints the machine, the scale and one Markdown table. Nothing is asserted. The
workloads are in ``sync_workloads.py``, the floors in ``sync_floors.py``.

Usage::

    python -m benchmarks.sync_bench [--scale 0.01] [--changes 10000] [--pull 100000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.server import meeting_values, start_api
from benchmarks.sync_floors import postgres_floor, read_rows, sqlite_floor
from benchmarks.sync_workloads import (
    ADMIN,
    ADMIN_PASSWORD,
    MUNICIPALITY,
    UPLOAD_BATCH,
    city_file,
    count_rows,
    create_users,
    log,
    month_offline,
    other_desk_changes,
    outbox_of,
    split_upload,
)
from coordinator_app import cli
from coordinator_app.server.cli import cluster_of, initialise
from coordinator_app.server.config import ServerDir
from coordinator_app.storage import capture
from coordinator_app.sync import worker


@dataclass
class Row:
    operation: str
    app_s: float
    floor: str
    floor_s: float
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.app_s / self.floor_s if self.floor_s else float("nan")


@contextlib.contextmanager
def patched(module: Any, name: str, value: Any) -> Iterator[None]:
    saved = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, saved)


@contextlib.contextmanager
def timer() -> Iterator[list[float]]:
    box = [0.0]
    started = time.perf_counter()
    yield box
    box[0] = time.perf_counter() - started


def sync_round(path: Path, api: str, user: tuple[str, str]) -> str:
    """One ``coordinator-app sync`` round; returns its one line (raises on exit 1)."""
    name, password = user
    real_stdin, real_stdout = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = io.StringIO(password + "\n"), io.StringIO()
    try:
        code = cli.main(
            ["--db", str(path), "sync", "--server", api, "--user", name, "--password-stdin"]
        )
        line = sys.stdout.getvalue().strip()
    finally:
        sys.stdin, sys.stdout = real_stdin, real_stdout
    if code == 1:
        raise RuntimeError(f"coordinator-app sync failed on {path.name}")
    return line


def machine() -> str:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({model or platform.processor()}); {platform.system()}"
        f" {platform.release()}; Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}; load average {load}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", type=float, default=0.01, help="of the big city (1.0: 500,000 meetings)"
    )
    parser.add_argument(
        "--changes", type=int, default=10_000, help="row changes of the month offline"
    )
    parser.add_argument("--pull", type=int, default=100_000, help="row changes pulled")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"Machine at the start: {machine()}")
    root = Path(tempfile.mkdtemp(prefix="sync-bench-"))
    root.chmod(0o755)
    work = root / "desks"
    work.mkdir()
    process: subprocess.Popen[bytes] | None = None
    rows: list[Row] = []
    synced = sorted(capture.SYNCED_TABLES)
    try:
        city = city_file(args.scale, work)
        log("initialising the server (private PostgreSQL, normal durability)…")
        initialise(root / "server", municipality=MUNICIPALITY, admin=ADMIN, password=ADMIN_PASSWORD)
        server_dir = ServerDir.load(root / "server")
        cluster_of(server_dir).start()
        users = create_users(server_dir)
        process, port = start_api(server_dir)
        api = f"http://127.0.0.1:{port}"

        city_rows = count_rows(city, synced)
        log(f"the big city's desk uploads its {city_rows:,} rows…")
        split_upload(city)
        with timer() as upload, patched(worker, "PUSH_BATCH", UPLOAD_BATCH):
            line = sync_round(city, api, users["loader"])
        log(f"  {upload[0]:.1f} s: {line}")
        rows.append(
            Row(
                f"set-up: first desk uploads the big city ({city_rows:,} rows)",
                upload[0],
                "",
                0.0,
                line,
            )
        )

        fresh = work / "fresh.sqlite3"
        log("a fresh desk bootstraps…")
        with timer() as boot:
            line = sync_round(fresh, api, users["fresh"])
        log(f"  {boot[0]:.1f} s: {line}")
        inserts, columns = read_rows(fresh, synced)
        booted = sum(len(r) for r in inserts.values())
        floor_s = sqlite_floor(fresh, work / "floor-boot.sqlite3", inserts, columns)
        rows.append(
            Row(
                f"fresh desk bootstrapped ({booted:,} rows)",
                boot[0],
                "SQLite executemany, same rows, fresh file",
                floor_s,
                line,
            )
        )
        del inserts

        log(f"another desk pushes {args.pull:,} changes…")
        with timer() as pushed:
            ids = other_desk_changes(port, users["other"], args.pull)
        log(f"  {pushed[0]:.1f} s")
        log("the desk pulls them…")
        with timer() as pull:
            line = sync_round(fresh, api, users["fresh"])
        log(f"  {pull[0]:.1f} s: {line}")
        marks = ",".join("?" * len(ids))
        conn = sqlite3.connect(fresh)
        cursor = conn.execute(f"SELECT * FROM meeting WHERE id IN ({marks})", ids)
        names = [d[0] for d in cursor.description]
        final = cursor.fetchall()
        conn.close()
        at = names.index("venue")
        first_venue = meeting_values(0)["venue"]
        initial = [(*r[:at], first_venue, *r[at + 1 :]) for r in final]
        floor_s = sqlite_floor(
            fresh,
            work / "floor-pull.sqlite3",
            {"meeting": initial},
            {"meeting": names},
            [("meeting", "venue", [(r[at], r[names.index("id")]) for r in final])],
        )
        rows.append(
            Row(
                f"pull of {len(ids) * 2:,} changes by another desk",
                pull[0],
                "SQLite executemany, same rows and updates",
                floor_s,
                line,
            )
        )

        log(f"a month offline: {args.changes:,} changes through the services…")
        with timer() as editing:
            actions = month_offline(fresh, args.changes, args.seed)
        outbox = outbox_of(fresh)
        log(f"  {actions:,} user actions, {len(outbox):,} row changes, {editing[0]:.0f} s")
        with timer() as push:
            line = sync_round(fresh, api, users["fresh"])
        log(f"  {push[0]:.1f} s: {line}")
        floor_s = postgres_floor(server_dir, MUNICIPALITY, outbox)
        rows.append(
            Row(
                f"push after a month offline ({len(outbox):,} changes, {actions:,} transactions)",
                push[0],
                "psycopg COPY + executemany, same rows, same PostgreSQL",
                floor_s,
                line,
            )
        )
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=300)
        if (root / "server" / "server.json").exists():
            cluster_of(ServerDir.load(root / "server")).stop(mode="fast")
        shutil.rmtree(root, ignore_errors=True)
    print(f"Machine at the end: {machine()}")
    print(f"Big city at scale {args.scale:g} (1.0 is 500,000 meetings)\n")
    print("| operation | coordinator-app sync | floor | floor | ratio | the round's line |")
    print("|---|---:|---|---:|---:|---|")
    for row in rows:
        floor = f"{row.floor_s:.2f} s" if row.floor_s else ""
        ratio = f"{row.ratio:.1f}x" if row.floor_s else ""
        print(
            f"| {row.operation} | {row.app_s:.2f} s | {row.floor} | {floor} | {ratio}"
            f" | {row.note} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
