"""Fields of the meeting form: a date field that names impossible dates, the three
attendee lists side by side, participant counts against capacity, and the
minutes' own fields (記録者, 欠席者, 承認)."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from coordinator_app.domain.models import Meeting
from coordinator_app.ui.common.fields import DateField, NumberField
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.pickers import CheckList, Option, StaticOptions
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import error_text
from coordinator_app.ui.meetings.holiday_names import holidays_between

_NUMERIC_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
WARNING_STYLE = "color: #c62828;"
HOLIDAY_RED = "#c62828"
LIST_HEIGHT = 240


class DeferredOptions:
    """A short fixed list (the area tree) read on its first search or lookup, so that a
    picker that is never opened reads nothing."""

    def __init__(self, load: Callable[[], Iterable[Option]]) -> None:
        self._load = load
        self._options: StaticOptions | None = None

    def _static(self) -> StaticOptions:
        if self._options is None:
            self._options = StaticOptions(self._load())
        return self._options

    def search(self, text: str, *, limit: int) -> list[Option]:
        return self._static().search(text, limit=limit)

    def lookup(self, values: Sequence[object]) -> list[Option]:
        return self._static().lookup(values) if values else []


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
            return self._explain(error_text(exc)) or super().input_error()
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


class MinutesRecordFields:
    """記録者, 欠席者 and the approval (承認者, 承認日) on the 記録 tab.

    Args:
        form: the tab's form; the four fields are added to it in this order.
        dates: the app's date format (和暦 or 西暦) for the approval date.
    """

    def __init__(self, form: FieldForm, dates: DateFormat) -> None:
        self.absentees_edit = QPlainTextEdit()
        self.absentees_edit.setTabChangesFocus(True)
        self.absentees_edit.setMaximumHeight(60)
        self.absentees_edit.setPlaceholderText(
            QCoreApplication.translate("MinutesRecordFields", "例: 町会連合会 鈴木委員")
        )
        self.recorder_edit = QLineEdit()
        self.approved_by_edit = QLineEdit()
        self.approved_by_edit.setPlaceholderText(
            QCoreApplication.translate("MinutesRecordFields", "例: 会長 山田 太郎")
        )
        self.approved_on_field = MeetingDateField(dates)
        for name, label, widget in (
            (
                "absentees",
                QCoreApplication.translate("MinutesRecordFields", "欠席者"),
                self.absentees_edit,
            ),
            (
                "recorder",
                QCoreApplication.translate("MinutesRecordFields", "記録者"),
                self.recorder_edit,
            ),
            (
                "approved_by",
                QCoreApplication.translate("MinutesRecordFields", "承認者"),
                self.approved_by_edit,
            ),
            (
                "approved_on",
                QCoreApplication.translate("MinutesRecordFields", "承認日"),
                self.approved_on_field,
            ),
        ):
            form.add_field(name, label, widget)

    def fill(self, meeting: Meeting) -> None:
        self.absentees_edit.setPlainText(meeting.absentees)
        self.recorder_edit.setText(meeting.recorder)
        self.approved_by_edit.setText(meeting.approved_by)
        self.approved_on_field.set_date(meeting.approved_on)

    def apply(self, meeting: Meeting) -> None:
        """Copy the fields into ``meeting`` (raises ValueError for an impossible date)."""
        meeting.absentees = self.absentees_edit.toPlainText()
        meeting.recorder = self.recorder_edit.text()
        meeting.approved_by = self.approved_by_edit.text()
        meeting.approved_on = self.approved_on_field.date()
