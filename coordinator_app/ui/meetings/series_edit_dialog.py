"""シリーズの編集: rename every session of a series, move them all, export them as one .ics.

Moving is by the first session's new date: every session moves by the same
number of days, so a course on Tuesdays stays on Tuesdays. The preview shows
the new dates with their 祝日 before anything is stored; 保存 stores the whole
series in one transaction and renumbers it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.models import Meeting
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.meeting_series import SeriesInfo
from coordinator_app.ui.common.form import ERROR_STYLE
from coordinator_app.ui.common.saving import cannot_save, save_form
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import message_text
from coordinator_app.ui.meetings.calendar_model import weekday_name
from coordinator_app.ui.meetings.holiday_names import holiday_name
from coordinator_app.ui.meetings.keyboard import make_keyboard_friendly
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from coordinator_app.ui.meetings.meeting_fields import MeetingDateField
from coordinator_app.ui.meetings.meeting_output import export_ics
from coordinator_app.ui.meetings.series_dialog import HOLIDAY_COLOUR, SeriesDialog
from coordinator_app.ui.prompts import Prompts


class SeriesEditDialog(QDialog):
    """Name, first date (all sessions move with it), the sessions; 保存 and .ics.

    Attributes:
        info: the series as stored (after 保存, as saved).
    """

    def __init__(
        self,
        ctx: UiContext,
        prompts: Prompts,
        info: SeriesInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("series_edit_dialog")
        self.ctx = ctx
        self.prompts = prompts
        self.info = info
        self.setWindowTitle(self.tr("連続開催の編集"))
        self.title_edit = QLineEdit(info.series.title)
        self.first_field = MeetingDateField(ctx.dates)
        self.first_field.set_date(self._first_day())
        self.sessions_list = QListWidget()
        self.sessions_list.setMinimumHeight(180)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        note = QLabel(
            self.tr(
                "会議名を変えると各回の名前も変わります。初回の日付を変えると、"
                "すべての回が同じ日数だけ移動します。"
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("会議名(&N)"), self.title_edit)
        form.addRow(self.tr("初回の日付(&D)"), self.first_field)
        form.addRow(self.tr("各回"), self.sessions_list)
        self.ics_button = QPushButton(self.tr("カレンダーに書き出す…"))
        self.ics_button.setToolTip(self.tr("全回をひとつの .ics ファイルに書き出します"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.ics_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = buttons.addButton(
            self.tr("閉じる"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in (self.ics_button, self.close_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ics_button.clicked.connect(self.export_ics)
        self.first_field.textChanged.connect(self.update_preview)
        self.title_edit.textChanged.connect(self.update_preview)
        self.setMinimumWidth(460)
        make_keyboard_friendly(self)
        self.update_preview()

    def _first_day(self) -> date | None:
        return self.info.sessions[0].held_on if self.info.sessions else None

    def shift_days(self) -> int:
        """Days every session moves by (0 when the date is empty or unreadable)."""
        first = self._first_day()
        try:
            new_first = self.first_field.date()
        except ValueError:
            return 0
        if first is None or new_first is None:
            return 0
        return (new_first - first).days

    def update_preview(self) -> None:
        """The sessions as they will be after 保存."""
        self.sessions_list.clear()
        error = self.first_field.input_error()
        self._error(error or "")
        shift = timedelta(days=self.shift_days())
        for meeting in self.info.sessions:
            day = meeting.held_on + shift
            text = self.tr("第{n}回 {date}({weekday})").format(
                n=meeting.session_number or "?",
                date=self.ctx.dates.format(day),
                weekday=weekday_name(day),
            )
            holiday = holiday_name(day)
            item = QListWidgetItem(self.sessions_list)
            if holiday is not None:
                text += self.tr(" 祝日: {name}").format(name=holiday)
                item.setForeground(QBrush(HOLIDAY_COLOUR))
            item.setText(text)
            item.setData(Qt.ItemDataRole.UserRole, str(meeting.id))

    def accept(self) -> None:
        if self.first_field.input_error():
            return
        outcome = save_form(
            lambda: self.ctx.services.meetings.edit_series(
                self.info.series.id,
                title=self.title_edit.text(),
                shift_days=self.shift_days(),
            ),
            show=lambda errors: self._error("\n".join(message_text(m) for m in errors.values())),
            warn=cannot_save(self.ctx.prompts, self),
        )
        if outcome.stored is None:
            return
        self.info = outcome.stored
        super().accept()

    def export_ics(self) -> bool:
        """Every session of the series (as stored) into one .ics file."""
        ids = [meeting.id for meeting in self.info.sessions]
        return export_ics(self.ctx, self.prompts, ids, self) is not None

    def sessions(self) -> list[Meeting]:
        return list(self.info.sessions)

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.save_button.setEnabled(not text)


SERIES_EDIT, SERIES_NEW, SERIES_CANCEL = range(3)


def open_series_for(ctx: UiContext, editor: MeetingEditor, parent: QWidget) -> QDialog | None:
    """連続開催… for the meeting shown: a :class:`SeriesDialog`, or, when the meeting
    is already a session of a series, first the question whether to edit that
    series (:class:`SeriesEditDialog`) or to build a second one.

    Returns:
        The dialog opened (non-modal ``open()``), or None when the user cancelled.
    """
    record = editor.record
    series_id = record.series_id if isinstance(record, Meeting) else None
    if series_id is not None and editor.current_id is not None:
        try:
            info = ctx.services.meetings.series_info(series_id)
        except NotFoundError:
            info = None
        if info is not None:
            answer = editor.prompts.ask(
                parent,
                title=QCoreApplication.translate("SeriesEditDialog", "連続開催"),
                text=QCoreApplication.translate(
                    "SeriesEditDialog",
                    "この会議はすでに連続開催「{title}」(全{count}回)の第{number}回です。\n\n"
                    "シリーズ全体を編集しますか? 新しい連続開催を作ると、"
                    "この会議とは別のシリーズになります。",
                ).format(
                    title=info.series.title,
                    count=len(info.sessions),
                    number=getattr(record, "session_number", None) or "?",
                ),
                choices=[
                    QCoreApplication.translate("SeriesEditDialog", "シリーズを編集…"),
                    QCoreApplication.translate("SeriesEditDialog", "新しい連続開催を作成…"),
                    QCoreApplication.translate("SeriesEditDialog", "キャンセル"),
                ],
            )
            if answer == SERIES_EDIT:
                if editor.is_dirty and not editor.save():
                    return None
                edit = SeriesEditDialog(ctx, editor.prompts, info, parent)
                meeting_id = editor.current_id
                edit.accepted.connect(lambda: editor.load(meeting_id))
                edit.finished.connect(edit.deleteLater)
                edit.open()
                return edit
            if answer != SERIES_NEW:
                return None
    dialog = SeriesDialog(ctx, editor, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
