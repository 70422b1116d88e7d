"""The month calendar of meetings: the same meetings as the list, by day.

PageUp/PageDown change the month, the arrows move between days, Enter (or a
double-click) opens the day's meeting; a day with several lists them below.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.era import EraError, format_wareki_year
from coordinator_app.domain.models import Meeting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import ListQuery
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_label
from coordinator_app.ui.meetings.calendar_model import (
    DATE_ROLE,
    HOLIDAY_ROLE,
    MEETINGS_ROLE,
    MonthModel,
    kind_colour,
    line_text,
)

MAX_MEETINGS_PER_MONTH = 2000
"""A month grid shows six weeks; more meetings than this in them is not a calendar any more."""


class DayDelegate(QStyledItemDelegate):
    """A day cell: the date in its weekday colour, then each meeting with a marker in
    the colour of its kind, on two lines when the cell has room; the rest is 他n件."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        # The original palette: initStyleOption puts the weekday colour into Text.
        text_colour = option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        day: date = index.data(DATE_ROLE)
        meetings: list[Meeting] = index.data(MEETINGS_ROLE) or []
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        rect = opt.rect.adjusted(4, 2, -4, -2)
        metrics = opt.fontMetrics
        line = metrics.height()
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour if selected or brush is None else brush.color())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), 0, str(day.day))
        painter.setFont(opt.font)
        holiday = index.data(HOLIDAY_ROLE)
        if holiday:
            # The holiday's name beside the day number, in the same red.
            number_width = QFontMetrics(bold).horizontalAdvance(f"{day.day} ")
            name_rect = QRect(rect.left() + number_width, rect.top(), rect.width(), line)
            name_rect.setWidth(max(rect.width() - number_width, 0))
            painter.drawText(
                name_rect,
                0,
                metrics.elidedText(holiday, Qt.TextElideMode.ElideRight, name_rect.width()),
            )
        painter.setPen(text_colour)
        room = max((rect.bottom() + 1 - rect.top() - line) // line, 0)
        per_meeting = 2 if meetings and len(meetings) * 2 <= room else 1
        shown = len(meetings) if len(meetings) <= room else max(room - 1, 0)
        width = rect.width() - 10
        y = rect.top() + line + 1
        for meeting in meetings[:shown]:
            painter.fillRect(QRect(rect.left(), y + line // 2 - 3, 6, 6), kind_colour(meeting.kind))
            for text in wrap(metrics, line_text(meeting), width, per_meeting):
                painter.drawText(QRect(rect.left() + 10, y, width, line), 0, text)
                y += line
        if shown < len(meetings):
            more = QCoreApplication.translate("MonthModel", "他{count}件").format(
                count=len(meetings) - shown
            )
            painter.drawText(QRect(rect.left() + 10, y, width, line), 0, more)
        painter.restore()


def wrap(metrics: QFontMetrics, text: str, width: int, lines: int) -> list[str]:
    """``text`` broken into at most ``lines`` lines of ``width`` pixels (by character,
    as Japanese is written), the last one elided."""
    result: list[str] = []
    rest = text
    while rest and len(result) < lines - 1:
        cut = len(rest)
        while cut > 1 and metrics.horizontalAdvance(rest[:cut]) > width:
            cut -= 1
        result.append(rest[:cut])
        rest = rest[cut:].lstrip()
    if rest:
        result.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return result


class _MonthTable(QTableView):
    """PageUp/PageDown go to the previous/next month instead of scrolling."""

    month_step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_PageUp:
            self.month_step.emit(-1)
        elif event.key() == Qt.Key.Key_PageDown:
            self.month_step.emit(1)
        else:
            super().keyPressEvent(event)


class MeetingCalendar(QWidget):
    """A month grid with navigation and the selected day's meetings.

    The page hands over its list filters with :meth:`set_query`; the
    calendar reloads when it is shown and whenever meetings change.

    Signals:
        meeting_activated(meeting_id): the user opened a meeting.
    """

    meeting_activated = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_calendar")
        self.ctx = ctx
        self._query = ListQuery()
        self._stale = True
        self.model = MonthModel(self)
        self.previous_button = QPushButton("◀", self)
        self.previous_button.setFixedWidth(40)
        self.previous_button.setToolTip(self.tr("前の月 (PageUp)"))
        self.next_button = QPushButton("▶", self)
        self.next_button.setFixedWidth(40)
        self.next_button.setToolTip(self.tr("次の月 (PageDown)"))
        self.today_button = QPushButton(self.tr("今月"), self)
        self.month_label = QLabel(self)
        self.month_label.setObjectName("calendar_month")
        font = self.month_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.month_label.setFont(font)
        self.count_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.month_label)
        bar.addWidget(self.next_button)
        bar.addWidget(self.today_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.table = _MonthTable(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(DayDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setMinimumSectionSize(56)
        self.day_label = QLabel(self)
        self.day_list = QListWidget(self)
        self.day_list.setMaximumHeight(110)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.day_label)
        layout.addWidget(self.day_list)

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.show_today)
        self.table.month_step.connect(self.step)
        self.table.selectionModel().currentChanged.connect(self._day_changed)
        self.table.doubleClicked.connect(self._activate_day)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(lambda: self._activate_day(self.table.currentIndex()))
        self.day_list.itemActivated.connect(self._activate_item)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self._display_changed)
        today = date.today()
        self.model.set_month(today.year, today.month, [])
        self._selected = today

    # -- API ---------------------------------------------------------------------

    def set_query(self, query: ListQuery) -> None:
        """Show the meetings matching the list's text and filters (the month stays)."""
        filters = {k: v for k, v in query.filters.items() if k not in ("fiscal_year", "month")}
        self._query = ListQuery(text=query.text, filters=filters)
        self.reload()

    def show_month(self, year: int, month: int, *, select: date | None = None) -> None:
        self.model.year, self.model.month = year, month
        self._selected = select or date(year, month, 1)
        self._stale = True
        self.reload()

    def show_today(self) -> None:
        today = date.today()
        self.show_month(today.year, today.month, select=today)

    def step(self, months: int) -> None:
        year, month = divmod(self.model.year * 12 + self.model.month - 1 + months, 12)
        self.show_month(year, month + 1)

    def reload(self) -> None:
        """Read the month's meetings again (later, when the calendar is hidden)."""
        self._stale = True
        if not self.isVisible():
            return
        self._stale = False
        query = ListQuery(
            text=self._query.text,
            filters={
                **self._query.filters,
                "date_from": self.model.first_day,
                "date_to": self.model.last_day,
            },
            sort="date",
            limit=MAX_MEETINGS_PER_MONTH,
            with_total=False,
        )
        meetings = self.ctx.services.meetings.list(query).rows
        self.model.set_month(self.model.year, self.model.month, meetings)
        self.month_label.setText(self._month_text())
        self.count_label.setText(
            self.tr("この月の会議 {count}件", "", self.model.meeting_count()).format(
                count=self.model.meeting_count()
            )
        )
        index = self.model.index_of(self._selected)
        if index.isValid():
            self.table.setCurrentIndex(index)
        self._show_day(self._selected)

    # -- internals ---------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _month_text(self) -> str:
        year, month = self.model.year, self.model.month
        if self.ctx.dates.wareki:
            try:
                era_year = format_wareki_year(date(year, month, 1))
                return self.tr("{era_year}{month}月").format(era_year=era_year, month=month)
            except EraError:
                pass
        return self.tr("{year}年{month}月").format(year=year, month=month)

    def _day_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._selected = current.data(DATE_ROLE)
            self._show_day(self._selected)

    def _show_day(self, day: date) -> None:
        self.day_list.clear()
        meetings = self.model.meetings_on(day)
        self.day_label.setText(
            self.tr("{date}の会議 {count}件", "", len(meetings)).format(
                date=self.ctx.dates.format(day), count=len(meetings)
            )
        )
        for meeting in meetings:
            times = ""
            if meeting.start_time is not None:
                times = meeting.start_time.strftime("%H:%M")
                if meeting.end_time is not None:
                    times += "–" + meeting.end_time.strftime("%H:%M")
            parts = [
                p for p in (times, meeting.title, meeting.venue, enum_label(meeting.kind)) if p
            ]
            item = QListWidgetItem("  ".join(parts), self.day_list)
            item.setData(Qt.ItemDataRole.UserRole, str(meeting.id))

    def _activate_day(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        meetings = self.model.meetings_on(index.data(DATE_ROLE))
        if len(meetings) == 1:
            self.meeting_activated.emit(meetings[0].id)
        elif meetings:
            self.day_list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.day_list.setCurrentRow(0)

    def _activate_item(self, item: QListWidgetItem) -> None:
        self.meeting_activated.emit(uuid.UUID(item.data(Qt.ItemDataRole.UserRole)))

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.MEETING):
            self.reload()

    def _display_changed(self) -> None:
        self.month_label.setText(self._month_text())
        self._show_day(self._selected)

    def meetings_shown(self) -> list[Meeting]:
        """The meetings of the month shown, by date and time."""
        return self.model.meetings_in_month()
