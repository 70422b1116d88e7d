"""協議体 and their members."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain.enums import CouncilStatus
from coordinator_app.domain.models import (
    Area,
    Contact,
    Council,
    CouncilMembership,
    Meeting,
    Organisation,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.tiers import check_tier, normalise_label, tier_display
from coordinator_app.domain.validation import (
    Errors,
    area_fits_tier,
    check_date_order,
    check_kana,
    check_length,
    check_required,
    clean_text,
)
from coordinator_app.services.access import reads
from coordinator_app.services.base import (
    EntityService,
    ListQuery,
    clean_name_and_kana,
    live,
    names_by_id,
    require_live,
)
from coordinator_app.services.tiers import read_local_tiers


def member_is_live() -> Any:
    """The membership's organisation, or its contact and the contact's organisation, are live.

    A deleted organisation (or contact) drops out of every council list until
    its deletion is undone; the membership itself is kept untouched for that.
    """
    live_orgs = select(Organisation.id).where(live(Organisation))
    live_contacts = (
        select(Contact.id).where(live(Contact)).where(col(Contact.organisation_id).in_(live_orgs))
    )
    return sa.or_(
        col(CouncilMembership.organisation_id).in_(live_orgs),
        col(CouncilMembership.contact_id).in_(live_contacts),
    )


class CouncilService(EntityService[Council]):
    model = Council
    kind = RecordKind.COUNCIL
    filter_columns = ("tier", "status", "area_id")
    sort_keys = {"kana": "sort_kana", "name": "name", "tier": "tier", "status": "status"}

    def clean(self, obj: Council) -> None:
        clean_name_and_kana(obj)
        obj.tier_label = normalise_label(clean_text(obj.tier_label))
        obj.purpose = clean_text(obj.purpose, multiline=True)
        obj.usual_venue = clean_text(obj.usual_venue)
        obj.notes = clean_text(obj.notes, multiline=True)

    def validate(self, session: Session, obj: Council, errors: Errors) -> None:
        check_required(errors, "name", "協議体名", obj.name)
        check_length(errors, "name", "協議体名", obj.name, 200)
        check_kana(errors, "kana", obj.kana)
        check_length(errors, "kana", "ふりがな", obj.kana, 200)
        check_length(errors, "usual_venue", "主な会場", obj.usual_venue, 300)
        tier_problem = check_tier(obj.tier, obj.tier_label, read_local_tiers(session))
        if tier_problem:
            errors.add("tier", tier_problem)
        check_required(errors, "status", "状況", obj.status)
        area = require_live(
            session,
            errors,
            "area_id",
            Area,
            obj.area_id,
            invalid(QT_TRANSLATE_NOOP("validation", "地域が見つかりません")),
        )
        if area is not None and obj.tier in (1, 2, 3) and not area_fits_tier(obj.tier, area.kind):
            errors.add(
                "area_id",
                invalid(QT_TRANSLATE_NOOP("validation", "第1層協議体の地域は市域にしてください"))
                if obj.tier == 1
                else invalid(
                    QT_TRANSLATE_NOOP(
                        "validation", "第{tier}層協議体の地域は市域より小さい地域にしてください"
                    ),
                    tier=obj.tier,
                ),
            )
        if obj.status == CouncilStatus.ESTABLISHED and obj.established_on is None:
            errors.add(
                "established_on",
                invalid(
                    QT_TRANSLATE_NOOP("validation", "設置済の協議体には設置日を入力してください")
                ),
            )

    def decorate(self, session: Session, records: list[Council]) -> dict[uuid.UUID, dict[str, Any]]:
        ids = [r.id for r in records]
        areas = names_by_id(session, Area, (r.area_id for r in records))
        counts = (
            dict(
                session.exec(
                    select(CouncilMembership.council_id, sa.func.count())
                    .where(col(CouncilMembership.council_id).in_(ids))
                    .where(live(CouncilMembership))
                    .where(member_is_live())
                    .where(col(CouncilMembership.end_date).is_(None))
                    .group_by(col(CouncilMembership.council_id))
                ).all()
            )
            if ids
            else {}
        )
        return {
            r.id: {
                "area_name": areas.get(r.area_id, ""),
                "member_count": counts.get(r.id, 0),
                "tier_text": tier_display(r.tier, r.tier_label),
            }
            for r in records
        }

    @reads
    def meetings(self, council_id: uuid.UUID) -> list[Meeting]:
        """The council's meeting history, newest first."""
        with self.db.reading() as session:
            return list(
                session.exec(
                    select(Meeting)
                    .where(Meeting.council_id == council_id)
                    .where(live(Meeting))
                    .order_by(col(Meeting.held_on).desc())
                ).all()
            )


class CouncilMembershipService(EntityService[CouncilMembership]):
    model = CouncilMembership
    kind = RecordKind.COUNCIL_MEMBERSHIP
    text_columns = ("role",)
    kana_column = None
    filter_columns = ("council_id", "organisation_id", "contact_id")
    sort_keys = {"created": "created_at", "role": "role", "start": "start_date"}
    default_sort = "created"

    def _filtered(self, stmt: Any, query: ListQuery) -> Any:
        stmt = super()._filtered(stmt, query)
        return stmt if query.include_deleted else stmt.where(member_is_live())

    def clean(self, obj: CouncilMembership) -> None:
        obj.role = clean_text(obj.role)

    def validate(self, session: Session, obj: CouncilMembership, errors: Errors) -> None:
        check_required(errors, "council_id", "協議体", obj.council_id)
        require_live(
            session,
            errors,
            "council_id",
            Council,
            obj.council_id,
            invalid(QT_TRANSLATE_NOOP("validation", "協議体が見つかりません")),
        )
        if (obj.organisation_id is None) == (obj.contact_id is None):
            errors.add(
                "member",
                invalid(
                    QT_TRANSLATE_NOOP(
                        "validation", "委員は関係機関か担当者のどちらか一方を選んでください"
                    )
                ),
            )
        require_live(
            session,
            errors,
            "member",
            Organisation,
            obj.organisation_id,
            invalid(QT_TRANSLATE_NOOP("validation", "関係機関が見つかりません")),
        )
        require_live(
            session,
            errors,
            "member",
            Contact,
            obj.contact_id,
            invalid(QT_TRANSLATE_NOOP("validation", "担当者が見つかりません")),
        )
        check_required(errors, "role", "役割", obj.role)
        check_length(errors, "role", "役割", obj.role, 100)
        check_date_order(errors, "end_date", obj.start_date, obj.end_date)

    def decorate(
        self, session: Session, records: list[CouncilMembership]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        orgs = names_by_id(session, Organisation, (r.organisation_id for r in records))
        contacts = names_by_id(session, Contact, (r.contact_id for r in records))
        contact_orgs: dict[uuid.UUID | None, str] = (
            dict(
                session.exec(
                    select(Contact.id, Organisation.name)
                    .join(Organisation, col(Organisation.id) == Contact.organisation_id)
                    .where(col(Contact.id).in_(list(contacts)))
                ).all()
            )
            if contacts
            else {}
        )
        result: dict[uuid.UUID, dict[str, Any]] = {}
        for r in records:
            if r.organisation_id is not None:
                member = orgs.get(r.organisation_id, "")
            else:
                member = contacts.get(r.contact_id, "")
                if contact_orgs.get(r.contact_id):
                    member += f"({contact_orgs[r.contact_id]})"
            result[r.id] = {"member_name": member}
        return result
