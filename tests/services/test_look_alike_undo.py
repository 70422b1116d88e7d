"""Taking a look-alike merge back: the merged record returns, every reference the
merge moved points at it again, the old derived link ids are live again, as one
sync transaction; a record changed since the merge is never overwritten."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import (
    ALL_TABLES,
    Assignment,
    CouncilMembership,
    GatheringPlace,
    Organisation,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.look_alikes import LookAlikeService
from coordinator_app.services.registry import Services
from coordinator_app.storage import capture
from coordinator_app.storage.database import Database
from tests.conftest import Factory

Rows = dict[tuple[str, str], dict[str, Any]]


@pytest.fixture
def look(db: Database) -> LookAlikeService:
    return LookAlikeService(db)


def snapshot(db: Database) -> tuple[Rows, list[tuple[Any, ...]]]:
    """Every row of every table (without ``updated_at``) and the search entries."""
    rows: Rows = {}
    with db.engine.connect() as conn:
        for model in ALL_TABLES:
            table = model.__table__.name
            result = conn.exec_driver_sql(f"SELECT * FROM {table}")
            names = list(result.keys())
            for values in result.fetchall():
                row = dict(zip(names, values, strict=True))
                row.pop("updated_at")
                rows[(table, str(row["id"]))] = row
        search = conn.exec_driver_sql(
            "SELECT kind, record_id, body FROM search_entry ORDER BY kind, record_id"
        ).fetchall()
    return rows, [tuple(r) for r in search]


def outbox_txs(db: Database) -> list[tuple[int, str, dict[str, Any]]]:
    with db.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT tx, table_name, fields FROM sync_outbox ORDER BY seq"
        ).fetchall()
    return [(tx, table, json.loads(fields)) for tx, table, fields in found]


def _org(services: Services, name: str, kana: str = "", **kw: object) -> Organisation:
    kw.setdefault("kind", OrgKind.NEIGHBOURHOOD_ASSOCIATION)
    area_ids = kw.pop("area_ids", None)
    return services.organisations.save(
        Organisation(name=name, kana=kana, **kw),
        area_ids=area_ids,  # type: ignore[arg-type]
    )


def _world(services: Services, make: Factory) -> tuple[Organisation, Organisation, Any]:
    """Two 若葉台町会 and everything that can refer to an organisation."""
    area = make.area()
    kept = _org(services, "若葉台町会", "わかばだいちょうかい", phone="042-000-0000")
    merged = _org(
        services,
        "若葉台町会",
        "わかばだいちょうかい",
        address="若葉台1-2-3",
        phone="042-111-1111",
        area_ids=[area.id],
    )
    make.contact(merged)
    shared, only_merged = make.meeting(), make.meeting(title="町会長会議")
    services.meetings.save(shared, organisation_ids=[kept.id, merged.id])
    services.meetings.save(only_merged, organisation_ids=[merged.id])
    services.projects.save(make.project(), partner_ids=[merged.id])
    council = make.council()
    for org in (kept, merged):  # the same membership held by both: joined by the merge
        services.council_members.save(
            CouncilMembership(council_id=council.id, organisation_id=org.id)
        )
    services.assignments.save(
        Assignment(
            coordinator_id=make.coordinator().id,
            tier=2,
            area_id=area.id,
            organisation_id=merged.id,
            start_date=date(2022, 4, 1),
        )
    )
    services.gathering_places.save(
        GatheringPlace(name="サロン", kind="サロン", organisation_id=merged.id)
    )
    return kept, merged, area


def test_undoing_a_merge_brings_every_row_back_as_one_sync_transaction(
    db: Database, services: Services, make: Factory, look: LookAlikeService
) -> None:
    kept, merged, _area = _world(services, make)
    with db.engine.begin() as conn:
        capture.enroll(conn)
        conn.exec_driver_sql("DELETE FROM sync_outbox")
    before, search_before = snapshot(db)

    result = look.merge(RecordKind.ORGANISATION, keep=kept.id, merge=merged.id)
    assert sum(result.repointed.values()) == 4 and result.links_moved == 3
    assert result.links_joined == 2  # the shared meeting and the membership both held
    assert snapshot(db)[0] != before
    merge_txs = {tx for tx, *_ in outbox_txs(db)}

    look.undo_merge([result])

    after, search_after = snapshot(db)
    assert search_after == search_before
    for key, row in before.items():
        assert after[key] == row, key  # identical but for updated_at
    made = set(after) - set(before)
    assert len(made) == 3  # the links the merge made for the kept record...
    assert all(after[key]["deleted_at"] is not None for key in made)  # ...are gone again
    assert {o.id for o in services.organisations.list().rows} == {kept.id, merged.id}
    undo = [(tx, table) for tx, table, _f in outbox_txs(db) if tx not in merge_txs]
    assert len({tx for tx, _ in undo}) == 1  # one user action: one sync transaction
    assert {table for _, table in undo} >= {
        "organisation",
        "contact",
        "meeting_organisation",
        "council_membership",
        "gathering_place",
    }
    assert look.groups()[0].ids == {kept.id, merged.id}  # listed again, to decide anew


def test_undoing_a_group_merge_restores_all_the_merged_records(
    db: Database, services: Services, make: Factory, look: LookAlikeService
) -> None:
    ids = [_org(services, "若葉台町会", "わかばだいちょうかい").id for _ in range(3)]
    meeting = make.meeting()
    services.meetings.save(meeting, organisation_ids=ids)
    before, search_before = snapshot(db)

    results = look.merge_group(RecordKind.ORGANISATION, keep=ids[1], others=[ids[0], ids[2]])
    assert services.meetings.full_attendance(meeting.id).organisation_ids == [ids[1]]
    look.undo_merge(results)

    after, search_after = snapshot(db)
    assert {k: after[k] for k in before} == before
    assert search_after == search_before
    assert sorted(services.meetings.full_attendance(meeting.id).organisation_ids) == sorted(ids)


def test_an_edit_after_the_merge_to_a_field_it_wrote_refuses_the_undo(
    db: Database, services: Services, make: Factory, look: LookAlikeService
) -> None:
    kept, merged, _area = _world(services, make)
    result = look.merge(RecordKind.ORGANISATION, keep=kept.id, merge=merged.id)
    assert result.filled == ("address",)
    org = services.organisations.get(kept.id)
    org.address = "若葉台1-2-3 集会所"  # the filled field, edited after the merge
    services.organisations.save(org)
    merged_state = snapshot(db)

    with pytest.raises(ValidationError) as refused:
        look.undo_merge([result])

    assert "元に戻せません" in str(refused.value.errors["general"])
    assert snapshot(db) == merged_state  # nothing taken back, the edit kept


def test_an_edit_after_the_merge_to_another_field_survives_the_undo(
    db: Database, services: Services, make: Factory, look: LookAlikeService
) -> None:
    kept, merged, _area = _world(services, make)
    result = look.merge(RecordKind.ORGANISATION, keep=kept.id, merge=merged.id)
    org = services.organisations.get(kept.id)
    org.phone = "042-222-2222"  # not a field the merge wrote
    services.organisations.save(org)

    look.undo_merge([result])

    restored = services.organisations.get(kept.id)
    assert (restored.phone, restored.address) == ("042-222-2222", "")
    assert services.organisations.get(merged.id).address == "若葉台1-2-3"
