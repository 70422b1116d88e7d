"""Create, update, soft-delete, restore and list for every service."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlmodel import select

from coordinator_app.domain.enums import AreaKind, MeetingKind, MeetingMode, OrgKind
from coordinator_app.domain.models import (
    ActionItem,
    Area,
    Coordinator,
    CouncilMembership,
    Meeting,
    MeetingCoordinator,
    Organisation,
    ProgressEntry,
)
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import ListQuery, NotFoundError
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def test_create_sets_timestamps_and_update_bumps_updated_at(services: Services) -> None:
    org = services.organisations.save(
        Organisation(name="NPO法人 まちの縁側", kana="まちのえんがわ", kind=OrgKind.NPO)
    )
    assert org.created_at.tzinfo is not None
    assert org.updated_at == org.created_at
    org.phone = "０４２－５５５－３００１"
    updated = services.organisations.save(org)
    assert updated.phone == "042-555-3001"
    assert updated.updated_at > updated.created_at
    assert services.organisations.get(org.id).created_at == org.created_at


def test_soft_delete_and_restore(services: Services, make: Factory) -> None:
    coordinator = make.coordinator()
    services.coordinators.soft_delete(coordinator.id)
    assert services.coordinators.list().total == 0
    with pytest.raises(NotFoundError):
        services.coordinators.get(coordinator.id)
    assert services.coordinators.get(coordinator.id, include_deleted=True).is_deleted
    assert services.coordinators.list(ListQuery(include_deleted=True)).total == 1
    services.coordinators.restore(coordinator.id)
    assert services.coordinators.get(coordinator.id).deleted_at is None


def test_a_deleted_record_cannot_be_saved_over(services: Services, make: Factory) -> None:
    coordinator = make.coordinator()
    services.coordinators.soft_delete(coordinator.id)
    coordinator.phone = "03-1111-2222"
    with pytest.raises(NotFoundError):
        services.coordinators.save(coordinator)


def test_filter_matches_kanji_and_kana_in_any_script(services: Services, make: Factory) -> None:
    make.coordinator("佐藤 一郎", "さとう いちろう")
    make.coordinator("鈴木 花子", "スズキ ハナコ")
    names = lambda text: [  # noqa: E731
        c.name for c in services.coordinators.list(ListQuery(text=text)).rows
    ]
    assert names("佐藤") == ["佐藤 一郎"]
    assert names("サトウ") == ["佐藤 一郎"]
    assert names("すずき") == ["鈴木 花子"]
    assert names("ｽｽﾞｷ") == ["鈴木 花子"]
    assert names("%") == []


def test_people_sort_by_reading_not_kanji(services: Services, make: Factory) -> None:
    make.coordinator("渡辺 誠", "わたなべ まこと")
    make.coordinator("青木 恵", "あおき めぐみ")
    make.coordinator("伊藤 修", "イトウ オサム")
    rows = services.coordinators.list(ListQuery(sort="kana")).rows
    assert [c.name for c in rows] == ["青木 恵", "伊藤 修", "渡辺 誠"]
    rows = services.coordinators.list(ListQuery(sort="kana", descending=True)).rows
    assert [c.name for c in rows] == ["渡辺 誠", "伊藤 修", "青木 恵"]


def test_paging(services: Services, make: Factory) -> None:
    for i in range(7):
        make.organisation(f"町会{i}", kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION, kana=f"ちょうかい{i}")
    page = services.organisations.list(ListQuery(sort="kana", offset=5, limit=5))
    assert page.total == 7
    assert [o.name for o in page.rows] == ["町会5", "町会6"]


def test_equality_filter(services: Services, make: Factory) -> None:
    make.organisation("社協")
    make.organisation("NPO", kind=OrgKind.NPO, kana="えぬぴーおー")
    page = services.organisations.list(ListQuery(filters={"kind": OrgKind.NPO}))
    assert [o.name for o in page.rows] == ["NPO"]
    with pytest.raises(ValueError, match="unknown filter"):
        services.organisations.list(ListQuery(filters={"phone": "1"}))


def test_area_tree(services: Services) -> None:
    city = services.areas.save(Area(name="倉敷市", kana="くらしきし", kind=AreaKind.MUNICIPALITY))
    district = services.areas.save(
        Area(name="児島", kana="こじま", kind=AreaKind.DISTRICT, parent_id=city.id)
    )
    services.areas.save(
        Area(name="琴浦", kana="ことうら", kind=AreaKind.DAILY_LIFE_AREA, parent_id=district.id)
    )
    services.areas.save(
        Area(name="倉敷", kana="くらしき", kind=AreaKind.DISTRICT, parent_id=city.id)
    )
    tree = [(n.area.name, n.depth) for n in services.areas.tree()]
    assert tree == [("倉敷市", 0), ("倉敷", 1), ("児島", 1), ("琴浦", 2)]
    rows = services.areas.list_rows(ListQuery(text="琴浦")).rows
    assert rows[0].extra["parent_name"] == "児島"


def test_area_cannot_become_its_own_ancestor(services: Services, make: Factory) -> None:
    area = make.area()
    child = services.areas.save(
        Area(name="学区", kana="がっく", kind=AreaKind.SCHOOL_DISTRICT, parent_id=area.id)
    )
    area.parent_id = child.id
    with pytest.raises(ValidationError) as info:
        services.areas.save(area)
    assert "parent_id" in info.value.errors


def test_area_with_children_cannot_be_deleted(services: Services, make: Factory) -> None:
    area = make.area()
    with pytest.raises(ValidationError, match="下位地域"):
        services.areas.soft_delete(area.parent_id)  # type: ignore[arg-type]


def test_organisation_areas_served_and_contacts(services: Services, make: Factory) -> None:
    north, south = make.area("北部"), make.area("南部")
    org = make.organisation()
    services.organisations.save(org, area_ids=[north.id, south.id])
    assert services.organisations.area_ids(org.id) == [north.id, south.id]
    services.organisations.save(org, area_ids=[south.id])
    assert services.organisations.area_ids(org.id) == [south.id]
    services.organisations.save(org, area_ids=[north.id, south.id])
    assert set(services.organisations.area_ids(org.id)) == {north.id, south.id}
    row = services.organisations.list_rows().rows[0]
    assert row.extra["area_names"] == "南部、北部" or row.extra["area_names"] == "北部、南部"

    contact = make.contact(org)
    rows = services.contacts.list_rows(ListQuery(filters={"organisation_id": org.id})).rows
    assert [(r.record.name, r.extra["organisation_name"]) for r in rows] == [
        (contact.name, org.name)
    ]


def test_organisation_participation(services: Services, make: Factory) -> None:
    org = make.organisation()
    contact = make.contact(org)
    council = make.council()
    services.council_members.save(
        CouncilMembership(council_id=council.id, contact_id=contact.id, role="座長")
    )
    meeting = make.meeting()
    services.meetings.save(meeting, organisation_ids=[org.id])
    participation = services.organisations.participation(org.id)
    assert [(c.name, role) for c, role in participation.councils] == [(council.name, "座長")]
    assert [m.id for m in participation.meetings] == [meeting.id]


def test_assignment_history_survives_rotation(services: Services, make: Factory) -> None:
    area = make.area()
    first, second = make.coordinator("東 洋子", "ひがし ようこ"), make.coordinator()
    old = make.assignment(first, area)
    old.end_date = date(2024, 3, 31)
    services.assignments.save(old)
    new = make.assignment(second, area)
    new.start_date = date(2024, 4, 1)
    services.assignments.save(new)
    history = services.assignments.history(first.id)
    assert [(a.end_date, area_name) for a, area_name, _ in history] == [
        (date(2024, 3, 31), area.name)
    ]
    posts = {
        r.record.name: r.extra["current_posts"] for r in services.coordinators.list_rows().rows
    }
    assert posts == {"東 洋子": "", "佐藤 一郎": "第2層 北部圏域"}


def test_council_membership_and_meetings(services: Services, make: Factory) -> None:
    council = make.council()
    org = make.organisation()
    services.council_members.save(CouncilMembership(council_id=council.id, organisation_id=org.id))
    rows = services.council_members.list_rows(ListQuery(filters={"council_id": council.id})).rows
    assert [(r.record.role, r.extra["member_name"]) for r in rows] == [("委員", org.name)]
    assert services.councils.list_rows().rows[0].extra["member_count"] == 1
    older = make.meeting(council_id=council.id, held_on=date(2022, 5, 1))
    newer = make.meeting(council_id=council.id, held_on=date(2022, 7, 1))
    assert [m.id for m in services.councils.meetings(council.id)] == [newer.id, older.id]


def test_meeting_attendance_is_saved_with_the_meeting(services: Services, make: Factory) -> None:
    a, b = make.coordinator(), make.coordinator("鈴木 花子", "すずき はなこ")
    org = make.organisation()
    meeting = Meeting(
        kind=MeetingKind.COUNCIL,
        title="第1層協議体 準備会",
        held_on=date(2022, 7, 14),
        start_time=time(14),
        end_time=time(16),
        mode=MeetingMode.HYBRID,
    )
    services.meetings.save(meeting, coordinator_ids=[a.id, b.id], organisation_ids=[org.id])
    assert services.meetings.attendance(meeting.id) == ([a.id, b.id], [org.id])
    services.meetings.save(meeting, coordinator_ids=[b.id])
    assert services.meetings.attendance(meeting.id) == ([b.id], [org.id])
    assert services.meetings.list_rows().rows[0].extra["attendee_count"] == 2


def test_attendance_of_a_missing_coordinator_writes_nothing(
    services: Services, make: Factory
) -> None:
    gone = make.coordinator()
    services.coordinators.soft_delete(gone.id)
    meeting = Meeting(
        kind=MeetingKind.LIAISON,
        title="連絡会",
        held_on=date(2022, 7, 14),
        mode=MeetingMode.ON_SITE,
    )
    with pytest.raises(ValidationError) as info:
        services.meetings.save(meeting, coordinator_ids=[gone.id])
    assert "coordinators" in info.value.errors
    assert services.meetings.list().total == 0
    with services.db.reading() as session:
        assert session.exec(select(MeetingCoordinator)).all() == []


def test_action_items(services: Services, make: Factory) -> None:
    meeting = make.meeting()
    coordinator = make.coordinator()
    services.action_items.save(
        ActionItem(
            meeting_id=meeting.id,
            text="設置要綱案を作成する",
            owner_coordinator_id=coordinator.id,
            due_date=date(2022, 8, 1),
        )
    )
    rows = services.action_items.list_rows(ListQuery(filters={"meeting_id": meeting.id})).rows
    assert rows[0].extra["owner_name"] == coordinator.name
    assert rows[0].extra["meeting_title"] == meeting.title
    assert rows[0].extra["meeting_date"] == meeting.held_on


def test_project_partners_and_progress_log(services: Services, make: Factory) -> None:
    org = make.organisation()
    lead = make.coordinator()
    project = make.project(lead_coordinator_id=lead.id)
    services.projects.save(project, partner_ids=[org.id])
    assert services.projects.partner_ids(project.id) == [org.id]
    for day in ("2017-08-28", "2017-11-28", "2017-09-12"):
        services.progress.save(
            ProgressEntry(project_id=project.id, entry_date=date.fromisoformat(day), text=day)
        )
    assert [e.text for e in services.progress.log(project.id)] == [
        "2017-11-28",
        "2017-09-12",
        "2017-08-28",
    ]
    extra = services.projects.list_rows().rows[0].extra
    assert extra["lead_name"] == lead.name
    assert extra["last_entry_date"] == date(2017, 11, 28)


def test_empty_database_is_detected(services: Services, make: Factory) -> None:
    assert services.is_empty()
    make.coordinator()
    assert not services.is_empty()


def test_demo_data_loads_completely(services: Services) -> None:
    from coordinator_app.services.demo import load_demo

    load_demo(services)
    assert services.coordinators.list().total == 5
    assert services.organisations.list().total >= 30
    assert services.meetings.list().total >= 50
    assert services.projects.list().total == 3
    assert services.settings.municipality().name == "若葉台市"
    tier1 = [
        r for r in services.coordinators.list_rows().rows if "第1層" in r.extra["current_posts"]
    ]
    assert len(tier1) == 1
    assert not isinstance(Coordinator, type(None))


def test_choices_are_light_filtered_and_sorted(services: Services, make: Factory) -> None:
    make.organisation("渡辺商店", kana="わたなべしょうてん", kind=OrgKind.COMPANY)
    second = make.organisation(
        "青木町会", kana="あおきちょうかい", kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION
    )
    make.organisation("削除済み", kana="さくじょずみ", kind=OrgKind.NPO)
    services.organisations.soft_delete(
        services.organisations.list(ListQuery(text="削除")).rows[0].id
    )
    choices = services.organisations.choices()
    assert [c.label for c in choices] == ["青木町会", "渡辺商店"]
    assert choices[0].reading == "あおきちょうかい"
    assert [c.label for c in services.organisations.choices("ワタナベ")] == ["渡辺商店"]
    assert [c.id for c in services.organisations.choices(ids=[second.id])] == [second.id]
    assert len(services.organisations.choices(limit=1)) == 1
    project = make.project(title="通いの場ガイドブック")
    assert [c.label for c in services.projects.choices("ガイド")] == [project.title]


def test_pages_without_total(services: Services, make: Factory) -> None:
    make.coordinator()
    page = services.coordinators.list(ListQuery(with_total=False))
    assert page.total == -1 and len(page.rows) == 1
