"""確認: supervisors review progress entries; the review workspace over all projects."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain.enums import ProfileRole, ProjectProgram, ProjectStatus
from coordinator_app.domain.fiscal import fiscal_year_range
from coordinator_app.domain.models import (
    ActionItem,
    Area,
    Coordinator,
    Meeting,
    ProgressEntry,
    Project,
    Review,
    UserProfile,
)
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import Errors, ValidationError, check_length, clean_text
from coordinator_app.services.access import Guarded, reads, reviews
from coordinator_app.services.base import live, live_unindexed, names_by_id, now
from coordinator_app.services.meetings import area_subtree
from coordinator_app.services.review_state import (
    changed_after_review,
    current_review_clause,
    entry_marks,
    is_current,
    latest_reviews,
    version_to_store,
)
from coordinator_app.storage.database import Database

DEFAULT_STALLED_DAYS = 30


@dataclass(frozen=True)
class ReviewRecord:
    review: Review
    reviewer_name: str
    entry_date: date
    entry_text: str


@dataclass(frozen=True)
class EntryState:
    """A progress entry with its review state."""

    entry: ProgressEntry
    reviewed: bool
    changed_since_review: bool
    last_review: Review | None


@dataclass(frozen=True)
class WorkspaceRow:
    """One project in the supervisor's review table."""

    project: Project
    lead_name: str
    area_name: str
    last_entry_date: date | None
    days_since: int | None
    stalled: bool
    open_items: int
    overdue_items: int
    unreviewed: int


@dataclass(frozen=True)
class WorkspaceFilter:
    lead_coordinator_id: uuid.UUID | None = None
    area_id: uuid.UUID | None = None
    program: ProjectProgram | None = None
    status: ProjectStatus | None = None
    fiscal_year: int | None = None


class ReviewService(Guarded):
    def __init__(self, db: Database) -> None:
        self.db = db

    @reviews
    def mark_reviewed(
        self, entry_ids: Sequence[uuid.UUID], reviewer: UserProfile, comment: str = ""
    ) -> list[Review]:
        """Mark entries 確認済 with an optional comment, in one transaction."""
        comment = clean_text(comment, multiline=True)
        errors = Errors()
        if reviewer.role != ProfileRole.SUPERVISOR:
            errors.add(
                "reviewer",
                invalid(
                    QT_TRANSLATE_NOOP(
                        "validation", "確認は上司(確認者)のプロファイルで行ってください"
                    )
                ),
            )
        check_length(errors, "comment", "コメント", comment, 4000)
        if not entry_ids:
            errors.add(
                "entries", invalid(QT_TRANSLATE_NOOP("validation", "確認する進捗を選んでください"))
            )
        errors.raise_if_any()
        stamp = now()
        reviews = []
        with self.db.writing() as session:
            for entry_id in dict.fromkeys(entry_ids):
                entry = session.get(ProgressEntry, entry_id)
                if entry is None or entry.deleted_at is not None:
                    raise ValidationError(
                        {
                            "entries": invalid(
                                QT_TRANSLATE_NOOP(
                                    "validation", "進捗が見つかりません(削除された可能性があります)"
                                )
                            )
                        }
                    )
                review = Review(
                    progress_entry_id=entry.id,
                    reviewer_profile_id=reviewer.id,
                    comment=comment,
                    reviewed_at=stamp,
                    entry_updated_at=entry.updated_at,
                    entry_version=version_to_store(session, entry.id),
                )
                session.add(review)
                reviews.append(review)
            session.flush()
        return reviews

    def _latest_reviews(
        self, session: Session, entry_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, Review]:
        if not entry_ids:
            return {}
        return latest_reviews(
            session,
            session.exec(
                select(Review)
                .where(col(Review.progress_entry_id).in_(entry_ids))
                .where(live(Review))
                .order_by(col(Review.reviewed_at))
            ).all(),
        )

    @reads
    def entry_states(self, project_id: uuid.UUID) -> list[EntryState]:
        """The project's entries, newest first, each with its review state."""
        with self.db.reading() as session:
            entries = list(
                session.exec(
                    select(ProgressEntry)
                    .where(ProgressEntry.project_id == project_id)
                    .where(live(ProgressEntry))
                    .order_by(
                        col(ProgressEntry.entry_date).desc(), col(ProgressEntry.created_at).desc()
                    )
                ).all()
            )
            latest = self._latest_reviews(session, [e.id for e in entries])
            marks = entry_marks(session, latest)
        return [
            EntryState(
                entry=e,
                reviewed=is_current(latest.get(e.id), e, marks.get(e.id)),
                changed_since_review=e.id in latest
                and not is_current(latest.get(e.id), e, marks.get(e.id)),
                last_review=latest.get(e.id),
            )
            for e in entries
        ]

    @reads
    def changed_since_last_review(
        self, project_id: uuid.UUID, reviewer: UserProfile
    ) -> list[ProgressEntry]:
        """Entries added or edited after ``reviewer``'s last review of this project.

        "After" in the order the server received them (review_state.changed_after_review);
        a desk that never synced compares the clocks' stamps as it always did.
        """
        with self.db.reading() as session:
            mine = list(
                session.exec(
                    select(Review)
                    .join(ProgressEntry, col(ProgressEntry.id) == Review.progress_entry_id)
                    .where(ProgressEntry.project_id == project_id)
                    .where(Review.reviewer_profile_id == reviewer.id)
                    .where(live(Review))
                    .order_by(col(Review.reviewed_at))
                ).all()
            )
            entries = list(
                session.exec(
                    select(ProgressEntry)
                    .where(ProgressEntry.project_id == project_id)
                    .where(live(ProgressEntry))
                    .order_by(col(ProgressEntry.entry_date).desc())
                ).all()
            )
            return changed_after_review(session, mine, entries) if mine else entries

    @reads
    def history(self, project_id: uuid.UUID) -> list[ReviewRecord]:
        """Every review of the project's entries, newest first (the 確認 tab)."""
        with self.db.reading() as session:
            rows = session.exec(
                select(Review, col(ProgressEntry.entry_date), col(ProgressEntry.text))
                .join(ProgressEntry, col(ProgressEntry.id) == Review.progress_entry_id)
                .where(ProgressEntry.project_id == project_id)
                .where(live(Review))
                .order_by(col(Review.reviewed_at).desc())
            ).all()
            names = names_by_id(session, UserProfile, (r[0].reviewer_profile_id for r in rows))
        return [
            ReviewRecord(
                review=r,
                reviewer_name=names.get(r.reviewer_profile_id, ""),
                entry_date=d,
                entry_text=t,
            )
            for r, d, t in rows
        ]

    @reads
    def workspace(
        self,
        flt: WorkspaceFilter | None = None,
        *,
        stalled_days: int = DEFAULT_STALLED_DAYS,
        today: date | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[WorkspaceRow]:
        """Projects (by title) with the figures a supervisor scans.

        The figures are correlated subqueries per project, answered from the
        (project_id, entry_date) and review indexes, so a page of the table
        costs the same whatever the size of the whole log.
        """
        flt = flt or WorkspaceFilter()
        today = today or date.today()
        p = Project.__table__
        e = ProgressEntry.__table__
        r = Review.__table__
        m = Meeting.__table__
        a = ActionItem.__table__
        live_entries = sa.and_(e.c.project_id == p.c.id, e.c.deleted_at.is_(None))
        last_entry = select(sa.func.max(e.c.entry_date)).where(live_entries).scalar_subquery()
        open_items = (
            select(
                sa.func.count(),
            )
            .select_from(a.join(m, m.c.id == a.c.meeting_id))
            .where(m.c.project_id == p.c.id, m.c.deleted_at.is_(None), a.c.deleted_at.is_(None))
            .where(a.c.done.is_(False))
        )
        overdue_items = open_items.where(a.c.due_date < today).scalar_subquery()
        reviewed = (
            select(r.c.id)
            .where(r.c.progress_entry_id == e.c.id, r.c.deleted_at.is_(None))
            .where(current_review_clause(r, e))
        )
        unreviewed = (
            select(sa.func.count()).where(live_entries).where(~sa.exists(reviewed))
        ).scalar_subquery()
        with self.db.reading() as session:
            # The page of projects first (ids only), then the figures for that page:
            # the correlated subqueries run for the rows shown, not for every project
            # the sort has to read.
            page = self._filter(session, select(col(Project.id)).where(live(Project)), flt)
            page = page.order_by(Project.title, Project.id).offset(offset)
            if limit is not None:
                page = page.limit(limit)
            shown = page.subquery()
            stmt = (
                select(  # type: ignore[call-overload]  # sqlmodel types select() up to 4 columns
                    Project, last_entry, open_items.scalar_subquery(), overdue_items, unreviewed
                )
                .join(shown, shown.c.id == Project.id)
                .order_by(Project.title, Project.id)
            )
            rows = session.exec(stmt).all()
            projects = [row[0] for row in rows]
            leads = names_by_id(session, Coordinator, (p.lead_coordinator_id for p in projects))
            areas = names_by_id(session, Area, (p.area_id for p in projects))
        result = []
        for project, last_day, open_n, overdue_n, unreviewed_n in rows:
            if isinstance(last_day, str):
                last_day = date.fromisoformat(last_day)
            days = (today - last_day).days if last_day else None
            active = project.status in (ProjectStatus.IN_PROGRESS, ProjectStatus.NOT_STARTED)
            result.append(
                WorkspaceRow(
                    project=project,
                    lead_name=leads.get(project.lead_coordinator_id, ""),
                    area_name=areas.get(project.area_id, ""),
                    last_entry_date=last_day,
                    days_since=days,
                    stalled=active and (days is None or days > stalled_days),
                    open_items=int(open_n or 0),
                    overdue_items=int(overdue_n or 0),
                    unreviewed=int(unreviewed_n or 0),
                )
            )
        return result

    @reads
    def sample_projects(self) -> tuple[uuid.UUID | None, uuid.UUID | None]:
        """Two projects with data, found by one index step each (None: none): the one of
        the newest live progress entry, and one with a meeting (the largest project id
        among the meetings'). The project page rehearses opening them (ui/projects/rehearsal.py)."""
        with self.db.reading() as session:
            entered = session.exec(
                select(ProgressEntry.project_id)
                .where(live_unindexed(ProgressEntry))
                .order_by(col(ProgressEntry.entry_date).desc())
                .limit(1)
            ).first()
            met = session.exec(
                select(Meeting.project_id)
                .where(col(Meeting.project_id).is_not(None), live_unindexed(Meeting))
                .order_by(col(Meeting.project_id).desc())
                .limit(1)
            ).first()
        return entered, met

    @reads
    def workspace_count(self, flt: WorkspaceFilter | None = None) -> int:
        with self.db.reading() as session:
            stmt = self._filter(
                session,
                # count(*), not count(id): the deleted_at index answers it alone.
                select(sa.func.count()).select_from(Project).where(live(Project)),
                flt or WorkspaceFilter(),
            )
            return int(session.exec(stmt).one())

    @staticmethod
    def _filter(session: Session, stmt: Any, flt: WorkspaceFilter) -> Any:
        if flt.lead_coordinator_id is not None:
            stmt = stmt.where(Project.lead_coordinator_id == flt.lead_coordinator_id)
        if flt.area_id is not None:
            stmt = stmt.where(col(Project.area_id).in_(area_subtree(session, flt.area_id)))
        if flt.program is not None:
            stmt = stmt.where(Project.program == flt.program)
        if flt.status is not None:
            stmt = stmt.where(Project.status == flt.status)
        if flt.fiscal_year is not None:
            first, last = fiscal_year_range(flt.fiscal_year)
            stmt = stmt.where(
                sa.or_(col(Project.start_date).is_(None), col(Project.start_date) <= last)
            ).where(sa.or_(col(Project.end_date).is_(None), col(Project.end_date) >= first))
        return stmt
