"""プロジェクト and their dated progress log (進捗状況)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from coordinator_app.domain.models import (
    Area,
    Contact,
    Coordinator,
    Organisation,
    ProgressEntry,
    Project,
    ProjectContact,
    ProjectCoordinator,
    ProjectOrganisation,
    UserProfile,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import (
    MAX_LONG_TEXT,
    Errors,
    check_date_order,
    check_length,
    check_required,
    clean_text,
)
from coordinator_app.services.access import reads, writes
from coordinator_app.services.base import (
    EntityService,
    LinkSpec,
    live,
    live_unindexed,
    names_by_id,
    now,
    read_links,
    require_live,
    save_links,
    sync_links,
)
from coordinator_app.services.organisations import live_contacts
from coordinator_app.services.profiles import require_editor

PARTNERS = LinkSpec(
    ProjectOrganisation,
    "project_id",
    "organisation_id",
    Organisation,
    "partners",
    invalid(QT_TRANSLATE_NOOP("validation", "連携機関が見つかりません")),
)

MEMBER_ROLES = ("リーダー", "サブリーダー", "メンバー", "アドバイザー", "事務局")
"""Roles the member editor offers; any other text (≤ 100 characters) is accepted."""

COORDINATOR_MEMBER = "coordinator"
CONTACT_MEMBER = "contact"
MEMBER_LINKS = {
    COORDINATOR_MEMBER: LinkSpec(
        ProjectCoordinator,
        "project_id",
        "coordinator_id",
        Coordinator,
        "members",
        invalid(
            QT_TRANSLATE_NOOP(
                "validation",
                "メンバーのコーディネーターが見つかりません(削除された可能性があります)",
            )
        ),
    ),
    CONTACT_MEMBER: LinkSpec(
        ProjectContact,
        "project_id",
        "contact_id",
        Contact,
        "members",
        invalid(
            QT_TRANSLATE_NOOP(
                "validation", "メンバーの担当者が見つかりません(削除された可能性があります)"
            )
        ),
    ),
}
"""A project's team: coordinators and contact people, each link with a role."""


@dataclass(frozen=True)
class ProjectMember:
    """A person on a project's team.

    Attributes:
        kind: :data:`COORDINATOR_MEMBER` or :data:`CONTACT_MEMBER`.
        person_id: the coordinator's or contact's id.
        name, organisation_name: filled when read (ignored when saving).
    """

    kind: str
    person_id: uuid.UUID
    role: str = "メンバー"
    name: str = ""
    organisation_name: str = ""


class ProjectService(EntityService[Project]):
    model = Project
    label_column = "title"
    kind = RecordKind.PROJECT
    text_columns = ("title", "goal")
    kana_column = None
    filter_columns = ("status", "program", "area_id", "lead_coordinator_id")
    sort_keys = {
        "title": "title",
        "status": "status",
        "progress": "progress",
        "start": "start_date",
    }
    default_sort = "title"
    list_columns = (
        "id",
        "title",
        "program",
        "status",
        "progress",
        "start_date",
        "area_id",
        "lead_coordinator_id",
    )

    def clean(self, obj: Project) -> None:
        obj.title = clean_text(obj.title)
        obj.goal = clean_text(obj.goal, multiline=True)
        obj.outcome = clean_text(obj.outcome, multiline=True)

    def validate(self, session: Session, obj: Project, errors: Errors) -> None:
        check_required(errors, "title", "プロジェクト名", obj.title)
        check_length(errors, "title", "プロジェクト名", obj.title, 300)
        check_required(errors, "program", "プログラム", obj.program)
        check_required(errors, "status", "状況", obj.status)
        if obj.progress is None or not 0 <= obj.progress <= 100:
            errors.add(
                "progress",
                invalid(QT_TRANSLATE_NOOP("validation", "進捗率は0から100の間で入力してください")),
            )
        check_date_order(errors, "end_date", obj.start_date, obj.end_date)
        check_length(errors, "goal", "目標", obj.goal, MAX_LONG_TEXT)
        check_length(errors, "outcome", "成果", obj.outcome, MAX_LONG_TEXT)
        require_live(
            session,
            errors,
            "area_id",
            Area,
            obj.area_id,
            invalid(QT_TRANSLATE_NOOP("validation", "地域が見つかりません")),
        )
        require_live(
            session,
            errors,
            "lead_coordinator_id",
            Coordinator,
            obj.lead_coordinator_id,
            invalid(QT_TRANSLATE_NOOP("validation", "担当コーディネーターが見つかりません")),
        )

    @writes
    def save(
        self,
        obj: Project,
        *,
        partner_ids: Sequence[uuid.UUID] | None = None,
        members: Sequence[ProjectMember] | None = None,
    ) -> Project:
        """Save the project and (when given) its partners and members, in one transaction."""
        with self.db.writing() as session:
            stored = self._save(session, obj)
            save_links(session, PARTNERS, stored.id, partner_ids)
            if members is not None:
                self._save_members(session, stored.id, members)
        return stored

    def _save_members(
        self, session: Session, project_id: uuid.UUID, members: Sequence[ProjectMember]
    ) -> None:
        """Make the team exactly ``members`` (removed ones are soft-deleted links).

        A member whose person (or whose organisation) was deleted is not shown,
        so it is not in ``members``; its link is kept as it is, and undoing
        that deletion brings the member back.
        """
        errors = Errors()
        roles: dict[tuple[str, uuid.UUID], str] = {}
        for member in members:
            spec = MEMBER_LINKS.get(member.kind)
            if spec is None:
                raise ValueError(f"unknown member kind {member.kind!r}")
            role = clean_text(member.role)
            if not role:
                errors.add(
                    "members",
                    invalid(QT_TRANSLATE_NOOP("validation", "メンバーの役割を入力してください")),
                )
            elif len(role) > 100:
                errors.add(
                    "members",
                    invalid(
                        QT_TRANSLATE_NOOP(
                            "validation", "メンバーの役割は100文字以内で入力してください"
                        )
                    ),
                )
            require_live(
                session,
                errors,
                "members",
                spec.target_model,
                member.person_id,
                spec.missing_message,
            )
            roles[(member.kind, member.person_id)] = role
        if errors:
            errors.raise_if_any()
        for kind, spec in MEMBER_LINKS.items():
            model: Any = spec.link_model
            target = getattr(model, spec.target_column)
            linked = set(
                session.exec(
                    select(target).where(model.project_id == project_id).where(live(model))
                ).all()
            )
            shown = (
                select(Coordinator.id).where(live(Coordinator))
                if kind == COORDINATOR_MEMBER
                else live_contacts()
            )
            hidden = linked - set(
                session.exec(
                    select(target).where(target.in_(shown)).where(model.project_id == project_id)
                ).all()
            )
            wanted = [person for (k, person) in roles if k == kind]
            sync_links(
                session,
                model,
                owner_column=spec.owner_column,
                owner_id=project_id,
                target_column=spec.target_column,
                target_ids=[*wanted, *sorted(hidden)],
            )
            for link in session.exec(
                select(model).where(model.project_id == project_id).where(live(model))
            ).all():
                chosen = roles.get((kind, getattr(link, spec.target_column)))
                if chosen is not None and link.role != chosen:
                    link.role = chosen
                    link.updated_at = now()
        session.flush()

    @reads
    def members(self, project_id: uuid.UUID) -> list[ProjectMember]:
        """The team, in the order people joined; deleted people (or people of a
        deleted organisation) are left out."""
        with self.db.reading() as session:
            coordinators = session.exec(
                select(ProjectCoordinator, Coordinator.name)
                .join(Coordinator, col(Coordinator.id) == ProjectCoordinator.coordinator_id)
                .where(ProjectCoordinator.project_id == project_id)
                .where(live(ProjectCoordinator))
                .where(live(Coordinator))
            ).all()
            contacts = session.exec(
                select(ProjectContact, Contact.name, Organisation.name)
                .join(Contact, col(Contact.id) == ProjectContact.contact_id)
                .join(Organisation, col(Organisation.id) == Contact.organisation_id)
                .where(ProjectContact.project_id == project_id)
                .where(live(ProjectContact))
                .where(live(Contact))
                .where(live(Organisation))
            ).all()
        rows: list[tuple[Any, ProjectMember]] = [
            (
                link.created_at,
                ProjectMember(COORDINATOR_MEMBER, link.coordinator_id, link.role, name),
            )
            for link, name in coordinators
        ] + [
            (
                link.created_at,
                ProjectMember(CONTACT_MEMBER, link.contact_id, link.role, name, org),
            )
            for link, name, org in contacts
        ]
        rows.sort(key=lambda pair: pair[0])
        return [member for _, member in rows]

    @reads
    def partner_ids(self, project_id: uuid.UUID) -> list[uuid.UUID]:
        return read_links(self.db, PARTNERS, project_id)

    def decorate(self, session: Session, records: list[Project]) -> dict[uuid.UUID, dict[str, Any]]:
        ids = [r.id for r in records]
        areas = names_by_id(session, Area, (r.area_id for r in records))
        leads = names_by_id(session, Coordinator, (r.lead_coordinator_id for r in records))
        # Each project's newest live entry: one step back along the (project_id,
        # entry_date) index per project, not every entry of the page's projects.
        newest = (
            select(col(ProgressEntry.entry_date))
            .where(ProgressEntry.project_id == Project.id)
            .where(live_unindexed(ProgressEntry))
            .order_by(col(ProgressEntry.entry_date).desc())
            .limit(1)
            .scalar_subquery()
        )
        last = (
            dict(session.exec(select(Project.id, newest).where(col(Project.id).in_(ids))).all())
            if ids
            else {}
        )
        return {
            r.id: {
                "area_name": areas.get(r.area_id, ""),
                "lead_name": leads.get(r.lead_coordinator_id, ""),
                "last_entry_date": last.get(r.id),
            }
            for r in records
        }


class ProgressEntryService(EntityService[ProgressEntry]):
    model = ProgressEntry
    kind = RecordKind.PROGRESS_ENTRY
    text_columns = ("text",)
    kana_column = None
    filter_columns = ("project_id",)
    sort_keys = {"date": "entry_date"}
    default_sort = "date"

    def clean(self, obj: ProgressEntry) -> None:
        obj.text = clean_text(obj.text, multiline=True)
        obj.author = clean_text(obj.author)

    def validate(self, session: Session, obj: ProgressEntry, errors: Errors) -> None:
        check_required(errors, "project_id", "プロジェクト", obj.project_id)
        require_live(
            session,
            errors,
            "project_id",
            Project,
            obj.project_id,
            invalid(QT_TRANSLATE_NOOP("validation", "プロジェクトが見つかりません")),
        )
        check_required(errors, "entry_date", "日付", obj.entry_date)
        check_required(errors, "text", "内容", obj.text)
        check_length(errors, "text", "内容", obj.text, MAX_LONG_TEXT)
        check_length(errors, "author", "記入者", obj.author, 200)
        require_live(
            session,
            errors,
            "author_profile_id",
            UserProfile,
            obj.author_profile_id,
            invalid(QT_TRANSLATE_NOOP("validation", "記入者の利用者情報が見つかりません")),
        )

    @writes
    def save_by(self, obj: ProgressEntry, profile: UserProfile | None) -> ProgressEntry:
        """Save an entry as ``profile``: a new entry records its author.

        Raises:
            ValidationError: the profile is a supervisor's (read-only), or a field
                is invalid.
        """
        require_editor(profile)
        with self.db.writing() as session:
            existing = session.get(ProgressEntry, obj.id)
            if existing is None and profile is not None:
                obj.author = profile.name
                obj.author_profile_id = profile.id
            elif existing is not None:
                obj.author = existing.author
                obj.author_profile_id = existing.author_profile_id
            return self._save(session, obj)

    @writes
    def delete_by(self, entry_id: uuid.UUID, profile: UserProfile | None) -> ProgressEntry:
        require_editor(profile)
        return self.soft_delete(entry_id)

    @reads
    def log(self, project_id: uuid.UUID) -> list[ProgressEntry]:
        """The project's progress entries, newest first."""
        with self.db.reading() as session:
            return list(
                session.exec(
                    select(ProgressEntry)
                    .where(ProgressEntry.project_id == project_id)
                    .where(live(ProgressEntry))
                    .order_by(
                        col(ProgressEntry.entry_date).desc(), col(ProgressEntry.created_at).desc()
                    )
                ).all()
            )
