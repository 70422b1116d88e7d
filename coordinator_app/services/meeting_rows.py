"""What the meeting list shows beside a meeting's own columns, in one statement.

For a page of meetings: the council's name, the project's title, the named
attendees (coordinators and organisations; and contacts) counted from the link
tables. The list reads them in its page's own statement (:func:`light_extras`:
correlated subqueries beside the meeting's columns), so a page is one walk of
the sort's index; other lists of meetings ask :func:`list_extras` for a page
already read (one statement over the page's ids, bound as the hex text they are
stored as: no UUID object is made for a row of the page).
"""

from __future__ import annotations

import uuid
from datetime import date
from functools import cache
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.domain.models import (
    Council,
    Meeting,
    MeetingContact,
    MeetingCoordinator,
    MeetingOrganisation,
    Project,
)
from coordinator_app.services.listing import LightExtras


class _Listed(Protocol):
    id: uuid.UUID
    participants_on_site: int | None
    participants_online: int | None


def _counted(link: Any) -> Any:
    """The live rows of ``link`` naming the meeting (correlated with ``meeting``)."""
    meeting, table = Meeting.__table__, link.__table__
    return (
        sa.select(sa.func.count())
        .where(table.c.meeting_id == meeting.c.id, table.c.deleted_at.is_(None))
        .scalar_subquery()
    )


@cache
def light_extras() -> LightExtras:
    """The council's name and the attendee counts as columns of the meeting list's own
    page statement (correlated with ``meeting``; see :func:`extra`). The project's
    title, which the list does not show, is not read: on a big file its rows are
    scattered, a page read apart per meeting."""
    meeting, council = Meeting.__table__, Council.__table__
    council_name = sa.select(council.c.name).where(council.c.id == meeting.c.council_id)
    columns = (
        council_name.scalar_subquery(),
        _counted(MeetingCoordinator) + _counted(MeetingOrganisation),
        _counted(MeetingContact),
    )
    return LightExtras(columns, lambda record, values: extra(record, *values))


@cache
def _statement() -> sa.Select[Any]:
    meeting, council, project = (m.__table__ for m in (Meeting, Council, Project))
    raw_id = sa.type_coerce(meeting.c.id, sa.String)
    return (
        sa.select(
            raw_id,
            council.c.name,
            project.c.title,
            _counted(MeetingCoordinator) + _counted(MeetingOrganisation),
            _counted(MeetingContact),
        )
        .select_from(
            meeting.outerjoin(council, council.c.id == meeting.c.council_id).outerjoin(
                project, project.c.id == meeting.c.project_id
            )
        )
        .where(raw_id.in_(sa.bindparam("ids", expanding=True, type_=sa.String)))
    )


def list_extras(session: Session, records: list[Any]) -> dict[uuid.UUID, dict[str, Any]]:
    """``Row.extra`` of each meeting in ``records`` (light rows or meetings), by id."""
    if not records:
        return {}
    by_hex = {r.id.hex: r for r in records}
    found = {row[0]: row[1:] for row in session.execute(_statement(), {"ids": list(by_hex)}).all()}
    extras: dict[uuid.UUID, dict[str, Any]] = {}
    for key, record in by_hex.items():
        council, title, counted, contacts = found.get(key, (None, None, 0, 0))
        extras[record.id] = {
            **extra(record, council, counted, contacts),
            "project_title": title or "",
        }
    return extras


def extra(record: _Listed, council: str | None, counted: int, contacts: int) -> dict[str, Any]:
    """A meeting row's display values (:func:`light_extras` reads them for the list)."""
    return {
        "council_name": council or "",
        # Coordinators and organisations (the project view's 出席機関・SC).
        "attendee_count": counted,
        # Every named attendee, as the form's 出席 total counts them.
        "named_attendees": counted + contacts,
        "participants": participants(record),
    }


def first_and_last_held_on(session: Session) -> tuple[date, date] | None:
    """The first and last 開催日 of the live meetings: one statement, each end one seek
    down the held_on index (``min``/``max`` with a condition would read every row)."""
    meeting = Meeting.__table__

    def end(order: Any) -> Any:
        live = sa.func.ifnull(meeting.c.deleted_at, None).is_(None)  # keeps the held_on index
        return sa.select(meeting.c.held_on).where(live).order_by(order).limit(1).scalar_subquery()

    row = session.execute(
        sa.select(end(meeting.c.held_on.asc()), end(meeting.c.held_on.desc()))
    ).one()
    return None if row[0] is None else (row[0], row[1])


def participants(meeting: _Listed) -> int | None:
    """参加者数: on site plus online; None when neither was entered."""
    counts = (meeting.participants_on_site, meeting.participants_online)
    return None if counts == (None, None) else sum(c or 0 for c in counts)
