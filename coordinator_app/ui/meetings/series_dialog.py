"""連続開催: create the sessions of a recurring meeting from what the meeting form holds.

The form gives kind, title, times, venue, links and attendance; this dialog
only asks when: the first date, how it repeats, how many sessions, and shows
the dates. Each can be unticked (the others are renumbered, no gap); dates
that fall on a 祝日 are marked and can be skipped or moved to the next
working day at once. A meeting already in a series is not made into a second
series without a word: :func:`open_series_for` offers to edit that series.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.japanese_holidays import next_working_day
from coordinator_app.domain.models import Meeting
from coordinator_app.services.meeting_series import MAX_SERIES_SESSIONS
from coordinator_app.ui.common.form import ERROR_STYLE
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import message_text, names_text
from coordinator_app.ui.meetings.calendar_model import weekday_name
from coordinator_app.ui.meetings.holiday_names import holiday_name
from coordinator_app.ui.meetings.keyboard import make_keyboard_friendly
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from coordinator_app.ui.meetings.meeting_fields import MeetingDateField
from coordinator_app.ui.meetings.recurrence import Repeat, series_dates

DEFAULT_SESSIONS = 9
"""Kurashiki's helper training course: 9 sessions."""
HOLIDAY_COLOUR = QColor("#c62828")


class SeriesDialog(QDialog):
    """First date, repeat, number of sessions, the dates; 作成 stores them all at once.

    Attributes:
        created: the sessions stored (empty until 作成 succeeded).
    """

    def __init__(
        self, ctx: UiContext, editor: MeetingEditor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor = editor
        self.created: list[Meeting] = []
        self.setWindowTitle(self.tr("連続開催の会議を作成"))
        self.first_field = MeetingDateField(ctx.dates)
        try:
            first = editor.date_field.date() or date.today()
        except ValueError:
            first = date.today()
        self.first_field.set_date(first)
        self.repeat_combo = QComboBox()
        for repeat, text in (
            (Repeat.WEEKLY, self.tr("毎週")),
            (Repeat.BIWEEKLY, self.tr("隔週")),
            (Repeat.MONTHLY_DATE, self.tr("毎月(同じ日)")),
            (Repeat.MONTHLY_WEEKDAY, self.tr("毎月(同じ週の同じ曜日)")),
        ):
            self.repeat_combo.addItem(text, repeat.value)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, MAX_SERIES_SESSIONS)
        self.count_spin.setValue(DEFAULT_SESSIONS)
        self.count_spin.setSuffix(self.tr("回"))
        self.dates_list = QListWidget()
        self.dates_list.setMinimumHeight(200)
        self.dates_list.setToolTip(self.tr("Space でその日の開催をやめる・戻す"))
        self.holiday_label = QLabel()
        self.holiday_label.setObjectName("holiday_warning")
        self.holiday_label.setWordWrap(True)
        self.holiday_label.setStyleSheet(ERROR_STYLE)
        self.skip_holidays_button = QPushButton(self.tr("祝日の回を外す"))
        self.move_holidays_button = QPushButton(self.tr("祝日の回を翌平日に移す"))
        holiday_row = QHBoxLayout()
        holiday_row.addWidget(self.skip_holidays_button)
        holiday_row.addWidget(self.move_holidays_button)
        holiday_row.addStretch(1)
        self.holiday_box = QWidget()
        holiday_layout = QVBoxLayout(self.holiday_box)
        holiday_layout.setContentsMargins(0, 0, 0, 0)
        holiday_layout.addWidget(self.holiday_label)
        holiday_layout.addLayout(holiday_row)
        self.holiday_box.hide()
        self.error_label = plain(QLabel())
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        summary = plain(QLabel())
        summary.setText(
            self.tr(
                "「{title}」の内容(時刻・会場・出席者など)で、各回を別々の会議として作成します。"
            ).format(title=editor.title_edit.text().strip() or self.tr("(会議名なし)"))
        )
        summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("初回"), self.first_field)
        form.addRow(self.tr("繰り返し"), self.repeat_combo)
        form.addRow(self.tr("回数"), self.count_spin)
        form.addRow(self.tr("開催日"), self.dates_list)
        form.addRow("", self.holiday_box)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("作成"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.first_field.textChanged.connect(self.update_dates)
        self.repeat_combo.currentIndexChanged.connect(self.update_dates)
        self.count_spin.valueChanged.connect(self.update_dates)
        self.dates_list.itemChanged.connect(self._relabel)
        self.skip_holidays_button.clicked.connect(self.skip_holidays)
        self.move_holidays_button.clicked.connect(self.move_holidays)
        self.setMinimumWidth(440)
        make_keyboard_friendly(self)
        self.update_dates()

    def update_dates(self) -> None:
        """Recompute the list of dates (all ticked)."""
        try:
            first = self.first_field.date()
        except ValueError:
            first = None
        if first is None:
            self._fill([])
            self._error(self.first_field.input_error() or self.tr("初回の日付を入力してください"))
            return
        self._error("")
        repeat = Repeat(self.repeat_combo.currentData())
        self._fill([(day, True) for day in series_dates(first, repeat, self.count_spin.value())])

    def skip_holidays(self) -> None:
        """Untick every date that is a 祝日 (the others are renumbered)."""
        self._fill([(day, ticked and holiday_name(day) is None) for day, ticked in self._rows()])

    def move_holidays(self) -> None:
        """Move every 祝日 to the next working day not already in the list."""
        rows = self._rows()
        taken = {day for day, _ticked in rows}
        moved = []
        for day, ticked in rows:
            if holiday_name(day) is not None:
                target = next_working_day(day)
                while target in taken:
                    target = next_working_day(target)
                taken.add(target)
                day = target
            moved.append((day, ticked))
        self._fill(sorted(moved))

    def holiday_dates(self) -> list[date]:
        """The ticked dates that fall on a 祝日."""
        return [day for day in self.dates() if holiday_name(day) is not None]

    def _rows(self) -> list[tuple[date, bool]]:
        return [
            (
                date.fromisoformat(self.dates_list.item(i).data(Qt.ItemDataRole.UserRole)),
                self.dates_list.item(i).checkState() == Qt.CheckState.Checked,
            )
            for i in range(self.dates_list.count())
        ]

    def _fill(self, rows: list[tuple[date, bool]]) -> None:
        self.dates_list.blockSignals(True)
        self.dates_list.clear()
        for day, ticked in rows:
            item = QListWidgetItem(self.dates_list)
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.dates_list.blockSignals(False)
        self._relabel()

    def _relabel(self, *_args: object) -> None:
        """Number the ticked dates 第1回, 第2回 … without gaps; mark 祝日."""
        self.dates_list.blockSignals(True)
        number = 0
        for i in range(self.dates_list.count()):
            item = self.dates_list.item(i)
            day = date.fromisoformat(item.data(Qt.ItemDataRole.UserRole))
            text = self.tr("{date}({weekday})").format(
                date=self.ctx.dates.format(day), weekday=weekday_name(day)
            )
            if item.checkState() == Qt.CheckState.Checked:
                number += 1
                text = self.tr("第{n}回 {day}").format(n=number, day=text)
            else:
                text = self.tr("— {day} 開催しない").format(day=text)
            holiday = holiday_name(day)
            if holiday is not None:
                text += self.tr(" 祝日: {name}").format(name=holiday)
                item.setForeground(QBrush(HOLIDAY_COLOUR))
            else:
                item.setForeground(QBrush())
            item.setText(text)
        self.dates_list.blockSignals(False)
        holidays = self.holiday_dates()
        self.holiday_label.setText(
            self.tr("祝日に当たる回があります: {dates}").format(
                dates=names_text(
                    f"{self.ctx.dates.format(day)}({holiday_name(day)})" for day in holidays
                )
            )
        )
        self.holiday_box.setVisible(bool(holidays))

    def dates(self) -> list[date]:
        """The ticked dates."""
        return [
            date.fromisoformat(self.dates_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.dates_list.count())
            if self.dates_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        dates = self.dates()
        if not dates:
            self._error(self.tr("開催日を1日以上選んでください"))
            return
        holidays = self.holiday_dates()
        if holidays and not self.editor.prompts.confirm(
            self,
            title=self.tr("祝日の開催"),
            text=self.tr(
                "次の回は祝日です。このまま作成しますか?\n{dates}\n\n"
                "「祝日の回を外す」「祝日の回を翌平日に移す」で変えることもできます。"
            ).format(
                dates="\n".join(
                    f"{self.ctx.dates.format(day)}({holiday_name(day)})" for day in holidays
                )
            ),
            accept_text=self.tr("このまま作成"),
        ):
            return
        created, errors = self.editor.save_as_series(dates)
        if not created:
            self._error(
                self.tr("作成できませんでした。会議の入力内容を確認してください。")
                + "\n"
                + "\n".join(message_text(m) for m in errors.values())
            )
            return
        self.created = created
        super().accept()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.create_button.setEnabled(not text or self.dates_list.count() > 0)
