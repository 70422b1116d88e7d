"""What one action changed: which kinds and records, and who started it.

Every committed write yields one :class:`Changes`, published on its
database's :class:`ChangeFeed` (``Database.writing`` collects it); the
window's event hub follows the feed and carries each change to the views,
and each view refreshes only when a kind it shows was touched. A sync that
pulls records from the server publishes its changes the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum

from coordinator_app.domain.record_kind import RecordKind


class Origin(StrEnum):
    """Who started an action."""

    USER = "user"
    """The person at this computer (a save, a delete…)."""
    UNDO = "undo"
    """Undo or redo of an earlier action."""
    IMPORT = "import"
    """A spreadsheet import or the demo data."""
    SYNC = "sync"
    """Records pulled from the server."""
    RESTORE = "restore"
    """A backup replaced the whole database."""


@dataclass(frozen=True)
class Changes:
    """The records one action created, edited, deleted or restored.

    Attributes:
        records: each touched record's kind and id.
        kinds: the kinds touched (also those touched without known ids, e.g.
            by a bulk update).
        all: anything may have changed (demo data loaded, a backup restored).
        origin: who started the action.
        profile_id: the user profile in use, when known.
    """

    records: frozenset[tuple[RecordKind, uuid.UUID]] = frozenset()
    kinds: frozenset[RecordKind] = field(default=frozenset())
    all: bool = False
    origin: Origin = Origin.USER
    profile_id: uuid.UUID | None = None

    def __post_init__(self) -> None:
        missing = {kind for kind, _id in self.records} - self.kinds
        if missing:
            object.__setattr__(self, "kinds", self.kinds | missing)

    @classmethod
    def of(
        cls, kind: RecordKind, ids: Iterable[uuid.UUID] = (), *, origin: Origin = Origin.USER
    ) -> Changes:
        """Records ``ids`` of ``kind`` (the kind alone when no id is given)."""
        return cls(
            records=frozenset((kind, i) for i in ids), kinds=frozenset({kind}), origin=origin
        )

    @classmethod
    def everything(
        cls, *, origin: Origin = Origin.USER, profile_id: uuid.UUID | None = None
    ) -> Changes:
        """Anything may have changed: every view reloads."""
        return cls(all=True, origin=origin, profile_id=profile_id)

    def touches(self, *kinds: RecordKind) -> bool:
        """True when records of any of ``kinds`` may have changed (always after ``everything``)."""
        return self.all or not self.kinds.isdisjoint(kinds)

    def ids(self, kind: RecordKind) -> frozenset[uuid.UUID]:
        """The ids of ``kind`` known to be touched (unknown ones are not listed)."""
        return frozenset(i for k, i in self.records if k == kind)

    def __bool__(self) -> bool:
        return self.all or bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        """Both changes together; origin and profile are the first non-empty one's."""
        if not isinstance(other, Changes):
            return NotImplemented
        first = self if self or not other else other
        return Changes(
            records=self.records | other.records,
            kinds=self.kinds | other.kinds,
            all=self.all or other.all,
            origin=first.origin,
            profile_id=first.profile_id,
        )


Subscriber = Callable[[Changes], None]

_origin: ContextVar[Origin] = ContextVar("change_origin", default=Origin.USER)


@contextmanager
def acting(origin: Origin) -> Iterator[None]:
    """Writes inside this block are published as started by ``origin`` (e.g. undo)."""
    token = _origin.set(origin)
    try:
        yield
    finally:
        _origin.reset(token)


class ChangeFeed:
    """Subscribers to committed changes (plain Python: no Qt)."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self._depth = 0
        self._held: Changes | None = None
        self.profile_of: Callable[[], uuid.UUID | None] = lambda: None
        """Who is using the database (set by the services' composition)."""

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber`` with every published change; returns how to unsubscribe."""
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold what the writes inside this block publish; publish it merged at the end.

        For actions made of several transactions (marking many items done):
        the views refresh once. What committed is published even when the
        block ends with an exception.
        """
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0 and self._held is not None:
                held, self._held = self._held, None
                self.publish(held)

    def publish(self, changes: Changes) -> None:
        """Hand ``changes`` to every subscriber (nothing when nothing changed)."""
        if not changes:
            return
        if self._depth:
            self._held = changes if self._held is None else self._held | changes
            return
        for subscriber in list(self._subscribers):
            subscriber(changes)

    def origin(self) -> Origin:
        """Who starts the writes made now (see :func:`acting`)."""
        return _origin.get()

    def profile_id(self) -> uuid.UUID | None:
        """The profile in use, when known."""
        try:
            return self.profile_of()
        except Exception:  # the profile could not be read: the change is still published
            return None
