"""生活支援コーディネーター and their assignments (posts over time)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from coordinator_app.domain.models import Area, Assignment, Coordinator, Organisation
from coordinator_app.domain.posts import is_current as is_current
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, invalid, joined
from coordinator_app.domain.tiers import check_tier, national_label, normalise_label, tier_display
from coordinator_app.domain.validation import (
    Errors,
    area_fits_tier,
    check_date_order,
    check_length,
    check_required,
    clean_text,
)
from coordinator_app.services.access import reads
from coordinator_app.services.base import (
    EntityService,
    clean_name_and_kana,
    live,
    names_by_id,
    require_live,
)
from coordinator_app.services.organisations import (
    check_person_fields,
    clean_contact_fields,
    live_organisation_names,
)
from coordinator_app.services.tiers import read_local_tiers

MAX_PHOTO_BYTES = 5 * 1024 * 1024


class CoordinatorService(EntityService[Coordinator]):
    model = Coordinator
    kind = RecordKind.COORDINATOR
    sort_keys = {"kana": "sort_kana", "name": "name", "phone": "phone"}
    list_columns = ("id", "name", "kana", "phone")

    def clean(self, obj: Coordinator) -> None:
        clean_name_and_kana(obj)
        clean_contact_fields(obj)
        obj.office_hours = clean_text(obj.office_hours)
        obj.message = clean_text(obj.message, multiline=True)
        obj.consult_topics = clean_text(obj.consult_topics, multiline=True)

    def validate(self, session: Session, obj: Coordinator, errors: Errors) -> None:
        check_person_fields(errors, obj, "氏名")
        check_length(errors, "office_hours", "相談受付時間", obj.office_hours, 300)
        check_length(errors, "message", "メッセージ", obj.message, 2000)
        check_length(errors, "consult_topics", "相談できること", obj.consult_topics, 4000)
        if obj.photo is not None and len(obj.photo) > MAX_PHOTO_BYTES:
            errors.add(
                "photo",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP("validation", "写真は5MB以下の画像にしてください"),
                ),
            )

    def decorate(
        self, session: Session, records: list[Coordinator]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        ids = [r.id for r in records]
        if not ids:
            return {}
        today = date.today()
        rows = session.exec(
            select(Assignment)
            .where(col(Assignment.coordinator_id).in_(ids))
            .where(live(Assignment))
            .where(Assignment.start_date <= today)
            .where((col(Assignment.end_date).is_(None)) | (col(Assignment.end_date) >= today))
            .order_by(col(Assignment.tier), col(Assignment.start_date))
        ).all()
        areas = names_by_id(session, Area, (a.area_id for a in rows))
        orgs = live_organisation_names(session, (a.organisation_id for a in rows))
        posts: dict[uuid.UUID, list[str]] = {}
        employers: dict[uuid.UUID, list[str]] = {}
        for a in rows:
            text = Message(
                "tiers",
                QT_TRANSLATE_NOOP("tiers", "{tier} {area}(兼務)")
                if a.concurrent
                else QT_TRANSLATE_NOOP("tiers", "{tier} {area}"),
                tier=tier_display(a.tier, a.tier_label),
                area=areas.get(a.area_id, ""),
            )
            posts.setdefault(a.coordinator_id, []).append(text)
            if a.organisation_id in orgs:
                employers.setdefault(a.coordinator_id, []).append(orgs[a.organisation_id])
        return {
            r.id: {
                "current_posts": joined(posts.get(r.id, [])),
                "employers": "、".join(dict.fromkeys(employers.get(r.id, []))),
            }
            for r in records
        }


class AssignmentService(EntityService[Assignment]):
    model = Assignment
    kind = RecordKind.ASSIGNMENT
    text_columns = ("tier_label",)
    kana_column = None
    filter_columns = ("coordinator_id", "area_id", "tier")
    sort_keys = {"start": "start_date", "tier": "tier"}
    default_sort = "start"

    def clean(self, obj: Assignment) -> None:
        obj.tier_label = normalise_label(clean_text(obj.tier_label))
        obj.notes = clean_text(obj.notes, multiline=True)

    def validate(self, session: Session, obj: Assignment, errors: Errors) -> None:
        check_required(errors, "coordinator_id", "コーディネーター", obj.coordinator_id)
        require_live(
            session,
            errors,
            "coordinator_id",
            Coordinator,
            obj.coordinator_id,
            invalid(QT_TRANSLATE_NOOP("validation", "コーディネーターが見つかりません")),
        )
        tier_problem = check_tier(obj.tier, obj.tier_label, read_local_tiers(session))
        if tier_problem:
            errors.add("tier", tier_problem)
        check_required(errors, "area_id", "担当地域", obj.area_id)
        area = require_live(
            session,
            errors,
            "area_id",
            Area,
            obj.area_id,
            invalid(QT_TRANSLATE_NOOP("validation", "担当地域が見つかりません")),
        )
        if area is not None and obj.tier in (1, 2, 3) and not area_fits_tier(obj.tier, area.kind):
            if obj.tier == 1:
                errors.add(
                    "area_id",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP(
                            "validation", "第1層の担当地域は市域(市町村全域)にしてください"
                        ),
                    ),
                )
            else:
                errors.add(
                    "area_id",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP(
                            "validation", "{tier}の担当地域は市域より小さい地域にしてください"
                        ),
                        tier=national_label(obj.tier),
                    ),
                )
        require_live(
            session,
            errors,
            "organisation_id",
            Organisation,
            obj.organisation_id,
            invalid(QT_TRANSLATE_NOOP("validation", "所属機関が見つかりません")),
        )
        check_required(errors, "start_date", "開始日", obj.start_date)
        check_date_order(errors, "end_date", obj.start_date, obj.end_date)

    @reads
    def history(self, coordinator_id: uuid.UUID) -> list[tuple[Assignment, str, str]]:
        """Every post of a coordinator, newest first, with area and employer names."""
        with self.db.reading() as session:
            rows = list(
                session.exec(
                    select(Assignment)
                    .where(Assignment.coordinator_id == coordinator_id)
                    .where(live(Assignment))
                    .order_by(col(Assignment.start_date).desc())
                ).all()
            )
            areas = names_by_id(session, Area, (a.area_id for a in rows))
            orgs = live_organisation_names(session, (a.organisation_id for a in rows))
        return [
            (
                a,
                areas.get(a.area_id, ""),
                orgs.get(a.organisation_id, "") if a.organisation_id else "",
            )
            for a in rows
        ]

    def decorate(
        self, session: Session, records: list[Assignment]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        areas = names_by_id(session, Area, (a.area_id for a in records))
        orgs = live_organisation_names(session, (a.organisation_id for a in records))
        people = names_by_id(session, Coordinator, (a.coordinator_id for a in records))
        return {
            a.id: {
                "area_name": areas.get(a.area_id, ""),
                "organisation_name": orgs.get(a.organisation_id, "") if a.organisation_id else "",
                "coordinator_name": people.get(a.coordinator_id, ""),
                "tier_text": tier_display(a.tier, a.tier_label),
            }
            for a in records
        }
