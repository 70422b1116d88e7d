"""Is a review current? By the entry's server version when known, never by clocks alone.

A review made on a desk that syncs stores the server version of the entry it
saw (``Review.entry_version``, from the desk's ``sync_version``). The review
is current while the desk knows no later version of the entry and the entry
has no edit of its own still waiting to be pushed. A review without a version
(a desk that never synced, a review older than versions) falls back to
comparing the entry's ``updated_at`` with the one the review saw.

Which review of an entry is its latest goes by the same order (:func:`review_order`):
reviews the server has, by their server version; after them the desk's reviews still
waiting in the outbox, in the order they were made here. Only reviews without either
(a desk that never synced, reviews pulled before review versions were kept) go by
``reviewed_at`` — before every versioned one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.domain.models import ProgressEntry, Review
from coordinator_app.storage import capture

_TABLE = "progress_entry"
_REVIEWS = "review"
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
    # Correlated to ``e`` explicitly: the clause sits in a subquery over reviews, and
    # automatic correlation looks one level up only, so without it the version read
    # was "any entry's version" (a FROM of its own over every entry).
    known = (
        sa.select(v.c.version)
        .where(v.c.table_name == _TABLE, v.c.row_id == e.c.id)
        .correlate(e)
        .scalar_subquery()
    )
    # The entries waiting in the outbox, read once per statement (SQLite keeps the list
    # in a temporary index): the outbox has no index on row_id to look each one up.
    pending = e.c.id.in_(sa.select(o.c.row_id).where(o.c.table_name == _TABLE))
    return sa.or_(
        sa.and_(
            r.c.entry_version.is_not(None),
            sa.func.coalesce(known, 0) <= r.c.entry_version,
            ~pending,
        ),
        sa.and_(r.c.entry_version.is_(None), r.c.entry_updated_at >= e.c.updated_at),
    )


def outbox_seqs(
    session: Session, table: str, row_ids: Iterable[uuid.UUID], *, last: bool = False
) -> dict[uuid.UUID, int]:
    """The first (or ``last``) outbox position of each row still waiting to be pushed."""
    ids = list(dict.fromkeys(row_ids))
    o = capture.sync_outbox
    seq: sa.ColumnClause[int] = sa.column("seq")
    found: dict[str, int] = {}
    for start in range(0, len(ids), CHUNK):
        part = [i.hex for i in ids[start : start + CHUNK]]
        for row_id, position in session.connection().execute(
            sa.select(o.c.row_id, sa.func.max(seq) if last else sa.func.min(seq))
            .select_from(o)
            .where(o.c.table_name == table, o.c.row_id.in_(part))
            .group_by(o.c.row_id)
        ):
            found[str(row_id)] = int(position)
    return {i: found[i.hex] for i in ids if i.hex in found}


def _versions(session: Session, table: str, row_ids: Sequence[uuid.UUID]) -> dict[str, int]:
    v = capture.sync_version
    versions: dict[str, int] = {}
    for start in range(0, len(row_ids), CHUNK):
        part = [i.hex for i in row_ids[start : start + CHUNK]]
        for row_id, version in session.connection().execute(
            sa.select(v.c.row_id, v.c.version).where(v.c.table_name == table, v.c.row_id.in_(part))
        ):
            versions[str(row_id)] = int(version)
    return versions


UNVERSIONED, SYNCED, QUEUED = 0, 1, 2
"""The ranks of :func:`review_order`'s keys."""


def review_order(session: Session, reviews: Sequence[Review]) -> dict[uuid.UUID, tuple[int, Any]]:
    """A sort key per review: (rank, position) — the order the reviews reached the server.

    ``(SYNCED, server version)`` for a review the server has; ``(QUEUED, outbox
    position)`` for one still waiting to be pushed (after every synced one: the
    server will receive it last); ``(UNVERSIONED, reviewed_at)`` for one with
    neither (a desk that never synced orders its reviews as it always did).
    """
    ids = [r.id for r in reviews]
    queued = outbox_seqs(session, _REVIEWS, ids)
    versions = _versions(session, _REVIEWS, ids)
    keys: dict[uuid.UUID, tuple[int, Any]] = {}
    for review in reviews:
        if review.id in queued:
            keys[review.id] = (QUEUED, queued[review.id])
        elif review.id.hex in versions:
            keys[review.id] = (SYNCED, versions[review.id.hex])
        else:
            keys[review.id] = (UNVERSIONED, review.reviewed_at)
    return keys


def latest_reviews(session: Session, reviews: Iterable[Review]) -> dict[uuid.UUID, Review]:
    """Each entry's latest live review, by :func:`review_order`."""
    live_reviews = [r for r in reviews if r.deleted_at is None]
    keys = review_order(session, live_reviews)
    latest: dict[uuid.UUID, Review] = {}
    for review in sorted(live_reviews, key=lambda r: keys[r.id]):
        latest[review.progress_entry_id] = review
    return latest


def changed_after_review(
    session: Session,
    mine: Sequence[Review],
    entries: Sequence[ProgressEntry],
) -> list[ProgressEntry]:
    """The ``entries`` changed after the last of ``mine`` (one reviewer's live reviews).

    Without versions (a desk that never synced): edited after the last review by the
    clocks, as before sync. Otherwise by the order the server gave: an entry changed
    since the reviewer last reviewed it (its version is above the one that review saw,
    or an edit of it waits in the outbox), or one the server received after the last
    review — or, while that review still waits in the outbox, edited here after it
    (the desk pulls only once its outbox is empty, so nothing it pulled is newer).
    """
    keys = review_order(session, mine)
    last = max(mine, key=lambda r: keys[r.id])
    rank, position = keys[last.id]
    if rank == UNVERSIONED:
        return [e for e in entries if e.updated_at > last.reviewed_at]
    ids = [e.id for e in entries]
    marks = entry_marks(session, ids)
    latest = latest_reviews(session, mine)
    queued = outbox_seqs(session, _TABLE, ids, last=True) if rank == QUEUED else {}
    changed = []
    for entry in entries:
        mark = marks.get(entry.id)
        review = latest.get(entry.id)
        if review is not None and not is_current(review, entry, mark):
            changed.append(entry)
        elif rank == QUEUED:
            if queued.get(entry.id, -1) > position:
                changed.append(entry)
        elif mark is None:
            if entry.updated_at > last.reviewed_at:
                changed.append(entry)
        elif mark.pending or (mark.version or 0) > position:
            changed.append(entry)
    return changed
