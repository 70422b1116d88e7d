"""Issue 16: a jump into the middle of a long list reads the key next to the page
from the sort's index alone (one ``LIMIT 1 OFFSET`` statement, no table row, no
window function over the list) and then the page by keyset: the right rows with
a fixed number of statements, deleted and filtered-out rows skipped."""

from __future__ import annotations

from dataclasses import replace

from coordinator_app.domain.enums import MeetingKind
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.common.page_window import PageWindow
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from tests.conftest import Factory
from tests.services.test_query_plans import plan, recorded
from tests.ui.test_list_jump import _city_of_meetings

MIDDLE = 50_000


def _key_statements(statements: list[tuple[str, object]]) -> list[tuple[str, object]]:
    return [(s, p) for s, p in statements if "AS key0" in s]


def test_jump_to_row_50000_reads_one_key_from_the_index_then_the_page(
    db: Database, services: Services, make: Factory
) -> None:
    _city_of_meetings(db, make)
    newest = services.meetings.list(ListQuery(sort="date", descending=True, limit=3)).rows
    for meeting in newest:  # deleted rows before the jump target must not count
        services.meetings.soft_delete(meeting.id)
    model = MeetingTableModel(services.meetings, DateFormat())  # newest first
    model.refresh()
    model.prepare_jump()
    assert model.window is not None
    total = model.rowCount()
    with recorded(db) as statements:
        shown = model.record_at(MIDDLE)
    truth = services.meetings.list(replace(model.query, offset=MIDDLE, limit=1)).rows[0]
    assert shown.id == truth.id
    assert model.window.reads == 1 and model.window.seeks == 1
    # One key statement, then the page and its display joins: not 250 keys.
    assert len(statements) <= 1 + 6, [s for s, _ in statements]
    (key_statement,) = _key_statements(statements)
    details = plan(db, *key_statement)
    assert any("USING COVERING INDEX ix_meeting_held_on" in d for d in details), details
    assert all("TEMP B-TREE" not in d for d in details), details
    assert not any(d.startswith("SCAN meeting") and "COVERING" not in d for d in details)
    # The neighbours come by keyset from the keys now known: no second key lookup.
    assert model.record_at(MIDDLE + model.window.page_size).id == (
        services.meetings.list(
            replace(model.query, offset=MIDDLE + model.window.page_size, limit=1)
        )
        .rows[0]
        .id
    )
    assert model.window.seeks == 1
    # A jump near a key known counts from that key: a seek, then a short walk.
    near = MIDDLE + 5_000
    with recorded(db) as statements:
        shown = model.record_at(near)
    assert shown.id == services.meetings.list(replace(model.query, offset=near, limit=1)).rows[0].id
    assert model.window.seeks == 2
    (key_statement,) = _key_statements(statements)
    details = plan(db, *key_statement)
    assert any(
        d.startswith("SEARCH meeting USING COVERING INDEX ix_meeting_held_on") for d in details
    ), details
    # Far past the keys known: counted from the nearest of them or from the end.
    deep = total - MIDDLE // 2
    truth = services.meetings.list(replace(model.query, offset=deep, limit=1)).rows[0]
    assert model.record_at(deep).id == truth.id
    assert model.window.seeks == 3


def test_jump_in_a_filtered_list_counts_only_the_rows_it_shows(
    db: Database, services: Services, make: Factory
) -> None:
    _city_of_meetings(db, make)
    with db.writing() as session:  # every third meeting a council meeting
        session.connection().exec_driver_sql(
            "UPDATE meeting SET kind = ? WHERE rowid % 3 = 0", (MeetingKind.COUNCIL.value,)
        )
    service = services.meetings
    query = ListQuery(
        sort="date",
        descending=True,
        limit=200,
        with_total=False,
        filters={"kind": MeetingKind.COUNCIL},
    )
    total = service.list(replace(query, limit=0, with_total=True)).total
    window = PageWindow(
        query,
        total,
        fetch=service.list_light,
        ladder=service.list_ladder,
        page_size=200,
        capacity=4,
    )
    position = total // 2 + 17
    with recorded(db) as statements:
        row = window.row(position)
    assert row is not None
    truth = service.list(replace(query, offset=position, limit=1)).rows[0]
    assert row.record.id == truth.id
    (key_statement,) = _key_statements(statements)
    details = plan(db, *key_statement)
    assert any("USING COVERING INDEX ix_meeting_kind_held_on (kind=?)" in d for d in details), (
        details
    )
