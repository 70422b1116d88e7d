"""Issue 16: queries answered from indexes, checked by their plans (not by timings).

Each test records the statements a service sends (``before_cursor_execute``) and
asks SQLite for their ``EXPLAIN QUERY PLAN`` with the same parameters: a seek or
an ordered walk of an index, never a scan of the table nor a temporary B-tree
for the ORDER BY.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta

import sqlalchemy as sa

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import Meeting
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from tests.conftest import Factory


@contextmanager
def recorded(db: Database) -> Iterator[list[tuple[str, object]]]:
    """(statement, parameters) of every query sent while the block runs."""
    statements: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, params))

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)


def plan(db: Database, statement: str, params: object) -> list[str]:
    """The detail lines of SQLite's plan for ``statement``."""
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()  # type: ignore[arg-type]
    return [row[3] for row in rows]


def test_report_years_come_from_the_date_indexes(
    db: Database, services: Services, make: Factory
) -> None:
    for day in (date(2019, 6, 1), date(2020, 3, 31), date(2023, 4, 1)):  # 年度 2019 and 2023
        make.meeting(held_on=day)
    with recorded(db) as statements:
        years = services.reports.available_years(today=date(2026, 5, 1))
    assert years == [2026, 2023, 2019]  # 2020-2022 had nothing
    reads = [(s, p) for s, p in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(reads) == 1  # one statement, whatever the number of years
    details = plan(db, *reads[0])
    dated = [d for d in details if " meeting " in f"{d} " or "progress_entry" in d]
    assert len(dated) == 4, details  # per table: the first seek and the recursive one
    for detail in dated:  # a seek on the date's index, never a scan of the table
        assert "ix_meeting_held_on" in detail or "ix_progress_entry_entry_date" in detail, details


def _meetings(db: Database, count: int) -> None:
    """``count`` meetings over a few years, several on each day (ties broken by rowid)."""
    start = date(2015, 4, 1)
    with db.writing() as session:
        for i in range(count):
            session.add(
                Meeting(
                    kind=MeetingKind.LIAISON if i % 3 else MeetingKind.COUNCIL,
                    title=f"連絡会{i % 97}",
                    held_on=start + timedelta(days=i // 4),
                    mode=MeetingMode.ON_SITE,
                    minutes="議事録 " * 50,
                )
            )


def test_a_deep_list_page_is_one_index_seek(db: Database, services: Services) -> None:
    _meetings(db, 3000)
    service = services.meetings
    for sort, descending, index in (
        ("date", True, "ix_meeting_held_on"),
        ("title", False, "ix_meeting_title_held_on"),
    ):
        base = ListQuery(sort=sort, descending=descending, with_total=False)
        every = service.list(base)
        assert every.keys is not None and len(every.rows) == 3000
        depth = 2500
        with recorded(db) as statements:
            page = service.list(replace(base, after=every.keys[depth - 1], limit=201))
        # The same rows as the page at that offset would give.
        assert [m.id for m in page.rows] == [m.id for m in every.rows[depth : depth + 201]]
        assert page.keys == every.keys[depth : depth + 201]
        (statement, params), *_ = statements[-1:]
        details = plan(db, statement, params)
        assert all("TEMP B-TREE" not in d and not d.startswith("SCAN") for d in details), details
        assert any(d.startswith(f"SEARCH meeting USING INDEX {index}") for d in details), details
        # With a filter on the kind, the kind's own index seeks the same way.
        kind = replace(base, sort="date", filters={"kind": MeetingKind.COUNCIL})
        councils = service.list(kind)
        assert councils.keys is not None
        with recorded(db) as statements:
            tail = service.list(replace(kind, after=councils.keys[800], limit=50))
        assert [m.id for m in tail.rows] == [m.id for m in councils.rows[801:851]]
        details = plan(db, *statements[-1])
        assert any("ix_meeting_kind_held_on" in d for d in details), details
        assert all("TEMP B-TREE" not in d for d in details), details
