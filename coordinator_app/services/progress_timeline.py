"""The progress log read a page at a time: the timeline view and "next unreviewed".

Opening a project's timeline costs a fixed number of statements whatever the
length of its log: one for the summary, then a few per page of entries (the
entries, their latest reviews, their attachments' metadata, the reviewers'
names). Nothing here loads an attachment's content.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain.models import Attachment, ProgressEntry, Project, Review, UserProfile
from coordinator_app.services.access import Guarded, reads
from coordinator_app.services.attachments import AttachmentInfo
from coordinator_app.services.base import live, names_by_id
from coordinator_app.services.review_state import (
    EntryMark,
    current_review_clause,
    entry_marks,
    is_current,
    latest_reviews,
)
from coordinator_app.services.reviews import EntryState, ReviewService, WorkspaceFilter
from coordinator_app.storage.database import Database


@dataclass(frozen=True)
class LogSummary:
    """The figures of a whole log, counted in SQL."""

    total: int = 0
    unreviewed: int = 0
    last_date: date | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """One entry of the timeline: its review state, reviewer and files (no content)."""

    state: EntryState
    reviewer_name: str = ""
    photos: list[AttachmentInfo] = field(default_factory=list)
    files: list[AttachmentInfo] = field(default_factory=list)

    @property
    def entry(self) -> ProgressEntry:
        return self.state.entry


@dataclass(frozen=True)
class UnreviewedTarget:
    """Where "next unreviewed" leads: a project and its oldest unreviewed entry."""

    project_id: uuid.UUID
    entry_id: uuid.UUID


def _reviewed_clause() -> sa.ColumnElement[bool]:
    """True for an entry whose current version has a review."""
    e = ProgressEntry.__table__
    r = Review.__table__
    return sa.exists(
        select(r.c.id)
        .where(r.c.progress_entry_id == e.c.id, r.c.deleted_at.is_(None))
        .where(current_review_clause(r, e))
    )


CHUNK = 500
"""Ids bound per IN (...): well under SQLite's limit on parameters."""


def chunks(ids: list[uuid.UUID]) -> list[list[uuid.UUID]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def attachments_of(
    session: Session, entry_ids: list[uuid.UUID]
) -> list[tuple[uuid.UUID, AttachmentInfo]]:
    """The live attachments of the entries (no content), oldest first.

    One lookup through the progress_entry_id index: the deleted rows are
    skipped here, as a ``deleted_at IS NULL`` in SQL makes SQLite (which has
    no statistics) walk the deleted_at index over every attachment instead.
    """
    rows = [
        row
        for part in chunks(entry_ids)
        for row in session.exec(
            select(  # type: ignore[call-overload]  # sqlmodel types select() up to 4 columns
                Attachment.progress_entry_id,
                Attachment.id,
                Attachment.filename,
                Attachment.media_type,
                Attachment.size,
                Attachment.created_at,
                Attachment.deleted_at,
            ).where(col(Attachment.progress_entry_id).in_(part))
        ).all()
    ]
    return [
        (owner, AttachmentInfo(*info))
        for owner, *info, deleted in sorted(rows, key=lambda r: r[5])
        if owner is not None and deleted is None
    ]


def is_photo(info: AttachmentInfo) -> bool:
    return info.media_type.startswith("image/")


class ProgressTimelineService(Guarded):
    def __init__(self, db: Database) -> None:
        self.db = db

    @reads
    def summary(
        self, project_id: uuid.UUID, *, only_ids: Collection[uuid.UUID] | None = None
    ) -> LogSummary:
        """Entries, unreviewed entries and the last entry date, in one statement
        (``only_ids``: of those entries only, e.g. the changes since a review)."""
        e = ProgressEntry.__table__
        stmt = select(
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(sa.case((_reviewed_clause(), 0), else_=1)), 0),
            sa.func.max(e.c.entry_date),
        ).where(e.c.project_id == project_id, e.c.deleted_at.is_(None))
        if only_ids is not None:
            stmt = stmt.where(e.c.id.in_(list(only_ids)))
        with self.db.reading() as session:
            total, unreviewed, last = session.exec(stmt).one()
        if isinstance(last, str):
            last = date.fromisoformat(last)
        return LogSummary(total=int(total), unreviewed=int(unreviewed), last_date=last)

    @reads
    def page(
        self,
        project_id: uuid.UUID,
        *,
        offset: int,
        limit: int,
        oldest_first: bool = False,
        only_ids: Collection[uuid.UUID] | None = None,
    ) -> list[TimelineEntry]:
        """``limit`` entries from ``offset``, newest (or oldest) first (``only_ids``:
        of those entries only)."""
        order = (
            (col(ProgressEntry.entry_date), col(ProgressEntry.created_at), col(ProgressEntry.id))
            if oldest_first
            else (
                col(ProgressEntry.entry_date).desc(),
                col(ProgressEntry.created_at).desc(),
                col(ProgressEntry.id).desc(),
            )
        )
        stmt = (
            select(ProgressEntry)
            .where(ProgressEntry.project_id == project_id)
            .where(live(ProgressEntry))
        )
        if only_ids is not None:
            stmt = stmt.where(col(ProgressEntry.id).in_(list(only_ids)))
        with self.db.reading() as session:
            entries = list(session.exec(stmt.order_by(*order).offset(offset).limit(limit)).all())
            ids = [e.id for e in entries]
            latest: dict[uuid.UUID, Review] = {}
            files: dict[uuid.UUID, list[AttachmentInfo]] = {}
            names: dict[uuid.UUID | None, str] = {}
            marks: dict[uuid.UUID, EntryMark] = {}
            if ids:
                # Deleted rows are skipped here rather than in SQL: without
                # statistics SQLite would otherwise walk the deleted_at index,
                # i.e. every live review of every project.
                reviews = session.exec(
                    select(Review).where(col(Review.progress_entry_id).in_(ids))
                ).all()
                latest = latest_reviews(session, sorted(reviews, key=lambda r: r.reviewed_at))
                for owner, info in attachments_of(session, ids):
                    files.setdefault(owner, []).append(info)
                names = names_by_id(
                    session, UserProfile, (r.reviewer_profile_id for r in latest.values())
                )
                marks = entry_marks(session, latest)
        result = []
        for entry in entries:
            review = latest.get(entry.id)
            current = is_current(review, entry, marks.get(entry.id))
            attached = files.get(entry.id, [])
            result.append(
                TimelineEntry(
                    state=EntryState(
                        entry=entry,
                        reviewed=current,
                        changed_since_review=review is not None and not current,
                        last_review=review,
                    ),
                    reviewer_name=names.get(review.reviewer_profile_id, "") if review else "",
                    photos=[a for a in attached if is_photo(a)],
                    files=[a for a in attached if not is_photo(a)],
                )
            )
        return result

    @reads
    def file_counts(self, entry_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        """How many live attachments each entry has (one statement)."""
        counts: dict[uuid.UUID, int] = {}
        if not entry_ids:
            return counts
        with self.db.reading() as session:
            for owner, _info in attachments_of(session, entry_ids):
                counts[owner] = counts.get(owner, 0) + 1
        return counts

    @reads
    def position(
        self, project_id: uuid.UUID, entry_id: uuid.UUID, *, oldest_first: bool = False
    ) -> int:
        """The row of ``entry_id`` in the timeline's order (-1 if it is not in the log)."""
        with self.db.reading() as session:
            entry = session.get(ProgressEntry, entry_id)
            if entry is None or entry.deleted_at is not None or entry.project_id != project_id:
                return -1
            d, c, i = (
                col(ProgressEntry.entry_date),
                col(ProgressEntry.created_at),
                col(ProgressEntry.id),
            )
            if oldest_first:
                before = sa.or_(
                    d < entry.entry_date,
                    sa.and_(d == entry.entry_date, c < entry.created_at),
                    sa.and_(d == entry.entry_date, c == entry.created_at, i < entry.id),
                )
            else:
                before = sa.or_(
                    d > entry.entry_date,
                    sa.and_(d == entry.entry_date, c > entry.created_at),
                    sa.and_(d == entry.entry_date, c == entry.created_at, i > entry.id),
                )
            count = session.exec(
                select(sa.func.count())
                .select_from(ProgressEntry)
                .where(ProgressEntry.project_id == project_id)
                .where(live(ProgressEntry))
                .where(before)
            ).one()
        return int(count)

    @reads
    def unreviewed_entries(self, project_id: uuid.UUID) -> list[ProgressEntry]:
        """Every entry of the project not reviewed in its current version, newest first."""
        with self.db.reading() as session:
            return list(
                session.exec(
                    select(ProgressEntry)
                    .where(ProgressEntry.project_id == project_id)
                    .where(live(ProgressEntry))
                    .where(~_reviewed_clause())
                    .order_by(col(ProgressEntry.entry_date).desc())
                ).all()
            )

    @reads
    def next_unreviewed(
        self,
        *,
        after_project_id: uuid.UUID | None = None,
        flt: WorkspaceFilter | None = None,
    ) -> UnreviewedTarget | None:
        """The next project (by title, after ``after_project_id``, wrapping round)
        with an unreviewed entry, and its oldest unreviewed entry.

        Args:
            after_project_id: the project shown now (None: start at the first).
            flt: search only the projects the review workspace's filter shows.
        """
        e = ProgressEntry.__table__
        p = Project.__table__
        stmt = (
            select(p.c.id, p.c.title)
            .where(p.c.deleted_at.is_(None))
            .where(
                sa.exists(
                    select(e.c.id)
                    .where(e.c.project_id == p.c.id, e.c.deleted_at.is_(None))
                    .where(~_reviewed_clause())
                )
            )
            .order_by(p.c.title, p.c.id)
        )
        with self.db.reading() as session:
            if flt is not None:
                # The workspace's own filter, so "next" never leaves its table.
                stmt = ReviewService._filter(session, stmt, flt)
            projects = [(row[1], str(row[0]), row[0]) for row in session.exec(stmt).all()]
            if not projects:
                return None
            target = projects[0][2]
            current = session.get(Project, after_project_id) if after_project_id else None
            if current is not None:
                key = (current.title, str(current.id))
                later = [i for title, text, i in projects if (title, text) > key]
                target = later[0] if later else target
            entry_id = session.exec(
                select(e.c.id)
                .where(e.c.project_id == target, e.c.deleted_at.is_(None))
                .where(~_reviewed_clause())
                .order_by(e.c.entry_date, e.c.created_at)
                .limit(1)
            ).one()
        return UnreviewedTarget(project_id=target, entry_id=entry_id)
