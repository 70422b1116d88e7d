"""連続開催: create the sessions of a recurring meeting from what the meeting form holds.

The form gives kind, title, times, venue, links and attendance; this dialog
only asks when: the first date, how it repeats, how many sessions, and shows
the dates (each can be unticked, e.g. a holiday).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.models import Meeting
from coordinator_app.services.meetings import MAX_SERIES_SESSIONS
from coordinator_app.ui.common.form import ERROR_STYLE
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.calendar_model import weekday_name
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from coordinator_app.ui.meetings.meeting_fields import MeetingDateField
from coordinator_app.ui.meetings.recurrence import Repeat, series_dates

DEFAULT_SESSIONS = 9
"""Kurashiki's helper training course: 9 sessions."""


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
        self.setMinimumWidth(440)
        self.update_dates()

    def update_dates(self) -> None:
        """Recompute the list of dates (all ticked)."""
        self.dates_list.clear()
        try:
            first = self.first_field.date()
        except ValueError:
            first = None
        if first is None:
            self._error(self.first_field.input_error() or self.tr("初回の日付を入力してください"))
            return
        self._error("")
        repeat = Repeat(self.repeat_combo.currentData())
        for number, day in enumerate(series_dates(first, repeat, self.count_spin.value()), 1):
            weekday = weekday_name(day)
            item = QListWidgetItem(
                self.tr("第{n}回 {date}({weekday})").format(
                    n=number, date=self.ctx.dates.format(day), weekday=weekday
                ),
                self.dates_list,
            )
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)

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
        created, errors = self.editor.save_as_series(dates)
        if not created:
            self._error(
                self.tr("作成できませんでした。会議の入力内容を確認してください。")
                + "\n"
                + "\n".join(errors.values())
            )
            return
        self.created = created
        super().accept()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.create_button.setEnabled(not text or self.dates_list.count() > 0)
