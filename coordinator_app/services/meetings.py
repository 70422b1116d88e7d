"""会議: meetings with attendance, minutes and action items."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain.models import (
    ActionItem,
    Contact,
    Coordinator,
    Council,
    Meeting,
    MeetingCoordinator,
    MeetingOrganisation,
    Organisation,
    Project,
)
from coordinator_app.domain.validation import (
    MAX_LONG_TEXT,
    Errors,
    check_count,
    check_length,
    check_required,
    check_time_order,
    clean_text,
)
from coordinator_app.services.base import (
    EntityService,
    live,
    live_link_targets,
    names_by_id,
    require_live,
    sync_links,
)


class MeetingService(EntityService[Meeting]):
    model = Meeting
    kind_label = "会議"
    text_columns = ("title", "venue")
    kana_column = None
    filter_columns = ("kind", "council_id", "project_id", "mode")
    sort_keys = {"date": "held_on", "title": "title", "kind": "kind", "venue": "venue"}
    default_sort = "date"

    def clean(self, obj: Meeting) -> None:
        obj.title = clean_text(obj.title)
        obj.venue = clean_text(obj.venue)
        for name in ("agenda", "minutes", "decisions"):
            setattr(obj, name, clean_text(getattr(obj, name), multiline=True))

    def validate(self, session: Session, obj: Meeting, errors: Errors) -> None:
        check_required(errors, "kind", "会議の種類", obj.kind)
        check_required(errors, "title", "会議名", obj.title)
        check_length(errors, "title", "会議名", obj.title, 300)
        check_required(errors, "held_on", "開催日", obj.held_on)
        check_time_order(errors, "end_time", obj.start_time, obj.end_time)
        check_length(errors, "venue", "会場", obj.venue, 300)
        check_count(errors, "capacity_on_site", "会場の定員", obj.capacity_on_site)
        check_count(errors, "capacity_online", "オンラインの定員", obj.capacity_online)
        check_count(errors, "participants_on_site", "会場の参加者数", obj.participants_on_site)
        check_count(errors, "participants_online", "オンラインの参加者数", obj.participants_online)
        for name, label in (("agenda", "議題"), ("minutes", "議事録"), ("decisions", "決定事項")):
            check_length(errors, name, label, getattr(obj, name), MAX_LONG_TEXT)
        require_live(
            session, errors, "council_id", Council, obj.council_id, "協議体が見つかりません"
        )
        require_live(
            session, errors, "project_id", Project, obj.project_id, "プロジェクトが見つかりません"
        )

    def save(
        self,
        obj: Meeting,
        *,
        coordinator_ids: Sequence[uuid.UUID] | None = None,
        organisation_ids: Sequence[uuid.UUID] | None = None,
    ) -> Meeting:
        """Save the meeting and (when given) its attendance, in one transaction."""
        with self.db.writing() as session:
            stored = self._save(session, obj)
            errors = Errors()
            for cid in coordinator_ids or ():
                require_live(
                    session,
                    errors,
                    "coordinators",
                    Coordinator,
                    cid,
                    "出席コーディネーターが見つかりません",
                )
            for oid in organisation_ids or ():
                require_live(
                    session, errors, "organisations", Organisation, oid, "出席機関が見つかりません"
                )
            errors.raise_if_any()
            if coordinator_ids is not None:
                sync_links(
                    session,
                    MeetingCoordinator,
                    owner_column="meeting_id",
                    owner_id=stored.id,
                    target_column="coordinator_id",
                    target_ids=coordinator_ids,
                )
            if organisation_ids is not None:
                sync_links(
                    session,
                    MeetingOrganisation,
                    owner_column="meeting_id",
                    owner_id=stored.id,
                    target_column="organisation_id",
                    target_ids=organisation_ids,
                )
        return stored

    def attendance(self, meeting_id: uuid.UUID) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
        """(coordinator ids, organisation ids) that attended."""
        with self.db.reading() as session:
            coordinators = live_link_targets(
                session,
                MeetingCoordinator,
                owner_column="meeting_id",
                owner_id=meeting_id,
                target_column="coordinator_id",
            )
            organisations = live_link_targets(
                session,
                MeetingOrganisation,
                owner_column="meeting_id",
                owner_id=meeting_id,
                target_column="organisation_id",
            )
        return coordinators, organisations

    def decorate(self, session: Session, records: list[Meeting]) -> dict[uuid.UUID, dict[str, Any]]:
        ids = [r.id for r in records]
        councils = names_by_id(session, Council, (r.council_id for r in records))
        projects = names_by_id(session, Project, (r.project_id for r in records), "title")
        counts: dict[uuid.UUID, int] = {}
        if ids:
            for link in (MeetingCoordinator, MeetingOrganisation):
                for mid, n in session.exec(
                    select(link.meeting_id, sa.func.count())
                    .where(col(link.meeting_id).in_(ids))
                    .where(live(link))
                    .group_by(link.meeting_id)
                ).all():
                    counts[mid] = counts.get(mid, 0) + n
        return {
            r.id: {
                "council_name": councils.get(r.council_id, ""),
                "project_title": projects.get(r.project_id, ""),
                "attendee_count": counts.get(r.id, 0),
            }
            for r in records
        }


class ActionItemService(EntityService[ActionItem]):
    model = ActionItem
    kind_label = "対応事項"
    text_columns = ("text",)
    kana_column = None
    filter_columns = ("meeting_id", "owner_coordinator_id", "owner_contact_id", "done")
    sort_keys = {"due": "due_date", "created": "created_at"}
    default_sort = "created"

    def clean(self, obj: ActionItem) -> None:
        obj.text = clean_text(obj.text, multiline=True)

    def validate(self, session: Session, obj: ActionItem, errors: Errors) -> None:
        check_required(errors, "text", "内容", obj.text)
        check_length(errors, "text", "内容", obj.text, 4000)
        require_live(session, errors, "meeting_id", Meeting, obj.meeting_id, "会議が見つかりません")
        if obj.owner_coordinator_id is not None and obj.owner_contact_id is not None:
            errors.add("owner", "担当者はコーディネーターか関係機関の担当者のどちらか一人です")
        require_live(
            session,
            errors,
            "owner",
            Coordinator,
            obj.owner_coordinator_id,
            "担当のコーディネーターが見つかりません",
        )
        require_live(
            session, errors, "owner", Contact, obj.owner_contact_id, "担当者が見つかりません"
        )

    def decorate(
        self, session: Session, records: list[ActionItem]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        coordinators = names_by_id(session, Coordinator, (r.owner_coordinator_id for r in records))
        contacts = names_by_id(session, Contact, (r.owner_contact_id for r in records))
        meetings = names_by_id(session, Meeting, (r.meeting_id for r in records), "title")
        return {
            r.id: {
                "owner_name": coordinators.get(r.owner_coordinator_id)  # type: ignore[arg-type]
                or contacts.get(r.owner_contact_id, ""),  # type: ignore[arg-type]
                "meeting_title": meetings.get(r.meeting_id, ""),
            }
            for r in records
        }
