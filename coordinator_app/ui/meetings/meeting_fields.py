"""Fields of the meeting form: a date field that names impossible dates, the three
attendee lists side by side, and participant counts against capacity."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QGridLayout, QLabel, QWidget

from coordinator_app.ui.common.fields import DateField, NumberField
from coordinator_app.ui.common.pickers import CheckList
from coordinator_app.ui.meetings.holiday_names import holidays_between

_NUMERIC_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
WARNING_STYLE = "color: #c62828;"
HOLIDAY_RED = "#c62828"
LIST_HEIGHT = 240


class MeetingDateField(DateField):
    """A :class:`DateField` whose message says when a date does not exist (2月30日),
    and whose calendar marks 祝日 in red with their names as tooltips."""

    def decorate_calendar(self, picker: QCalendarWidget) -> None:
        shown = picker.selectedDate()
        _mark_holidays(picker, shown.year(), shown.month())
        picker.currentPageChanged.connect(lambda year, month: _mark_holidays(picker, year, month))

    def input_error(self) -> str | None:
        try:
            self.date()
        except ValueError as exc:
            return self._explain(str(exc)) or super().input_error()
        return None

    def _explain(self, error: str) -> str | None:
        text = self.text().strip()
        match = _NUMERIC_DATE.match(unicodedata.normalize("NFKC", text))
        if match:
            year, month, _day = (int(g) for g in match.groups())
            if not 1 <= month <= 12:
                return QCoreApplication.translate(
                    "MeetingDateField", "「{text}」の月が正しくありません(1〜12月)"
                ).format(text=text)
            return QCoreApplication.translate(
                "MeetingDateField", "「{text}」は存在しない日付です({month}月は{last}日まで)"
            ).format(text=text, month=month, last=calendar.monthrange(year, month)[1])
        # The era parser already explains its refusals in Japanese (存在しない日付です…).
        return error if _JAPANESE.search(error) else None


def _mark_holidays(picker: QCalendarWidget, year: int, month: int) -> None:
    """祝日 of the month shown (and the days around it) in bold red, named in a tooltip."""
    first = date(year, month, 1) - timedelta(days=7)
    holiday_format = QTextCharFormat()
    holiday_format.setForeground(QColor(HOLIDAY_RED))
    holiday_format.setFontWeight(QFont.Weight.Bold)
    for day, name in holidays_between(first, first + timedelta(days=50)).items():
        holiday_format.setToolTip(name)
        picker.setDateTextFormat(QDate(day.year, day.month, day.day), holiday_format)


class AttendeePicker(QWidget):
    """Coordinators, organisations and contacts in three columns, with a total.

    The lists are built by the editor (they are its pickers); this widget only
    lays them out and counts.

    Signals:
        changed(): an attendee was checked or unchecked.
    """

    changed = Signal()

    def __init__(
        self,
        coordinators: CheckList,
        organisations: CheckList,
        contacts: CheckList,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lists = (coordinators, organisations, contacts)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        titles = (
            self.tr("コーディネーター"),
            self.tr("関係機関"),
            self.tr("出席者(担当者)"),
        )
        for column, (title, check_list) in enumerate(zip(titles, self.lists, strict=True)):
            caption = QLabel(title, self)
            caption.setBuddy(check_list.filter)
            grid.addWidget(caption, 0, column)
            check_list.list.setMinimumHeight(LIST_HEIGHT)
            grid.addWidget(check_list, 1, column)
            grid.setColumnStretch(column, 1)
            check_list.changed.connect(self._changed)
        self.total = QLabel(self)
        self.total.setObjectName("attendee_total")
        font = self.total.font()
        font.setBold(True)
        self.total.setFont(font)
        grid.addWidget(self.total, 2, 0, 1, 3)
        self.update_total()

    def update_total(self) -> None:
        counts = [len(check_list.checked_values()) for check_list in self.lists]
        self.total.setText(
            self.tr("出席 {total}件(コーディネーター {c}・関係機関 {o}・担当者 {p})").format(
                total=sum(counts), c=counts[0], o=counts[1], p=counts[2]
            )
        )

    def _changed(self) -> None:
        self.update_total()
        self.changed.emit()


class CapacityNote(QLabel):
    """``会場 18 / 定員20名・オンライン 25 / 定員30名``, red when a count exceeds capacity.

    A count above capacity is allowed (walk-ins happen); it is only pointed out.
    """

    def __init__(
        self,
        *,
        on_site: NumberField,
        capacity_on_site: NumberField,
        online: NumberField,
        capacity_online: NumberField,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("capacity_note")
        self.setWordWrap(True)
        self._pairs = ((on_site, capacity_on_site), (online, capacity_online))
        for field in (on_site, capacity_on_site, online, capacity_online):
            field.textChanged.connect(self.update_note)
        self.update_note()

    @property
    def over_capacity(self) -> bool:
        return any(
            count is not None and capacity is not None and count > capacity
            for count, capacity in (self._numbers(pair) for pair in self._pairs)
        )

    def update_note(self) -> None:
        places = (self.tr("会場"), self.tr("オンライン"))
        parts = []
        for place, pair in zip(places, self._pairs, strict=True):
            count, capacity = self._numbers(pair)
            if count is None and capacity is None:
                continue
            shown = "—" if count is None else str(count)
            if capacity is None:
                parts.append(self.tr("{place} {count}名").format(place=place, count=shown))
            else:
                parts.append(
                    self.tr("{place} {count} / 定員{capacity}名").format(
                        place=place, count=shown, capacity=capacity
                    )
                )
        text = "・".join(parts)
        if self.over_capacity:
            text += self.tr("(定員を超えています)")
        self.setText(text)
        self.setStyleSheet(WARNING_STYLE if self.over_capacity else "")

    @staticmethod
    def _numbers(pair: tuple[NumberField, NumberField]) -> tuple[int | None, int | None]:
        values = []
        for field in pair:
            try:
                values.append(field.number())
            except ValueError:
                values.append(None)
        return values[0], values[1]
