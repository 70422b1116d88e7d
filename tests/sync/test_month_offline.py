"""A laptop a month offline: 10,000 row changes made over 30 days (its own clock on
each day) arrive in one headless round, merged with what the office changed meanwhile;
nothing is lost, doubled or turned into a conflict, and the office ends with the same
rows."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg
import sqlalchemy as sa

from tests.sync.test_clock_skew import desk_clock
from tests.sync.test_rounds import Desk, _edit, _new_meeting, admin, api, desks, owner, server_dir

__all__ = ["admin", "api", "desks", "owner", "server_dir"]  # the fixtures this module uses

MEETINGS = 100
DAYS = 30
ACTIONS_PER_DAY = 10
"""30 days x 10 actions x 34 meetings each: 10,200 row changes."""


def _venue(day: int, action: int) -> str:
    return f"公民館 {day}日目-{action}"


def _offline_month(laptop: Desk, ids: list[uuid.UUID]) -> None:
    for day in range(DAYS):
        with desk_clock(-timedelta(days=DAYS - day)):
            for action in range(ACTIONS_PER_DAY):
                chosen = [ids[(day * 7 + action * 3 + k) % len(ids)] for k in range(34)]
                with laptop.db.writing() as session:  # one user action: one sync transaction
                    session.execute(
                        sa.text("UPDATE meeting SET venue = :venue WHERE id IN :ids").bindparams(
                            sa.bindparam("ids", expanding=True)
                        ),
                        {"venue": _venue(day, action), "ids": [i.hex for i in chosen]},
                    )


def _venues(desk: Desk) -> dict[str, str]:
    with desk.db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT id, venue FROM meeting").fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def test_a_month_offline_with_10000_changes_arrives_whole(
    desks: tuple[Desk, Desk], owner: psycopg.Connection
) -> None:
    office, laptop = desks
    ids = [_new_meeting(office, title=f"地区会議 {n}").id for n in range(MEETINGS)]
    office.sync()
    laptop.sync()
    assert laptop.outbox_size() == 0

    _offline_month(laptop, ids)
    with laptop.db.engine.connect() as conn:
        queued = conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one()
    assert queued >= 10_000
    # Meanwhile the office writes the minutes of every tenth meeting.
    for meeting_id in ids[::10]:
        _edit(office, meeting_id, minutes="議事録(事務所で記入)")
    office.sync()

    result = laptop.sync()
    assert (result.conflicts_open, result.refused_open) == (0, 0)
    assert laptop.outbox_size() == 0
    office.sync()

    expected = _venues(laptop)
    assert expected == _venues(office)  # every last venue arrived
    last = _venue(DAYS - 1, ACTIONS_PER_DAY - 1)
    assert sum(v == last for v in expected.values()) == 34
    for desk in (office, laptop):  # the office's minutes merged in, not overwritten
        for meeting_id in ids[::10]:
            assert desk.meeting(meeting_id).minutes == "議事録(事務所で記入)"
    # Applied once each: the server logged every pushed venue change exactly once.
    logged = owner.execute(
        "SELECT count(*) FROM change_log WHERE table_name = 'meeting' AND field = 'venue'"
        " AND row_id = ANY(%s)",
        ([str(i) for i in ids] + [i.hex for i in ids],),
    ).fetchone()
    assert logged is not None and logged[0] >= queued
