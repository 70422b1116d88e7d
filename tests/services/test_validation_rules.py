"""Every rule raises ValidationError naming the field, in Japanese, and writes nothing."""

from __future__ import annotations

from datetime import date, time

import pytest

from coordinator_app.domain.enums import (
    AreaKind,
    CouncilStatus,
    MeetingKind,
    MeetingMode,
    OrgKind,
    ProjectProgram,
    ProjectStatus,
)
from coordinator_app.domain.models import (
    ActionItem,
    Area,
    Assignment,
    Contact,
    Coordinator,
    Council,
    CouncilMembership,
    Meeting,
    Organisation,
    ProgressEntry,
    Project,
)
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def _errors(call) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.errors


def test_required_name(services: Services) -> None:
    errors = _errors(lambda: services.coordinators.save(Coordinator(name="  ")))
    assert errors == {"name": "氏名を入力してください"}
    assert services.coordinators.list().total == 0


def test_kana_must_be_kana(services: Services) -> None:
    errors = _errors(lambda: services.coordinators.save(Coordinator(name="佐藤", kana="佐藤")))
    assert "ふりがな" in errors["kana"]


def test_email_and_phone(services: Services) -> None:
    errors = _errors(
        lambda: services.organisations.save(
            Organisation(name="x", kind=OrgKind.NPO, email="not-an-email", phone="電話")
        )
    )
    assert set(errors) == {"email", "phone"}


def test_length_limit(services: Services) -> None:
    errors = _errors(lambda: services.coordinators.save(Coordinator(name="あ" * 201)))
    assert "200文字以内" in errors["name"]


def test_contact_needs_a_live_organisation(services: Services, make: Factory) -> None:
    org = make.organisation()
    services.organisations.soft_delete(org.id)
    errors = _errors(lambda: services.contacts.save(Contact(organisation_id=org.id, name="x")))
    assert errors == {"organisation_id": "所属機関が見つかりません"}


def test_assignment_end_before_start(services: Services, make: Factory) -> None:
    area, person = make.area(), make.coordinator()
    errors = _errors(
        lambda: services.assignments.save(
            Assignment(
                coordinator_id=person.id,
                tier=2,
                area_id=area.id,
                start_date=date(2024, 4, 1),
                end_date=date(2024, 3, 31),
            )
        )
    )
    assert errors == {"end_date": "終了日は開始日以降の日付にしてください"}


@pytest.mark.parametrize(
    ("tier", "kind"), [(1, AreaKind.DAILY_LIFE_AREA), (2, AreaKind.MUNICIPALITY)]
)
def test_assignment_area_fits_tier(
    services: Services, make: Factory, tier: int, kind: AreaKind
) -> None:
    person = make.coordinator()
    area = make.city() if kind == AreaKind.MUNICIPALITY else make.area()
    errors = _errors(
        lambda: services.assignments.save(
            Assignment(
                coordinator_id=person.id, tier=tier, area_id=area.id, start_date=date(2024, 4, 1)
            )
        )
    )
    assert set(errors) == {"area_id"}


def test_tier_out_of_range(services: Services, make: Factory) -> None:
    person, area = make.coordinator(), make.area()
    errors = _errors(
        lambda: services.assignments.save(
            Assignment(
                coordinator_id=person.id, tier=4, area_id=area.id, start_date=date(2024, 4, 1)
            )
        )
    )
    assert "tier" in errors


def test_council_member_is_organisation_or_contact(services: Services, make: Factory) -> None:
    council, org = make.council(), make.organisation()
    contact = make.contact(org)
    both = CouncilMembership(council_id=council.id, organisation_id=org.id, contact_id=contact.id)
    assert "member" in _errors(lambda: services.council_members.save(both))
    neither = CouncilMembership(council_id=council.id)
    assert "member" in _errors(lambda: services.council_members.save(neither))


def test_established_council_needs_a_date(services: Services, make: Factory) -> None:
    city = make.city()
    errors = _errors(
        lambda: services.councils.save(
            Council(name="協議体", tier=1, area_id=city.id, status=CouncilStatus.ESTABLISHED)
        )
    )
    assert set(errors) == {"established_on"}


def test_meeting_rules(services: Services) -> None:
    meeting = Meeting(
        kind=MeetingKind.FORUM,
        title="フォーラム",
        held_on=date(2026, 2, 28),
        start_time=time(16),
        end_time=time(13, 30),
        mode=MeetingMode.HYBRID,
        capacity_on_site=-1,
        participants_online=10_000_000,
    )
    errors = _errors(lambda: services.meetings.save(meeting))
    assert set(errors) == {"end_time", "capacity_on_site", "participants_online"}
    assert "後" in errors["end_time"]


def test_action_item_single_owner(services: Services, make: Factory) -> None:
    meeting, person = make.meeting(), make.coordinator()
    contact = make.contact()
    item = ActionItem(
        meeting_id=meeting.id, text="x", owner_coordinator_id=person.id, owner_contact_id=contact.id
    )
    assert "owner" in _errors(lambda: services.action_items.save(item))


def test_project_rules(services: Services) -> None:
    project = Project(
        title="",
        program=ProjectProgram.ACCOMPANIMENT,
        status=ProjectStatus.IN_PROGRESS,
        progress=120,
        start_date=date(2024, 4, 1),
        end_date=date(2024, 1, 1),
    )
    assert set(_errors(lambda: services.projects.save(project))) == {
        "title",
        "progress",
        "end_date",
    }


def test_progress_entry_needs_text(services: Services, make: Factory) -> None:
    project = make.project()
    entry = ProgressEntry(project_id=project.id, entry_date=date(2024, 4, 1), text=" \n ")
    assert set(_errors(lambda: services.progress.save(entry))) == {"text"}


def test_restore_revalidates_references(services: Services, make: Factory) -> None:
    org = make.organisation()
    contact = make.contact(org)
    services.contacts.soft_delete(contact.id)
    services.organisations.soft_delete(org.id)
    assert "organisation_id" in _errors(lambda: services.contacts.restore(contact.id))


def test_municipality_area_has_no_parent(services: Services, make: Factory) -> None:
    city = make.city()
    errors = _errors(
        lambda: services.areas.save(Area(name="市", kind=AreaKind.MUNICIPALITY, parent_id=city.id))
    )
    assert set(errors) == {"parent_id"}
