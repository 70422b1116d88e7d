"""Desks that already held data join a municipality that has data (throw-away
PostgreSQL, the real server on loopback): the same 町会 typed on two desks before
they joined is listed as a look-alike on both, never merged silently; a merge on
one desk arrives on the other with its references re-pointed."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg
from sqlmodel import select

from coordinator_app.domain.enums import MeetingKind, MeetingMode, OrgKind
from coordinator_app.domain.ids import link_id
from coordinator_app.domain.models import Meeting, MeetingOrganisation, Organisation
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.look_alikes import LookAlikeService
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, new_user
from tests.sync.test_rounds import Desk

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner


@pytest.fixture
def joining(tmp_path: Path, api: str, admin: Client) -> Iterator[tuple[Desk, Desk]]:
    # Merging removes a master record (関係機関): the server lets an admin do that.
    office = Desk(tmp_path / "office.sqlite3", api, new_user(admin, "admin"))
    laptop = Desk(tmp_path / "laptop.sqlite3", api, new_user(admin, "coordinator"))
    try:
        yield office, laptop
    finally:
        office.db.close()
        laptop.db.close()


def _association(desk: Desk, name: str = "若葉台町会", **values: object) -> Organisation:
    return desk.services.organisations.save(
        Organisation(
            name=name,
            kana="わかばだいちょうかい",
            kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION,
            **values,
        )
    )


def _listed(desk: Desk) -> set[uuid.UUID]:
    return {o.id for o in desk.services.organisations.list().rows}


def _live_links(desk: Desk, meeting_id: object) -> list[MeetingOrganisation]:
    with desk.db.reading() as session:
        return list(
            session.exec(
                select(MeetingOrganisation)
                .where(MeetingOrganisation.meeting_id == meeting_id)
                .where(MeetingOrganisation.deleted_at.is_(None))  # type: ignore[union-attr]
            ).all()
        )


def test_a_look_alike_from_two_joining_desks_is_listed_on_both_and_merged_once(
    joining: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, laptop = joining
    # The server outlives one test: a name of this test's own.
    name = f"若葉台町会{uuid.uuid4().hex[:6]}"
    # Years of work kept alone on each desk, before either joined.
    ours = _association(office, name, phone="042-000-0000")
    theirs = _association(laptop, name, address="若葉台1-2-3")
    meeting = laptop.services.meetings.save(
        Meeting(
            kind=MeetingKind.LIAISON,
            title="町会長会議",
            held_on=date(2025, 5, 1),
            mode=MeetingMode.ON_SITE,
        ),
        organisation_ids=[theirs.id],
    )

    for desk in (office, laptop, office):
        result = desk.sync()
        assert (result.conflicts_open, result.refused_open) == (0, 0)

    for desk in (office, laptop):
        groups = [g for g in LookAlikeService(desk.db).groups() if ours.id in g.ids]
        assert [(g.kind, g.ids) for g in groups] == [
            (RecordKind.ORGANISATION, {ours.id, theirs.id})
        ]
        # Listed, never merged silently: both records are still there.
        assert {ours.id, theirs.id} <= _listed(desk)

    LookAlikeService(office.db).merge(RecordKind.ORGANISATION, keep=ours.id, merge=theirs.id)
    assert office.sync().refused_open == 0
    assert laptop.sync().refused_open == 0

    for desk in (office, laptop):
        assert not [g for g in LookAlikeService(desk.db).groups() if ours.id in g.ids]
        kept = desk.services.organisations.get(ours.id)
        assert (kept.phone, kept.address) == ("042-000-0000", "若葉台1-2-3")
        assert ours.id in _listed(desk) and theirs.id not in _listed(desk)
        assert [link.id for link in _live_links(desk, meeting.id)] == [
            link_id("meeting_organisation", {"meeting_id": meeting.id, "organisation_id": ours.id})
        ]
    on_server = owner.execute(
        "SELECT deleted_at IS NOT NULL FROM organisation WHERE id = %s", [theirs.id]
    ).fetchone()
    assert on_server == (True,)


def test_a_coordinator_desk_with_records_deleted_long_ago_joins_without_refusals(
    joining: tuple[Desk, Desk],
) -> None:
    _office, laptop = joining
    gone = _association(laptop)
    laptop.services.organisations.soft_delete(gone.id)
    kept = laptop.services.organisations.save(
        Organisation(name="いきいき会", kind=OrgKind.NPO, kana="いきいきかい")
    )

    result = laptop.sync()

    assert (result.refused_open, laptop.outbox_size()) == (0, 0)
    assert kept.id in _listed(laptop) and gone.id not in _listed(laptop)
