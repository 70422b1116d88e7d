"""関係機関 and their contact people."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import (
    Area,
    Contact,
    Council,
    CouncilMembership,
    Meeting,
    MeetingOrganisation,
    Organisation,
    OrganisationArea,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import (
    Errors,
    check_email,
    check_kana,
    check_length,
    check_phone,
    check_required,
    clean_text,
    normalise_phone,
)
from coordinator_app.services.access import reads, writes
from coordinator_app.services.base import (
    EntityService,
    LinkSpec,
    ListQuery,
    clean_name_and_kana,
    live,
    names_by_id,
    read_links,
    require_live,
    save_links,
)


def clean_contact_fields(obj: Any) -> None:
    obj.phone = normalise_phone(clean_text(obj.phone))
    obj.email = clean_text(obj.email)
    obj.notes = clean_text(obj.notes, multiline=True)


def check_person_fields(errors: Errors, obj: Any, name_label: str) -> None:
    check_required(errors, "name", name_label, obj.name)
    check_length(errors, "name", name_label, obj.name, 200)
    check_length(errors, "kana", "ふりがな", obj.kana, 200)
    check_kana(errors, "kana", obj.kana)
    check_phone(errors, "phone", obj.phone)
    check_length(errors, "phone", "電話番号", obj.phone, 40)
    check_email(errors, "email", obj.email)
    check_length(errors, "email", "メールアドレス", obj.email, 254)


def live_contacts() -> Any:
    """Ids of contacts that are live and whose organisation is live too."""
    return (
        select(Contact.id)
        .join(Organisation, col(Organisation.id) == Contact.organisation_id)
        .where(live(Contact))
        .where(live(Organisation))
    )


def live_organisation_names(
    session: Session, ids: Iterable[uuid.UUID | None]
) -> dict[uuid.UUID, str]:
    """Names of the live organisations among ``ids`` (a deleted one shows nowhere)."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.exec(
        select(Organisation.id, Organisation.name)
        .where(col(Organisation.id).in_(wanted))
        .where(live(Organisation))
    ).all()
    return {row[0]: row[1] for row in rows}


def live_contact_names(session: Session, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    """Names of the contacts among ``ids`` that are live, at a live organisation.

    A deleted organisation takes its people out of sight (as an action item's
    owner, a council member …) until the deletion is undone.
    """
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.exec(
        select(Contact.id, Contact.name)
        .where(col(Contact.id).in_(wanted))
        .where(col(Contact.id).in_(live_contacts()))
    ).all()
    return {row[0]: row[1] for row in rows}


@dataclass(frozen=True)
class Participation:
    """The councils an organisation sits on and the meetings it attended."""

    councils: list[tuple[Council, str]]
    meetings: list[Meeting]


SERVED_AREAS = LinkSpec(
    OrganisationArea,
    "organisation_id",
    "area_id",
    Area,
    "areas",
    invalid(QT_TRANSLATE_NOOP("validation", "担当地域が見つかりません")),
)


class OrganisationService(EntityService[Organisation]):
    model = Organisation
    kind = RecordKind.ORGANISATION
    filter_columns = ("kind",)
    sort_keys = {"kana": "sort_kana", "name": "name", "kind": "kind,sort_kana", "phone": "phone"}
    list_columns = ("id", "name", "kind", "operation", "phone")

    def clean(self, obj: Organisation) -> None:
        clean_name_and_kana(obj)
        clean_contact_fields(obj)
        obj.address = clean_text(obj.address)
        obj.website = clean_text(obj.website)
        if obj.kind != OrgKind.SUPPORT_CENTER:
            obj.operation = None

    def validate(self, session: Session, obj: Organisation, errors: Errors) -> None:
        check_person_fields(errors, obj, "名称")
        check_required(errors, "kind", "種別", obj.kind)
        check_length(errors, "address", "住所", obj.address, 300)
        check_length(errors, "website", "ウェブサイト", obj.website, 500)

    @writes
    def save(
        self, obj: Organisation, *, area_ids: Sequence[uuid.UUID] | None = None
    ) -> Organisation:
        """Save the organisation and (when given) the areas it serves, in one transaction."""
        with self.db.writing() as session:
            stored = self._save(session, obj)
            save_links(session, SERVED_AREAS, stored.id, area_ids)
        return stored

    @reads
    def area_ids(self, organisation_id: uuid.UUID) -> list[uuid.UUID]:
        return read_links(self.db, SERVED_AREAS, organisation_id)

    def decorate(
        self, session: Session, records: list[Organisation]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        ids = [r.id for r in records]
        if not ids:
            return {}
        links = session.exec(
            select(OrganisationArea.organisation_id, Area.name)
            .join(Area, col(Area.id) == OrganisationArea.area_id)
            .where(col(OrganisationArea.organisation_id).in_(ids))
            .where(live(OrganisationArea))
            .order_by(Area.sort_kana)
        ).all()
        areas: dict[uuid.UUID, list[str]] = {}
        for org_id, name in links:
            areas.setdefault(org_id, []).append(name)
        return {r.id: {"area_names": "、".join(areas.get(r.id, []))} for r in records}

    @reads
    def participation(self, organisation_id: uuid.UUID) -> Participation:
        with self.db.reading() as session:
            contact_ids = select(Contact.id).where(Contact.organisation_id == organisation_id)
            memberships = session.exec(
                select(Council, CouncilMembership.role)
                .join(CouncilMembership, col(CouncilMembership.council_id) == Council.id)
                .where(
                    sa.or_(
                        col(CouncilMembership.organisation_id) == organisation_id,
                        col(CouncilMembership.contact_id).in_(contact_ids),
                    )
                )
                .where(live(CouncilMembership))
                .where(live(Council))
                .order_by(Council.sort_kana)
            ).all()
            meetings = session.exec(
                select(Meeting)
                .join(MeetingOrganisation, col(MeetingOrganisation.meeting_id) == Meeting.id)
                .where(MeetingOrganisation.organisation_id == organisation_id)
                .where(live(MeetingOrganisation))
                .where(live(Meeting))
                .order_by(col(Meeting.held_on).desc())
            ).all()
            seen: set[uuid.UUID] = set()
            councils: list[tuple[Council, str]] = []
            for council, role in memberships:
                if council.id not in seen:
                    seen.add(council.id)
                    councils.append((council, role))
            return Participation(councils=councils, meetings=list(meetings))


class ContactService(EntityService[Contact]):
    model = Contact
    kind = RecordKind.CONTACT
    filter_columns = ("organisation_id",)
    sort_keys = {"kana": "sort_kana", "name": "name", "role": "role"}

    def clean(self, obj: Contact) -> None:
        clean_name_and_kana(obj)
        clean_contact_fields(obj)
        obj.role = clean_text(obj.role)

    def validate(self, session: Session, obj: Contact, errors: Errors) -> None:
        check_person_fields(errors, obj, "氏名")
        check_length(errors, "role", "役職", obj.role, 200)
        check_required(errors, "organisation_id", "所属機関", obj.organisation_id)
        require_live(
            session,
            errors,
            "organisation_id",
            Organisation,
            obj.organisation_id,
            invalid(QT_TRANSLATE_NOOP("validation", "所属機関が見つかりません")),
        )

    def _filtered(self, stmt: Any, query: ListQuery) -> Any:
        stmt = super()._filtered(stmt, query)
        if query.include_deleted:
            return stmt
        # The people of a deleted organisation are out of sight until it is restored.
        live_orgs = select(Organisation.id).where(live(Organisation))
        return stmt.where(col(Contact.organisation_id).in_(live_orgs))

    def decorate(self, session: Session, records: list[Contact]) -> dict[uuid.UUID, dict[str, Any]]:
        orgs = names_by_id(session, Organisation, (r.organisation_id for r in records))
        return {r.id: {"organisation_name": orgs.get(r.organisation_id, "")} for r in records}
