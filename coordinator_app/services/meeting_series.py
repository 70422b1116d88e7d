"""連続開催: a series of sessions, created, renamed, shifted and renumbered as one.

:class:`SeriesActions` is part of :class:`~coordinator_app.services.meetings.MeetingService`
(a mixin, so the registry keeps one meetings service). Every method is one
user action and one transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from sqlmodel import Session, col, select

from coordinator_app.domain.models import Meeting, MeetingSeries, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.session_titles import series_base_title, session_title
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import (
    Errors,
    ValidationError,
    check_length,
    check_required,
    clean_text,
)
from coordinator_app.services.access import reads, writes
from coordinator_app.services.base import NotFoundError, live

if TYPE_CHECKING:
    from coordinator_app.storage.database import Database

MAX_SERIES_SESSIONS = 60
MAX_SERIES_SHIFT_DAYS = 366


@dataclass(frozen=True)
class SeriesInfo:
    """A series and its live sessions in date order."""

    series: MeetingSeries
    sessions: list[Meeting]


class _MeetingCore(Protocol):
    """What the series methods use of the :class:`MeetingService` they are mixed into."""

    db: Database

    def _get(
        self, session: Session, record_id: uuid.UUID, *, include_deleted: bool = False
    ) -> Meeting: ...

    def _save(self, session: Session, obj: Meeting) -> Meeting: ...

    def _data_columns(self) -> Iterable[str]: ...

    def _reindex(self, session: Session, obj: Record) -> None: ...

    def _save_attendance(
        self,
        session: Session,
        meeting_id: uuid.UUID,
        coordinator_ids: Sequence[uuid.UUID] | None,
        organisation_ids: Sequence[uuid.UUID] | None,
        contact_ids: Sequence[uuid.UUID] | None,
    ) -> None: ...


class SeriesActions:
    """Series methods of the meeting service (``self`` is a :class:`MeetingService`)."""

    @writes
    def create_series(
        self: _MeetingCore,
        template: Meeting,
        dates: Sequence[date],
        *,
        coordinator_ids: Sequence[uuid.UUID] = (),
        organisation_ids: Sequence[uuid.UUID] = (),
        contact_ids: Sequence[uuid.UUID] = (),
        keep_id: uuid.UUID | None = None,
    ) -> tuple[MeetingSeries, list[Meeting]]:
        """A series of sessions from one template, all or nothing.

        Session titles get ``(第n回)``, numbered without gaps in date order;
        every session starts with the same attendance and can then be edited
        on its own.

        Args:
            keep_id: a stored meeting (not yet in a series) that the series is
                made from: it becomes the first session (keeping its action
                items and attachments) instead of staying beside the series.
        """
        unique = sorted(dict.fromkeys(dates))
        if not unique:
            raise ValidationError(
                {"dates": invalid(QT_TRANSLATE_NOOP("validation", "開催日を1日以上選んでください"))}
            )
        if len(unique) > MAX_SERIES_SESSIONS:
            raise ValidationError(
                {
                    "dates": invalid(
                        QT_TRANSLATE_NOOP("validation", "連続開催は{n}回までにしてください"),
                        n=MAX_SERIES_SESSIONS,
                    )
                }
            )
        base_title = series_base_title(clean_text(template.title))
        with self.db.writing() as session:
            errors = Errors()
            check_required(errors, "title", "会議名", base_title)
            errors.raise_if_any()
            kept = self._get(session, keep_id) if keep_id is not None else None
            if kept is not None and kept.series_id is not None:
                message = invalid(
                    QT_TRANSLATE_NOOP(
                        "validation",
                        "この会議はすでに連続開催の一回です。シリーズの編集で変更してください",
                    )
                )
                raise ValidationError({"dates": message})
            series = MeetingSeries(
                title=base_title,
                kind=template.kind,
                council_id=template.council_id,
                project_id=template.project_id,
            )
            session.add(series)
            session.flush()
            meetings = []
            for number, day in enumerate(unique, start=1):
                meeting = Meeting(
                    **{
                        name: getattr(template, name)
                        for name in self._data_columns()
                        if name not in ("held_on", "title", "series_id", "session_number")
                    },
                    held_on=day,
                    title=session_title(base_title, number),
                    series_id=series.id,
                    session_number=number,
                )
                if number == 1 and kept is not None:
                    meeting.id = kept.id
                stored = self._save(session, meeting)
                self._save_attendance(
                    session, stored.id, coordinator_ids, organisation_ids, contact_ids
                )
                meetings.append(stored)
        return series, meetings

    @reads
    def series_info(self: _MeetingCore, series_id: uuid.UUID) -> SeriesInfo:
        """The series and its live sessions (date order)."""
        with self.db.reading() as session:
            series = session.get(MeetingSeries, series_id)
            if series is None or series.deleted_at is not None:
                raise NotFoundError(RecordKind.MEETING_SERIES, series_id)
            return SeriesInfo(series, _sessions(session, series_id))

    @writes
    def edit_series(
        self: _MeetingCore,
        series_id: uuid.UUID,
        *,
        title: str,
        shift_days: int = 0,
    ) -> SeriesInfo:
        """Rename the series and move every session by ``shift_days``, renumbering them.

        A session whose title the user changed by hand keeps it, except that
        the old series name at its start becomes the new one.
        """
        new_base = series_base_title(clean_text(title))
        errors = Errors()
        check_required(errors, "title", "会議名", new_base)
        check_length(errors, "title", "会議名", new_base, 280)
        if abs(shift_days) > MAX_SERIES_SHIFT_DAYS:
            errors.add(
                "shift_days",
                invalid(
                    QT_TRANSLATE_NOOP("validation", "移動は{n}日以内にしてください"),
                    n=MAX_SERIES_SHIFT_DAYS,
                ),
            )
        errors.raise_if_any()
        with self.db.writing() as session:
            series = session.get(MeetingSeries, series_id)
            if series is None or series.deleted_at is not None:
                raise NotFoundError(RecordKind.MEETING_SERIES, series_id)
            old_base = series.title
            series.title = new_base
            for meeting in _sessions(session, series_id):
                meeting.held_on = meeting.held_on + timedelta(days=shift_days)
                if meeting.title.startswith(old_base):
                    meeting.title = new_base + meeting.title[len(old_base) :]
            session.flush()
            renumber(self, session, series_id)
            return SeriesInfo(series, _sessions(session, series_id))

    def before_delete(self: _MeetingCore, session: Session, obj: Meeting) -> None:
        """Deleting a session renumbers the rest of its series (no gap in 第n回)."""
        if obj.series_id is not None:
            renumber(self, session, obj.series_id, leaving=obj.id)

    def after_restore(self: _MeetingCore, session: Session, obj: Meeting) -> None:
        """A session brought back takes its place in the numbering again."""
        if obj.series_id is not None:
            renumber(self, session, obj.series_id)


def renumber(
    service: _MeetingCore,
    session: Session,
    series_id: uuid.UUID,
    *,
    leaving: uuid.UUID | None = None,
) -> None:
    """Give the live sessions consecutive numbers and matching 「(第n回)」 titles.

    Args:
        leaving: a session being deleted in this transaction (left out).
    """
    series = session.get(MeetingSeries, series_id)
    base = series.title if series is not None else ""
    sessions = [m for m in _sessions(session, series_id) if m.id != leaving]
    for number, meeting in enumerate(sessions, start=1):
        if meeting.session_number == number and meeting.title == session_title(base, number):
            continue
        if series_base_title(meeting.title) == base or meeting.title == base:
            meeting.title = session_title(base, number)
        meeting.session_number = number
        session.flush()
        service._reindex(session, meeting)


def _sessions(session: Session, series_id: uuid.UUID) -> list[Meeting]:
    return list(
        session.exec(
            select(Meeting)
            .where(Meeting.series_id == series_id)
            .where(live(Meeting))
            .order_by(col(Meeting.held_on), col(Meeting.created_at))
        ).all()
    )
