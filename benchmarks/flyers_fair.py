"""The runner's flyer rows: each against its fair LibreOffice floor.

Uses the database, documents and LibreOffice wrapper of :mod:`benchmarks.flyers`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.flyers import LibreOffice, cli, fodt, make_database, timed
from coordinator_app.services.flyer_data import FlyerDataBuilder


def fair_comparison(count: int) -> dict[str, float | str | None]:
    """The runner's flyer rows, each against its fair LibreOffice floor (seconds).

    ``cli_single``: one flyer from the command line in a fresh process, against
    ``lo_single``: a fresh ``soffice`` process converting that one document
    (its profile made beforehand, untimed, as a user's would be).
    ``cli_batch``: ``count`` flyers, one PDF each, from one command line, against
    ``lo_batch``: one ``soffice`` run converting the same ``count`` documents.
    The LibreOffice figures are None (and ``soffice`` says why) when it is not
    installed.
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
        out: dict[str, float | str | None] = {
            "cli_single": timed(lambda: cli(db_path, "-c", str(ids[1]), "-o", str(work / "c.pdf"))),
            "cli_batch": timed(
                lambda: cli(db_path, "--all-active", "--separate", "-o", str(work / "ours"))
            ),
            "lo_single": None,
            "lo_batch": None,
            "soffice": "soffice not found",
        }
        try:
            office = LibreOffice(work)
        except FileNotFoundError:
            return out
        out["soffice"] = office.version()
        office.convert(files[:1], work / "lo-profile-made")  # the profile, not timed
        out["lo_single"] = timed(lambda: office.convert(files[1:2], work / "lo-single"))
        out["lo_batch"] = timed(lambda: office.convert(files, work / "lo-batch"))
        return out
