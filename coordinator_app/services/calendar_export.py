"""Meetings as an iCalendar (.ics, RFC 5545) file for Outlook, Google and Apple calendars."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from sqlmodel import col, select

from coordinator_app.domain.enums import label
from coordinator_app.domain.models import Meeting
from coordinator_app.services.access import Guarded, reads
from coordinator_app.services.base import live
from coordinator_app.storage.database import Database

PRODID = "-//coordinator-app//生活支援コーディネーター業務管理//JA"
TZID = "Asia/Tokyo"
_VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "TZNAME:JST",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape_text(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and line breaks."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def _day(day: date) -> str:
    """``YYYYMMDD`` with a four-digit year for every year (strftime drops the zeros of 1-999)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _stamp(moment: datetime) -> str:
    return f"{_day(moment.date())}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"


def _event(meeting: Meeting, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{meeting.id}@coordinator-app",
        f"DTSTAMP:{stamp}",
    ]
    day = meeting.held_on
    if meeting.start_time is not None:
        start = datetime.combine(day, meeting.start_time)
        if meeting.end_time is not None:
            end = datetime.combine(day, meeting.end_time)
        else:
            # An hour, but never past the last day a datetime can hold.
            end = start + min(timedelta(hours=1), datetime.max - start)
        lines.append(f"DTSTART;TZID={TZID}:{_stamp(start)}")
        lines.append(f"DTEND;TZID={TZID}:{_stamp(end)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{_day(day)}")
        if day < date.max:  # without DTEND an all-day event lasts that one day
            lines.append(f"DTEND;VALUE=DATE:{_day(day + timedelta(days=1))}")
    lines.append(f"SUMMARY:{escape_text(meeting.title)}")
    if meeting.venue:
        lines.append(f"LOCATION:{escape_text(meeting.venue)}")
    description = f"種類: {label(meeting.kind)}"
    if meeting.agenda:
        description += f"\n{meeting.agenda}"
    lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append(f"CATEGORIES:{escape_text(label(meeting.kind))}")
    lines.append("END:VEVENT")
    return lines


def meetings_to_ics(meetings: Iterable[Meeting], *, now: datetime | None = None) -> bytes:
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines += _VTIMEZONE
    for meeting in meetings:
        lines += _event(meeting, stamp)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")


class CalendarExportService(Guarded):
    def __init__(self, db: Database) -> None:
        self.db = db

    @reads
    def export(self, meeting_ids: Iterable[uuid.UUID]) -> bytes:
        ids = list(meeting_ids)
        with self.db.reading() as session:
            meetings = session.exec(
                select(Meeting)
                .where(col(Meeting.id).in_(ids))
                .where(live(Meeting))
                .order_by(col(Meeting.held_on), col(Meeting.start_time))
            ).all()
        return meetings_to_ics(meetings)
