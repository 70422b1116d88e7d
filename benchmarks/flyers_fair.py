"""The runner's flyer rows: each against its fair LibreOffice floor.

Uses the database, documents and LibreOffice wrapper of :mod:`benchmarks.flyers`.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.flyers import LibreOffice, cli, fodt, installed_env, make_database, timed
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.storage.flyer_read import open_flyer_tables


def _narrow(db_path: Path) -> bool:
    tables = open_flyer_tables(db_path)
    if tables is None:
        return False
    tables.close()
    return True


def _median(runs: int, action: Callable[[], object]) -> float:
    return statistics.median(timed(action) for _ in range(runs))


def fair_comparison(count: int, *, runs: int = 3) -> dict[str, float | str | None]:
    """The runner's flyer rows, each against its fair LibreOffice floor (seconds).

    ``cli_single``: one flyer from the command line in a fresh process, against
    ``lo_single``: a fresh ``soffice`` process converting that one document
    (its profile made beforehand, untimed, as a user's would be); each the
    median of ``runs``.
    ``cli_batch``: ``count`` flyers, one PDF each, from one command line, against
    ``lo_batch``: one ``soffice`` run converting the same ``count`` documents
    (one run each).
    The command line runs as installed: the app's bytecode compiled beforehand,
    untimed (``cli_single_from_source`` is the same flyer compiling it, as a
    work tree run with ``PYTHONDONTWRITEBYTECODE`` does). ``load`` is the load
    average before and after. The LibreOffice figures are None (and
    ``soffice`` says why) when it is not installed.
    """
    with tempfile.TemporaryDirectory(prefix="flyer-bench-") as tmp:
        work = Path(tmp)
        db_path = work / "bench.sqlite3"
        services, ids = make_database(db_path, count)
        builder = FlyerDataBuilder(services)
        docs = work / "merge"
        docs.mkdir()
        files = []
        for i, coordinator_id in enumerate(ids):
            path = docs / f"flyer_{i:03d}.fodt"
            path.write_text(fodt(builder.flyer(coordinator_id)), encoding="utf-8")
            files.append(path)
        services.db.close()
        load_before = os.getloadavg()[0]
        env = installed_env(work / "pycache")
        single = ("-c", str(ids[1]), "-o", str(work / "c.pdf"))
        cli(db_path, *single, env=env)  # the file's first open, not timed
        out: dict[str, float | str | None] = {
            # "narrow": the command reads this file without the ORM (storage.flyer_read);
            # "full open": it would migrate, analyse or renew it first.
            "cli_read": "narrow" if _narrow(db_path) else "full open",
            "cli_single": _median(runs, lambda: cli(db_path, *single, env=env)),
            "cli_single_from_source": timed(lambda: cli(db_path, *single)),
            "cli_batch": timed(
                lambda: cli(
                    db_path, "--all-active", "--separate", "-o", str(work / "ours"), env=env
                )
            ),
            "lo_single": None,
            "lo_batch": None,
            "soffice": "soffice not found",
        }
        try:
            office = LibreOffice(work)
        except FileNotFoundError:
            out["load"] = f"{load_before:.1f} → {os.getloadavg()[0]:.1f}"
            return out
        out["soffice"] = office.version()
        office.convert(files[:1], work / "lo-profile-made")  # the profile, not timed
        out["lo_single"] = _median(runs, lambda: office.convert(files[1:2], work / "lo-single"))
        out["lo_batch"] = timed(lambda: office.convert(files, work / "lo-batch"))
        out["load"] = f"{load_before:.1f} → {os.getloadavg()[0]:.1f}"
        return out


if __name__ == "__main__":
    import sys

    for key, value in fair_comparison(int(sys.argv[1]) if len(sys.argv) > 1 else 100).items():
        print(f"{key}: {value}")
