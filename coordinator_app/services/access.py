"""Who may write what: the current actor, and the guard every service method carries.

One :class:`Actor` per open database is shared by every service
(``Services.create`` binds it); the window tells it how to find the profile in
use (``ui/profiles/current.py``), so a change of profile is seen at once by
every service. Without a profile (first start, command-line tools, tests
that build a service alone) nothing is restricted, as before profiles existed.

Every public method of a service is classified with one decorator:

- :func:`reads` — changes nothing;
- :func:`writes` — operational and master data (meetings, projects,
  organisations, settings…): refused for a supervisor's profile, who reads
  and reviews only;
- :func:`reviews` — 確認: only a supervisor, and only as themselves;
- :func:`profile_writes` — user profiles: anyone may register a new one; a
  supervisor may change or remove only their own.

The guard runs before the method body, so a refused call opens no
transaction and changes nothing. ``tests/services/test_access.py`` walks every
public method of every service in :class:`~coordinator_app.services.registry.Services`:
a method without a decorator fails it until it is classified.
"""

from __future__ import annotations

import functools
import inspect
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar, cast

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.validation import ValidationError

if TYPE_CHECKING:
    from coordinator_app.domain.models import UserProfile

F = TypeVar("F", bound=Callable[..., Any])

ACCESS_ATTR = "__access__"

SUPERVISOR_READ_ONLY = (
    "上司(確認者)のプロファイルでは閲覧と確認だけができます。"
    "記録・編集・削除はコーディネーターのプロファイルで行ってください"
)
REVIEW_BY_SUPERVISOR = "確認は上司(確認者)のプロファイルで行ってください"
REVIEW_AS_ONESELF = "ほかの利用者の名前で確認することはできません"
OTHER_PROFILE = "上司(確認者)のプロファイルで変更できるのは自分の利用者情報だけです"

HOOKS = frozenset({"clean", "validate", "before_delete", "after_restore", "decorate"})
"""Hooks of :class:`~coordinator_app.services.base.EntityService`: they run inside
another method's session (already guarded) and are never called by the UI."""


class Access(StrEnum):
    READ = "read"
    WRITE = "write"
    REVIEW = "review"
    PROFILE = "profile"


class AccessDenied(ValidationError):
    """The current profile may not do this; the message says why, in Japanese.

    A :class:`ValidationError` (on the field ``access``), so every form that
    shows save errors shows this one too and keeps what was typed.
    """

    def __init__(self, message: str) -> None:
        super().__init__({"access": message})


ProfileResolver = Callable[[], "UserProfile | None"]


@dataclass(frozen=True)
class Account:
    """The server account this desk is logged in as (what the server's login answered).

    While a desk is logged in, its user is this account and nobody else: the
    window resolves the profile in use to ``profile_id`` (``ui/profiles/current.py``).
    """

    name: str
    role: ProfileRole
    profile_id: uuid.UUID


class Actor:
    """The person using the services: resolved on each call, never cached.

    Args:
        resolve: returns the profile in use (None: no profile chosen).
    """

    def __init__(self, resolve: ProfileResolver | None = None) -> None:
        self._resolve: ProfileResolver = resolve or _nobody
        self.account: Account | None = None
        """The server account the desk is logged in as; None while it works alone."""

    def follow(self, resolve: ProfileResolver) -> None:
        """Ask ``resolve`` for the profile from now on (the window does this once)."""
        self._resolve = resolve

    @property
    def profile(self) -> UserProfile | None:
        return self._resolve()

    @property
    def may_write(self) -> bool:
        """False for a supervisor's profile (reading and reviewing only); while logged
        in and before the account's profile is on this desk, the account's role."""
        profile = self.profile
        if profile is None and self.account is not None:
            return self.account.role != ProfileRole.SUPERVISOR
        return profile is None or profile.role != ProfileRole.SUPERVISOR

    def require_write(self) -> None:
        if not self.may_write:
            raise AccessDenied(SUPERVISOR_READ_ONLY)

    def require_review(self, reviewer: Any) -> None:
        profile = self.profile
        if profile is None:
            return
        if profile.role != ProfileRole.SUPERVISOR:
            raise AccessDenied(REVIEW_BY_SUPERVISOR)
        if getattr(reviewer, "id", None) != profile.id:
            raise AccessDenied(REVIEW_AS_ONESELF)

    def require_profile_change(self, profile_id: Any, *, exists: bool) -> None:
        """A supervisor may register a new profile or change their own, nothing else."""
        if self.may_write or not exists:
            return
        current = self.profile
        if current is None or profile_id != current.id:
            raise AccessDenied(OTHER_PROFILE)


def _nobody() -> UserProfile | None:
    return None


class _FixedActor(Actor):
    """The actor of a service used alone: no profile, and it cannot be redirected."""

    def follow(self, resolve: ProfileResolver) -> None:
        raise TypeError("bind a shared Actor to the service first (Services.create does)")


UNBOUND = _FixedActor()


class Guarded:
    """Base of every service: holds the shared :class:`Actor`."""

    actor: Actor = UNBOUND

    def bind_actor(self, actor: Actor) -> None:
        """Use ``actor`` (shared by all services of one database) for every guard."""
        self.actor = actor


def access_of(method: object) -> Access | None:
    """How ``method`` was classified (None: not yet)."""
    return getattr(method, ACCESS_ATTR, None)


def _mark(method: F, access: Access) -> F:
    setattr(method, ACCESS_ATTR, access)
    return method


def reads(method: F) -> F:
    """Mark ``method`` as changing nothing."""
    return _mark(method, Access.READ)


def writes(method: F) -> F:
    """Refuse ``method`` (before it opens a transaction) for a supervisor's profile."""

    @functools.wraps(method)
    def guarded(self: Guarded, *args: Any, **kwargs: Any) -> Any:
        self.actor.require_write()
        return method(self, *args, **kwargs)

    return _mark(cast(F, guarded), Access.WRITE)


def reviews(method: F) -> F:
    """Allow ``method`` (whose ``reviewer`` argument is a profile) only to a supervisor
    reviewing as themselves."""
    signature = inspect.signature(method)

    @functools.wraps(method)
    def guarded(self: Guarded, *args: Any, **kwargs: Any) -> Any:
        bound = signature.bind_partial(self, *args, **kwargs)
        self.actor.require_review(bound.arguments.get("reviewer"))
        return method(self, *args, **kwargs)

    return _mark(cast(F, guarded), Access.REVIEW)


def profile_writes(method: F) -> F:
    """Allow a supervisor to register a profile or change their own (first argument:
    the profile or its id)."""

    @functools.wraps(method)
    def guarded(self: Any, target: Any, *args: Any, **kwargs: Any) -> Any:
        if not self.actor.may_write:
            profile_id = target if isinstance(target, uuid.UUID) else getattr(target, "id", None)
            exists = profile_id is not None and self.exists(profile_id)
            self.actor.require_profile_change(profile_id, exists=exists)
        return method(self, target, *args, **kwargs)

    return _mark(cast(F, guarded), Access.PROFILE)


__all__ = [
    "HOOKS",
    "Access",
    "AccessDenied",
    "Account",
    "Actor",
    "Guarded",
    "access_of",
    "profile_writes",
    "reads",
    "reviews",
    "writes",
]
