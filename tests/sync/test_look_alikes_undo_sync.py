"""A look-alike merge taken back after it was synced (throw-away PostgreSQL, the real
server on loopback): the undo travels as one transaction, is accepted without a
conflict, and the other desk ends with both records and the old links again."""

from __future__ import annotations

import uuid
from datetime import date

import psycopg
import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.ids import link_id
from coordinator_app.domain.models import Meeting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.look_alikes import LookAlikeService
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.sync.test_look_alikes_join import _association, _listed, _live_links, joining
from tests.sync.test_rounds import Desk

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner
__all__ = ["admin", "api", "joining", "owner", "server_dir"]  # fixtures this module uses


def test_a_synced_merge_undone_on_one_desk_is_undone_on_the_other(
    joining: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, laptop = joining
    name = f"若葉台町会{uuid.uuid4().hex[:6]}"  # the server outlives one test
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
        desk.sync()
    look = LookAlikeService(office.db)
    result = look.merge(RecordKind.ORGANISATION, keep=ours.id, merge=theirs.id)
    office.sync()
    laptop.sync()
    assert theirs.id not in _listed(laptop)

    look.undo_merge([result])
    with office.db.engine.connect() as conn:
        txs = conn.exec_driver_sql("SELECT count(DISTINCT tx) FROM sync_outbox").scalar_one()
    assert txs == 1  # one user action: one sync transaction
    done = office.sync()
    assert (done.conflicts_open, done.refused_open) == (0, 0)
    after = laptop.sync()
    assert (after.conflicts_open, after.refused_open) == (0, 0)

    own_link = link_id(
        "meeting_organisation", {"meeting_id": meeting.id, "organisation_id": theirs.id}
    )
    for desk in (office, laptop):
        assert {ours.id, theirs.id} <= _listed(desk)
        assert desk.services.organisations.get(ours.id).address == ""
        assert desk.services.organisations.get(theirs.id).address == "若葉台1-2-3"
        assert [link.id for link in _live_links(desk, meeting.id)] == [own_link]
    on_server = owner.execute(
        "SELECT deleted_at IS NULL FROM organisation WHERE id = %s", [theirs.id]
    ).fetchone()
    assert on_server == (True,)
