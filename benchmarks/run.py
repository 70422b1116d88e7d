"""Benchmark runner: every screen and service at big-city scale, against baselines.

    python -m benchmarks.run [--db PATH] [--runs 7]

Builds the big-city database with :mod:`benchmarks.generate_bigcity` when it
is missing (about six minutes, 5 GB, in benchmarks/.cache/), then prints one
table: each operation's median over several runs, its baseline measured in
the same run, the ratio and the target. Nothing here is a test; targets are
reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from datetime import time as clock
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
HEAVY_AT_START: set[str] = set()
"""reportlab, openpyxl, QtPdf… found loaded when the main window showed (should stay empty)."""
DEFAULT_DB = CACHE / "bigcity.sqlite3"


@dataclass
class Result:
    operation: str
    median_ms: float
    baseline: str
    baseline_ms: float
    target: str
    ok: bool | None

    @property
    def ratio(self) -> float:
        return self.median_ms / self.baseline_ms if self.baseline_ms else float("nan")


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def probe(mode: str, db: Path, settings: Path) -> dict:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        BENCH_SETTINGS=str(settings),
        BENCH_LAUNCHED=repr(time.time()),
    )
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.startup_probe", mode, "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def ensure_database(path: Path) -> None:
    from coordinator_app.storage.engine import create_sqlite_engine
    from coordinator_app.storage.schema import head_revision, stored_revision, upgrade_to

    if not path.exists():
        from benchmarks.generate_bigcity import generate

        print(f"building {path} (about six minutes)…", file=sys.stderr)
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(path)
    elif stored_revision(path) != head_revision():
        # The cache is benchmark data: upgrade it in place, without the user-file backup.
        engine = create_sqlite_engine(path)
        upgrade_to(engine)
        engine.dispose()


def run(db: Path, runs: int) -> list[Result]:
    from coordinator_app.domain.enums import MeetingKind, MeetingMode
    from coordinator_app.domain.models import Meeting
    from coordinator_app.services.base import ListQuery
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database

    results: list[Result] = []
    settings = Path(tempfile.mkdtemp()) / "bench.ini"

    # -- start-up and the meeting list, in fresh processes -------------------------
    bare = [probe("bare", db, settings)["ms"] for _ in range(runs)]
    app = [probe("app", db, settings) for _ in range(runs)]
    listing = [probe("list", db, settings) for _ in range(runs)]
    bare_ms = statistics.median(bare)
    app_ms = statistics.median(r["ms"] for r in app)
    results.append(
        Result(
            "cold start to interactive main window",
            app_ms,
            "bare PySide6 window, same imports",
            bare_ms,
            "<= 1.5x",
            app_ms <= 1.5 * bare_ms,
        )
    )

    # The same runs, split: the start-up integrity check the app runs before opening the
    # file (SQLite quick_check over all of it) and everything else.
    check_ms = statistics.median(r["check_ms"] for r in app)
    rest_ms = statistics.median(r["ms"] - r["check_ms"] for r in app)
    results.append(
        Result(
            "  of which the start-up integrity check",
            check_ms,
            "bare PySide6 window, same imports",
            bare_ms,
            "(diagnostic)",
            None,
        )
    )
    results.append(
        Result(
            "  cold start less the integrity check",
            rest_ms,
            "bare PySide6 window, same imports",
            bare_ms,
            "(diagnostic)",
            None,
        )
    )
    HEAVY_AT_START.update(m for r in app for m in r.get("heavy", []))

    raw = sqlite3.connect(db)
    page_sql = (
        "SELECT m.id, m.held_on, m.start_time, m.kind, m.title, m.venue, c.name, p.title, "
        "(SELECT count(*) FROM meeting_coordinator x WHERE x.meeting_id = m.id "
        "AND x.deleted_at IS NULL) + (SELECT count(*) FROM meeting_organisation y "
        "WHERE y.meeting_id = m.id AND y.deleted_at IS NULL) "
        "FROM meeting m LEFT JOIN council c ON c.id = m.council_id "
        "LEFT JOIN project p ON p.id = m.project_id WHERE m.deleted_at IS NULL "
        "ORDER BY m.held_on DESC, m.id LIMIT 200"
    )
    raw_page = median_ms(lambda: raw.execute(page_sql).fetchall(), runs)
    paint = statistics.median(r["paint_ms"] for r in listing)
    results.append(
        Result(
            "meeting list first paint (500k meetings)",
            paint,
            "raw sqlite3 windowed query, same page",
            raw_page,
            "<= 2x and <= 250 ms",
            paint <= 2 * raw_page and paint <= 250,
        )
    )
    rss = max(r["rss_mb"] for r in listing)
    bare_rss = statistics.median(probe("bare", db, settings)["rss_mb"] for _ in range(3))
    results.append(
        Result(
            "peak RSS, meeting list open (MB)",
            rss,
            "bare window (MB)",
            bare_rss,
            "<= 250 MB",
            rss <= 250,
        )
    )

    # -- services in this process ---------------------------------------------------
    database = open_database(db)
    services = Services.create(database)
    area = next(
        a
        for a in services.areas.list(ListQuery(limit=200)).rows
        if a.kind.value == "daily_life_area"
    )

    def list_op(label: str, query: ListQuery, sql: str, params: tuple = ()) -> None:
        # The page as the list model asks for it: one row more than it shows (to know
        # whether another page exists), no count of every match.
        query = replace(query, limit=201, with_total=False)
        ours = median_ms(lambda: services.meetings.list_rows(query), runs)
        base = median_ms(lambda: raw.execute(sql, params).fetchall(), runs)
        results.append(
            Result(label, ours, "raw sqlite3, same window", base, "<= 2x", ours <= 2 * base)
        )

    select = "SELECT id, held_on, kind, title, venue FROM meeting WHERE deleted_at IS NULL"
    list_op(
        "meeting list sorted by kind",
        ListQuery(limit=200, sort="kind"),
        f"{select} ORDER BY kind, held_on, id LIMIT 200",
    )
    list_op(
        "meeting list sorted by title",
        ListQuery(limit=200, sort="title"),
        f"{select} ORDER BY title, held_on, id LIMIT 200",
    )
    list_op(
        "meeting list filtered by kind",
        ListQuery(limit=200, descending=True, filters={"kind": MeetingKind.FORUM}),
        f"{select} AND kind = 'forum' ORDER BY held_on DESC, id LIMIT 200",
    )
    list_op(
        "meeting list filtered by area",
        ListQuery(limit=200, descending=True, filters={"area_id": area.id}),
        f"{select} AND (council_id IN (SELECT id FROM council WHERE area_id = ?) OR "
        "project_id IN (SELECT id FROM project WHERE area_id = ?)) "
        "ORDER BY held_on DESC, id LIMIT 200",
        (area.id.hex, area.id.hex),
    )
    list_op(
        "meeting list filtered by fiscal year",
        ListQuery(limit=200, descending=True, filters={"fiscal_year": 2015}),
        f"{select} AND held_on BETWEEN '2015-04-01' AND '2016-03-31' "
        "ORDER BY held_on DESC, id LIMIT 200",
    )

    # -- search ----------------------------------------------------------------------
    from coordinator_app.domain.record_kind import RecordKind
    from coordinator_app.storage.search_index import fold

    terms = {
        4: ["見守り活", "北山町会", "存在せず"],
        3: ["配食サ", "子ども食", "ない語句"],
        2: ["社協", "町会", "包括"],
        1: ["見", "ぬ", "畑"],
    }

    def like_scan(term: str) -> None:
        # The same question without an index: per kind, newest first, first page.
        pattern = f"%{fold(term)}%"
        for kind in RecordKind.searchable():
            raw.execute(
                "SELECT record_id, title, held_on FROM search_entry WHERE kind = ? "
                "AND body LIKE ? ORDER BY held_on DESC LIMIT 11",
                (kind.value, pattern),
            ).fetchall()

    for length, words in terms.items():
        ours = statistics.median(
            median_ms(lambda w=w: services.search.search(w), runs) for w in words
        )
        base = statistics.median(
            median_ms(lambda w=w: like_scan(w), max(1, runs // 3), warmup=0) for w in words
        )
        target = "<= 50 ms and >= 20x faster" if length >= 3 else "<= 300 ms"
        ok = (ours <= 50 and base / ours >= 20) if length >= 3 else ours <= 300
        results.append(
            Result(
                f"global search, {length}-character terms ({'/'.join(words)})",
                ours,
                "LIKE '%term%' scan, same page",
                base,
                target,
                ok,
            )
        )

    # -- fiscal-year report ------------------------------------------------------------
    year = 2015
    first, last = f"{year}-04-01", f"{year + 1}-03-31"
    report_sql = [
        (
            "SELECT kind, count(*), sum(coalesce(participants_on_site,0)), "
            "sum(coalesce(participants_online,0)) FROM meeting WHERE deleted_at IS NULL "
            "AND held_on BETWEEN ? AND ? GROUP BY kind",
            (first, last),
        ),
        (
            "SELECT strftime('%Y-%m', held_on), count(*), sum(coalesce(participants_on_site,0)"
            "+coalesce(participants_online,0)) FROM meeting WHERE deleted_at IS NULL "
            "AND held_on BETWEEN ? AND ? GROUP BY 1",
            (first, last),
        ),
        (
            "SELECT c.name, c.tier, count(*), sum(coalesce(m.participants_on_site,0)"
            "+coalesce(m.participants_online,0)) FROM council c JOIN meeting m "
            "ON m.council_id = c.id WHERE m.deleted_at IS NULL AND m.held_on BETWEEN ? AND ? "
            "GROUP BY c.id ORDER BY c.tier, c.sort_kana",
            (first, last),
        ),
        (
            "SELECT status, count(*) FROM project WHERE deleted_at IS NULL AND "
            "(start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date >= ?) "
            "GROUP BY status",
            (last, first),
        ),
        (
            "SELECT count(*) FROM organisation WHERE deleted_at IS NULL AND created_at >= ? "
            "AND created_at < ?",
            (first, last),
        ),
        (
            "SELECT count(*) FROM contact WHERE deleted_at IS NULL AND created_at >= ? "
            "AND created_at < ?",
            (first, last),
        ),
    ]
    ours = median_ms(lambda: services.reports.activity_report(year), runs)
    base = median_ms(lambda: [raw.execute(q, p).fetchall() for q, p in report_sql], runs)
    results.append(
        Result(
            f"fiscal-year report ({year}年度)",
            ours,
            "raw SQL aggregation, same figures",
            base,
            "<= 1.5x",
            ours <= 1.5 * base,
        )
    )

    # -- saving a meeting ----------------------------------------------------------------
    coordinators = [c.id for c in services.coordinators.list(ListQuery(limit=2)).rows]
    organisations = [o.id for o in services.organisations.list(ListQuery(limit=3)).rows]
    created: list[uuid.UUID] = []

    def save() -> None:
        meeting = Meeting(
            kind=MeetingKind.LIAISON,
            title="ベンチマーク連絡会",
            held_on=date(2026, 11, 24),
            start_time=clock(10),
            end_time=clock(11),
            mode=MeetingMode.ON_SITE,
            venue="市役所",
            minutes="見守り活動について意見交換した。" * 5,
        )
        services.meetings.save(
            meeting, coordinator_ids=coordinators, organisation_ids=organisations
        )
        created.append(meeting.id)

    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA synchronous = FULL")
    raw_ids: list[str] = []

    def raw_save() -> None:
        meeting = uuid.uuid4().hex
        stamp = "2026-11-24 00:00:00.000000"
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO meeting (id, created_at, updated_at, kind, title, held_on, start_time, "
            "end_time, venue, mode, agenda, minutes, decisions) VALUES "
            "(?, ?, ?, 'liaison', 'ベンチマーク連絡会', '2026-11-24', '10:00:00.000000', "
            "'11:00:00.000000', '市役所', 'on_site', '', ?, '')",
            (meeting, stamp, stamp, "見守り活動について意見交換した。" * 5),
        )
        for table, column, ids in (
            ("meeting_coordinator", "coordinator_id", coordinators),
            ("meeting_organisation", "organisation_id", organisations),
        ):
            for target in ids:
                writer.execute(
                    f"INSERT INTO {table} (id, created_at, updated_at, meeting_id, {column}) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (uuid.uuid4().hex, stamp, stamp, meeting, target.hex),
                )
        writer.execute("COMMIT")
        raw_ids.append(meeting)

    ours = median_ms(save, runs * 3)
    base = median_ms(raw_save, runs * 3)
    results.append(
        Result(
            "save a meeting with 5 attendees (service)",
            ours,
            "raw sqlite3 insert, same rows",
            base,
            "<= 20 ms",
            ours <= 20,
        )
    )
    cleanup(writer, [m.hex for m in created] + raw_ids)
    writer.close()
    database.close()
    raw.close()
    return results


def cleanup(conn: sqlite3.Connection, meeting_ids: list[str]) -> None:
    """Remove what the save benchmark wrote, so the cache stays the generated data."""
    from coordinator_app.storage.search_index import bigram_tokens

    conn.execute("BEGIN IMMEDIATE")
    for mid in meeting_ids:
        for table in ("meeting_coordinator", "meeting_organisation"):
            conn.execute(f"DELETE FROM {table} WHERE meeting_id = ?", (mid,))
        row = conn.execute(
            "SELECT id, body FROM search_entry WHERE record_id = ?", (mid,)
        ).fetchone()
        if row:
            conn.execute(
                "INSERT INTO search_bigram (search_bigram, rowid, bigrams) VALUES ('delete', ?, ?)",
                (row[0], bigram_tokens(row[1])),
            )
            conn.execute("DELETE FROM search_entry WHERE id = ?", (row[0],))
        conn.execute("DELETE FROM meeting WHERE id = ?", (mid,))
    conn.execute("COMMIT")


def _ratio(ratio: float) -> str:
    """``2.31``, or ``1/6354`` for a result many times faster than its baseline."""
    if ratio and ratio < 0.1:
        return f"1/{1 / ratio:.0f}"
    return f"{ratio:.2f}"


def print_table(results: list[Result]) -> None:
    print(f"Machine: {machine()}")
    header = (
        f"| {'operation':58} | {'median':>10} | {'baseline':42} | {'baseline':>10} | "
        f"{'ratio':>7} | {'target':27} | met |"
    )
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    for r in results:
        unit = "" if "RSS" in r.operation else " ms"
        met = "yes" if r.ok else ("no" if r.ok is not None else "")
        print(
            f"| {r.operation:58} | {r.median_ms:>7.1f}{unit:3} | {r.baseline:42} | "
            f"{r.baseline_ms:>7.1f}{unit:3} | {_ratio(r.ratio):>7} | {r.target:27} | {met:3} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    ensure_database(args.db)
    print_table(run(args.db, args.runs))
    print(f"Heavy modules loaded at start: {', '.join(sorted(HEAVY_AT_START)) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
