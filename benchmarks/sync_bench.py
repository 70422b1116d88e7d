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
  not exist, whatever that command does for it (today it replays the whole
  change log; a server-built snapshot will change the figure, not this
  script). Floor: the same synced rows, read back from the new desk file,
  inserted with ``executemany`` into a fresh SQLite file holding the same
  tables and indexes (no triggers, no search index), one transaction.
* **A pull of ``--pull`` changes made by another desk**: that desk pushes
  new meetings and then edits each one's venue (half inserts, half updates,
  10 changes per transaction, through the push API as its sync worker sends
  them); the bootstrapped desk pulls them with one ``coordinator-app sync``.
  Floor: the same meeting rows ``executemany``-inserted, then the same venue
  updates ``executemany``-applied, into a fresh SQLite file, one transaction.
* **A month offline**: the bootstrapped desk makes ``--changes`` row changes
  through its services, one user action per sync transaction, on dates spread
  over 30 days (new meetings with two attendees, new progress entries, edited
  minutes, edited entries), then one ``coordinator-app sync`` pushes them.
  Floor: the same rows, read back from the server, ``COPY``-ed into
  equivalent tables (``LIKE … INCLUDING ALL``) on the same PostgreSQL and the
  same updates ``executemany``-applied, one transaction.

Prints the machine, the scale and one Markdown table. Nothing is asserted.

Usage::

    python -m benchmarks.sync_bench [--scale 0.01] [--changes 10000] [--pull 100000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.server import Desk, meeting_values, start_api
from coordinator_app import cli
from coordinator_app.server.cli import cluster_of, initialise, owner_connection
from coordinator_app.server.config import ServerDir
from coordinator_app.storage import capture
from coordinator_app.sync import worker

MUNICIPALITY = "syncbench"
ADMIN, ADMIN_PASSWORD = "admin", "admin-password-1"
PER_TX = 10
"""Row changes per transaction of the other desk."""
PER_REQUEST = 50
"""Transactions per push request of the other desk."""


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


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


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


# -- floors -----------------------------------------------------------------------


def _schema_of(source: sqlite3.Connection, tables: list[str]) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements of ``tables`` (no triggers)."""
    marks = ",".join("?" * len(tables))
    return [
        sql
        for (sql,) in source.execute(
            f"SELECT sql FROM sqlite_master WHERE tbl_name IN ({marks}) AND sql IS NOT NULL"
            " AND type IN ('table', 'index') ORDER BY type DESC",
            tables,
        )
    ]


def sqlite_floor(
    source_path: Path,
    target_path: Path,
    inserts: dict[str, list[tuple[Any, ...]]],
    columns: dict[str, list[str]],
    updates: list[tuple[str, str, list[tuple[Any, ...]]]] = (),  # type: ignore[assignment]
) -> float:
    """Seconds to executemany ``inserts`` (then ``updates``) into a fresh file, one transaction."""
    source = sqlite3.connect(source_path)
    statements = _schema_of(source, list(columns))
    source.close()
    target = sqlite3.connect(target_path, isolation_level=None)
    target.execute("PRAGMA journal_mode = WAL")  # as the app's files
    target.execute("PRAGMA synchronous = NORMAL")
    for statement in statements:
        target.execute(statement)
    started = time.perf_counter()
    target.execute("BEGIN")
    for table, rows in inserts.items():
        names = columns[table]
        target.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            rows,
        )
    for table, column, pairs in updates:
        target.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?", pairs)
    target.execute("COMMIT")
    seconds = time.perf_counter() - started
    target.close()
    return seconds


def read_rows(
    path: Path, tables: list[str], where: str = "", params: tuple[Any, ...] = ()
) -> tuple[dict[str, list[tuple[Any, ...]]], dict[str, list[str]]]:
    conn = sqlite3.connect(path)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    columns: dict[str, list[str]] = {}
    for table in tables:
        cursor = conn.execute(f"SELECT * FROM {table} {where}", params)
        columns[table] = [d[0] for d in cursor.description]
        rows[table] = cursor.fetchall()
    conn.close()
    return rows, columns


def postgres_floor(
    server_dir: ServerDir, outbox: list[tuple[str, str, str, dict[str, Any]]]
) -> float:
    """Seconds to COPY the pushed rows and apply the pushed updates into look-alike tables."""
    schema = server_dir.municipality(MUNICIPALITY).schema
    inserted: dict[str, list[uuid.UUID]] = defaultdict(list)
    updated: dict[tuple[str, tuple[str, ...]], list[uuid.UUID]] = defaultdict(list)
    for table, row_hex, op, fields in outbox:
        row_id = uuid.UUID(row_hex)
        if op == "insert":
            inserted[table].append(row_id)
        else:
            updated[(table, tuple(sorted(fields)))].append(row_id)
    tables = sorted({t for t, *_ in outbox})
    with owner_connection(server_dir) as conn:
        conn.execute("DROP SCHEMA IF EXISTS floor CASCADE")
        conn.execute("CREATE SCHEMA floor")
        for table in tables:
            conn.execute(f"CREATE TABLE floor.{table} (LIKE {schema}.{table} INCLUDING ALL)")
        # The rows as the server stored them (read before the clock starts).
        copies: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
        for table, ids in inserted.items():
            cursor = conn.execute(f"SELECT * FROM {schema}.{table} WHERE id = ANY(%s)", [ids])
            copies[table] = ([d.name for d in cursor.description or ()], cursor.fetchall())
        changes: list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]] = []
        for (table, names), ids in updated.items():
            listed = ", ".join(names)
            found = {
                r[0]: r[1:]
                for r in conn.execute(
                    f"SELECT id, {listed} FROM {schema}.{table} WHERE id = ANY(%s)", [ids]
                )
            }
            changes.append((table, names, [(*found[i], i) for i in ids if i in found]))
        conn.commit()
        started = time.perf_counter()
        with conn.transaction():
            for table, (names, rows) in copies.items():
                with conn.cursor().copy(
                    f"COPY floor.{table} ({', '.join(names)}) FROM STDIN"
                ) as copy:
                    for row in rows:
                        copy.write_row(row)
            with conn.cursor() as cursor:
                for table, names, params in changes:
                    sets = ", ".join(f"{n} = %s" for n in names)
                    cursor.executemany(f"UPDATE floor.{table} SET {sets} WHERE id = %s", params)
        seconds = time.perf_counter() - started
        conn.execute("DROP SCHEMA floor CASCADE")
        conn.commit()
    return seconds


# -- the workloads ------------------------------------------------------------------


def other_desk_changes(port: int, user: tuple[str, str], total: int) -> list[str]:
    """Another desk pushes ``total`` row changes: new meetings, then each one's venue edited."""
    desk = Desk(port, *user)
    meetings = total // 2
    ids = [str(uuid.uuid4()) for _ in range(meetings)]
    changes: list[dict[str, Any]] = []
    for n, row_id in enumerate(ids):
        values = meeting_values(n)
        values["held_on"] = (date(2026, 4, 1) + timedelta(days=n % 365)).isoformat()
        fields = {k: [None, v] for k, v in values.items()}
        changes.append({"table": "meeting", "id": row_id, "op": "insert", "fields": fields})
    venue = meeting_values(0)["venue"]
    for n, row_id in enumerate(ids):
        fields = {"venue": [venue, f"第{n % 40 + 1}集会所"]}
        changes.append({"table": "meeting", "id": row_id, "op": "update", "fields": fields})
    transactions = [changes[i : i + PER_TX] for i in range(0, len(changes), PER_TX)]
    for start in range(0, len(transactions), PER_REQUEST):
        batch = []
        for part in transactions[start : start + PER_REQUEST]:
            desk.tx += 1
            batch.append({"tx": desk.tx, "changes": part})
        results = desk.request(
            "POST", "/v1/push", {"incarnation": desk.incarnation, "transactions": batch}
        )["results"]
        refused = [r for r in results if r["status"] != "applied"]
        if refused:
            raise RuntimeError(f"the other desk's push was refused: {refused[0]}")
    return [uuid.UUID(i).hex for i in ids]


def month_offline(path: Path, target: int, seed: int) -> int:
    """Realistic edits through the services until ``target`` row changes wait; returns actions."""
    from coordinator_app.domain.enums import MeetingKind, MeetingMode
    from coordinator_app.domain.models import Meeting, ProgressEntry
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database

    rng = random.Random(seed)
    db = open_database(path)
    services = Services.create(db)
    with db.engine.connect() as conn:
        coordinators = [
            uuid.UUID(r)
            for (r,) in conn.exec_driver_sql("SELECT id FROM coordinator WHERE deleted_at IS NULL")
        ]
        projects = [
            uuid.UUID(r)
            for (r,) in conn.exec_driver_sql("SELECT id FROM project WHERE deleted_at IS NULL")
        ]
        # Existing entries and meetings to edit (the author of an entry stays as it is).
        entries = [
            uuid.UUID(r)
            for (r,) in conn.exec_driver_sql(
                "SELECT id FROM progress_entry WHERE deleted_at IS NULL ORDER BY id LIMIT 5000"
            )
        ]
        meetings = [
            uuid.UUID(r)
            for (r,) in conn.exec_driver_sql(
                "SELECT id FROM meeting WHERE deleted_at IS NULL ORDER BY id LIMIT 5000"
            )
        ]
    first_day = date(2026, 11, 1)
    actions = 0

    def waiting() -> int:
        with db.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one())

    try:
        queued = waiting()
        while queued < target:
            for _ in range(200):
                day = first_day + timedelta(days=rng.randrange(30))
                pick = rng.random()
                if pick < 0.3:
                    attendees = rng.sample(coordinators, min(2, len(coordinators)))
                    services.meetings.save(
                        Meeting(
                            kind=MeetingKind.COUNCIL,
                            title=f"{day.month}月{day.day}日 第2層協議体",
                            held_on=day,
                            mode=MeetingMode.ON_SITE,
                            venue="若葉台地区センター",
                            agenda="見守り活動の報告\n移動支援の検討",
                            minutes="各町会から見守り活動の報告があった。" * 4,
                        ),
                        coordinator_ids=attendees,
                    )
                elif pick < 0.6:
                    services.progress.save_by(
                        ProgressEntry(
                            project_id=rng.choice(projects),
                            entry_date=day,
                            text=f"{day.month}月{day.day}日 サロンの運営について相談を受けた。",
                        ),
                        None,
                    )
                elif pick < 0.8 and meetings:
                    meeting = services.meetings.get(rng.choice(meetings))
                    meeting.minutes = (meeting.minutes or "") + f"\n{day.isoformat()} 追記。"
                    services.meetings.save(meeting)
                elif entries:
                    entry = services.progress.get(rng.choice(entries))
                    entry.text = entry.text + f"({day.month}/{day.day} 追記)"
                    services.progress.save_by(entry, None)
                else:
                    continue
                actions += 1
            queued = waiting()
    finally:
        db.close()
    return actions


def outbox_of(path: Path) -> list[tuple[str, str, str, dict[str, Any]]]:
    conn = sqlite3.connect(path)
    rows = [
        (table, row_id, op, json.loads(fields))
        for table, row_id, op, fields in conn.execute(
            "SELECT table_name, row_id, op, fields FROM sync_outbox ORDER BY seq"
        )
    ]
    conn.close()
    return rows


UPLOAD_TX_ROWS = 500
"""Rows per transaction of the first desk's upload (see :func:`split_upload`)."""
UPLOAD_BATCH = 10
"""Transactions per push request of that upload."""


def split_upload(path: Path) -> int:
    """Queue the file's rows as its first sync does, in transactions of 500 rows.

    A desk joining with data queues one sync transaction per table; at scale 0.01 the
    progress entries' alone is about 11 MB of JSON, and the worker sends 200
    transactions per request: the server's 16 MB request limit refuses it (the desk
    sees its connection reset). Renumbered in seq order, parents still go first.
    """
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import writing

    db = open_database(path)
    try:
        with writing(db.engine).begin() as conn:
            queued = capture.enroll(conn)
            conn.exec_driver_sql(
                "UPDATE sync_outbox SET tx = r.n FROM (SELECT seq, 1 + (row_number() OVER"
                f" (ORDER BY seq) - 1) / {UPLOAD_TX_ROWS} AS n FROM sync_outbox) AS r"
                " WHERE r.seq = sync_outbox.seq"
            )
            conn.exec_driver_sql(
                "UPDATE sync_state SET open_tx = (SELECT max(tx) + 1 FROM sync_outbox)"
            )
    finally:
        db.close()
    return queued


def city_file(scale: float, work: Path) -> Path:
    from benchmarks.generate_bigcity import generate

    cache = Path(__file__).resolve().parent / ".cache"
    cached = cache / f"sync-bigcity-{scale:g}.sqlite3"
    if not cached.exists():
        cache.mkdir(exist_ok=True)
        log(f"generating the big city at scale {scale:g} into {cached.name}…")
        partial = cached.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generate(partial, scale=scale, quiet=True)
        partial.rename(cached)
    copy = work / "city.sqlite3"
    shutil.copyfile(cached, copy)
    return copy


def create_users(server_dir: ServerDir) -> dict[str, tuple[str, str]]:
    from coordinator_app.domain.enums import ProfileRole
    from coordinator_app.server.accounts import create_user

    schema = server_dir.municipality(MUNICIPALITY).schema
    users = {
        "loader": ("city-hall", "loader-password-1", ProfileRole.ADMIN),
        "fresh": ("laptop", "laptop-password-1", ProfileRole.COORDINATOR),
        "other": ("office", "office-password-1", ProfileRole.COORDINATOR),
    }
    with owner_connection(server_dir, schema) as conn:
        for name, password, role in users.values():
            create_user(conn, schema=schema, name=name, role=role, password=password)
    return {key: (name, password) for key, (name, password, _role) in users.items()}


def count_rows(path: Path, tables: list[str]) -> int:
    conn = sqlite3.connect(path)
    total = sum(int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables)
    conn.close()
    return total


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
        floor_s = postgres_floor(server_dir, outbox)
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
