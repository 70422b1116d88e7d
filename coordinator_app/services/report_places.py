"""実績報告: gathering places (通いの場) per area and kind, begun and ended in the year."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col

from coordinator_app.domain.fiscal import fiscal_year_range
from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.domain.models import Area, GatheringPlace
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.services.base import live, names_by_id
from coordinator_app.services.gathering_places import _area_order

NO_AREA = Message("report", QT_TRANSLATE_NOOP("report", "地域未設定"))


@dataclass(frozen=True)
class PlaceRow:
    """通いの場 of one area and kind in the year: running, begun and ended."""

    area: str
    kind: str
    places: int
    new: int
    ended: int


def places_per_area_and_kind(
    session: Session,
    year: int,
    areas: list[uuid.UUID] | None,
    *,
    entered: tuple[datetime, datetime],
) -> list[PlaceRow]:
    """Places that ran in 年度 ``year`` (begun by its end, not ended before it), per area
    and kind (``areas``: only those, when given).

    Begun: 開始日 in the year, or, without one, entered in it (``entered``: the
    year's [start, end) as UTC instants); ended: 終了 in the year.
    """
    first, last = fiscal_year_range(year)
    start, end = entered
    started = col(GatheringPlace.started_on)
    since = col(GatheringPlace.status_since)
    created = col(GatheringPlace.created_at)
    ended = col(GatheringPlace.status) == GatheringPlaceStatus.ENDED
    area_id, kind = col(GatheringPlace.area_id), col(GatheringPlace.kind)
    stmt = (
        sa.select(
            area_id,
            kind,
            sa.func.count(),
            sa.func.sum(
                sa.case(
                    (sa.and_(started.is_not(None), started >= first, started <= last), 1),
                    (
                        sa.and_(
                            started.is_(None),
                            created >= start,
                            created < end,
                        ),
                        1,
                    ),
                    else_=0,
                )
            ),
            sa.func.sum(sa.case((sa.and_(ended, since >= first, since <= last), 1), else_=0)),
        )
        .where(live(GatheringPlace))
        .where(sa.or_(started.is_(None), started <= last))
        .where(sa.not_(sa.and_(ended, since.is_not(None), since < first)))
        .group_by(area_id, kind)
    )
    if areas is not None:
        stmt = stmt.where(area_id.in_(areas))
    rows = session.execute(stmt).all()
    names = names_by_id(session, Area, (row[0] for row in rows))
    order = _area_order(session)

    def area_order(area: uuid.UUID | None) -> int:
        return order.get(area, len(order)) if area else len(order) + 1

    return [
        PlaceRow(
            names.get(area, NO_AREA) if area else NO_AREA,
            Message("GatheringPlaceKind", str(place_kind)),  # a default kind in English
            int(n),
            int(new or 0),
            int(gone or 0),
        )
        for area, place_kind, n, new, gone in sorted(rows, key=lambda r: (area_order(r[0]), r[1]))
    ]
