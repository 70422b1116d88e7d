"""Building document data from the database: the minutes of a meeting.

Action items print as they stood on the meeting's day (completion dates are
kept), so reprinting old minutes shows that day's state, not today's.

The renderers in :mod:`coordinator_app.documents.render` never query the database;
this module gathers and formats what they print.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, select

from coordinator_app.documents.data.minutes import MinutesActionItem, MinutesData
from coordinator_app.domain.enums import label
from coordinator_app.domain.era import format_wareki
from coordinator_app.domain.models import (
    ActionItem,
    Contact,
    Coordinator,
    Council,
    Meeting,
    Organisation,
    Project,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.access import Guarded, reads
from coordinator_app.services.action_items import ActionItemService, done_as_of
from coordinator_app.services.base import NotFoundError, live
from coordinator_app.services.issuers import issuer_of as issuer_of  # also for report_export
from coordinator_app.services.meetings import MeetingService
from coordinator_app.services.organisations import live_contact_names, live_contacts
from coordinator_app.services.settings import SettingsService
from coordinator_app.storage.database import Database

WEEKDAYS = "月火水木金土日"


def format_date(day: date | None, *, wareki: bool = False) -> str:
    """``2024年6月15日(土)`` or ``令和6年6月15日(土)``."""
    if day is None:
        return ""
    text = format_wareki(day) if wareki else f"{day.year}年{day.month}月{day.day}日"
    return f"{text}({WEEKDAYS[day.weekday()]})"


def _sorted_names(
    session: Session, model: type[Coordinator | Organisation | Contact], ids: list[uuid.UUID]
) -> list[str]:
    """Names of the live records among ``ids``, by reading (ふりがな); a contact of a
    deleted organisation is left out with it (until the deletion is undone)."""
    if not ids:
        return []
    stmt = select(model.name).where(col(model.id).in_(ids)).where(live(model))
    if model is Contact:
        stmt = stmt.where(col(Contact.id).in_(live_contacts()))
    return list(session.exec(stmt.order_by(model.sort_kana)).all())


def _live_coordinator_names(
    session: Session, ids: Iterable[uuid.UUID | None]
) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.exec(
        select(Coordinator.id, Coordinator.name)
        .where(col(Coordinator.id).in_(wanted))
        .where(live(Coordinator))
    ).all()
    return {row[0]: row[1] for row in rows}


class DocumentService(Guarded):
    def __init__(self, db: Database) -> None:
        self.db = db
        self.meetings = MeetingService(db)
        self.action_items = ActionItemService(db)
        self.settings = SettingsService(db)

    @reads
    def minutes_data(self, meeting_id: uuid.UUID, *, wareki: bool = False) -> MinutesData:
        """The :class:`~coordinator_app.documents.data.minutes.MinutesData` of one meeting."""

        attendance = self.meetings.full_attendance(meeting_id)
        profile = self.settings.municipality()
        carried = self.action_items.carried_over_as_of(meeting_id)
        with self.db.reading() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or meeting.deleted_at is not None:
                raise NotFoundError(RecordKind.MEETING, meeting_id)
            council = session.get(Council, meeting.council_id) if meeting.council_id else None
            project = session.get(Project, meeting.project_id) if meeting.project_id else None
            coordinators = _sorted_names(session, Coordinator, attendance.coordinator_ids)
            organisations = _sorted_names(session, Organisation, attendance.organisation_ids)
            contacts = _sorted_names(session, Contact, attendance.contact_ids)
            items = session.exec(
                select(ActionItem)
                .where(ActionItem.meeting_id == meeting_id)
                .where(live(ActionItem))
                .order_by(col(ActionItem.created_at))
            ).all()
            owners = _live_coordinator_names(session, (i.owner_coordinator_id for i in items))
            owners |= live_contact_names(session, (i.owner_contact_id for i in items))

        def owner_of(item: ActionItem) -> str:
            key = item.owner_coordinator_id or item.owner_contact_id
            return owners.get(key, "") if key is not None else ""

        when = format_date(meeting.held_on, wareki=wareki)
        if meeting.start_time is not None:
            when += f" {meeting.start_time:%H:%M}"
            if meeting.end_time is not None:
                when += f"〜{meeting.end_time:%H:%M}"
        return MinutesData(
            title=meeting.title,
            kind=label(meeting.kind),
            date_time=when,
            venue=meeting.venue,
            mode=label(meeting.mode),
            council=council.name if council else "",
            project=project.title if project else "",
            coordinators=coordinators,
            organisations=organisations,
            contacts=contacts,
            participants=participants_text(meeting),
            absentees=meeting.absentees,
            recorder=meeting.recorder,
            agenda=meeting.agenda,
            minutes=meeting.minutes,
            decisions=meeting.decisions,
            carried_over=[
                MinutesActionItem(
                    text=row.record.text,
                    owner=row.extra.get("owner_name", ""),
                    due=format_date(row.record.due_date, wareki=wareki),
                    done=completed_here,
                    meeting=" ".join(
                        p
                        for p in (
                            format_date(row.extra.get("meeting_date"), wareki=wareki),
                            row.extra.get("meeting_title", ""),
                        )
                        if p
                    ),
                    completed_here=completed_here,
                )
                for row, completed_here in carried
            ],
            action_items=[
                MinutesActionItem(
                    text=i.text,
                    owner=owner_of(i),
                    due=format_date(i.due_date, wareki=wareki),
                    done=done_as_of(i, meeting),
                )
                for i in items
            ],
            approved_by=meeting.approved_by,
            approved_on=format_date(meeting.approved_on, wareki=wareki),
            issuer=" ".join(p for p in (profile.name, profile.department) if p),
            contact=issuer_of(profile),
            created="作成日 " + format_date(date.today(), wareki=wareki),
        )


def participants_text(meeting: Meeting) -> str:
    """``会場 18名(定員20名)/オンライン 24名(定員30名)``; empty when nothing is known."""
    parts = []
    for place, count, capacity in (
        ("会場", meeting.participants_on_site, meeting.capacity_on_site),
        ("オンライン", meeting.participants_online, meeting.capacity_online),
    ):
        if count is None and capacity is None:
            continue
        text = f"{place} {count if count is not None else '—'}名"
        if capacity is not None:
            text += f"(定員{capacity}名)"
        parts.append(text)
    return "/".join(parts)
