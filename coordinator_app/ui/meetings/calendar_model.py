"""A month as a 6 × 7 grid (Sunday first, as Japanese calendars are) of days and meetings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from coordinator_app.domain.enums import MeetingKind
from coordinator_app.domain.models import Meeting
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.meetings.holiday_names import holidays_between

WEEKS = 6
DAYS = 7
LINES_PER_DAY = 3
DATE_ROLE = Qt.ItemDataRole.UserRole + 1
"""Data role giving the :class:`~datetime.date` of a cell."""
MEETINGS_ROLE = Qt.ItemDataRole.UserRole + 2
"""Data role giving the cell's meetings, by start time."""
HOLIDAY_ROLE = Qt.ItemDataRole.UserRole + 3
"""Data role giving the 祝日's name of a cell (None on an ordinary day)."""
SUNDAY = QColor("#c62828")
SATURDAY = QColor("#1565c0")
OTHER_MONTH = QColor("#9e9e9e")
TODAY = QColor("#fff3c4")

AnyIndex = QModelIndex | QPersistentModelIndex


def grid_start(year: int, month: int) -> date:
    """The Sunday on or before the 1st of the month."""
    first = date(year, month, 1)
    return first - timedelta(days=(first.weekday() + 1) % 7)


class MonthModel(QAbstractTableModel):
    """Cells show the day number and up to three meetings (``10:00 連絡会``)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        today = date.today()
        self.year, self.month = today.year, today.month
        self.today = today
        self._by_day: dict[date, list[Meeting]] = {}
        self._holidays: dict[date, str] = {}

    @property
    def first_day(self) -> date:
        return grid_start(self.year, self.month)

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=WEEKS * DAYS - 1)

    def set_month(self, year: int, month: int, meetings: Iterable[Meeting]) -> None:
        self.beginResetModel()
        self.year, self.month = year, month
        self.today = date.today()
        self._holidays = holidays_between(self.first_day, self.last_day)
        self._by_day = {}
        for meeting in sorted(meetings, key=lambda m: (m.held_on, m.start_time or time.min)):
            self._by_day.setdefault(meeting.held_on, []).append(meeting)
        self.endResetModel()

    def day_at(self, index: AnyIndex) -> date:
        return self.first_day + timedelta(days=index.row() * DAYS + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first_day).days
        if not 0 <= offset < WEEKS * DAYS:
            return QModelIndex()
        return self.index(offset // DAYS, offset % DAYS)

    def meetings_on(self, day: date) -> list[Meeting]:
        return list(self._by_day.get(day, []))

    def meetings_in_month(self) -> list[Meeting]:
        """The meetings of the month itself (not of the neighbouring days shown)."""
        return [
            meeting
            for day in sorted(self._by_day)
            if (day.year, day.month) == (self.year, self.month)
            for meeting in self._by_day[day]
        ]

    def meeting_count(self) -> int:
        return len(self.meetings_in_month())

    # -- Qt model ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else DAYS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._weekdays()[section]
        if role == Qt.ItemDataRole.ForegroundRole:
            return {0: QBrush(SUNDAY), 6: QBrush(SATURDAY)}.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_at(index)
        meetings = self._by_day.get(day, [])
        holiday = self._holidays.get(day)
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [f"{day.day} {holiday}" if holiday else str(day.day)]
            lines += [_line(m) for m in meetings[:LINES_PER_DAY]]
            if len(meetings) > LINES_PER_DAY:
                lines.append(self.tr("他{count}件").format(count=len(meetings) - LINES_PER_DAY))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = "\n".join([holiday] * bool(holiday) + [_line(m) for m in meetings])
            return plain_tooltip(tip) if tip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.ForegroundRole:
            if day.month != self.month:
                return QBrush(OTHER_MONTH)
            if holiday is not None:
                return QBrush(SUNDAY)  # 祝日 are red, as on a Japanese calendar
            return {6: QBrush(SUNDAY), 5: QBrush(SATURDAY)}.get(day.weekday())
        if role == Qt.ItemDataRole.BackgroundRole and day == self.today:
            return QBrush(TODAY)
        if role == DATE_ROLE:
            return day
        if role == HOLIDAY_ROLE:
            return holiday
        if role == MEETINGS_ROLE:
            return list(meetings)
        return None

    def _weekdays(self) -> list[str]:
        return weekday_names()


def weekday_names() -> list[str]:
    """Short weekday names, Sunday first, in the UI language (日 月 火 … / Sun Mon …)."""
    return [
        QCoreApplication.translate("MonthModel", "日"),
        QCoreApplication.translate("MonthModel", "月"),
        QCoreApplication.translate("MonthModel", "火"),
        QCoreApplication.translate("MonthModel", "水"),
        QCoreApplication.translate("MonthModel", "木"),
        QCoreApplication.translate("MonthModel", "金"),
        QCoreApplication.translate("MonthModel", "土"),
    ]


def weekday_name(day: date) -> str:
    return weekday_names()[(day.weekday() + 1) % 7]


def kind_colour(kind: MeetingKind) -> QColor:
    """A colour per kind of meeting, for the calendar's markers."""
    return KIND_COLOURS.get(kind, QColor("#757575"))


KIND_COLOURS = {
    MeetingKind.COUNCIL: QColor("#00897b"),
    MeetingKind.COMMUNITY_CARE: QColor("#8e24aa"),
    MeetingKind.SMALL_AREA_CARE: QColor("#8e24aa"),
    MeetingKind.LIAISON: QColor("#1e88e5"),
    MeetingKind.TRAINING: QColor("#f4511e"),
    MeetingKind.COURSE: QColor("#f4511e"),
    MeetingKind.FORUM: QColor("#c0ca33"),
}


def line_text(meeting: Meeting) -> str:
    """``10:00 連絡会`` (the time only when there is one)."""
    return _line(meeting)


def _line(meeting: Meeting) -> str:
    when = meeting.start_time.strftime("%H:%M") + " " if meeting.start_time else ""
    return f"{when}{meeting.title}"
