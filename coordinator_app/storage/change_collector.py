"""Recording what a write session flushes, as the kinds and ids of a Changes.

:meth:`Database.writing` attaches a :class:`ChangeCollector` to its session
and, once the transaction has committed, hands it to the database's
:class:`~coordinator_app.domain.changes.ChangeFeed`; a rolled-back transaction
publishes nothing.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from coordinator_app.domain.changes import Changes, Origin
from coordinator_app.domain.record_kind import RecordKind

LINK_OWNERS: dict[str, tuple[RecordKind, str]] = {
    "organisation_area": (RecordKind.ORGANISATION, "organisation_id"),
    "project_organisation": (RecordKind.PROJECT, "project_id"),
    "project_coordinator": (RecordKind.PROJECT, "project_id"),
    "project_contact": (RecordKind.PROJECT, "project_id"),
    "meeting_coordinator": (RecordKind.MEETING, "meeting_id"),
    "meeting_organisation": (RecordKind.MEETING, "meeting_id"),
    "meeting_contact": (RecordKind.MEETING, "meeting_id"),
}
"""Link tables: a changed link is a change of its owner (kind, owner id column)."""


def touched_by(obj: Any) -> tuple[RecordKind, uuid.UUID] | None:
    """The kind and id a flushed ORM object stands for (None: not a record of a kind)."""
    table = getattr(obj, "__tablename__", None)
    if not isinstance(table, str):
        return None
    link = LINK_OWNERS.get(table)
    if link is not None:
        owner_kind, column = link
        owner = getattr(obj, column, None)
        return (owner_kind, owner) if isinstance(owner, uuid.UUID) else None
    kind = RecordKind.of_table(table)
    record_id = getattr(obj, "id", None)
    if kind is None or not isinstance(record_id, uuid.UUID):
        return None
    return kind, record_id


class ChangeCollector:
    """What one session has flushed so far."""

    def __init__(self) -> None:
        self.records: set[tuple[RecordKind, uuid.UUID]] = set()
        self.kinds: set[RecordKind] = set()
        self.everything = False

    def attach(self, session: Any) -> None:
        """Record what ``session`` flushes from now on."""
        sa.event.listen(session, "after_flush", self.after_flush)
        sa.event.listen(session, "do_orm_execute", self.do_orm_execute)

    def after_flush(self, session: Any, _context: Any) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            found = touched_by(obj)
            if found is not None:
                self.records.add(found)

    def do_orm_execute(self, state: Any) -> None:
        """A bulk ``UPDATE``/``DELETE`` through the ORM: its kind, without ids."""
        if not (state.is_update or state.is_delete):
            return
        mapper = state.bind_mapper
        table = getattr(getattr(mapper, "local_table", None), "name", None)
        kind = RecordKind.of_table(table) if table else None
        if kind is None and table in LINK_OWNERS:
            kind = LINK_OWNERS[table][0]
        if kind is not None:
            self.kinds.add(kind)

    def changes(self, *, origin: Origin, profile_id: uuid.UUID | None) -> Changes:
        if self.everything:
            return Changes.everything(origin=origin, profile_id=profile_id)
        return Changes(
            records=frozenset(self.records),
            kinds=frozenset(self.kinds),
            origin=origin,
            profile_id=profile_id,
        )
