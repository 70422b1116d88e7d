"""Statistics for SQLite's query planner: ANALYZE after migrations, optimize on close.

Without ``sqlite_stat1`` the planner guesses every index equally selective, so
a query with ``deleted_at IS NULL`` beside an equality on a parent id may walk
the ``deleted_at`` index, where nearly every row is live. SQLite's advice
(https://sqlite.org/lang_analyze.html, "Recommended usage pattern") is to run
``PRAGMA optimize`` as a connection closes, and to gather statistics after the
schema changed. Here:

* after a migration, and on opening a file that was never analysed, a bounded
  ``ANALYZE`` (``analysis_limit``: a few hundred rows per index, milliseconds
  even on the big city; the estimates are what the planner needs);
* a new, empty file is not analysed (statistics of empty tables would mislead
  the planner once it fills); ``PRAGMA optimize`` at close analyses the tables
  the session used once they hold rows;
* ``PRAGMA optimize`` when the database closes, which re-analyses only what
  grew a lot (cheap; on a read-only connection it is skipped).
"""

from __future__ import annotations

import logging

import sqlalchemy as sa

ANALYSIS_LIMIT = 400
"""Rows ``ANALYZE`` samples per index (SQLite suggests 100 to 1000)."""

_log = logging.getLogger(__name__)


def is_analysed(engine: sa.Engine) -> bool:
    """Whether the file holds planner statistics (``sqlite_stat1``)."""
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).first()
    return found is not None


def analyse(engine: sa.Engine) -> None:
    """A bounded ``ANALYZE`` of the whole file, committed."""
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
        conn.exec_driver_sql("ANALYZE")


def after_open(engine: sa.Engine, *, created: bool, upgraded: bool) -> None:
    """Analyse after a migration of an existing file, or when it never was."""
    if created:
        return
    if upgraded or not is_analysed(engine):
        analyse(engine)


def optimise(engine: sa.Engine) -> None:
    """``PRAGMA optimize`` on one connection before the database closes.

    Best effort: a locked or read-only file keeps the statistics it has.
    """
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
            conn.exec_driver_sql("PRAGMA optimize")
    except sa.exc.DBAPIError as error:
        _log.info("PRAGMA optimize skipped: %s", error)
