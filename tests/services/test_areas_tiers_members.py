"""The area tree with 地域 and statistics, local tiers, project members, start dates,
and records of a deleted organisation staying out of sight until undone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from coordinator_app.domain import tiers
from coordinator_app.domain.enums import AreaKind, CouncilStatus, OrgKind
from coordinator_app.domain.models import (
    ActionItem,
    Area,
    Assignment,
    Council,
    CouncilMembership,
    Meeting,
    ProjectContact,
)
from coordinator_app.domain.tiers import LocalTier
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import ListQuery
from coordinator_app.services.projects import (
    CONTACT_MEMBER,
    COORDINATOR_MEMBER,
    ProjectMember,
)
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def _setagaya(services: Services) -> dict[str, Area]:
    save = services.areas.save
    ward = save(Area(name="世田谷区", kana="せたがやく", kind=AreaKind.MUNICIPALITY))
    setagaya = save(
        Area(name="世田谷地域", kana="せたがやちいき", kind=AreaKind.REGION, parent_id=ward.id)
    )
    kinuta = save(Area(name="砧地域", kana="きぬたちいき", kind=AreaKind.REGION, parent_id=ward.id))
    kitami = save(
        Area(name="喜多見", kana="きたみ", kind=AreaKind.DAILY_LIFE_AREA, parent_id=kinuta.id)
    )
    save(Area(name="池尻", kana="いけじり", kind=AreaKind.DAILY_LIFE_AREA, parent_id=setagaya.id))
    return {"ward": ward, "setagaya": setagaya, "kinuta": kinuta, "kitami": kitami}


# -- the area tree -------------------------------------------------------------------


def test_tree_nests_regions_and_filters_keep_ancestors(services: Services) -> None:
    _setagaya(services)
    tree = [(n.area.name, n.depth, n.has_children) for n in services.areas.tree()]
    assert tree == [
        ("世田谷区", 0, True),
        ("砧地域", 1, True),
        ("喜多見", 2, False),
        ("世田谷地域", 1, True),
        ("池尻", 2, False),
    ]
    # Kana (katakana folds to the hiragana reading) finds 喜多見; its ancestors come along.
    found = [(n.area.name, n.matched) for n in services.areas.tree("キタミ")]
    assert found == [("世田谷区", False), ("砧地域", False), ("喜多見", True)]
    regions = [(n.area.name, n.matched) for n in services.areas.tree(kind=AreaKind.REGION)]
    assert regions == [("世田谷区", False), ("砧地域", True), ("世田谷地域", True)]
    assert services.areas.tree("該当なし") == []


def test_a_cycle_is_refused_with_a_message(services: Services) -> None:
    areas = _setagaya(services)
    kinuta = areas["kinuta"]
    kinuta.parent_id = areas["kitami"].id
    with pytest.raises(ValidationError) as info:
        services.areas.save(kinuta)
    assert "自分自身やその下位地域" in info.value.errors["parent_id"]
    assert services.areas.get(kinuta.id).parent_id == areas["ward"].id


def test_area_statistics_are_validated_and_exposed(services: Services) -> None:
    city = services.areas.save(Area(name="倉敷市", kana="くらしきし", kind=AreaKind.MUNICIPALITY))
    city.population, city.households, city.aging_rate = 478_570, 218_097, 27.8
    with pytest.raises(ValidationError) as info:
        services.areas.save(city)
    assert "基準日" in info.value.errors["stats_as_of"]
    city.stats_as_of = date(2022, 9, 30)  # 令和4年9月末日
    for bad in (-0.1, 100.5, float("nan")):
        city.aging_rate = bad
        with pytest.raises(ValidationError) as info:
            services.areas.save(city)
        assert "aging_rate" in info.value.errors
    city.aging_rate = 27.8
    city.population = -1
    with pytest.raises(ValidationError) as info:
        services.areas.save(city)
    assert "population" in info.value.errors
    city.population, city.households = 100, 200
    with pytest.raises(ValidationError) as info:
        services.areas.save(city)
    assert "households" in info.value.errors
    city.population, city.households = 478_570, 218_097
    services.areas.save(city)
    stats = services.areas.statistics(city.id)
    assert (stats.population, stats.households, stats.aging_rate, stats.as_of) == (
        478_570,
        218_097,
        27.8,
        date(2022, 9, 30),
    )
    assert stats.area_name == "倉敷市" and not stats.is_empty


def test_meetings_carry_an_area_and_filter_by_its_subtree(
    services: Services, make: Factory
) -> None:
    areas = _setagaya(services)
    in_kitami = make.meeting(title="喜多見の交流会", area_id=areas["kitami"].id)
    make.meeting(title="区全体の連絡会")
    query = ListQuery(filters={"area_id": areas["kinuta"].id})
    assert [m.id for m in services.meetings.list(query).rows] == [in_kitami.id]
    assert services.meetings.get(in_kitami.id).area_id == areas["kitami"].id
    gone = services.areas.save(
        Area(name="廃止", kana="はいし", kind=AreaKind.OTHER, parent_id=areas["ward"].id)
    )
    services.areas.soft_delete(gone.id)
    with pytest.raises(ValidationError) as info:
        make.meeting(area_id=gone.id)
    assert "area_id" in info.value.errors


# -- local tiers ---------------------------------------------------------------------


def test_tier_rule() -> None:
    local = [LocalTier("0層", 1), LocalTier("1.5層", 1)]
    assert tiers.check_tier(2, "", local) is None
    assert tiers.check_tier(4, "", local) is not None
    assert tiers.check_tier(1, "0層", local) is None
    assert "第1層として集計" in (tiers.check_tier(2, "1.5層", local) or "")
    assert "一覧にありません" in (tiers.check_tier(1, "9層", local) or "")
    assert tiers.tier_display(1, "0層") == "0層" and tiers.tier_display(2) == "第2層"
    assert tiers.normalise_label(" １．５層 ") == "1.5層"
    assert tiers.check_local_tiers([LocalTier("第1層", 1), LocalTier("", 2)]) == {
        0: "第1層は全国共通の層です。別の呼び名にしてください",
        1: "呼び名を入力してください",
    }
    assert 1 in tiers.check_local_tiers([LocalTier("0層", 1), LocalTier("0層", 2)])
    assert tiers.loads(tiers.dumps(local)) == local
    assert tiers.loads("not json") == []


def test_local_tiers_are_shared_by_posts_and_councils(services: Services, make: Factory) -> None:
    city = make.city("倉敷市")
    services.tiers.save_local_tiers([LocalTier("0層", 1), LocalTier("1.5層", 1)])
    coordinator = make.coordinator()
    post = services.assignments.save(
        Assignment(
            coordinator_id=coordinator.id,
            tier=1,
            tier_label="０層",
            area_id=city.id,
            start_date=date(2022, 4, 1),
        )
    )
    assert post.tier_label == "0層"
    council = services.councils.save(
        Council(
            name="高齢者活躍推進地域づくりネットワーク会議",
            tier=1,
            tier_label="1.5層",
            area_id=city.id,
            status=CouncilStatus.PREPARING,
        )
    )
    row = services.councils.list_rows().rows[0]
    assert row.extra["tier_text"] == "1.5層"
    posts = services.coordinators.list_rows().rows[0].extra["current_posts"]
    assert posts.startswith("0層 倉敷市")
    # A label must be on the list and carry the tier it counts as.
    council.tier_label, council.tier = "1.5層", 2
    with pytest.raises(ValidationError, match="第1層として集計"):
        services.councils.save(council)
    post.tier_label = "第0.5層"
    with pytest.raises(ValidationError, match="一覧にありません"):
        services.assignments.save(post)

    # Remapping 1.5層 to 第2層 moves the council with it; renaming 0層 renames the post.
    services.tiers.save_local_tiers(
        [LocalTier("0層(市)", 1), LocalTier("1.5層", 2)], renamed={"0層": "0層(市)"}
    )
    assert services.councils.get(council.id).tier == 2
    assert services.assignments.get(post.id).tier_label == "0層(市)"
    # A label in use cannot be dropped; nothing changes.
    with pytest.raises(ValidationError) as info:
        services.tiers.save_local_tiers([LocalTier("0層(市)", 1)])
    assert "使われている" in info.value.errors["general"]
    assert [t.label for t in services.tiers.local_tiers()] == ["0層(市)", "1.5層"]
    usage = services.tiers.usage()
    assert usage["1.5層"].councils == 1 and usage["0層(市)"].assignments == 1


# -- project members -----------------------------------------------------------------


def test_project_members_with_roles(services: Services, make: Factory) -> None:
    leader = make.coordinator("佐藤 一郎")
    org = make.organisation()
    contact = make.contact(org, "山田 花子")
    project = make.project()
    services.projects.save(
        project,
        members=[
            ProjectMember(COORDINATOR_MEMBER, leader.id, "リーダー"),
            ProjectMember(CONTACT_MEMBER, contact.id, " メンバー "),
        ],
    )
    members = services.projects.members(project.id)
    assert [(m.kind, m.name, m.role, m.organisation_name) for m in members] == [
        (COORDINATOR_MEMBER, "佐藤 一郎", "リーダー", ""),
        (CONTACT_MEMBER, "山田 花子", "メンバー", org.name),
    ]
    # An empty role is refused and nothing is written.
    with pytest.raises(ValidationError) as info:
        services.projects.save(project, members=[ProjectMember(CONTACT_MEMBER, contact.id, "")])
    assert "役割" in info.value.errors["members"]
    assert len(services.projects.members(project.id)) == 2

    # Removing a member soft-deletes the link; adding her back revives the same row.
    services.projects.save(project, members=[members[0]])
    with services.db.reading() as session:
        link = session.exec(select(ProjectContact)).one()
        assert link.deleted_at is not None
    services.projects.save(
        project, members=[members[0], ProjectMember(CONTACT_MEMBER, contact.id, "事務局")]
    )
    with services.db.reading() as session:
        again = session.exec(select(ProjectContact)).one()
    assert again.id == link.id and again.deleted_at is None and again.role == "事務局"

    # Deleting her organisation hides her; saving the team keeps her link; undo shows her.
    services.organisations.soft_delete(org.id)
    shown = services.projects.members(project.id)
    assert [m.name for m in shown] == ["佐藤 一郎"]
    services.projects.save(project, members=shown)
    services.organisations.restore(org.id)
    assert [m.name for m in services.projects.members(project.id)] == ["佐藤 一郎", "山田 花子"]


# -- when an organisation began ------------------------------------------------------


def test_report_counts_new_organisations_by_the_day_they_began(
    services: Services, make: Factory
) -> None:
    make.organisation(
        "昔からの町会", kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION, established_on=date(2022, 6, 1)
    )
    make.organisation("今年の NPO", kind=OrgKind.NPO)
    entered_this_year = datetime.now(UTC).date()
    from coordinator_app.domain.fiscal import fiscal_year

    back_year = services.reports.activity_report(2022)
    assert back_year.new_organisations == 1
    this_year = services.reports.activity_report(fiscal_year(entered_this_year))
    assert this_year.new_organisations == 1


# -- a deleted organisation is out of sight until undone -----------------------------


def test_deleted_organisation_leaves_councils_and_action_items(
    services: Services, make: Factory
) -> None:
    org = make.organisation()
    contact = make.contact(org)
    council = make.council()
    chair = services.council_members.save(
        CouncilMembership(council_id=council.id, organisation_id=org.id, role="座長")
    )
    services.council_members.save(
        CouncilMembership(council_id=council.id, contact_id=contact.id, role="委員")
    )
    meeting = make.meeting()
    item = services.action_items.save(
        ActionItem(meeting_id=meeting.id, text="名簿を作る", owner_contact_id=contact.id)
    )

    def members() -> list[str]:
        query = ListQuery(filters={"council_id": council.id})
        return [r.record.role for r in services.council_members.list_rows(query).rows]

    def owner() -> str:
        query = ListQuery(filters={"meeting_id": meeting.id})
        return str(services.action_items.list_rows(query).rows[0].extra["owner_name"])

    assert members() == ["座長", "委員"] and owner() == "山田 花子"
    services.organisations.soft_delete(org.id)
    assert members() == []
    assert owner() == ""
    assert services.councils.list_rows().rows[0].extra["member_count"] == 0
    assert services.contacts.list(ListQuery(filters={"organisation_id": org.id})).total == 0
    assert services.meetings.council_defaults(council.id).organisation_ids == []
    services.organisations.restore(org.id)
    assert members() == ["座長", "委員"] and owner() == "山田 花子"
    assert services.council_members.get(chair.id).deleted_at is None
    assert services.action_items.get(item.id).owner_contact_id == contact.id


def test_meeting_model_keeps_its_area(services: Services, make: Factory) -> None:
    city = make.city()
    meeting = make.meeting(area_id=city.id)
    with services.db.reading() as session:
        assert session.get(Meeting, meeting.id).area_id == city.id  # type: ignore[union-attr]


def test_demo_has_statistics_members_start_dates_and_meeting_areas(services: Services) -> None:
    from coordinator_app.services.demo import load_demo

    load_demo(services)
    city = next(n.area for n in services.areas.tree() if n.depth == 0)
    stats = services.areas.statistics(city.id)
    assert stats.population == 68420 and stats.as_of == date(2025, 9, 30)
    project = next(
        p for p in services.projects.list().rows if p.title == "通いの場ガイドブックの作成"
    )
    team = services.projects.members(project.id)
    assert team[0].role == "リーダー" and len(team) == 3
    north = next(n.area for n in services.areas.tree() if n.area.name == "北部圏域")
    assert services.meetings.list(ListQuery(filters={"area_id": north.id})).total >= 2
    founded = [o for o in services.organisations.list().rows if o.established_on is not None]
    assert len(founded) == 4


def test_deleted_employer_leaves_the_coordinator_list_until_undone(
    services: Services, make: Factory
) -> None:
    city = make.city()
    org = make.organisation("若葉市北部地域包括支援センター", kind=OrgKind.SUPPORT_CENTER)
    person = make.coordinator()
    post = make.assignment(person, make.area(parent=city))
    post.organisation_id = org.id
    services.assignments.save(post)

    def employers() -> str:
        return str(services.coordinators.list_rows().rows[0].extra["employers"])

    assert employers() == org.name
    services.organisations.soft_delete(org.id)
    assert employers() == ""
    assert services.assignments.history(person.id)[0][2] == ""
    services.organisations.restore(org.id)
    assert employers() == org.name
