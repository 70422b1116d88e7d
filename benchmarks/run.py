"""Benchmark runner: what users feel, each row against a fair floor in the same run.

    python -m benchmarks.run [--scale-cap 0.1] [--runs 3] [--scroll 100000] [--flyers 100]

For each scale of the big city (0.01, 0.1, 0.3, 1.0 of it; ``--scale-cap``
leaves out the larger ones so that a run fits a busy machine) the database is
built with :mod:`benchmarks.generate_bigcity` when missing, then:

* cold start landing on 会議 (a fresh process, :mod:`benchmarks.startup_probe`)
  against the bare window with the same imports;
* the real main window driven by :mod:`benchmarks.window_probe` in fresh
  processes: each action timed to the repaint it caused, with every
  statement it issued replayed on raw sqlite3 (the "replayed" column);
* raw sqlite3 queries returning the same rows and columns as the list (joins
  included), and a plain ``QTableView`` fed by the raw first page;
* resident memory at the first page, after scrolling N rows, and with every
  page, the search dock and the windows open.

Then flyers (:func:`benchmarks.flyers_fair.fair_comparison`) against one ``soffice``
run over the same documents, and one flyer from a fresh command line against
a fresh ``soffice``. Prints the table for the largest scale run, the scaling
table, and the targets met or missed: reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
SCALES = (0.01, 0.1, 0.3, 1.0)
HEAVY_AT_START: set[str] = set()
"""reportlab, openpyxl, QtPdf… found loaded when the main window showed (should stay empty)."""
WINDOW_LIMIT_MS = 150.0
"""The issue's limit for windows on the big city (scale 1.0)."""


def database_for(scale: float) -> Path:
    return CACHE / ("bigcity.sqlite3" if scale == 1.0 else f"bigcity-{scale:g}.sqlite3")


@dataclass
class Row:
    """One line of the table: the app's figure, its floors, the target's verdict."""

    operation: str
    app: float
    unit: str = "ms"
    raw: float | None = None
    raw_label: str = ""
    replay: float | None = None
    statements: int | None = None
    target: str = ""
    ok: bool | None = None
    note: str = ""


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


_INSTALLED: dict[str, str] = {}


def installed() -> dict[str, str]:
    """The environment of an installed app, made once: its bytecode compiled beforehand
    (pip and PyInstaller ship it), as the flyer rows run. Under PYTHONDONTWRITEBYTECODE
    (our sessions) every probe compiled the app's modules from source, which a user never
    pays and the bare window (third-party packages only, compiled) did not either."""
    if not _INSTALLED:
        from benchmarks.flyers import installed_env

        _INSTALLED.update(installed_env(Path(tempfile.mkdtemp()) / "pycache"))
    return _INSTALLED


def child(args: list[str], env: dict[str, str] | None = None, timeout: int = 1800) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        env={**installed(), "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=True,
        timeout=timeout,
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
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{platform.system()} {platform.machine()}, nproc {len(os.sched_getaffinity(0))}, "
        f"{cpu}, load average {load}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def drop_os_cache() -> bool:
    """Empty the kernel's page cache (root on Linux); False where the machine does not allow it."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def ensure_database(path: Path, scale: float) -> None:
    from coordinator_app.storage.engine import create_sqlite_engine
    from coordinator_app.storage.schema import head_revision, stored_revision, upgrade_to

    if not path.exists():
        from benchmarks.generate_bigcity import generate

        print(f"building {path.name} (scale {scale:g})…", file=sys.stderr)
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(path, scale=scale)
    elif stored_revision(path) != head_revision():
        # The cache is benchmark data: upgrade it in place, without the user-file backup.
        engine = create_sqlite_engine(path)
        upgrade_to(engine)
        engine.dispose()


# -- raw floors ------------------------------------------------------------------------

LIST_COLUMNS = (
    "SELECT m.id, m.held_on, m.kind, m.title, m.venue, c.name, "
    "(SELECT count(*) FROM meeting_coordinator x WHERE x.meeting_id = m.id "
    "AND x.deleted_at IS NULL) + (SELECT count(*) FROM meeting_organisation y "
    "WHERE y.meeting_id = m.id AND y.deleted_at IS NULL), "
    "coalesce(m.participants_on_site, 0) + coalesce(m.participants_online, 0) "
    "FROM meeting m LEFT JOIN council c ON c.id = m.council_id WHERE m.deleted_at IS NULL"
)
"""The meeting list's columns (開催日, 種類, 会議名, 会場, 協議体, 出席者, 参加者数)."""


def raw_floors(db: Path, depth: int, runs: int) -> dict[str, float]:
    raw = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # The app's orders, ties broken by rowid: each is one walk of its index (ties
        # broken by id sorted every meeting of the first title, 0.2-0.5 s, in a
        # temporary B-tree: a floor slower than the app's own statement).
        first = f"{LIST_COLUMNS} ORDER BY m.held_on DESC, m.rowid DESC LIMIT 200"
        by_title = f"{LIST_COLUMNS} ORDER BY m.title, m.held_on, m.rowid LIMIT 200"
        key = raw.execute(
            "SELECT held_on, rowid FROM meeting WHERE deleted_at IS NULL "
            "ORDER BY held_on DESC, rowid DESC LIMIT 1 OFFSET ?",
            (max(depth - 1, 0),),
        ).fetchone() or ("9999-12-31", 0)
        # Shaped for the index: one range on (held_on, rowid).
        keyset = (
            f"{LIST_COLUMNS} AND (m.held_on, m.rowid) < (?, ?) "
            "ORDER BY m.held_on DESC, m.rowid DESC LIMIT 200"
        )
        return {
            "first_page": median_ms(lambda: raw.execute(first).fetchall(), runs),
            "by_title": median_ms(lambda: raw.execute(by_title).fetchall(), runs),
            "keyset_page": median_ms(lambda: raw.execute(keyset, key).fetchall(), runs),
        }
    finally:
        raw.close()


# -- one scale -------------------------------------------------------------------------


def measure(
    db: Path, runs: int, scroll: int, drop_cache: bool = True, big_city: bool = False
) -> list[Row]:
    from coordinator_app.domain.record_kind import RecordKind
    from coordinator_app.ui.main.pages import PAGE_KINDS

    settings = Path(tempfile.mkdtemp()) / "bench.ini"
    common = {"BENCH_SETTINGS": str(settings)}

    def startup(mode: str, page: int | None = None) -> dict:
        env = {**common, "BENCH_LAUNCHED": repr(time.time())}
        if page is not None:
            env["BENCH_PAGE"] = str(page)
        return child(["benchmarks.startup_probe", mode, "--db", str(db)], env)

    meeting_page = PAGE_KINDS.index(RecordKind.MEETING)
    bare = [startup("bare") for _ in range(runs)]
    cold = [startup("app", meeting_page) for _ in range(runs)]
    windows = [
        child(["benchmarks.window_probe", "--db", str(db), "--scroll", str(scroll)])
        for _ in range(runs)
    ]
    depth = int(statistics.median(w["scroll_depth"] for w in windows))
    floors = raw_floors(db, depth, max(runs, 5))

    def med(values: list[float]) -> float:
        return statistics.median(values)

    def act(name: str, field: str) -> float:
        return med([w["actions"][name][field] for w in windows if name in w["actions"]])

    rows: list[Row] = []

    def start_row(label: str, app: list[dict], bare: list[dict], bare_label: str) -> None:
        app_ms, bare_ms = med([a["ms"] for a in app]), med([b["ms"] for b in bare])
        rows.append(
            Row(
                label,
                app_ms,
                raw=bare_ms,
                raw_label=bare_label,
                target="<= 1.5x bare",
                ok=app_ms <= 1.5 * bare_ms,
            )
        )

    start_row("cold start, landing on 会議", cold, bare, "bare window, same imports")
    HEAVY_AT_START.update(m for c in cold for m in c.get("heavy", []))
    if drop_cache and drop_os_cache():
        # Each process starts with an empty page cache: the database, Python and Qt from disk.
        bare_dropped = [startup("bare") for _ in range(runs) if drop_os_cache()]
        app_dropped = [startup("app", meeting_page) for _ in range(runs) if drop_os_cache()]
        start_row(
            "cold start on 会議, OS cache dropped",
            app_dropped,
            bare_dropped,
            "bare window, OS cache dropped",
        )
    rows.append(
        Row(
            "  of which the start-up integrity check",
            med([c["check_ms"] for c in cold]),
            target="(diagnostic)",
        )
    )

    def window_row(
        label: str, name: str, plain: float | None = None, targeted: bool = True
    ) -> None:
        ms = act(name, "ms")
        replay = act(name, "replay_ms")
        ok = ms <= 3 * max(replay, 1e-3)
        if big_city:  # the limit holds on the whole city
            ok = ok and ms <= WINDOW_LIMIT_MS
        target = "<= 3x replayed"
        if plain is not None:
            ok = ok and ms <= 2 * plain
            target += ", <= 2x plain view"
        rows.append(
            Row(
                label,
                ms,
                raw=plain,
                raw_label="plain QTableView, raw page" if plain is not None else "",
                replay=replay,
                statements=int(act(name, "statements")),
                target=target + f"; <= {WINDOW_LIMIT_MS:.0f} ms (big city)"
                if targeted
                else "(report)",
                ok=ok if targeted else None,
            )
        )

    plain = med([w["plain_table_ms"] for w in windows])
    window_row("会議 first open (to the painted list)", "meeting_first_open", plain)

    def list_row(label: str, name: str, raw: float, raw_label: str) -> None:
        ms = act(name, "ms")
        rows.append(
            Row(
                label,
                ms,
                raw=raw,
                raw_label=raw_label,
                replay=act(name, "replay_ms"),
                statements=int(act(name, "statements")),
                target="<= 2x raw",
                ok=ms <= 2 * raw,
            )
        )

    list_row(
        "会議 list sorted by title", "meeting_sort_title", floors["by_title"], "raw, same page"
    )
    during = [w for w in windows if w.get("check_still_running")]
    if during:
        ms = med([w["actions"]["meeting_sort_title_during_check"]["ms"] for w in during])
        rows.append(
            Row(
                "  the same sort during the background integrity check",
                ms,
                raw=act("meeting_sort_title", "ms"),
                raw_label="the same sort without it",
                target="(report)",
                note=f"{len(during)} of {len(windows)} runs",
            )
        )
    list_row(
        f"会議 list page at row {depth:,}",
        "meeting_page_at_depth",
        floors["keyset_page"],
        "raw keyset page",
    )
    absent = act("meeting_filter_absent", "ms")
    rows.append(
        Row(
            "会議 filter, absent word",
            absent,
            replay=act("meeting_filter_absent", "replay_ms"),
            statements=int(act("meeting_filter_absent", "statements")),
            target="<= 50 ms (big city)",
            ok=absent <= 50,
        )
    )
    rows.append(
        Row(
            f"  scrolling to row {depth:,} (all steps)",
            med([w["scroll_total_ms"] for w in windows]),
            target="(diagnostic)",
            note=f"{int(med([w['scroll_steps'] for w in windows]))} steps",
        )
    )
    window_row("search dock (見守り)", "search_dock")
    window_row("project open (the busiest project)", "project_open")
    window_row("review workspace", "review_workspace")
    window_row("report window", "report_window")
    for kind in PAGE_KINDS:
        name = f"page_{kind.value}"
        if any(name in w["actions"] for w in windows):
            window_row(f"  page {kind.value}, first open", name, targeted=False)

    first_rss = med([w["rss_first_page_mb"] for w in windows])
    scrolled_rss = med([w["rss_after_scroll_mb"] for w in windows])
    rows.append(
        Row(
            f"RSS after scrolling {depth:,} rows",
            scrolled_rss,
            unit="MB",
            raw=first_rss,
            raw_label="RSS at the first page",
            target="<= 1.5x first page",
            ok=scrolled_rss <= 1.5 * first_rss,
        )
    )
    rows.append(
        Row(
            "RSS, every page, search dock and windows open",
            med([w["rss_everything_open_mb"] for w in windows]),
            unit="MB",
            raw=med([b["rss_mb"] for b in bare]),
            raw_label="bare window",
            target="(report)",
        )
    )
    return rows


def flyer_rows(count: int) -> list[Row]:
    from benchmarks.flyers_fair import fair_comparison

    figures = fair_comparison(count)
    note = "" if figures["lo_single"] is not None else str(figures["soffice"])

    def ms(key: str) -> float | None:
        value = figures[key]
        return None if value is None else float(value) * 1000

    single, lo_single = ms("cli_single"), ms("lo_single")
    batch, lo_batch = ms("cli_batch"), ms("lo_batch")
    assert single is not None and batch is not None
    return [
        Row(
            "one flyer, command line, fresh process",
            single,
            raw=lo_single,
            raw_label="fresh soffice, one document",
            target="<= 0.5x soffice",
            ok=None if lo_single is None else single <= 0.5 * lo_single,
            note=note,
        ),
        Row(
            f"{count} flyers, command line",
            batch,
            raw=lo_batch,
            raw_label=f"one soffice run, same {count}",
            target=">= 10x faster",
            ok=None if lo_batch is None else lo_batch >= 10 * batch,
            note=note,
        ),
    ]


# -- printing --------------------------------------------------------------------------


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:,.1f} {unit}"


def _ratio(value: float, floor: float | None) -> str:
    if not floor:
        return ""
    ratio = value / floor
    return f"1/{1 / ratio:.0f}" if ratio < 0.1 else f"{ratio:.2f}"


def print_table(rows: list[Row]) -> None:
    print(
        "| operation | app | floor | floor | ratio | replayed (statements) | ratio | target | met |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---|---|")
    for r in rows:
        met = "yes" if r.ok else ("no" if r.ok is not None else "")
        floor = _num(r.raw, r.unit) if r.raw is not None else (r.note or "")
        replay = f"{_num(r.replay, 'ms')} ({r.statements})" if r.replay is not None else ""
        print(
            f"| {r.operation} | {_num(r.app, r.unit)} | {r.raw_label} | {floor} | "
            f"{_ratio(r.app, r.raw)} | {replay} | {_ratio(r.app, r.replay)} | "
            f"{r.target} | {met} |"
        )


def _generic(label: str) -> str:
    """The row's name with its row counts as N, the same at every scale."""
    return re.sub(r"\d[\d,]{2,}", "N", label)


def print_scaling(by_scale: dict[float, list[Row]]) -> None:
    scales = list(by_scale)
    print("| operation | " + " | ".join(f"x{s:g}" for s in scales) + " |")
    print("|---|" + "---:|" * len(scales) + "")
    labels = [r.operation for r in by_scale[scales[-1]]]
    for label in labels:
        cells = []
        for s in scales:
            r = next(
                (row for row in by_scale[s] if _generic(row.operation) == _generic(label)), None
            )
            floor = r.replay if r and r.replay is not None else (r.raw if r else None)
            cells.append("" if r is None else f"{r.app:,.1f} ({_ratio(r.app, floor) or '-'})")
        print(f"| {_generic(label)} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale-cap", type=float, default=1.0, help="largest scale to run")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per figure")
    parser.add_argument("--scroll", type=int, default=100_000, help="rows to scroll")
    parser.add_argument("--flyers", type=int, default=100, help="0 leaves flyers out")
    parser.add_argument(
        "--scales", default="", help="comma-separated scales to run instead of up to --scale-cap"
    )
    parser.add_argument(
        "--keep-os-cache",
        action="store_true",
        help="skip the cold start with the OS cache dropped (dropping needs root on Linux)",
    )
    args = parser.parse_args(argv)
    wanted = [float(s) for s in args.scales.split(",") if s.strip()]
    print(f"Machine: {machine()}")
    by_scale: dict[float, list[Row]] = {}
    for scale in wanted or SCALES:
        if not wanted and scale > args.scale_cap:
            continue
        db = database_for(scale)
        ensure_database(db, scale)
        by_scale[scale] = measure(
            db, args.runs, args.scroll, not args.keep_os_cache, big_city=scale == 1.0
        )
        print(f"(scale {scale:g} done, load average {os.getloadavg()[0]:.2f})", file=sys.stderr)
    largest = max(by_scale)
    rows = list(by_scale[largest])
    if args.flyers:
        rows += flyer_rows(args.flyers)
    print(f"\nScale {largest:g} of the big city; medians of {args.runs} fresh processes\n")
    print_table(rows)
    print("\nScaling: app figure (ratio to its replayed statements, else its floor)\n")
    print_scaling(by_scale)
    missed = [r.operation.strip() for r in rows if r.ok is False]
    print(f"\nTargets met: {sum(r.ok is True for r in rows)}; missed: {len(missed)}")
    for name in missed:
        print(f"  missed: {name}")
    print(f"Heavy modules loaded at start: {', '.join(sorted(HEAVY_AT_START)) or 'none'}")
    print(f"Machine at the end: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
