"""Is a review current? By the entry's server version when known, never by clocks alone.

A review made on a desk that syncs stores the server version of the entry it
saw (``Review.entry_version``, from the desk's ``sync_version``). The review
is current while the desk knows no later version of the entry and the entry
has no edit of its own still waiting to be pushed. A review without a version
(a desk that never synced, a review older than versions) falls back to
comparing the entry's ``updated_at`` with the one the review saw.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.domain.models import ProgressEntry, Review
from coordinator_app.storage import capture

_TABLE = "progress_entry"
CHUNK = 500


@dataclass(frozen=True)
class EntryMark:
    """What the desk knows of an entry's server version."""

    version: int | None = None
    """The highest server version pulled; None when never pulled."""
    pending: bool = False
    """An edit of the entry still waits in the outbox."""


def entry_marks(session: Session, entry_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, EntryMark]:
    """The desk's version marks of these entries (entries without any are left out)."""
    ids = list(dict.fromkeys(entry_ids))
    versions: dict[str, int] = {}
    pending: set[str] = set()
    v, o = capture.sync_version, capture.sync_outbox
    for start in range(0, len(ids), CHUNK):
        part = [i.hex for i in ids[start : start + CHUNK]]
        for row_id, version in session.connection().execute(
            sa.select(v.c.row_id, v.c.version).where(v.c.table_name == _TABLE, v.c.row_id.in_(part))
        ):
            versions[str(row_id)] = int(version)
        for (row_id,) in session.connection().execute(
            sa.select(o.c.row_id).where(o.c.table_name == _TABLE, o.c.row_id.in_(part)).distinct()
        ):
            pending.add(str(row_id))
    return {
        i: EntryMark(versions.get(i.hex), i.hex in pending)
        for i in ids
        if i.hex in versions or i.hex in pending
    }


def version_to_store(session: Session, entry_id: uuid.UUID) -> int | None:
    """The version a new review of the entry records (None when the desk cannot vouch for one)."""
    mark = entry_marks(session, [entry_id]).get(entry_id)
    if mark is None or mark.pending:
        return None
    return mark.version


def is_current(review: Review | None, entry: ProgressEntry, mark: EntryMark | None) -> bool:
    if review is None:
        return False
    return current_by(review.entry_version, review.entry_updated_at, entry, mark)


def current_by(
    entry_version: int | None,
    entry_updated_at: object,
    entry: ProgressEntry,
    mark: EntryMark | None,
) -> bool:
    if entry_version is not None:
        mark = mark or EntryMark()
        return not mark.pending and (mark.version or 0) <= entry_version
    return bool(entry_updated_at >= entry.updated_at)  # type: ignore[operator]


def current_review_clause(r: sa.Table, e: sa.Table) -> sa.ColumnElement[bool]:
    """SQL: review row ``r`` is a current review of entry row ``e`` (``is_current``'s rule)."""
    v, o = capture.sync_version, capture.sync_outbox
    known = (
        sa.select(v.c.version)
        .where(v.c.table_name == _TABLE, v.c.row_id == e.c.id)
        .scalar_subquery()
    )
    pending = sa.exists(sa.select(o.c.row_id).where(o.c.table_name == _TABLE, o.c.row_id == e.c.id))
    return sa.or_(
        sa.and_(
            r.c.entry_version.is_not(None),
            sa.func.coalesce(known, 0) <= r.c.entry_version,
            ~pending,
        ),
        sa.and_(r.c.entry_version.is_(None), r.c.entry_updated_at >= e.c.updated_at),
    )
