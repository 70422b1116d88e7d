"""Look-alike records: found by folded name and reading, merged as one action."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from sqlmodel import select

from coordinator_app.domain.enums import AreaKind, CouncilStatus, OrgKind
from coordinator_app.domain.ids import link_id
from coordinator_app.domain.models import (
    ActionItem,
    Area,
    Assignment,
    Contact,
    Coordinator,
    Council,
    CouncilMembership,
    GatheringPlace,
    MeetingCoordinator,
    MeetingOrganisation,
    Organisation,
    OrganisationArea,
    Project,
    ProjectCoordinator,
    ProjectOrganisation,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.look_alikes import LookAlikeService
from coordinator_app.services.projects import COORDINATOR_MEMBER, ProjectMember
from coordinator_app.services.registry import Services
from coordinator_app.storage import capture
from coordinator_app.storage.database import Database
from tests.conftest import Factory


@pytest.fixture
def look(db: Database) -> LookAlikeService:
    return LookAlikeService(db)


def _org(services: Services, name: str, kana: str = "", **kw: object) -> Organisation:
    kw.setdefault("kind", OrgKind.NEIGHBOURHOOD_ASSOCIATION)
    return services.organisations.save(Organisation(name=name, kana=kana, **kw))


def test_groups_fold_width_kana_and_spaces(services: Services, look: LookAlikeService) -> None:
    first = _org(services, "若葉台町会", "わかばだいちょうかい")
    second = _org(services, "若葉台 町会", "ワカバダイチョウカイ")
    third = _org(services, "若葉台町会", "ﾜｶﾊﾞﾀﾞｲ ﾁｮｳｶｲ")
    _org(services, "若葉台自治会", "わかばだいじちかい")
    _org(services, "若葉台町会", "わかばだいまちかい")  # another reading: another thing
    services.coordinators.save(Coordinator(name="若葉台町会", kana="わかばだいちょうかい"))

    groups = look.groups()

    assert [(g.kind, [r.id for r in g.records]) for g in groups] == [
        (RecordKind.ORGANISATION, [first.id, second.id, third.id])
    ]


def test_a_record_without_reading_joins_the_one_reading(
    services: Services, look: LookAlikeService
) -> None:
    read = _org(services, "若葉台町会", "わかばだいちょうかい")
    unread = _org(services, "若葉台町会")
    assert [r.id for r in look.groups()[0].records] == [read.id, unread.id]

    _org(services, "若葉台町会", "わかばだいまちかい")  # two readings: the unread one is alone
    assert look.groups() == []


def test_deleted_records_are_not_listed(services: Services, look: LookAlikeService) -> None:
    _org(services, "若葉台町会", "わかばだいちょうかい")
    gone = _org(services, "若葉台町会", "わかばだいちょうかい")
    services.organisations.soft_delete(gone.id)
    assert look.groups() == []


def test_every_kind_with_a_reading_is_listed(
    services: Services, make: Factory, look: LookAlikeService
) -> None:
    city = make.city()
    for _ in range(2):
        services.areas.save(
            Area(name="北部", kana="ほくぶ", kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id)
        )
        make.coordinator()
        services.councils.save(
            Council(name="若葉台協議体", kana="わかばだい", tier=2, status=CouncilStatus.PREPARING)
        )
        services.gathering_places.save(
            GatheringPlace(name="いきいきサロン", kana="いきいき", kind="サロン")
        )
    org = _org(services, "若葉台町会", "わかばだいちょうかい")
    make.contact(org, "山田 花子")
    make.contact(org, "山田　花子")
    make.contact(_org(services, "別の会"), "山田 花子")  # the same name at another organisation

    found = {g.kind: len(g.records) for g in look.groups()}

    assert found == {
        RecordKind.AREA: 2,
        RecordKind.COORDINATOR: 2,
        RecordKind.COUNCIL: 2,
        RecordKind.GATHERING_PLACE: 2,
        RecordKind.CONTACT: 2,
    }
    areas = next(g for g in look.groups() if g.kind is RecordKind.AREA)
    assert {r.detail for r in areas.records} == {"福生市"}


def test_keep_apart_is_a_synced_setting_and_hides_the_pair(
    db: Database, services: Services, look: LookAlikeService
) -> None:
    a = _org(services, "若葉台町会", "わかばだいちょうかい")
    b = _org(services, "若葉台町会", "わかばだいちょうかい")
    c = _org(services, "若葉台町会", "わかばだいちょうかい")
    with db.engine.begin() as conn:
        capture.enroll(conn)
        conn.exec_driver_sql("DELETE FROM sync_outbox")

    assert look.keep_apart(a.id, [b.id]) == 1
    assert look.keep_apart(b.id, [a.id]) == 0  # remembered once, whichever order
    # c still looks like both: one group of three.
    assert [len(g.records) for g in look.groups()] == [3]
    look.keep_apart(c.id, [a.id, b.id])
    assert look.groups() == []
    with db.engine.connect() as conn:
        tables = [r[0] for r in conn.exec_driver_sql("SELECT table_name FROM sync_outbox")]
    assert tables == ["setting"] * 3


def test_merge_repoints_every_reference_and_keeps_derived_link_ids(
    db: Database, services: Services, make: Factory, look: LookAlikeService
) -> None:
    area = make.area()
    kept = _org(services, "若葉台町会", "わかばだいちょうかい", phone="042-000-0000")
    merged = services.organisations.save(
        Organisation(
            name="若葉台町会",
            kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION,
            kana="わかばだいちょうかい",
            address="若葉台1-2-3",
            phone="042-111-1111",
        ),
        area_ids=[area.id],
    )
    contact = make.contact(merged)
    shared = make.meeting()
    only_merged = make.meeting(title="町会長会議")
    services.meetings.save(shared, organisation_ids=[kept.id, merged.id])
    services.meetings.save(only_merged, organisation_ids=[merged.id])
    project = make.project()
    services.projects.save(project, partner_ids=[merged.id])
    council = make.council()
    services.council_members.save(
        CouncilMembership(council_id=council.id, organisation_id=merged.id)
    )
    coordinator = make.coordinator()
    services.assignments.save(
        Assignment(
            coordinator_id=coordinator.id,
            tier=2,
            area_id=area.id,
            organisation_id=merged.id,
            start_date=date(2022, 4, 1),
        )
    )
    place = services.gathering_places.save(
        GatheringPlace(name="サロン", kind="サロン", organisation_id=merged.id)
    )
    with db.engine.begin() as conn:
        capture.enroll(conn)
        conn.exec_driver_sql("DELETE FROM sync_outbox")

    result = look.merge(RecordKind.ORGANISATION, keep=kept.id, merge=merged.id)

    assert result.filled == ("address",)
    assert result.repointed == {
        "contact.organisation_id": 1,
        "assignment.organisation_id": 1,
        "council_membership.organisation_id": 1,
        "gathering_place.organisation_id": 1,
    }
    assert (result.links_moved, result.links_joined) == (3, 1)
    with db.reading() as session:
        stored = session.get(Organisation, kept.id)
        assert stored is not None
        assert (stored.phone, stored.address) == ("042-000-0000", "若葉台1-2-3")
        gone = session.get(Organisation, merged.id)
        assert gone is not None and gone.deleted_at is not None
        assert session.get(Contact, contact.id).organisation_id == kept.id  # type: ignore[union-attr]
        assert session.get(GatheringPlace, place.id).organisation_id == kept.id  # type: ignore[union-attr]
        membership = session.exec(select(CouncilMembership)).one()
        assert membership.organisation_id == kept.id
        assert session.exec(select(Assignment)).one().organisation_id == kept.id
        for model, ends in (
            (MeetingOrganisation, {"meeting_id": shared.id}),
            (MeetingOrganisation, {"meeting_id": only_merged.id}),
            (ProjectOrganisation, {"project_id": project.id}),
            (OrganisationArea, {"area_id": area.id}),
        ):
            table = model.__table__.name
            live = session.exec(
                select(model)
                .where(model.deleted_at.is_(None))  # type: ignore[union-attr]
                .where(*(getattr(model, c) == v for c, v in ends.items()))
            ).all()
            assert [row.id for row in live] == [
                link_id(table, {**ends, "organisation_id": kept.id})
            ]
            old = session.get(model, link_id(table, {**ends, "organisation_id": merged.id}))
            assert old is not None and old.deleted_at is not None
    # One user action: one sync transaction.
    with db.engine.connect() as conn:
        txs = {r[0] for r in conn.exec_driver_sql("SELECT tx FROM sync_outbox")}
        search = conn.exec_driver_sql(
            "SELECT record_id FROM search_entry WHERE kind = 'organisation'"
        ).fetchall()
    assert len(txs) == 1
    assert [r[0] for r in search] == [kept.id.hex]


def test_merge_coordinators_repoints_people_references(
    db: Database, services: Services, make: Factory, look: LookAlikeService
) -> None:
    kept = make.coordinator()
    merged = make.coordinator()
    area = make.area()
    make.assignment(merged, area)
    meeting = make.meeting()
    services.meetings.save(meeting, coordinator_ids=[merged.id])
    services.action_items.save(
        ActionItem(meeting_id=meeting.id, text="名簿を作る", owner_coordinator_id=merged.id)
    )
    project = make.project(lead_coordinator_id=merged.id)
    services.projects.save(
        project,
        members=[ProjectMember(kind=COORDINATOR_MEMBER, person_id=merged.id, role="リーダー")],
    )

    result = look.merge(RecordKind.COORDINATOR, keep=kept.id, merge=merged.id)

    assert result.repointed == {
        "assignment.coordinator_id": 1,
        "project.lead_coordinator_id": 1,
        "action_item.owner_coordinator_id": 1,
    }
    assert result.links_moved == 2
    with db.reading() as session:
        assert session.exec(select(Assignment)).one().coordinator_id == kept.id
        assert session.get(Project, project.id).lead_coordinator_id == kept.id  # type: ignore[union-attr]
        assert session.exec(select(ActionItem)).one().owner_coordinator_id == kept.id
        live_team = session.exec(
            select(ProjectCoordinator).where(ProjectCoordinator.deleted_at.is_(None))  # type: ignore[union-attr]
        ).one()
        assert live_team.id == link_id(
            "project_coordinator", {"project_id": project.id, "coordinator_id": kept.id}
        )
        assert live_team.role == "リーダー"
        attendance = session.exec(
            select(MeetingCoordinator).where(MeetingCoordinator.deleted_at.is_(None))  # type: ignore[union-attr]
        ).one()
        assert attendance.coordinator_id == kept.id
    assert look.groups() == []


def test_merging_areas_moves_children_and_refuses_a_cycle(
    services: Services, make: Factory, look: LookAlikeService
) -> None:
    city = make.city()
    kept = make.area("北部", city)
    merged = make.area("北部", city)
    child = make.area("若葉台", merged)
    look.merge(RecordKind.AREA, keep=kept.id, merge=merged.id)
    assert services.areas.get(child.id).parent_id == kept.id

    top = make.area("南部", city)
    below = make.area("南部", top)
    with pytest.raises(ValidationError):
        look.merge(RecordKind.AREA, keep=make.area("x", below).id, merge=top.id)
    # Merging a parent into its own child: the child takes the parent's place.
    look.merge(RecordKind.AREA, keep=below.id, merge=top.id)
    assert services.areas.get(below.id).parent_id == city.id


def test_merge_refuses_gone_and_same_records(services: Services, look: LookAlikeService) -> None:
    a = _org(services, "若葉台町会")
    b = _org(services, "若葉台町会")
    with pytest.raises(ValidationError):
        look.merge(RecordKind.ORGANISATION, keep=a.id, merge=a.id)
    look.merge(RecordKind.ORGANISATION, keep=a.id, merge=b.id)
    with pytest.raises(NotFoundError):
        look.merge(RecordKind.ORGANISATION, keep=a.id, merge=b.id)
    with pytest.raises(NotFoundError):
        look.merge(RecordKind.ORGANISATION, keep=a.id, merge=uuid.uuid4())


def test_merge_outbox_is_one_transaction_with_the_link_rows(
    db: Database, services: Services, make: Factory, look: LookAlikeService
) -> None:
    kept = _org(services, "若葉台町会")
    merged = _org(services, "若葉台町会", address="若葉台1-2-3")
    meeting = make.meeting()
    services.meetings.save(meeting, organisation_ids=[merged.id])
    with db.engine.begin() as conn:
        capture.enroll(conn)
        conn.exec_driver_sql("DELETE FROM sync_outbox")

    look.merge(RecordKind.ORGANISATION, keep=kept.id, merge=merged.id)

    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT tx, table_name, row_id, op, fields FROM sync_outbox ORDER BY seq"
        ).fetchall()
    assert len({r[0] for r in rows}) == 1
    changes: dict[tuple[str, str, str], dict[str, list[object]]] = {}
    for _tx, table, row_id, op, fields in rows:
        changes.setdefault((table, row_id, op), {}).update(json.loads(fields))
    new_link = link_id(
        "meeting_organisation", {"meeting_id": meeting.id, "organisation_id": kept.id}
    )
    old_link = link_id(
        "meeting_organisation", {"meeting_id": meeting.id, "organisation_id": merged.id}
    )
    assert ("meeting_organisation", new_link.hex, "insert") in changes
    assert changes[("meeting_organisation", old_link.hex, "update")]["deleted_at"][1] is not None
    assert changes[("organisation", merged.id.hex, "update")]["deleted_at"][1] is not None
    assert changes[("organisation", kept.id.hex, "update")]["address"] == [
        "",
        "若葉台1-2-3",
    ]


def test_a_supervisor_may_not_merge(services: Services, look: LookAlikeService) -> None:
    from coordinator_app.domain.enums import ProfileRole
    from coordinator_app.domain.models import UserProfile

    services.actor.follow(lambda: UserProfile(name="上司", role=ProfileRole.SUPERVISOR))
    look.bind_actor(services.actor)
    a = _org_raw(services, "若葉台町会")
    with pytest.raises(ValidationError):
        look.merge(RecordKind.ORGANISATION, keep=a, merge=uuid.uuid4())


def _org_raw(services: Services, name: str) -> uuid.UUID:
    with services.db.writing() as session:
        org = Organisation(name=name, kind=OrgKind.NPO)
        session.add(org)
    return org.id


def test_a_group_merges_into_the_chosen_record_as_one_transaction(
    db: Database, services: Services, look: LookAlikeService
) -> None:
    ids = [_org(services, "若葉台町会", "わかばだいちょうかい").id for _ in range(3)]
    with db.engine.begin() as conn:
        capture.enroll(conn)
        conn.exec_driver_sql("DELETE FROM sync_outbox")

    results = look.merge_group(RecordKind.ORGANISATION, keep=ids[1], others=[ids[0], ids[2]])

    assert [r.merged_id for r in results] == [ids[0], ids[2]]
    assert [o.id for o in services.organisations.list().rows] == [ids[1]]
    with db.engine.connect() as conn:
        txs = {r[0] for r in conn.exec_driver_sql("SELECT tx FROM sync_outbox")}
    assert len(txs) == 1
    assert look.groups() == []


def test_records_of_a_desk_that_never_synced_are_its_own(
    db: Database, services: Services, look: LookAlikeService
) -> None:
    first = _org(services, "若葉台町会")
    _org(services, "若葉台町会")
    assert all(r.unsent for r in look.groups()[0].records)
    with db.engine.begin() as conn:
        capture.enroll(conn)
        conn.exec_driver_sql("DELETE FROM sync_outbox WHERE row_id = ?", (first.id.hex,))
    assert [r.unsent for r in look.groups()[0].records] == [False, True]


def test_what_the_server_would_refuse_comes_from_its_role_table() -> None:
    from coordinator_app.domain.enums import ProfileRole
    from coordinator_app.services.look_alikes import server_refusals

    assert server_refusals(ProfileRole.ADMIN, RecordKind.ORGANISATION) == ("", "")
    merging, apart = server_refusals(ProfileRole.COORDINATOR, RecordKind.ORGANISATION)
    assert "管理者" in merging and "管理者" in apart
    assert all(server_refusals(ProfileRole.SUPERVISOR, RecordKind.AREA))


def test_a_membership_both_records_held_becomes_one(
    db: Database, services: Services, make: Factory, look: LookAlikeService
) -> None:
    kept = _org(services, "若葉台町会")
    merged = _org(services, "若葉台町会")
    council = make.council()
    other = services.councils.save(
        Council(name="第2層協議体", tier=2, status=CouncilStatus.PREPARING)
    )
    for org_id in (kept.id, merged.id):
        services.council_members.save(
            CouncilMembership(council_id=council.id, organisation_id=org_id)
        )
    services.council_members.save(
        CouncilMembership(council_id=other.id, organisation_id=merged.id, role="会長")
    )

    result = look.merge(RecordKind.ORGANISATION, keep=kept.id, merge=merged.id)

    assert result.repointed == {"council_membership.organisation_id": 2}
    assert result.links_joined == 1
    with db.reading() as session:
        live = session.exec(
            select(CouncilMembership).where(CouncilMembership.deleted_at.is_(None))  # type: ignore[union-attr]
        ).all()
    assert sorted(
        (m.council_id == council.id, m.organisation_id == kept.id, m.role) for m in live
    ) == [
        (False, True, "会長"),
        (True, True, "委員"),
    ]
