"""The meeting list as a table model."""

from __future__ import annotations

from coordinator_app.domain.models import Meeting
from coordinator_app.services.base import Row
from coordinator_app.ui.common.table_model import Column, ColumnKind, RecordTableModel
from coordinator_app.ui.labels import enum_label


class MeetingTableModel(RecordTableModel):
    """Meetings, newest first: date, kind, title, venue, council, attendees, participants.

    出席者(名簿) counts every named attendee (coordinators, organisations and
    contacts: the form's 出席 total); 参加者数 is the number entered for on
    site plus online. They are two columns because the named attendees may or
    may not be among the participants counted.
    """

    DATE, KIND, TITLE, VENUE, COUNCIL, ATTENDEES, PARTICIPANTS = range(7)
    DEFAULT_DESCENDING = True
    _kinds: dict[object, str] | None = None
    """種類 labels by kind, made once per display (enum_label builds every label)."""

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("開催日"), "date", kind=ColumnKind.DATE),
            Column(self.tr("種類"), "kind", kind=ColumnKind.SHORT),
            Column(self.tr("会議名"), "title", kind=ColumnKind.TITLE),
            Column(self.tr("会場"), "venue", kind=ColumnKind.NAME),
            Column(self.tr("協議体"), kind=ColumnKind.NAME),
            Column(self.tr("出席者(名簿)"), numeric=True, kind=ColumnKind.NUMBER),
            Column(self.tr("参加者数"), numeric=True, kind=ColumnKind.NUMBER),
        ]

    def display(self, row: Row[Meeting], column: int) -> object:  # type: ignore[override]
        meeting = row.record
        if column == self.DATE:
            return meeting.held_on
        if column == self.KIND:
            if self._kinds is None:
                self._kinds = {}
            if meeting.kind not in self._kinds:
                self._kinds[meeting.kind] = enum_label(meeting.kind)
            return self._kinds[meeting.kind]
        if column == self.TITLE:
            return meeting.title
        if column == self.VENUE:
            return meeting.venue
        if column == self.COUNCIL:
            return row.extra.get("council_name", "")
        if column == self.ATTENDEES:
            return row.extra.get("named_attendees", 0)
        participants = row.extra.get("participants")
        return "" if participants is None else participants

    def redisplay(self) -> None:
        self._kinds = None  # the language or the labels may have changed
        super().redisplay()
