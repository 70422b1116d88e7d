"""Issue 16: a list page at row 100,000 reads no row before it, with a key that
may be NULL as with one that may not (keyset seeks, checked by query plans).

The rows are cloned with raw ``executemany`` from one stored through the
service (fast enough for a test); the truth is the same page read with OFFSET.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting
from coordinator_app.services.base import EntityService, ListQuery
from coordinator_app.services.listing import SortPart, keyset_segments
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from tests.conftest import Factory
from tests.services.test_query_plans import plan, recorded

DEPTH = 100_000
ROWS = 101_000


def clone(
    db: Database, table: str, template: uuid.UUID, vary: Callable[[int], dict[str, Any]]
) -> None:
    """``ROWS - 1`` more rows like ``template``, each changed by ``vary(i)``."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(f"SELECT * FROM {table} WHERE id = ?", (template.hex,))
        names = [d[0] for d in cursor.description]
        first = dict(zip(names, cursor.fetchone(), strict=True))
        rows = []
        for i in range(1, ROWS):
            row = {**first, "id": uuid.UUID(int=i + 1).hex, **vary(i)}
            rows.append(tuple(row[n] for n in names))
        marks = ", ".join("?" for _ in names)
        # Without the triggers (search index, change capture): this is only a list.
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
        )
        triggers = cursor.fetchall()
        cursor.execute("BEGIN")  # one transaction (the connection is in autocommit mode)
        for name, _sql in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        cursor.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
        for _name, sql in triggers:
            cursor.execute(sql)
        cursor.execute("COMMIT")
    finally:
        raw.close()


def deep_page(
    db: Database, service: EntityService[Any], query: ListQuery, index: str
) -> list[uuid.UUID]:
    """The ids of the page at ``DEPTH`` read by keyset, after checking every
    statement it sent seeks ``index`` (no scan, no sort, no OFFSET)."""
    (key,) = service.list_ladder(query, DEPTH)  # the key of row DEPTH - 1
    with recorded(db) as statements:
        page = service.list_light(replace(query, after=key))
    reads = [(s, p) for s, p in statements if "ORDER BY" in s]
    assert reads
    for statement, params in reads:
        assert " OFFSET " not in statement or params[-1] == 0  # (SQLAlchemy writes OFFSET 0)
        details = plan(db, statement, params)
        assert all("TEMP B-TREE" not in d and not d.startswith("SCAN") for d in details), details
        assert any(d.startswith("SEARCH") and f"USING INDEX {index} (" in d for d in details), (
            details
        )
    return [row.record.id for row in page.rows]


def offset_page(service: EntityService[Any], query: ListQuery, depth: int) -> list[uuid.UUID]:
    return [r.id for r in service.list(replace(query, offset=depth)).rows]


def test_page_100000_of_a_not_null_key_is_one_seek(
    db: Database, services: Services, make: Factory
) -> None:
    first = make.meeting(held_on=date(2015, 4, 1))
    start = date(2015, 4, 1)
    clone(
        db,
        "meeting",
        first.id,
        lambda i: {"held_on": start + timedelta(days=i // 40), "title": f"連絡会{i % 97:02d}"},
    )
    service = services.meetings
    for sort, descending, index in (
        ("date", True, "ix_meeting_held_on"),
        ("title", False, "ix_meeting_title_held_on"),
    ):
        query = ListQuery(sort=sort, descending=descending, limit=200, with_total=False)
        ids = deep_page(db, service, query, index)
        assert len(ids) == 200
        assert ids == offset_page(service, query, DEPTH)


def test_page_100000_of_a_nullable_key_seeks_across_the_nulls(
    db: Database, services: Services, make: Factory
) -> None:
    meeting = make.meeting()
    item = services.action_items.save(ActionItem(meeting_id=meeting.id, text="見守り"))
    nulls = DEPTH + 100  # ascending, NULLs first: page DEPTH runs from NULLs into dates
    clone(
        db,
        "action_item",
        item.id,
        lambda i: {"due_date": None if i < nulls else date(2026, 1, 1) + timedelta(days=i % 50)},
    )
    service = services.action_items
    for descending in (False, True):
        query = ListQuery(sort="due", descending=descending, limit=200, with_total=False)
        ids = deep_page(db, service, query, "ix_action_item_due_date")
        assert len(ids) == 200
        assert ids == offset_page(service, query, DEPTH)
    # Descending, dates come first: the page at 800 runs from dates into NULLs.
    query = ListQuery(sort="due", descending=True, limit=200, with_total=False)
    (key,) = service.list_ladder(query, 800)[:1]
    assert [r.record.id for r in service.list_light(replace(query, after=key)).rows] == (
        offset_page(service, query, 800)
    )


@pytest.mark.parametrize("descending", [False, True])
def test_keyset_segments_list_what_follows_a_key_in_order(
    db: Database, services: Services, make: Factory, descending: bool
) -> None:
    """Every key of a small list with NULLs in a key of two columns: what follows it by
    keyset is exactly what follows it by position."""
    for i in range(24):
        make.meeting(
            title=f"会{i % 3}",
            held_on=date(2026, 4, 1 + i % 4),
            kind=MeetingKind.COUNCIL if i % 2 else MeetingKind.LIAISON,
            mode=MeetingMode.ON_SITE,
        )
    service = services.meetings
    query = ListQuery(sort="title", descending=descending)
    every = service.list(query)
    assert every.keys is not None
    # The same walk with the second column treated as nullable and some keys NULL
    # cannot be stored (held_on is required), so check the segments' shape here:
    table = Meeting.__table__
    parts = [SortPart(table.c.title, True), SortPart(table.c.held_on, True)]
    assert len(keyset_segments(parts, ("会1", None), descending=False)) == 2
    assert len(keyset_segments(parts, ("会1", date(2026, 4, 1)), descending=False)) == 1
    assert keyset_segments(parts, (None, None), descending=True) == []
    assert len(keyset_segments(parts, ("会1", date(2026, 4, 1)), descending=True)) == 4
    for position, key in enumerate(every.keys):
        after = service.list(replace(query, after=key))
        assert [m.id for m in after.rows] == [m.id for m in every.rows[position + 1 :]]
