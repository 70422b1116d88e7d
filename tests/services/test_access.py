"""Roles in the services: a supervisor reads and reviews, and writes nothing else.

The walk over the services is by introspection: a new public method of any
service fails :func:`test_every_service_method_is_classified` until it carries
one of the decorators of ``services/access.py``, and a new write method is
then refused for a supervisor by :func:`test_supervisor_is_refused_every_write`
without anyone adding it to this file.
"""

from __future__ import annotations

import inspect
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coordinator_app.domain.enums import MeetingKind, MeetingMode, ProfileRole
from coordinator_app.domain.models import (
    ActionItem,
    CouncilMembership,
    Meeting,
    ProgressEntry,
    Record,
    UserProfile,
)
from coordinator_app.services.access import (
    HOOKS,
    OTHER_PROFILE,
    REVIEW_AS_ONESELF,
    REVIEW_BY_SUPERVISOR,
    SUPERVISOR_READ_ONLY,
    UNBOUND,
    Access,
    AccessDenied,
    access_of,
)
from coordinator_app.services.base import EntityService
from coordinator_app.services.meetings import MeetingService
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile
from tests.conftest import Factory


def public_methods(service: object) -> dict[str, Any]:
    """Every public method a caller can reach on ``service`` (bound), hooks aside."""
    found = {}
    for name, _member in inspect.getmembers(type(service), inspect.isfunction):
        if name.startswith("_") or name in HOOKS or name == "bind_actor":
            continue
        found[name] = getattr(service, name)
    return found


def all_methods(services: Services) -> list[tuple[str, str, Any]]:
    return [
        (field, name, method)
        for field, service in zip(_names(services), services.all(), strict=True)
        for name, method in public_methods(service).items()
    ]


def _names(services: Services) -> list[str]:
    by_id = {id(getattr(services, n)): n for n in vars(services)}
    return [by_id[id(s)] for s in services.all()]


def dump(path: Path) -> list[str]:
    """The whole database as SQL text (tables, search index and all)."""
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


@dataclass
class World:
    """One live record of every kind, and the profiles of both roles."""

    records: dict[str, Record]
    coordinator: UserProfile
    supervisor: UserProfile
    entry: ProgressEntry
    spare: ProgressEntry
    meeting: Meeting


@pytest.fixture
def world(services: Services, make: Factory) -> World:
    city = make.city()
    area = make.area(parent=city)
    org = make.organisation()
    contact = make.contact(org)
    person = make.coordinator()
    assignment = make.assignment(person, area)
    council = make.council(city)
    member = services.council_members.save(
        CouncilMembership(council_id=council.id, organisation_id=org.id)
    )
    meeting = make.meeting()
    item = services.action_items.save(ActionItem(meeting_id=meeting.id, text="会場を予約する"))
    project = make.project()
    entry = services.progress.save(
        ProgressEntry(project_id=project.id, entry_date=date(2024, 5, 1), text="第1回会議")
    )
    spare = services.progress.save(
        ProgressEntry(project_id=project.id, entry_date=date(2024, 5, 2), text="打合せ")
    )
    coordinator = services.profiles.save(
        UserProfile(name="高橋 美咲", kana="たかはし みさき", role=ProfileRole.COORDINATOR)
    )
    supervisor = services.profiles.save(
        UserProfile(name="山本 健", kana="やまもと けん", role=ProfileRole.SUPERVISOR)
    )
    return World(
        records={  # children first: deleting them in this order is allowed
            "progress": entry,
            "projects": project,
            "action_items": item,
            "meetings": meeting,
            "council_members": member,
            "councils": council,
            "assignments": assignment,
            "coordinators": person,
            "contacts": contact,
            "organisations": org,
            "areas": area,
        },
        coordinator=coordinator,
        supervisor=supervisor,
        entry=entry,
        spare=spare,
        meeting=meeting,
    )


def acting_as(services: Services, profile: UserProfile | None) -> None:
    services.actor.follow(lambda: profile)


def real_calls(services: Services, world: World) -> dict[tuple[str, str], Callable[[], object]]:
    """Calls with arguments a coordinator's call would succeed with, per write method.

    Write methods missing here are still called, with placeholder arguments: the
    guard must refuse before it looks at them.
    """
    calls: dict[tuple[str, str], Callable[[], object]] = {}
    meeting = world.meeting
    template = Meeting(
        kind=MeetingKind.LIAISON, title="連絡会", held_on=date(2024, 6, 1), mode=meeting.mode
    )
    calls[("meetings", "create_series")] = lambda: services.meetings.create_series(
        template, [date(2024, 6, 1), date(2024, 7, 1)]
    )
    calls[("attachments", "add")] = lambda: services.attachments.add(
        filename="写真.png", content=b"\x89PNG", meeting_id=meeting.id
    )
    calls[("progress", "save_by")] = lambda: services.progress.save_by(
        ProgressEntry(project_id=world.entry.project_id, entry_date=date(2024, 6, 2), text="続き"),
        None,
    )
    calls[("progress", "delete_by")] = lambda: services.progress.delete_by(world.spare.id, None)
    calls[("settings", "save_municipality")] = lambda: services.settings.save_municipality(
        MunicipalityProfile(name="福生市")
    )
    calls[("aliases", "save")] = lambda: services.aliases.save("社協 = 社会福祉協議会\n")
    for field, record in world.records.items():
        service = getattr(services, field)
        copy = type(record)(**record.model_dump())
        calls[(field, "save")] = lambda s=service, c=copy: s.save(c)
        calls[(field, "soft_delete")] = lambda s=service, r=record: s.soft_delete(r.id)
    return calls


def placeholder_call(method: Any) -> Callable[[], object]:
    signature = inspect.signature(method)
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for parameter in signature.parameters.values():
        if parameter.default is not inspect.Parameter.empty:
            continue
        if parameter.kind is parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = object()
        elif parameter.kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
            args.append(object())
    return lambda: method(*args, **kwargs)


def test_every_service_method_is_classified(services: Services) -> None:
    unclassified = [
        f"{field}.{name}" for field, name, method in all_methods(services) if not access_of(method)
    ]
    assert unclassified == [], "decorate with reads/writes/reviews/profile_writes"
    kinds = {access_of(m) for _f, _n, m in all_methods(services)}
    assert kinds == set(Access)


def test_supervisor_is_refused_every_write(services: Services, world: World, db_path: Path) -> None:
    calls = real_calls(services, world)
    writes = [
        (field, name, method)
        for field, name, method in all_methods(services)
        if access_of(method) == Access.WRITE
    ]
    assert len(writes) >= 35  # save, soft_delete and restore of 11 kinds, and the rest
    before = dump(db_path)
    acting_as(services, world.supervisor)
    for field, name, method in writes:
        call = calls.get((field, name)) or placeholder_call(method)
        with pytest.raises(AccessDenied) as refused:
            call()
        assert refused.value.errors == {"access": SUPERVISOR_READ_ONLY}, f"{field}.{name}"
    assert dump(db_path) == before

    # The same calls are real writes for a coordinator (so the refusal above was one).
    acting_as(services, world.coordinator)
    for (field, name), call in calls.items():
        snapshot = dump(db_path)
        call()
        assert dump(db_path) != snapshot, f"{field}.{name} changed nothing"


def test_restore_is_refused_for_a_supervisor(
    services: Services, world: World, db_path: Path
) -> None:
    meeting = world.meeting
    services.meetings.soft_delete(meeting.id)
    acting_as(services, world.supervisor)
    before = dump(db_path)
    with pytest.raises(AccessDenied):
        services.meetings.restore(meeting.id)
    assert dump(db_path) == before
    acting_as(services, world.coordinator)
    assert services.meetings.restore(meeting.id).deleted_at is None


def test_reviews_only_by_a_supervisor_as_themselves(services: Services, world: World) -> None:
    entry = world.entry.id
    acting_as(services, world.coordinator)
    with pytest.raises(AccessDenied) as refused:
        services.reviews.mark_reviewed([entry], world.coordinator)
    assert refused.value.errors["access"] == REVIEW_BY_SUPERVISOR
    acting_as(services, world.supervisor)
    other = services.profiles.save(
        UserProfile(name="課長", kana="かちょう", role=ProfileRole.SUPERVISOR)
    )
    with pytest.raises(AccessDenied) as refused:
        services.reviews.mark_reviewed([entry], other)
    assert refused.value.errors["access"] == REVIEW_AS_ONESELF
    assert services.reviews.history(world.entry.project_id) == []
    services.reviews.mark_reviewed([entry], world.supervisor, "確認しました")
    assert [r.review.comment for r in services.reviews.history(world.entry.project_id)] == [
        "確認しました"
    ]


def test_a_supervisor_changes_only_their_own_profile(services: Services, world: World) -> None:
    acting_as(services, world.supervisor)
    own = UserProfile(**world.supervisor.model_dump())
    own.title = "係長"
    assert services.profiles.save(own).title == "係長"
    newcomer = services.profiles.save(
        UserProfile(name="新人 太郎", kana="しんじん たろう", role=ProfileRole.COORDINATOR)
    )
    assert services.profiles.get(newcomer.id).name == "新人 太郎"
    other = UserProfile(**world.coordinator.model_dump())
    other.name = "書き換え"
    with pytest.raises(AccessDenied) as refused:
        services.profiles.save(other)
    assert refused.value.errors["access"] == OTHER_PROFILE
    with pytest.raises(AccessDenied):
        services.profiles.soft_delete(world.coordinator.id)
    assert services.profiles.get(world.coordinator.id).name == "高橋 美咲"


def test_without_a_profile_nothing_is_restricted(services: Services, db_path: Path) -> None:
    alone = MeetingService(services.db)
    assert alone.actor is UNBOUND
    stored = alone.save(
        Meeting(
            kind=MeetingKind.LIAISON,
            title="連絡会",
            held_on=date(2024, 6, 1),
            mode=MeetingMode.ON_SITE,
        )
    )
    assert services.meetings.get(stored.id).title == "連絡会"
    with pytest.raises(TypeError):
        UNBOUND.follow(lambda: None)


def test_every_entity_service_shares_the_actor(services: Services) -> None:
    entity = [s for s in services.all() if isinstance(s, EntityService)]
    assert len(entity) == 13
    assert all(s.actor is services.actor for s in services.all())
    profile_id = uuid.uuid4()
    assert not services.profiles.exists(profile_id)


def test_imports_are_refused_for_a_supervisor(
    services: Services, world: World, db_path: Path, tmp_path: Path
) -> None:
    from coordinator_app.services.transfer.fields import ORGANISATIONS
    from coordinator_app.services.transfer.importing import run_import
    from coordinator_app.services.transfer.mappings import suggest_mapping
    from coordinator_app.services.transfer.reading import read_table

    source = tmp_path / "in.csv"
    source.write_text("団体名,種別\n新しい会,NPO\n", encoding="utf-8")
    table = read_table(source, known_headers=ORGANISATIONS.header_texts)
    mapping = suggest_mapping(ORGANISATIONS, table.headers)
    acting_as(services, world.supervisor)
    before = dump(db_path)
    with pytest.raises(AccessDenied):
        run_import(services, ORGANISATIONS, table, mapping)
    assert dump(db_path) == before
    acting_as(services, world.coordinator)
    run_import(services, ORGANISATIONS, table, mapping)
    assert "新しい会" in {o.name for o in services.organisations.list().rows}
