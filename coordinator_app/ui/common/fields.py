"""Text fields that read dates, times and whole numbers, and say when they cannot.

They are plain QLineEdits so that what the user typed is never thrown away:
an unreadable value stays in the field with a message under it.
"""

from __future__ import annotations

import unicodedata
from datetime import date, time

from PySide6.QtCore import QCoreApplication, QDate, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidget, QWidgetAction

from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.dates import DateFormat, format_time, parse_date, parse_time
from coordinator_app.ui.labels import error_text


class DateField(QLineEdit):
    """A date typed as 2022-04-01, 2022/4/1, 令和4年4月1日 or R4.4.1, or picked.

    Empty means no date.
    """

    def __init__(self, dates: DateFormat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dates = dates
        self.setPlaceholderText(
            QCoreApplication.translate("DateField", "例: {example}").format(example=dates.example())
        )
        self.setClearButtonEnabled(True)
        pick = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip(QCoreApplication.translate("DateField", "カレンダーから選ぶ (Alt+↓)"))
        pick.triggered.connect(self.show_calendar)
        self.calendar_menu: QMenu | None = None
        """The calendar popup open now (None when closed)."""

    def date(self) -> date | None:
        """The date typed; None when empty.

        Raises:
            ValueError: the text is not a date (see :meth:`input_error`).
        """
        return parse_date(self.text())

    def set_date(self, value: date | None) -> None:
        """Show ``value`` in the current date style."""
        self._show_example()
        self.setText(self._dates.format(value))

    def _show_example(self) -> None:
        self.setPlaceholderText(
            QCoreApplication.translate("DateField", "例: {example}").format(
                example=self._dates.example()
            )
        )

    def input_error(self) -> str | None:
        try:
            self.date()
        except ValueError as exc:
            if error_text(exc):  # a date-shaped text that does not exist: say why
                return error_text(exc)
            return QCoreApplication.translate(
                "DateField", "日付として読めません(例: 2022-04-01、令和4年4月1日)"
            )
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Alt+↓ or F4 opens the calendar, as in a combo box; there the arrows move,
        # PageUp/PageDown change the month, Enter picks and Esc closes.
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        self.decorate_calendar(calendar)
        try:
            current = self.date()
        except ValueError:
            current = None
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.set_date(date(day.year(), day.month(), day.day()))
            self.textEdited.emit(self.text())
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)  # Enter on the selected day
        menu.aboutToHide.connect(lambda: setattr(self, "calendar_menu", None))
        self.calendar_menu = menu
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def decorate_calendar(self, calendar: QCalendarWidget) -> None:
        """Subclasses mark days (祝日…) on the popup calendar."""


class TimeField(QLineEdit):
    """A time of day typed as 13:30 or 13時30分; empty means none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("TimeField", "例: 13:30"))
        self.setMaximumWidth(120)

    def time(self) -> time | None:
        return parse_time(self.text())

    def set_time(self, value: time | None) -> None:
        self.setText(format_time(value))

    def input_error(self) -> str | None:
        try:
            self.time()
        except ValueError:
            return QCoreApplication.translate("TimeField", "時刻として読めません(例: 13:30)")
        return None


class NumberField(QLineEdit):
    """A whole number, full-width digits accepted; empty means unknown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(120)

    def number(self) -> int | None:
        text = unicodedata.normalize("NFKC", self.text()).strip().replace(",", "")
        if not text:
            return None
        return int(text)

    def set_number(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))

    def input_error(self) -> str | None:
        try:
            self.number()
        except ValueError:
            return QCoreApplication.translate("NumberField", "数字で入力してください")
        return None
