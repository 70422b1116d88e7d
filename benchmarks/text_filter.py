"""The 会議 list's text filter with and without the search index, same data, same process.

    python -m benchmarks.text_filter --db benchmarks/.cache/bigcity-0.1.sqlite3

For each term: the rows found (both ways must agree), the median time of
``MeetingService.list`` for the first page with its count through the index
(:mod:`coordinator_app.services.text_filter`) and with the ``LIKE`` alone (the
filter before the index was used), and which way the term goes. A script,
not a test: nothing is asserted but the equality of the rows.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

TERMS = ("存在しない言葉", "見守り", "サロン", "連絡会", "会議", "ふくし")


def _median_ms(call: Any, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("terms", nargs="*", default=list(TERMS))
    args = parser.parse_args()

    from coordinator_app.services import text_filter
    from coordinator_app.services.base import ListQuery
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database

    db = open_database(args.db)
    services = Services.create(db)
    indexed = text_filter.narrowing
    print("term | matches | LIKE alone (ms) | through the index (ms) | way")
    try:
        for term in args.terms:
            page = []
            for way in (None, indexed):
                text_filter.narrowing = way or (lambda **_kw: None)  # type: ignore[assignment]
                ms, found = _median_ms(
                    lambda term=term: services.meetings.list(ListQuery(text=term, limit=100)),
                    args.runs,
                )
                page.append((ms, found))
            (like_ms, like), (index_ms, found) = page
            assert [r.id for r in like.rows] == [r.id for r in found.rows], term
            way = "index" if text_filter.index_term(term) is not None else "LIKE"
            print(f"{term} | {found.total:,} | {like_ms:.1f} | {index_ms:.1f} | {way}")
    finally:
        text_filter.narrowing = indexed  # type: ignore[assignment]
        db.close()


if __name__ == "__main__":
    main()
