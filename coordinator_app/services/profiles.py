"""User profiles: who is using the app (a coordinator or a supervisor)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import Coordinator, UserProfile
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import (
    Errors,
    check_kana,
    check_length,
    check_required,
    clean_text,
)
from coordinator_app.services.access import (
    SUPERVISOR_READ_ONLY,
    AccessDenied,
    Account,
    profile_writes,
    reads,
)
from coordinator_app.services.base import (
    EntityService,
    clean_name_and_kana,
    names_by_id,
    now,
    require_live,
)

READ_ONLY_MESSAGE = SUPERVISOR_READ_ONLY


def require_editor(profile: UserProfile | None) -> None:
    """Refuse edits by a supervisor profile (reviews and comments only), with the
    same message as the services' guard."""
    if profile is not None and profile.role == ProfileRole.SUPERVISOR:
        raise AccessDenied(READ_ONLY_MESSAGE)


class ProfileService(EntityService[UserProfile]):
    model = UserProfile
    kind = RecordKind.PROFILE
    filter_columns = ("role", "coordinator_id")

    # A supervisor registers profiles and changes their own (``profile_writes``);
    # the bodies are the base class's, past its coordinators-only guard.
    @profile_writes
    def save(self, obj: UserProfile) -> UserProfile:
        return EntityService.save.__wrapped__(self, obj)  # type: ignore[attr-defined, no-any-return]

    @profile_writes
    def soft_delete(self, record_id: uuid.UUID) -> UserProfile:
        return EntityService.soft_delete.__wrapped__(self, record_id)  # type: ignore[attr-defined, no-any-return]

    @profile_writes
    def restore(self, record_id: uuid.UUID) -> UserProfile:
        return EntityService.restore.__wrapped__(self, record_id)  # type: ignore[attr-defined, no-any-return]

    @profile_writes
    def link_coordinator(
        self, profile_id: uuid.UUID, coordinator_id: uuid.UUID | None
    ) -> UserProfile:
        """Let the profile stand for a coordinator record (None: for none); one transaction.

        Raises:
            ValidationError: the coordinator does not exist (or was deleted), or the
                profile is a supervisor's (only a coordinator's profile is linked).
            NotFoundError: the profile does not exist.
        """
        with self.db.writing() as session:
            profile = self._get(session, profile_id)
            profile.coordinator_id = coordinator_id
            return self._save(session, profile)

    @profile_writes
    def adopt_account(self, profile_id: uuid.UUID, account: Account) -> UserProfile:
        """Make the profile of the server account this desk logged in as present here, with
        the account's role (one transaction); returns it.

        The server made that profile with the account and sends it by pull; a desk
        that logs in before the pull has brought it gets it now, named after the
        account. An existing profile keeps its name and gets the account's role (a
        supervisor's profile is linked to no coordinator). Profiles never leave the
        desk (``storage.capture.DESK_TABLES``): the pulled row replaces these values.

        Args:
            profile_id: ``account.profile_id`` (the guard's target).
            account: what the server's login answered.
        """
        with self.db.writing() as session:
            profile = session.get(UserProfile, profile_id)
            if profile is None:
                profile = UserProfile(id=profile_id, name=account.name, role=account.role)
                clean_name_and_kana(profile)
                session.add(profile)
            else:
                profile.deleted_at = None
                if profile.role != account.role:
                    profile.role = account.role
                    profile.updated_at = now()
                if account.role != ProfileRole.COORDINATOR:
                    profile.coordinator_id = None
            session.flush()
            return profile

    @reads
    def exists(self, profile_id: uuid.UUID) -> bool:
        """True when a profile (even a deleted one) has this id."""
        with self.db.reading() as session:
            return session.get(UserProfile, profile_id) is not None

    def clean(self, obj: UserProfile) -> None:
        clean_name_and_kana(obj)
        obj.title = clean_text(obj.title)

    def validate(self, session: Session, obj: UserProfile, errors: Errors) -> None:
        check_required(errors, "name", "氏名", obj.name)
        check_length(errors, "name", "氏名", obj.name, 200)
        check_kana(errors, "kana", obj.kana)
        check_length(errors, "title", "役職", obj.title, 100)
        check_required(errors, "role", "役割", obj.role)
        if obj.coordinator_id is not None and obj.role == ProfileRole.SUPERVISOR:
            errors.add(
                "coordinator_id",
                invalid(
                    QT_TRANSLATE_NOOP(
                        "validation",
                        "上司(確認者)のプロファイルはコーディネーターに紐づけられません",
                    )
                ),
            )
        require_live(
            session,
            errors,
            "coordinator_id",
            Coordinator,
            obj.coordinator_id,
            invalid(QT_TRANSLATE_NOOP("validation", "コーディネーターが見つかりません")),
        )

    def decorate(
        self, session: Session, records: list[UserProfile]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        people = names_by_id(session, Coordinator, (r.coordinator_id for r in records))
        return {r.id: {"coordinator_name": people.get(r.coordinator_id, "")} for r in records}
