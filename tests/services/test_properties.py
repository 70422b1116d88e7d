"""Bad input everywhere: every service, fed hostile text, numbers, dates and references.

The property for every write: it either stores the record (and reading it
back gives what was returned) or refuses with a :class:`ValidationError`
carrying Japanese messages and leaves the database byte-for-byte as it was.
Any other exception is a bug. Searches with the same text never crash.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, time
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import SQLModel

from coordinator_app.domain.enums import (
    AreaKind,
    CouncilStatus,
    MeetingKind,
    MeetingMode,
    OrgKind,
    ProfileRole,
    ProjectProgram,
    ProjectStatus,
    SupportCenterOperation,
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
    Record,
    UserProfile,
)
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import EntityService, ListQuery, NotFoundError
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile
from tests.conftest import Factory

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SPECIALS = [
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u202e", "\ufeff", "\u2028", "\u3000",
    "😀", "👨‍👩‍👧", "🇯🇵", "e\u0301", "か\u3099", "ｶﾞ", "\ud800", "\udfff", "\udc80x",
    "\r\n", "\r", "\t", "'", '"', "%", "_", "\\", "=1+1", "@", "ー", "〜", "﨑", "髙",
]  # fmt: skip
LONG = [199, 200, 201, 4001, 100_000]

pieces = st.one_of(
    st.characters(),
    st.sampled_from(SPECIALS),
    st.integers(0xD800, 0xDFFF).map(chr),
    st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
)
text = st.one_of(
    st.lists(pieces, max_size=30).map("".join),
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(["あ", "a", "😀", "\u0301", "\ud800", " ", "e\u0301"]),
        st.sampled_from(LONG),
    ),
    st.sampled_from(
        ["", " ", "やまだ はなこ", "042-551-1511", "a@example.jp", "０４２－５５１－１５１１"]
    ),
)
dates = st.one_of(
    st.sampled_from(
        [date.min, date.max, date(1868, 1, 24), date(1900, 2, 28), date(2000, 2, 29),
         date(2019, 4, 30), date(2019, 5, 1), date(2023, 3, 31), date(2023, 4, 1)]
    ),
    st.dates(),
)  # fmt: skip
times = st.one_of(st.sampled_from([time.min, time.max, time(12, 0)]), st.times())
integers = st.one_of(
    st.sampled_from([-(2**63), -1, 0, 1, 2, 3, 4, 100, 101, 100_000, 100_001, 2**63 - 1, 2**63]),
    st.integers(),
)
blobs = st.one_of(st.none(), st.binary(max_size=64), st.just(b"\xff" * (5 * 1024 * 1024 + 1)))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@dataclass
class World:
    """Existing records to reference, plus a deleted one and unknown ids."""

    services: Services
    ids: dict[str, list[uuid.UUID]]

    def ref(self, kind: str) -> st.SearchStrategy[uuid.UUID]:
        return st.one_of(st.sampled_from(self.ids[kind]), st.builds(uuid.uuid4))


@pytest.fixture
def world(services: Services, make: Factory) -> World:
    city = make.city()
    area = make.area(parent=city)
    org = make.organisation()
    gone = make.organisation("解散した会")
    services.organisations.soft_delete(gone.id)
    contact = make.contact(org)
    coordinator = make.coordinator()
    council = make.council(city)
    project = make.project()
    meeting = make.meeting()
    entry = services.progress.save(
        ProgressEntry(project_id=project.id, entry_date=date(2024, 4, 1), text="開始")
    )
    profile = services.profiles.save(UserProfile(name="上司", role=ProfileRole.SUPERVISOR))
    return World(
        services,
        {
            "area": [city.id, area.id],
            "organisation": [org.id, gone.id],
            "contact": [contact.id],
            "coordinator": [coordinator.id],
            "council": [council.id],
            "project": [project.id],
            "meeting": [meeting.id],
            "progress": [entry.id],
            "profile": [profile.id],
        },
    )


def snapshot(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    with services.db.engine.connect() as conn:
        return {
            table.name: list(conn.execute(sa.select(table).order_by(*table.primary_key.columns)))
            for table in SQLModel.metadata.sorted_tables
        }


def _data_columns(model: type[Record]) -> list[str]:
    return [c.key for c in sa.inspect(model).column_attrs]


def _has_bad_characters(value: object) -> bool:
    if not isinstance(value, str):
        return False
    return any(0xD800 <= ord(ch) <= 0xDFFF or ord(ch) < 0x09 or ch == "\x00" for ch in value)


def check_write(services: Services, write: Callable[[], Any]) -> Any:
    """Run ``write``: stored, or refused with a ValidationError and nothing changed."""
    before = snapshot(services)
    try:
        stored = write()
    except ValidationError as exc:
        assert exc.errors, "a ValidationError must name at least one field"
        assert all(isinstance(m, str) and m.strip() for m in exc.errors.values())
        assert snapshot(services) == before, "a refused write changed the database"
        return None
    return stored


def check_stored(service: EntityService[Any], stored: Record | None) -> None:
    if stored is None:
        return
    again = service.get(stored.id)
    for name in _data_columns(type(stored)):
        assert getattr(again, name) == getattr(stored, name), name
        assert not _has_bad_characters(getattr(again, name)), name


def check_search(service: EntityService[Any], query: str) -> None:
    page = service.list(ListQuery(text=query, limit=5))
    assert page.total >= len(page.rows)


def _entity_test(world: World, service: EntityService[Any], obj: Record, **links: Any) -> None:
    stored = check_write(world.services, lambda: service.save(obj, **links))
    check_stored(service, stored)
    if stored is not None:
        # The update path: the same record saved again with the same hostile values.
        check_stored(service, check_write(world.services, lambda: service.save(stored, **links)))


@dataclass
class Case:
    service: str
    build: Callable[[World], st.SearchStrategy[tuple[Record, dict[str, Any]]]]


def _with(model: type[Record], **kw: st.SearchStrategy[Any]) -> st.SearchStrategy[Record]:
    return st.builds(model, **kw)


def _no_links(
    record: st.SearchStrategy[Record],
) -> st.SearchStrategy[tuple[Record, dict[str, Any]]]:
    return record.map(lambda r: (r, {}))


def _ids(world: World, kind: str) -> st.SearchStrategy[list[uuid.UUID] | None]:
    return optional(st.lists(world.ref(kind), max_size=3))


CASES = [
    Case("areas", lambda w: _no_links(_with(
        Area, name=text, kana=text, kind=optional(st.sampled_from(AreaKind)),
        parent_id=optional(w.ref("area")), notes=text,
    ))),
    Case("organisations", lambda w: st.tuples(_with(
        Organisation, name=text, kana=text, kind=optional(st.sampled_from(OrgKind)),
        operation=optional(st.sampled_from(SupportCenterOperation)), address=text, phone=text,
        email=text, website=text, notes=text,
    ), st.fixed_dictionaries({"area_ids": _ids(w, "area")}))),
    Case("contacts", lambda w: _no_links(_with(
        Contact, organisation_id=optional(w.ref("organisation")), name=text, kana=text,
        role=text, phone=text, email=text, notes=text,
    ))),
    Case("coordinators", lambda w: _no_links(_with(
        Coordinator, name=text, kana=text, photo=blobs, phone=text, email=text,
        office_hours=text, message=text, consult_topics=text, notes=text,
    ))),
    Case("assignments", lambda w: _no_links(_with(
        Assignment, coordinator_id=optional(w.ref("coordinator")), tier=integers,
        tier_label=text, area_id=optional(w.ref("area")),
        organisation_id=optional(w.ref("organisation")), concurrent=st.booleans(),
        start_date=optional(dates), end_date=optional(dates), notes=text,
    ))),
    Case("councils", lambda w: _no_links(_with(
        Council, name=text, kana=text, tier=integers, area_id=optional(w.ref("area")),
        purpose=text, status=optional(st.sampled_from(CouncilStatus)),
        established_on=optional(dates), usual_venue=text, notes=text,
    ))),
    Case("council_members", lambda w: _no_links(_with(
        CouncilMembership, council_id=optional(w.ref("council")),
        organisation_id=optional(w.ref("organisation")), contact_id=optional(w.ref("contact")),
        role=text, start_date=optional(dates), end_date=optional(dates),
    ))),
    Case("meetings", lambda w: st.tuples(_with(
        Meeting, kind=optional(st.sampled_from(MeetingKind)), title=text, held_on=optional(dates),
        start_time=optional(times), end_time=optional(times), venue=text,
        mode=optional(st.sampled_from(MeetingMode)), capacity_on_site=optional(integers),
        capacity_online=optional(integers), council_id=optional(w.ref("council")),
        project_id=optional(w.ref("project")), participants_on_site=optional(integers),
        participants_online=optional(integers), agenda=text, minutes=text, decisions=text,
        session_number=optional(integers),
    ), st.fixed_dictionaries({
        "coordinator_ids": _ids(w, "coordinator"), "organisation_ids": _ids(w, "organisation"),
        "contact_ids": _ids(w, "contact"),
    }))),
    Case("action_items", lambda w: _no_links(_with(
        ActionItem, meeting_id=optional(w.ref("meeting")), text=text,
        owner_coordinator_id=optional(w.ref("coordinator")),
        owner_contact_id=optional(w.ref("contact")), due_date=optional(dates),
        done=st.booleans(),
    ))),
    Case("projects", lambda w: st.tuples(_with(
        Project, title=text, program=optional(st.sampled_from(ProjectProgram)),
        area_id=optional(w.ref("area")), lead_coordinator_id=optional(w.ref("coordinator")),
        goal=text, status=optional(st.sampled_from(ProjectStatus)), progress=integers,
        start_date=optional(dates), end_date=optional(dates), outcome=text,
    ), st.fixed_dictionaries({"partner_ids": _ids(w, "organisation")}))),
    Case("progress", lambda w: _no_links(_with(
        ProgressEntry, project_id=optional(w.ref("project")), entry_date=optional(dates),
        text=text, author=text, author_profile_id=optional(w.ref("profile")),
    ))),
    Case("profiles", lambda w: _no_links(_with(
        UserProfile, name=text, kana=text, role=optional(st.sampled_from(ProfileRole)),
        title=text, coordinator_id=optional(w.ref("coordinator")),
    ))),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.service for c in CASES])
def test_every_entity_service_stores_or_refuses_cleanly(world: World, case: Case) -> None:
    service = getattr(world.services, case.service)

    @SETTINGS
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        record, links = data.draw(case.build(world))
        links = {k: v for k, v in links.items() if v is not None}
        _entity_test(world, service, record, **links)
        check_search(service, data.draw(text))

    run()
    _assert_sound(world.services)


@pytest.mark.parametrize("case", CASES, ids=[c.service for c in CASES])
def test_delete_and_restore_of_any_id(world: World, case: Case) -> None:
    service = getattr(world.services, case.service)
    known = [i for ids in world.ids.values() for i in ids]

    @SETTINGS
    @given(record_id=st.one_of(st.sampled_from(known), st.builds(uuid.uuid4)))
    def run(record_id: uuid.UUID) -> None:
        for action in (service.soft_delete, service.restore):
            # An id that names nothing live is a NotFoundError, by contract.
            with contextlib.suppress(NotFoundError):
                check_write(world.services, lambda a=action: a(record_id))  # type: ignore[misc]

    run()
    _assert_sound(world.services)


@SETTINGS
@given(
    values=st.fixed_dictionaries(
        {f.name: text for f in fields(MunicipalityProfile) if f.name != "logo"}
    ),
    logo=st.one_of(st.none(), st.binary(max_size=64), st.just(b"\0" * (2 * 1024 * 1024 + 1))),
)
def test_municipality_settings(world: World, values: dict[str, str], logo: bytes | None) -> None:
    settings_service = world.services.settings
    stored = check_write(
        world.services,
        lambda: settings_service.save_municipality(MunicipalityProfile(**values, logo=logo)),
    )
    if stored is not None:
        again = settings_service.municipality()
        assert again == stored
        assert not any(_has_bad_characters(getattr(again, f.name)) for f in fields(again))


@SETTINGS
@given(
    filename=text,
    content=st.binary(max_size=256),
    media_type=optional(text),
    owner=st.sampled_from(["meeting_id", "project_id", "progress_entry_id", None, "two"]),
    unknown_owner=st.booleans(),
)
def test_attachments(
    world: World,
    filename: str,
    content: bytes,
    media_type: str | None,
    owner: str | None,
    unknown_owner: bool,
) -> None:
    pool = {"meeting_id": "meeting", "project_id": "project", "progress_entry_id": "progress"}
    owners: dict[str, uuid.UUID] = {}
    for column in ["meeting_id", "project_id"] if owner == "two" else [owner] if owner else []:
        owners[column] = uuid.uuid4() if unknown_owner else world.ids[pool[column]][0]
    attachments = world.services.attachments
    info = check_write(
        world.services,
        lambda: attachments.add(
            filename=filename, content=content, media_type=media_type, **owners
        ),
    )
    if info is not None:
        assert attachments.content(info.id) == content
        assert not _has_bad_characters(info.filename) and not _has_bad_characters(info.media_type)


def _assert_sound(services: Services) -> None:
    with services.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
