"""競合の確認: the open conflicts one by one, and the changes the server refused.

For each conflict: the value both desks started from, yours (when, from this
desk) and the current one on the server (who, when — from the server's
history, fetched on the sync thread). The person keeps the current value,
uses theirs, or types a third one; the decision is an ordinary edit (pushed
with the next round) and the server is told the conflict is resolved. Long
text is shown side by side with the differences marked. Every value is shown
as plain text.
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import Message, joined
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.sync_conflicts import OpenConflict, RefusedChange
from coordinator_app.sync.worker import SyncWorker
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text, kind_label, message_text
from coordinator_app.ui.sync.controller import SyncController
from coordinator_app.ui.sync.diff_view import DiffView

FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "件名"),
    "name": QT_TRANSLATE_NOOP("ConflictDialog", "名称"),
    "kana": QT_TRANSLATE_NOOP("ConflictDialog", "ふりがな"),
    "venue": QT_TRANSLATE_NOOP("ConflictDialog", "会場"),
    "agenda": QT_TRANSLATE_NOOP("ConflictDialog", "議題"),
    "minutes": QT_TRANSLATE_NOOP("ConflictDialog", "記録"),
    "decisions": QT_TRANSLATE_NOOP("ConflictDialog", "決定事項"),
    "notes": QT_TRANSLATE_NOOP("ConflictDialog", "メモ"),
    "summary": QT_TRANSLATE_NOOP("ConflictDialog", "概要"),
    "held_on": QT_TRANSLATE_NOOP("ConflictDialog", "開催日"),
    "description": QT_TRANSLATE_NOOP("ConflictDialog", "説明"),
    "address": QT_TRANSLATE_NOOP("ConflictDialog", "住所"),
    "phone": QT_TRANSLATE_NOOP("ConflictDialog", "電話番号"),
    "email": QT_TRANSLATE_NOOP("ConflictDialog", "メールアドレス"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


def value_text(value: Any) -> str:
    """A wire value as a person reads it (empty: (空欄))."""
    if value is None or value == "":
        return QCoreApplication.translate("ConflictDialog", "(空欄)")
    if value is True:
        return QCoreApplication.translate("ConflictDialog", "はい")
    if value is False:
        return QCoreApplication.translate("ConflictDialog", "いいえ")
    return str(value)


def when_text(at: str) -> str:
    """An ISO time from the server or the desk as 2026-05-01 14:03, in local time."""
    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def conflict_title(conflict: OpenConflict) -> str:
    kind = conflict.kind
    what = kind_label(kind) if kind is not None else conflict.table
    field = _tr(FIELD_LABELS.get(conflict.field, conflict.field))
    name = f"「{conflict.record_title}」" if conflict.record_title else ""
    return f"{what}{name} の {field}"


def _table_label(table: str) -> str:
    kind = RecordKind.of_table(table)
    return kind_label(kind) if kind is not None else table


def tables_text(tables: tuple[str, ...]) -> str:
    """The kinds of record of a refused change as one list ("会議、進捗" / "Meetings, Progress")."""
    kinds = [RecordKind.of_table(table) for table in tables]
    labels = [
        Message("RecordKind", kind.label) if kind is not None else table
        for kind, table in zip(kinds, tables, strict=True)
    ]
    return message_text(joined(labels))


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConflictDialog(QDialog):
    """The open conflicts (tab 競合) and refused changes (tab 送信できなかった変更)."""

    def __init__(
        self,
        controller: SyncController,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        record: tuple[str, uuid.UUID] | None = None,
    ):
        super().__init__(parent)
        self.controller = controller
        self.ctx = ctx
        self.store = controller.store
        self.record = record
        """(table, id): only that record's conflicts (opened from its banner)."""
        self.conflicts: list[OpenConflict] = []
        self.refused_rows: list[RefusedChange] = []
        self._current_by: dict[str, tuple[str, str]] = {}
        """conflict id -> (who, when) of the server's current value."""
        self.setWindowTitle(self.tr("競合の確認"))
        if record is not None:
            self.setWindowTitle(self.tr("競合の確認 — {what}").format(what=_table_label(record[0])))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_conflicts(), self.tr("競合"))
        self.tabs.addTab(self._build_refused(), self.tr("送信できなかった変更"))
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("閉じる"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        controller.call_finished.connect(self._call_finished)
        self.reload()

    # -- building ----------------------------------------------------------------

    def _build_conflicts(self) -> QWidget:
        page = QWidget(self)
        self.list = QListWidget(page)
        # A long record name wraps instead of hiding behind a horizontal scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.currentRowChanged.connect(self._show)
        self.empty_label = _plain(QLabel(self.tr("未解決の競合はありません。"), page))
        self.title_label = _plain(QLabel(page))
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.diff = DiffView(page)
        self.edit = QPlainTextEdit(page)
        self.edit.setObjectName("conflict_edit")
        self.edit.hide()
        self.message = _plain(QLabel(page))
        self.message.setStyleSheet("color: #b00020;")
        self.keep_button = QPushButton(self.tr("現在の値のままにする"), page)
        self.mine_button = QPushButton(self.tr("自分の値を使う"), page)
        self.edit_button = QPushButton(self.tr("編集して解決…"), page)
        self.save_edit_button = QPushButton(self.tr("この内容で解決"), page)
        self.save_edit_button.hide()
        self.keep_button.clicked.connect(lambda: self._decide("current"))
        self.mine_button.clicked.connect(lambda: self._decide("mine"))
        self.edit_button.clicked.connect(self._start_edit)
        self.save_edit_button.clicked.connect(lambda: self._decide("edited"))
        actions = QHBoxLayout()
        for button in (self.keep_button, self.mine_button, self.edit_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.save_edit_button)
        detail = QVBoxLayout()
        detail.addWidget(self.title_label)
        detail.addWidget(self.diff, 1)
        detail.addWidget(self.edit, 1)
        detail.addWidget(self.message)
        detail.addLayout(actions)
        left = QVBoxLayout()
        left.addWidget(self.empty_label)
        left.addWidget(self.list, 1)
        row = QHBoxLayout(page)
        row.addLayout(left, 2)
        row.addLayout(detail, 7)
        return page

    def _build_refused(self) -> QWidget:
        page = QWidget(self)
        note = _plain(
            QLabel(
                self.tr(
                    "サーバーが受け付けなかった変更です。理由を確認し、必要なら記録を直して"
                    "から「確認済みにする」を押してください。"
                ),
                page,
            )
        )
        self.refused_table = QTableWidget(0, 3, page)
        self.refused_table.setHorizontalHeaderLabels(
            [self.tr("日時"), self.tr("記録の種類"), self.tr("理由")]
        )
        self.refused_table.horizontalHeader().setStretchLastSection(True)
        self.refused_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.refused_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.dismiss_button = QPushButton(self.tr("確認済みにする"), page)
        self.dismiss_button.clicked.connect(self._dismiss)
        column = QVBoxLayout(page)
        column.addWidget(note)
        column.addWidget(self.refused_table, 1)
        column.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # -- showing -----------------------------------------------------------------

    def reload(self) -> None:
        self.conflicts = [
            c
            for c in self.store.open_conflicts()
            if self.record is None or (c.table, c.row_id) == self.record
        ]
        self.list.clear()
        for conflict in self.conflicts:
            item = QListWidgetItem(conflict_title(conflict))
            item.setToolTip(conflict_title(conflict))
            self.list.addItem(item)
            if conflict.id not in self._current_by:
                self._ask_who(conflict)
        has_any = bool(self.conflicts)
        self.empty_label.setVisible(not has_any)
        for widget in (self.keep_button, self.mine_button, self.edit_button):
            widget.setEnabled(has_any)
        if has_any:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)
        self.refused_rows = self.store.refused()
        self.refused_table.setRowCount(len(self.refused_rows))
        for row, refused in enumerate(self.refused_rows):
            for column, text in enumerate(
                (
                    when_text(refused.at),
                    tables_text(refused.tables),
                    message_text(refused.message) or refused.code,
                )
            ):
                self.refused_table.setItem(row, column, QTableWidgetItem(text))
        self.dismiss_button.setEnabled(bool(self.refused_rows))
        self.controller.refresh_counts()

    @property
    def current(self) -> OpenConflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show(self, _row: int) -> None:
        conflict = self.current
        self.message.clear()
        self._end_edit()
        if conflict is None:
            self.title_label.clear()
            self.diff.show_base("", "")
            self.diff.show_texts("", "", "", "")
            return
        self.title_label.setText(conflict_title(conflict))
        self.diff.show_base(self.tr("元の値"), value_text(conflict.base))
        who, when = self._current_by.get(conflict.id, ("", ""))
        current_title = (
            self.tr("現在の値({who}、{when})").format(who=who, when=when_text(when))
            if who
            else self.tr("現在の値(サーバー)")
        )
        mine_title = self.tr("あなたの値({when}、この端末)").format(when=when_text(conflict.at))
        self.diff.show_texts(
            mine_title, value_text(conflict.mine), current_title, value_text(conflict.current)
        )
        self.edit_button.setEnabled(conflict.editable_as_text)

    # -- deciding ----------------------------------------------------------------

    def _start_edit(self) -> None:
        conflict = self.current
        if conflict is None:
            return
        self.edit.setPlainText("" if conflict.mine is None else str(conflict.mine))
        self.edit.show()
        self.save_edit_button.show()
        self.edit.setFocus()

    def _end_edit(self) -> None:
        self.edit.hide()
        self.save_edit_button.hide()

    def _decide(self, how: str) -> None:
        conflict = self.current
        if conflict is None:
            return
        value = {
            "current": conflict.current,
            "mine": conflict.mine,
            "edited": self.edit.toPlainText(),
        }[how]
        try:
            self.store.resolve(conflict, value)
        except ValidationError as error:
            self.message.setText(error_text(error))
            return
        except Exception as error:  # the database refused: nothing changed, say why
            self.message.setText(self.tr("保存できませんでした: {error}").format(error=error))
            return
        conflict_id = conflict.id

        def tell_server(worker: SyncWorker) -> str:
            worker.client.resolve_conflict(conflict_id)
            return conflict_id

        self.controller.call(f"resolve:{conflict_id}", tell_server)
        self.reload()
        self.controller.sync_now()

    def _dismiss(self) -> None:
        row = self.refused_table.currentRow()
        if not 0 <= row < len(self.refused_rows):
            row = 0
        if not self.refused_rows:
            return
        self.store.dismiss_refused(self.refused_rows[row].id)
        self.reload()

    # -- the server's answers ----------------------------------------------------

    def _ask_who(self, conflict: OpenConflict) -> None:
        table, row_id, field = conflict.table, str(conflict.row_id), conflict.field

        def last_change(worker: SyncWorker) -> tuple[str, str] | None:
            for change in reversed(worker.client.history(table, row_id)):
                if change.get("field") == field:
                    return str(change.get("actor") or ""), str(change.get("at") or "")
            return None

        self.controller.call(f"who:{conflict.id}", last_change)

    def _call_finished(self, tag: str, result: object, message: str) -> None:
        kind, _, conflict_id = tag.partition(":")
        if kind == "who" and isinstance(result, tuple):
            self._current_by[conflict_id] = result  # type: ignore[assignment]
            if self.current is not None and self.current.id == conflict_id:
                self._show(self.list.currentRow())
        elif kind == "resolve" and message:
            # The server was not told: the conflict stays open here too (the edit stays).
            self.store.reopen(conflict_id)
            self.reload()
            self.message.setText(
                self.tr("サーバーに解決を伝えられませんでした: {message}").format(message=message)
            )

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.call_finished.disconnect(self._call_finished)
        super().done(result)
