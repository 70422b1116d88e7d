"""Building a project's publishable page (プロジェクト紹介ページ) from the database.

The renderers in :mod:`coordinator_app.documents.render.project_page` and
:mod:`~coordinator_app.documents.render.project_page_html` never query the
database; this module gathers what they print. Unreviewed entries are left out unless the
caller asks for them. The page's 紹介文 (the narrative between the overview
and 進捗状況) is kept per project as a setting, so the next page starts from it.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col, select

from coordinator_app.documents.data.project_page import PageEntry, PagePhoto, ProjectPageData
from coordinator_app.domain.enums import ProjectStatus, label
from coordinator_app.domain.era import EraError, format_wareki
from coordinator_app.domain.fiscal import fiscal_year_range
from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Attachment, ProgressEntry, Project, Review, Setting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, error
from coordinator_app.domain.validation import Errors, check_length, clean_text
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.attachments import AttachmentInfo
from coordinator_app.services.base import NotFoundError, live, now
from coordinator_app.services.progress_timeline import attachments_of, chunks, is_photo
from coordinator_app.services.review_state import current_by, entry_marks
from coordinator_app.services.settings import SettingsService
from coordinator_app.storage.database import Database

NARRATIVE_KEY = "project_page.narrative."
MAX_NARRATIVE = 20000


def page_date(day: date | None, *, wareki: bool = False) -> str:
    """``2017年8月28日`` or ``平成29年8月28日``."""
    if day is None:
        return ""
    if wareki:
        try:
            return format_wareki(day)
        except EraError:
            pass
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class PageCandidate:
    """An entry the user may put on the page, with its photos (no content)."""

    entry: ProgressEntry
    reviewed: bool
    photos: list[AttachmentInfo] = field(default_factory=list)


class ProjectPageService(Guarded):
    def __init__(self, db: Database) -> None:
        self.db = db
        self.settings = SettingsService(db)

    # -- finding -------------------------------------------------------------------

    @reads
    def find_project(self, wanted: str) -> Project:
        """The live project whose id or title (spaces ignored at the ends) is ``wanted``.

        Raises:
            LookupError: none or several match.
        """
        try:
            project_id: uuid.UUID | None = uuid.UUID(wanted)
        except ValueError:
            project_id = None
        with self.db.reading() as session:
            if project_id is not None:
                found = session.get(Project, project_id)
                if found is not None and found.deleted_at is None:
                    return found
            matches = list(
                session.exec(
                    select(Project).where(Project.title == wanted.strip()).where(live(Project))
                ).all()
            )
        if not matches:
            raise LookupError(
                error(
                    QT_TRANSLATE_NOOP("errors", "プロジェクト「{name}」が見つかりません"),
                    name=wanted,
                )
            )
        if len(matches) > 1:
            raise LookupError(
                error(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "「{name}」という名前のプロジェクトが複数あります。IDで指定してください",
                    ),
                    name=wanted,
                )
            )
        return matches[0]

    @reads
    def candidates(self, project_id: uuid.UUID) -> list[PageCandidate]:
        """Every entry of the project, oldest first, with its review state and photos."""
        with self.db.reading() as session:
            entries = list(
                session.exec(
                    select(ProgressEntry)
                    .where(ProgressEntry.project_id == project_id)
                    .where(live(ProgressEntry))
                    .order_by(col(ProgressEntry.entry_date), col(ProgressEntry.created_at))
                ).all()
            )
            ids = [e.id for e in entries]
            reviewed: set[uuid.UUID] = set()
            photos: dict[uuid.UUID, list[AttachmentInfo]] = {}
            if ids:
                by_id = {e.id: e for e in entries}
                review_rows = [
                    row
                    for part in chunks(ids)
                    for row in session.exec(
                        select(
                            Review.progress_entry_id,
                            Review.entry_updated_at,
                            Review.deleted_at,
                            Review.entry_version,
                        ).where(col(Review.progress_entry_id).in_(part))
                    ).all()
                ]
                marks = entry_marks(session, ids)
                for entry_id, entry_at, deleted, version in review_rows:
                    # deleted_at checked here, not in SQL: see attachments_of.
                    entry = by_id[entry_id]
                    if deleted is None and current_by(
                        version, entry_at, entry, marks.get(entry_id)
                    ):
                        reviewed.add(entry_id)
                for owner, attachment in attachments_of(session, ids):
                    if is_photo(attachment):
                        photos.setdefault(owner, []).append(attachment)
        return [
            PageCandidate(entry=e, reviewed=e.id in reviewed, photos=photos.get(e.id, []))
            for e in entries
        ]

    # -- the narrative ---------------------------------------------------------------

    @reads
    def narrative(self, project_id: uuid.UUID) -> str:
        with self.db.reading() as session:
            row = session.exec(
                select(Setting).where(Setting.key == NARRATIVE_KEY + str(project_id))
            ).first()
        return row.text_value if row is not None and row.deleted_at is None else ""

    @writes
    def save_narrative(self, project_id: uuid.UUID, text: str) -> str:
        """Keep the page's 紹介文 for the project (one transaction); returns it cleaned.

        Raises:
            ValidationError: the text is too long or the project is gone.
        """
        text = clean_text(text, multiline=True)
        errors = Errors()
        check_length(errors, "narrative", "紹介文", text, MAX_NARRATIVE)
        errors.raise_if_any()
        with self.db.writing() as session:
            project = session.get(Project, project_id)
            if project is None or project.deleted_at is not None:
                raise NotFoundError(RecordKind.PROJECT, project_id)
            key = NARRATIVE_KEY + str(project_id)
            row = session.exec(select(Setting).where(Setting.key == key)).first()
            row = row or Setting(id=setting_id(key), key=key)
            row.text_value = text
            row.updated_at = now()
            row.deleted_at = None
            session.add(row)
        return text

    # -- the page data ---------------------------------------------------------------

    @reads
    def build(
        self,
        project_id: uuid.UUID,
        *,
        entry_ids: Collection[uuid.UUID] | None = None,
        photo_ids: Collection[uuid.UUID] | None = None,
        include_unreviewed: bool = False,
        narrative: str | None = None,
        wareki: bool = False,
        period: tuple[date, date] | None = None,
    ) -> ProjectPageData:
        """The page of one project.

        Args:
            entry_ids: the entries to show (None: all of them). Unreviewed ones
                are left out unless ``include_unreviewed``.
            photo_ids: the photos to show (None: every photo of the entries shown).
            narrative: the 紹介文 (None: the one kept for the project).
            wareki: dates in 和暦.
            period: only entries dated within these days (inclusive).

        Raises:
            NotFoundError: the project does not exist.
        """
        with self.db.reading() as session:
            project = session.get(Project, project_id)
            if project is None or project.deleted_at is not None:
                raise NotFoundError(RecordKind.PROJECT, project_id)
        chosen = [
            c
            for c in self.candidates(project_id)
            if (entry_ids is None or c.entry.id in entry_ids)
            and (c.reviewed or include_unreviewed)
            and (period is None or period[0] <= c.entry.entry_date <= period[1])
        ]
        wanted_photos = {
            p.id: p for c in chosen for p in c.photos if photo_ids is None or p.id in photo_ids
        }
        contents, problems = self._contents(wanted_photos, photo_ids)
        profile = self.settings.municipality()
        entries = [
            PageEntry(
                date_text=page_date(c.entry.entry_date, wareki=wareki),
                text=c.entry.text,
                photos=[
                    PagePhoto(filename=p.filename, content=contents.get(p.id))
                    for p in c.photos
                    if p.id in wanted_photos
                ],
            )
            for c in chosen
        ]
        shown_period = " ～ ".join(
            page_date(d, wareki=wareki) for d in (project.start_date, project.end_date) if d
        )
        if project.start_date and not project.end_date:
            shown_period += " ～"
        status = label(project.status)
        if project.progress and project.status == ProjectStatus.IN_PROGRESS:
            status += f"({project.progress}%)"
        return ProjectPageData(
            title=project.title,
            program=label(project.program),
            municipality=profile.name,
            department=profile.department,
            status=status,
            period=shown_period,
            goal=project.goal,
            narrative=self.narrative(project_id) if narrative is None else narrative,
            entries=entries,
            outcome=project.outcome,
            updated=page_date(
                max((c.entry.entry_date for c in chosen), default=None), wareki=wareki
            ),
            issuer=" ".join(p for p in (profile.name, profile.department) if p),
            problems=problems,
        )

    @reads
    def pages_of_year(
        self, project_ids: Sequence[uuid.UUID], fiscal_year: int, *, wareki: bool = False
    ) -> list[ProjectPageData]:
        """The project pages an activity report appends: each project with its
        reviewed entries of ``fiscal_year`` (projects deleted since are skipped)."""
        period = fiscal_year_range(fiscal_year)
        pages = []
        for project_id in project_ids:
            try:
                pages.append(self.build(project_id, wareki=wareki, period=period))
            except NotFoundError:
                continue
        return pages

    def _contents(
        self,
        wanted: dict[uuid.UUID, AttachmentInfo],
        photo_ids: Collection[uuid.UUID] | None,
    ) -> tuple[dict[uuid.UUID, bytes], list[str]]:
        """The photos' bytes, and a note for each photo asked for that is gone."""
        problems: list[str] = []
        contents: dict[uuid.UUID, bytes] = {}
        missing = [i for i in (photo_ids or ()) if i not in wanted]
        with self.db.reading() as session:
            if wanted:
                contents = dict(
                    session.exec(
                        select(Attachment.id, Attachment.content)
                        .where(col(Attachment.id).in_(list(wanted)))
                        .where(live(Attachment))
                    ).all()
                )
            if missing:
                gone = session.exec(
                    select(Attachment.filename)
                    .where(col(Attachment.id).in_(missing))
                    .where(col(Attachment.deleted_at).is_not(None))
                ).all()
                problems.extend(
                    error(
                        QT_TRANSLATE_NOOP(
                            "errors", "写真「{name}」は削除されているため載せませんでした"
                        ),
                        name=name,
                    )
                    for name in gone
                )
        return contents, problems
