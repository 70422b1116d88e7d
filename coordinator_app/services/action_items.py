"""対応事項: action items created by meetings, open and overdue across meetings."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from coordinator_app.domain.models import ActionItem, Contact, Coordinator, Meeting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import Errors, check_length, check_required, clean_text
from coordinator_app.services.access import reads
from coordinator_app.services.base import (
    EntityService,
    ListQuery,
    Page,
    Row,
    live,
    names_by_id,
    require_live,
)
from coordinator_app.services.organisations import live_contact_names


def is_overdue(item: ActionItem, today: date) -> bool:
    return not item.done and item.due_date is not None and item.due_date < today


def done_as_of(item: ActionItem, meeting: Meeting) -> bool:
    """Whether ``item`` was done when ``meeting``'s minutes were the record: completed
    in that meeting, or before its day (an item done before dates were kept counts
    as done)."""
    if not item.done:
        return False
    if item.completed_meeting_id is not None and item.completed_meeting_id == meeting.id:
        return True
    return item.completed_on is None or item.completed_on < meeting.held_on


class ActionItemService(EntityService[ActionItem]):
    """Action items. Besides column filters, :meth:`open_items` lists what is
    still to do across all meetings and :meth:`carried_over` what a council's
    earlier meetings left open."""

    model = ActionItem
    kind = RecordKind.ACTION_ITEM
    text_columns = ("text",)
    kana_column = None
    filter_columns = ("meeting_id", "owner_coordinator_id", "owner_contact_id", "done")
    sort_keys = {"due": "due_date", "created": "created_at"}
    default_sort = "created"

    def clean(self, obj: ActionItem) -> None:
        obj.text = clean_text(obj.text, multiline=True)
        # Completion is dated, so old minutes reprint the state of their day;
        # the meeting is set by the caller when the item was completed in one.
        if obj.done and obj.completed_on is None:
            obj.completed_on = date.today()
        if not obj.done:
            obj.completed_on = None
            obj.completed_meeting_id = None

    def validate(self, session: Session, obj: ActionItem, errors: Errors) -> None:
        check_required(errors, "text", "内容", obj.text)
        check_length(errors, "text", "内容", obj.text, 4000)
        check_required(errors, "meeting_id", "会議", obj.meeting_id)
        require_live(
            session,
            errors,
            "meeting_id",
            Meeting,
            obj.meeting_id,
            invalid(QT_TRANSLATE_NOOP("validation", "会議が見つかりません")),
        )
        if obj.owner_coordinator_id is not None and obj.owner_contact_id is not None:
            errors.add(
                "owner",
                invalid(
                    QT_TRANSLATE_NOOP(
                        "validation", "担当者はコーディネーターか関係機関の担当者のどちらか一人です"
                    )
                ),
            )
        require_live(
            session,
            errors,
            "owner",
            Coordinator,
            obj.owner_coordinator_id,
            invalid(QT_TRANSLATE_NOOP("validation", "担当のコーディネーターが見つかりません")),
        )
        require_live(
            session,
            errors,
            "owner",
            Contact,
            obj.owner_contact_id,
            invalid(QT_TRANSLATE_NOOP("validation", "担当者が見つかりません")),
        )

    def decorate(
        self, session: Session, records: list[ActionItem]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        coordinators = names_by_id(session, Coordinator, (r.owner_coordinator_id for r in records))
        # Not a deleted contact, nor the contact of a deleted organisation (until undone).
        contacts = live_contact_names(session, (r.owner_contact_id for r in records))
        meetings = (
            {
                m.id: m
                for m in session.exec(
                    select(Meeting).where(col(Meeting.id).in_({r.meeting_id for r in records}))
                ).all()
            }
            if records
            else {}
        )
        today = date.today()
        result: dict[uuid.UUID, dict[str, Any]] = {}
        for r in records:
            meeting = meetings.get(r.meeting_id)
            owner = ""
            if r.owner_coordinator_id is not None:
                owner = coordinators.get(r.owner_coordinator_id, "")
            elif r.owner_contact_id is not None:
                owner = contacts.get(r.owner_contact_id, "")
            result[r.id] = {
                "owner_name": owner,
                "meeting_title": meeting.title if meeting else "",
                "meeting_date": meeting.held_on if meeting else None,
                "overdue": is_overdue(r, today),
            }
        return result

    @reads
    def open_items(
        self,
        *,
        owner_coordinator_id: uuid.UUID | None = None,
        owner_contact_id: uuid.UUID | None = None,
        overdue_only: bool = False,
        today: date | None = None,
        limit: int | None = None,
    ) -> Page[Row[ActionItem]]:
        """Open items of live meetings, earliest due first (no due date last)."""
        today = today or date.today()
        with self.db.reading() as session:
            stmt = (
                select(ActionItem)
                .join(Meeting, col(Meeting.id) == ActionItem.meeting_id)
                .where(live(ActionItem))
                .where(live(Meeting))
                .where(col(ActionItem.done).is_(False))
            )
            if owner_coordinator_id is not None:
                stmt = stmt.where(ActionItem.owner_coordinator_id == owner_coordinator_id)
            if owner_contact_id is not None:
                stmt = stmt.where(ActionItem.owner_contact_id == owner_contact_id)
            if overdue_only:
                stmt = stmt.where(col(ActionItem.due_date) < today)
            stmt = stmt.order_by(
                col(ActionItem.due_date).is_(None),
                col(ActionItem.due_date),
                col(ActionItem.created_at),
            )
            if limit is not None:
                stmt = stmt.limit(limit)
            records = list(session.exec(stmt).all())
            extras = self.decorate(session, records)
        rows = [
            Row(record=r, extra={**extras[r.id], "overdue": is_overdue(r, today)}) for r in records
        ]
        return Page(rows=rows, total=len(rows))

    @reads
    def for_meeting(self, meeting_id: uuid.UUID) -> Page[Row[ActionItem]]:
        """The items a meeting created, in the order they were entered."""
        return self.list_rows(ListQuery(filters={"meeting_id": meeting_id}, sort="created"))

    @reads
    def for_project(self, project_id: uuid.UUID) -> Page[Row[ActionItem]]:
        """The items of a project's live meetings in one query: meetings newest first
        (as the project's 会議 tab lists them), each meeting's items in entry order."""
        with self.db.reading() as session:
            stmt = (
                select(ActionItem)
                .join(Meeting, col(Meeting.id) == ActionItem.meeting_id)
                .where(Meeting.project_id == project_id)
                .where(live(ActionItem))
                .where(live(Meeting))
                .order_by(
                    col(Meeting.held_on).desc(),
                    col(Meeting.id),
                    col(ActionItem.created_at),
                    col(ActionItem.id),
                )
            )
            records = list(session.exec(stmt).all())
            extras = self.decorate(session, records)
        rows = [Row(record=r, extra=extras[r.id]) for r in records]
        return Page(rows=rows, total=len(rows))

    @reads
    def carried_over(self, meeting_id: uuid.UUID) -> Page[Row[ActionItem]]:
        """Open items from earlier meetings of the same council (or series)."""
        with self.db.reading() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or (meeting.council_id is None and meeting.series_id is None):
                return Page(rows=[], total=0)
            records = list(
                session.exec(
                    self._earlier_items(meeting).where(col(ActionItem.done).is_(False))
                ).all()
            )
            extras = self.decorate(session, records)
        return Page(rows=[Row(record=r, extra=extras[r.id]) for r in records], total=len(records))

    @reads
    def carried_over_as_of(self, meeting_id: uuid.UUID) -> list[tuple[Row[ActionItem], bool]]:
        """Items from earlier meetings that were still open on ``meeting_id``'s day,
        each with whether it was completed in that meeting (the minutes' view:
        reprinting old minutes shows that day's state, not today's)."""
        with self.db.reading() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or (meeting.council_id is None and meeting.series_id is None):
                return []
            candidates = list(session.exec(self._earlier_items(meeting)).all())
            records = [
                r
                for r in candidates
                if not r.done
                or r.completed_meeting_id == meeting.id
                or (r.completed_on is not None and r.completed_on >= meeting.held_on)
            ]
            extras = self.decorate(session, records)
        return [
            (Row(record=r, extra=extras[r.id]), r.completed_meeting_id == meeting.id)
            for r in records
        ]

    @staticmethod
    def _earlier_items(meeting: Meeting) -> Any:
        """Items of the live earlier meetings of ``meeting``'s council (or series)."""
        earlier = select(Meeting.id).where(live(Meeting)).where(Meeting.id != meeting.id)
        if meeting.council_id is not None:
            earlier = earlier.where(Meeting.council_id == meeting.council_id)
        else:
            earlier = earlier.where(Meeting.series_id == meeting.series_id)
        earlier = earlier.where(
            (col(Meeting.held_on) < meeting.held_on)
            | (
                (col(Meeting.held_on) == meeting.held_on)
                & (col(Meeting.created_at) < meeting.created_at)
            )
        )
        return (
            select(ActionItem)
            .where(col(ActionItem.meeting_id).in_(earlier))
            .where(live(ActionItem))
            .order_by(col(ActionItem.due_date).is_(None), col(ActionItem.due_date))
        )
