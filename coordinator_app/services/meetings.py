"""会議: meetings with attendance, minutes and action items."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Sequence
from dataclasses import astuple, dataclass, replace
from datetime import date, time
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain.enums import MeetingKind
from coordinator_app.domain.fiscal import fiscal_year_range
from coordinator_app.domain.models import (
    Area,
    Contact,
    Coordinator,
    Council,
    CouncilMembership,
    Meeting,
    MeetingContact,
    MeetingCoordinator,
    MeetingOrganisation,
    Organisation,
    Project,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import (
    MAX_LONG_TEXT,
    Errors,
    check_count,
    check_length,
    check_required,
    check_time_order,
    clean_text,
)
from coordinator_app.services.access import reads, writes
from coordinator_app.services.base import (
    EntityService,
    LinkSpec,
    ListQuery,
    live,
    live_link_targets,
    read_links,
    require_live,
    save_links,
)
from coordinator_app.services.councils import member_is_live
from coordinator_app.services.listing import LightExtras
from coordinator_app.services.meeting_rows import first_and_last_held_on, light_extras, list_extras
from coordinator_app.services.meeting_series import SeriesActions

# Filters that are not a plain column equality.
_SPECIAL_FILTERS = ("fiscal_year", "month", "coordinator_id", "area_id", "date_from", "date_to")


ATTENDANCE = (
    LinkSpec(
        MeetingCoordinator,
        "meeting_id",
        "coordinator_id",
        Coordinator,
        "coordinators",
        invalid(QT_TRANSLATE_NOOP("validation", "出席コーディネーターが見つかりません")),
    ),
    LinkSpec(
        MeetingOrganisation,
        "meeting_id",
        "organisation_id",
        Organisation,
        "organisations",
        invalid(QT_TRANSLATE_NOOP("validation", "出席機関が見つかりません")),
    ),
    LinkSpec(
        MeetingContact,
        "meeting_id",
        "contact_id",
        Contact,
        "contacts",
        invalid(QT_TRANSLATE_NOOP("validation", "出席者が見つかりません")),
    ),
)
"""Who attended: coordinators, organisations, contacts (the order of Attendance)."""


@dataclass(frozen=True)
class Attendance:
    coordinator_ids: list[uuid.UUID]
    organisation_ids: list[uuid.UUID]
    contact_ids: list[uuid.UUID]


@dataclass(frozen=True)
class CouncilDefaults:
    """What choosing a council offers: its current members and usual venue."""

    organisation_ids: list[uuid.UUID]
    contact_ids: list[uuid.UUID]
    venue: str


def area_subtree(session: Session, area_id: uuid.UUID) -> list[uuid.UUID]:
    """``area_id`` and every live area below it."""
    rows = session.exec(select(Area.id, Area.parent_id).where(live(Area))).all()
    children: dict[uuid.UUID | None, list[uuid.UUID]] = {}
    for child, parent in rows:
        children.setdefault(parent, []).append(child)
    result, stack = [], [area_id]
    while stack:
        current = stack.pop()
        result.append(current)
        stack.extend(children.get(current, []))
    return result


def month_range(fiscal: int | None, month: int | None) -> tuple[date | None, date | None]:
    """Inclusive date bounds of 年度 ``fiscal`` or of one month of it."""
    if fiscal is None:
        return None, None
    if month is None:
        return fiscal_year_range(int(fiscal))
    year = int(fiscal) if int(month) >= 4 else int(fiscal) + 1
    last_day = calendar.monthrange(year, int(month))[1]
    return date(year, int(month), 1), date(year, int(month), last_day)


class MeetingService(SeriesActions, EntityService[Meeting]):
    """Meetings. List filters besides the columns: ``fiscal_year`` (int),
    ``month`` (1-12, within the fiscal year when one is given), ``coordinator_id``
    (attended), ``area_id`` (the meeting's own area, or its council's or
    project's, lies in that area or below it), ``date_from``/``date_to`` (inclusive)."""

    model = Meeting
    label_column = "title"
    kind = RecordKind.MEETING
    text_columns = ("title", "venue")
    kana_column = None
    filter_columns = ("kind", "council_id", "project_id", "mode", "series_id")
    sort_keys = {
        "date": "held_on",
        "title": "title,held_on",
        "kind": "kind,held_on",
        "venue": "venue,held_on",
    }
    default_sort = "date"
    list_columns = (
        "id",
        "held_on",
        "kind",
        "title",
        "venue",
        "council_id",
        "project_id",
        "participants_on_site",
        "participants_online",
    )

    def clean(self, obj: Meeting) -> None:
        obj.title = clean_text(obj.title)
        obj.venue = clean_text(obj.venue)
        obj.recorder = clean_text(obj.recorder)
        obj.approved_by = clean_text(obj.approved_by)
        for name in ("agenda", "minutes", "decisions", "absentees"):
            setattr(obj, name, clean_text(getattr(obj, name), multiline=True))

    def validate(self, session: Session, obj: Meeting, errors: Errors) -> None:
        check_required(errors, "kind", "会議の種類", obj.kind)
        check_required(errors, "title", "会議名", obj.title)
        check_length(errors, "title", "会議名", obj.title, 300)
        check_required(errors, "held_on", "開催日", obj.held_on)
        check_time_order(errors, "end_time", obj.start_time, obj.end_time)
        check_required(errors, "mode", "開催方法", obj.mode)
        check_length(errors, "venue", "会場", obj.venue, 300)
        check_count(errors, "capacity_on_site", "会場の定員", obj.capacity_on_site)
        check_count(errors, "capacity_online", "オンラインの定員", obj.capacity_online)
        check_count(errors, "participants_on_site", "会場の参加者数", obj.participants_on_site)
        check_count(errors, "participants_online", "オンラインの参加者数", obj.participants_online)
        check_count(errors, "session_number", "回", obj.session_number)
        for name, label in (("agenda", "議題"), ("minutes", "議事録"), ("decisions", "決定事項")):
            check_length(errors, name, label, getattr(obj, name), MAX_LONG_TEXT)
        check_length(errors, "recorder", "記録者", obj.recorder, 200)
        check_length(errors, "absentees", "欠席者", obj.absentees, 4000)
        check_length(errors, "approved_by", "承認者", obj.approved_by, 200)
        if obj.approved_on is not None and obj.held_on and obj.approved_on < obj.held_on:
            errors.add(
                "approved_on",
                invalid(QT_TRANSLATE_NOOP("validation", "承認日は開催日より前にできません")),
            )
        if obj.approved_on is not None and not obj.approved_by:
            errors.add(
                "approved_by",
                invalid(
                    QT_TRANSLATE_NOOP("validation", "承認日を入れるときは承認者も入れてください")
                ),
            )
        require_live(
            session,
            errors,
            "council_id",
            Council,
            obj.council_id,
            invalid(QT_TRANSLATE_NOOP("validation", "協議体が見つかりません")),
        )
        require_live(
            session,
            errors,
            "project_id",
            Project,
            obj.project_id,
            invalid(QT_TRANSLATE_NOOP("validation", "プロジェクトが見つかりません")),
        )
        require_live(
            session,
            errors,
            "area_id",
            Area,
            obj.area_id,
            invalid(QT_TRANSLATE_NOOP("validation", "地域が見つかりません")),
        )

    def _filtered(self, stmt: Any, query: ListQuery) -> Any:
        special = {k: query.filters[k] for k in _SPECIAL_FILTERS if k in query.filters}
        plain = {k: v for k, v in query.filters.items() if k not in _SPECIAL_FILTERS}
        stmt = super()._filtered(stmt, replace(query, filters=plain))
        first, last = month_range(special.get("fiscal_year"), special.get("month"))
        if first is not None:
            stmt = stmt.where(Meeting.held_on >= first)
        if last is not None:
            stmt = stmt.where(Meeting.held_on <= last)
        if special.get("fiscal_year") is None and special.get("month") is not None:
            month = int(special["month"])
            stmt = stmt.where(sa.func.strftime("%m", Meeting.held_on) == f"{month:02d}")
        if special.get("date_from") is not None:
            stmt = stmt.where(Meeting.held_on >= special["date_from"])
        if special.get("date_to") is not None:
            stmt = stmt.where(Meeting.held_on <= special["date_to"])
        coordinator_id = special.get("coordinator_id")
        if coordinator_id is not None:
            attended = (
                select(MeetingCoordinator.meeting_id)
                .where(MeetingCoordinator.coordinator_id == coordinator_id)
                .where(live(MeetingCoordinator))
            )
            stmt = stmt.where(col(Meeting.id).in_(attended))
        area_id = special.get("area_id")
        if area_id is not None:
            with self.db.reading() as session:
                areas = area_subtree(session, area_id)
            in_councils = select(Council.id).where(col(Council.area_id).in_(areas))
            in_projects = select(Project.id).where(col(Project.area_id).in_(areas))
            stmt = stmt.where(
                sa.or_(
                    col(Meeting.area_id).in_(areas),
                    col(Meeting.council_id).in_(in_councils),
                    col(Meeting.project_id).in_(in_projects),
                )
            )
        return stmt

    @writes
    def save(
        self,
        obj: Meeting,
        *,
        coordinator_ids: Sequence[uuid.UUID] | None = None,
        organisation_ids: Sequence[uuid.UUID] | None = None,
        contact_ids: Sequence[uuid.UUID] | None = None,
        attendance_shown: Attendance | None = None,
    ) -> Meeting:
        """Save the meeting and (when given) its attendance, in one transaction.

        ``attendance_shown``: the attendance the form showed when it was loaded.
        When given, only the attendees the user added or removed since are
        changed, over the attendance as stored now: an attendee another desk
        added or removed meanwhile (a pulled change) stays as that desk left it.
        """
        with self.db.writing() as session:
            stored = self._save(session, obj)
            self._save_attendance(
                session,
                stored.id,
                coordinator_ids,
                organisation_ids,
                contact_ids,
                shown=attendance_shown,
            )
        return stored

    def _save_attendance(
        self,
        session: Session,
        meeting_id: uuid.UUID,
        coordinator_ids: Sequence[uuid.UUID] | None,
        organisation_ids: Sequence[uuid.UUID] | None,
        contact_ids: Sequence[uuid.UUID] | None,
        *,
        shown: Attendance | None = None,
    ) -> None:
        wanted = (coordinator_ids, organisation_ids, contact_ids)
        bases = astuple(shown) if shown is not None else (None,) * len(ATTENDANCE)
        for spec, ids, base in zip(ATTENDANCE, wanted, bases, strict=True):
            if ids is not None and base is not None:
                current = live_link_targets(
                    session,
                    spec.link_model,
                    owner_column=spec.owner_column,
                    owner_id=meeting_id,
                    target_column=spec.target_column,
                )
                ids = edits_onto_current(current, base, ids)
            save_links(session, spec, meeting_id, ids)

    @reads
    def held_on_span(self) -> tuple[date, date] | None:
        """The first and the last 開催日 of the live meetings (None without any)."""
        with self.db.reading() as session:
            return first_and_last_held_on(session)

    @reads
    def attendance(self, meeting_id: uuid.UUID) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
        """(coordinator ids, organisation ids) that attended."""
        full = self.full_attendance(meeting_id)
        return full.coordinator_ids, full.organisation_ids

    @reads
    def full_attendance(self, meeting_id: uuid.UUID) -> Attendance:
        """Coordinators, organisations and contacts that attended."""
        return Attendance(*(read_links(self.db, spec, meeting_id) for spec in ATTENDANCE))

    # -- fast entry -------------------------------------------------------------

    VENUE_LOOKBACK = 5000
    """Venues are completed from this many most recent meetings (an index walk,
    whatever the size of the archive)."""

    @reads
    def venues(self, limit: int = 200, *, since: date | None = None) -> list[str]:
        """Venues of recent live meetings, most recently used first (for completion).

        Args:
            since: only meetings held on or after this day (a typo corrected
                long ago, or a venue no longer used, drops out).
        """
        stmt = select(col(Meeting.venue), col(Meeting.held_on)).where(live(Meeting))
        if since is not None:
            stmt = stmt.where(col(Meeting.held_on) >= since)
        recent = stmt.order_by(col(Meeting.held_on).desc()).limit(self.VENUE_LOOKBACK).subquery()
        with self.db.reading() as session:
            rows = session.exec(
                select(recent.c.venue, sa.func.max(recent.c.held_on).label("last"))
                .where(recent.c.venue != "")
                .group_by(recent.c.venue)
                .order_by(sa.desc("last"))
                .limit(limit)
            ).all()
        return [row[0] for row in rows]

    @reads
    def last_time_slot(self) -> tuple[time | None, time | None]:
        """Start and end time of the latest meeting (by date) that had times."""
        with self.db.reading() as session:
            row = session.exec(
                select(col(Meeting.start_time), col(Meeting.end_time))
                .where(live(Meeting))
                .where(col(Meeting.start_time).is_not(None))
                .order_by(col(Meeting.held_on).desc(), col(Meeting.created_at).desc())
                .limit(1)
            ).first()
        return (row[0], row[1]) if row else (None, None)

    @reads
    def previous_meeting(
        self,
        *,
        council_id: uuid.UUID | None = None,
        series_id: uuid.UUID | None = None,
        project_id: uuid.UUID | None = None,
        kind: MeetingKind | None = None,
        before: date | None = None,
    ) -> Meeting | None:
        """The latest meeting like this one ("copy previous"): of the same series, else
        of the same council, else of the same project, else of the same kind."""
        if council_id is None and series_id is None and project_id is None and kind is None:
            return None
        with self.db.reading() as session:
            stmt = select(Meeting).where(live(Meeting))
            if series_id is not None:
                stmt = stmt.where(Meeting.series_id == series_id)
            elif council_id is not None:
                stmt = stmt.where(Meeting.council_id == council_id)
            elif project_id is not None:
                stmt = stmt.where(Meeting.project_id == project_id)
            else:
                stmt = stmt.where(Meeting.kind == kind)
            if before is not None:
                stmt = stmt.where(Meeting.held_on <= before)
            return session.exec(
                stmt.order_by(col(Meeting.held_on).desc(), col(Meeting.created_at).desc())
            ).first()

    @reads
    def council_defaults(self, council_id: uuid.UUID, on: date | None = None) -> CouncilDefaults:
        """The council's members on ``on`` (default today) and its usual venue."""
        on = on or date.today()
        with self.db.reading() as session:
            council = session.get(Council, council_id)
            members = session.exec(
                select(CouncilMembership)
                .where(CouncilMembership.council_id == council_id)
                .where(live(CouncilMembership))
                .where(member_is_live())
                .where(
                    sa.or_(
                        col(CouncilMembership.start_date).is_(None),
                        col(CouncilMembership.start_date) <= on,
                    )
                )
                .where(
                    sa.or_(
                        col(CouncilMembership.end_date).is_(None),
                        col(CouncilMembership.end_date) >= on,
                    )
                )
                .order_by(col(CouncilMembership.created_at))
            ).all()
        return CouncilDefaults(
            organisation_ids=[m.organisation_id for m in members if m.organisation_id],
            contact_ids=[m.contact_id for m in members if m.contact_id],
            venue=council.usual_venue if council is not None else "",
        )

    def decorate(self, session: Session, records: list[Meeting]) -> dict[uuid.UUID, dict[str, Any]]:
        return list_extras(session, records)  # one statement for the page (meeting_rows)

    def _light_extras(self) -> LightExtras:
        return light_extras()  # in the list page's own statement (meeting_rows)


def edits_onto_current(
    current: Sequence[uuid.UUID], shown: Sequence[uuid.UUID], wanted: Sequence[uuid.UUID]
) -> list[uuid.UUID]:
    """The links ``current`` with the user's edits (``shown`` -> ``wanted``) laid over:
    what the user removed goes, what the user added comes, the rest stays as stored."""
    removed = set(shown) - set(wanted)
    kept = [i for i in current if i not in removed]
    return kept + [i for i in wanted if i not in shown and i not in kept]
