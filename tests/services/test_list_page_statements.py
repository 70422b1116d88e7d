"""Issue 16: a page of the 会議 list is one statement walking its sort's index, with
the council and the attendee counts beside each row; the count a jump needs reads
indexes only. Proved by the statements sent and their ``EXPLAIN QUERY PLAN``
(timings live in benchmarks/)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import Meeting
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from tests.conftest import Factory
from tests.services.test_query_plans import _meetings, plan, recorded


def _reads(statements: list[tuple[str, object]]) -> list[tuple[str, object]]:
    return [(s, p) for s, p in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def _attended(services: Services, make: Factory) -> dict[str, tuple[str, int]]:
    """A few meetings with a council and attendees; what the list shows for them."""
    council = make.council()
    person = make.coordinator()
    org = make.organisation()
    contact = make.contact(org)
    shown = {}
    for n in range(4):
        title = f"出席のある会議{n}"
        services.meetings.save(
            Meeting(
                kind=MeetingKind.COUNCIL,
                title=title,
                held_on=date(2016, 5, n + 1),
                mode=MeetingMode.ON_SITE,
                council_id=council.id if n % 2 else None,
            ),
            coordinator_ids=[person.id] if n < 3 else [],
            organisation_ids=[org.id] if n == 0 else [],
            contact_ids=[contact.id] if n == 1 else [],
        )
        shown[title] = (council.name if n % 2 else "", [2, 2, 1, 0][n])
    return shown


def test_a_deep_meeting_page_is_one_statement_on_the_sort_index(
    db: Database, services: Services, make: Factory
) -> None:
    _meetings(db, 3000)
    shown = _attended(services, make)
    service = services.meetings
    for sort, descending, index in (
        ("date", True, "ix_meeting_held_on"),
        ("title", False, "ix_meeting_title_held_on"),
    ):
        base = ListQuery(sort=sort, descending=descending, with_total=False)
        every = service.list_rows(base)
        assert every.keys is not None
        depth = 2500
        with recorded(db) as statements:
            page = service.list_light(replace(base, after=every.keys[depth - 1], limit=201))
        assert [r.record.id for r in page.rows] == [r.record.id for r in every.rows[depth:][:201]]
        # The same display values as the rows decorated apart (which also carry the
        # project's title, not shown in the list).
        for light, full in zip(page.rows, every.rows[depth:], strict=False):
            assert light.extra == {k: v for k, v in full.extra.items() if k != "project_title"}
        reads = _reads(statements)
        assert len(reads) == 1, reads  # no second statement looking the rows up by id
        statement, params = reads[0]
        assert "meeting.id IN" not in statement
        details = plan(db, statement, params)
        assert any(d.startswith(f"SEARCH meeting USING INDEX {index}") for d in details), details
        assert all("TEMP B-TREE" not in d and not d.startswith("SCAN") for d in details), details
        for link in ("meeting_coordinator", "meeting_organisation", "meeting_contact"):
            assert any(f"ix_{link}_meeting_id (meeting_id=?)" in d for d in details), details
    # The attendees and councils come out as the list shows them.
    first = service.list_light(ListQuery(sort="title", limit=200, text="出席のある会議"))
    assert {
        r.record.title: (r.extra["council_name"], r.extra["named_attendees"]) for r in first.rows
    } == shown


def test_the_count_of_a_whole_list_reads_the_indexes_and_not_the_live_rows(
    db: Database, services: Services, make: Factory
) -> None:
    _meetings(db, 600)
    service = services.meetings
    gone = service.list(ListQuery(sort="date", limit=5)).rows
    for meeting in gone:
        service.soft_delete(meeting.id)
    with recorded(db) as statements:
        total = service.list(ListQuery(limit=0)).total
    assert total == 600 - len(gone)
    (count, params), *_ = [(s, p) for s, p in _reads(statements) if "count(" in s]
    details = plan(db, count, params)
    # Every entry of the smallest index counted without reading it, less the deleted
    # rows (one range); never the walk of every live row in the deleted_at index.
    assert any(d.startswith("SCAN meeting USING COVERING INDEX") for d in details), details
    assert any("ix_meeting_deleted_at (deleted_at>?)" in d for d in details), details
    assert not any("(deleted_at=?)" in d for d in details), details
    # With deleted rows shown: every row.
    assert service.list(ListQuery(limit=0, include_deleted=True)).total == 600
    # A filter is counted from its own index alone, the deleted rows told by rowid.
    councils = ListQuery(limit=0, filters={"kind": MeetingKind.COUNCIL})
    truth = sum(1 for m in service.list(replace(councils, limit=None)).rows if m.deleted_at is None)
    with recorded(db) as statements:
        assert service.list(councils).total == truth
    (count, params), *_ = [(s, p) for s, p in _reads(statements) if "count(" in s]
    details = plan(db, count, params)
    assert any("COVERING INDEX ix_meeting_kind" in d for d in details), details
    assert not any("ix_meeting_deleted_at (deleted_at=?)" in d for d in details), details
