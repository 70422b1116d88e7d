"""変更履歴: who changed what and when in one record, from the server's history.

The history is asked for on the sync thread (the window never waits for the
network) when the tab is shown or shows another record, after each round
while it is shown, and on 再読み込み. A desk that is not logged in says so
(「サーバーに接続していません」); a failure says why in Japanese. Each row is
one field's change (a new record is one row 新規作成): the time, the user,
the desk, the field by the label the form gives it, and old → new shortened
to one line; the selected row's values are shown whole below. Every value is
plain text.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.era import EraError, format_wareki
from coordinator_app.sync.client import SyncError
from coordinator_app.sync.worker import SyncWorker
from coordinator_app.ui.common.list_table import SelectionMode, list_table
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.common.table_model import ChildTableModel, Column, ColumnKind, fit_columns
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import counted, message_text
from coordinator_app.ui.sync.conflict_dialog import FIELD_LABELS, value_text
from coordinator_app.ui.sync.controller import SyncController
from coordinator_app.ui.sync.install import window_sync

SHORT_TEXT = 30
"""Characters of a value shown in the list (the whole value is shown below it)."""
BOOKKEEPING = frozenset({"id", "created_at", "updated_at"})
"""Columns every save touches: not a change a person made."""
EXTRA_LABELS = {"deleted_at": QT_TRANSLATE_NOOP("HistoryTab", "削除")}

_tokens = itertools.count(1)


def shorten(text: str, limit: int = SHORT_TEXT) -> str:
    """The first line of ``text``, at most ``limit`` characters (… when cut)."""
    first, _, rest = text.partition("\n")
    if len(first) > limit:
        return first[: limit - 1] + "…"
    return first + ("…" if rest.strip() else "")


def when_japanese(at: str, dates: DateFormat) -> str:
    """A server time as 2026年11月30日 14:03 (令和8年11月30日 14:03 with 和暦), local time."""
    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    day = f"{moment.year}年{moment.month}月{moment.day}日"
    if dates.wareki:
        with contextlib.suppress(EraError):
            day = format_wareki(moment.date())
    return f"{day} {moment:%H:%M}"


class FieldNames:
    """Field names and values as the record's form shows them.

    A field the form has is named by its label (会場, 協議体…) and a value
    chosen in a list by the item's text (a kind's label, a council's name);
    other fields by the conflict dialog's names, else by the column name.
    """

    def __init__(self, editor: RecordEditor) -> None:
        self.editor = editor
        self._captions: dict[int, str] | None = None
        """id of a field widget -> its caption (read from the form once)."""

    def _widget(self, name: str) -> QWidget | None:
        for form in self.editor.forms:
            if form.owns(name):
                return form.widget(name)
        return None

    def label(self, name: str) -> str:
        if self._captions is None:
            self._captions = {
                id(caption.buddy()): re.sub(
                    r"\(&.\)|&(?=\S)", "", caption.text().removesuffix(" *")
                ).strip()
                for caption in self.editor.findChildren(QLabel)
                if caption.buddy() is not None
            }
        widget = self._widget(name)
        if widget is not None and id(widget) in self._captions:
            return self._captions[id(widget)]
        if name in EXTRA_LABELS:
            return QCoreApplication.translate("HistoryTab", EXTRA_LABELS[name])
        if name in FIELD_LABELS:
            return QCoreApplication.translate("ConflictDialog", FIELD_LABELS[name])
        return name

    def value(self, name: str, value: Any) -> str:
        widget = self._widget(name)
        if isinstance(widget, QComboBox) and value is not None:
            for i in range(widget.count()):
                data = widget.itemData(i)
                if data is not None and str(getattr(data, "value", data)) == str(value):
                    return widget.itemText(i)
        return value_text(value)


@dataclass(frozen=True)
class Unreachable:
    """The server could not be reached (the desk is offline): why."""

    reason: str


@dataclass(frozen=True)
class HistoryEntry:
    """One row of the history: a field's change, or a record's creation."""

    at: str
    actor: str
    device: str
    field: str
    old: str
    new: str
    created: bool = False
    """The row stands for the record's creation (``new`` lists its values)."""


def history_entries(changes: Sequence[dict[str, Any]], names: FieldNames) -> list[HistoryEntry]:
    """The server's changes (oldest first) as rows, newest first; the fields a new
    record was created with are one row 新規作成 (its values listed one per line)."""
    entries: list[HistoryEntry] = []
    created: dict[int, list[str]] = {}
    """index in ``entries`` of a creation -> its lines."""
    creation_of_tx: dict[Any, int] = {}
    for change in changes:
        field = str(change.get("field") or "")
        if field in BOOKKEEPING:
            continue
        at, actor = str(change.get("at") or ""), str(change.get("actor") or "")
        device = str(change.get("device_name") or change.get("device") or "")
        if change.get("op") == "insert":
            index = creation_of_tx.get(change.get("server_tx"))
            if index is None:
                index = creation_of_tx[change.get("server_tx")] = len(entries)
                entries.append(
                    HistoryEntry(
                        at,
                        actor,
                        device,
                        QCoreApplication.translate("HistoryTab", "(新規作成)"),
                        "",
                        "",
                        created=True,
                    )
                )
                created[index] = []
            if change.get("new") not in (None, ""):
                text = names.value(field, change.get("new"))
                created[index].append(f"{names.label(field)}: {text}")
            continue
        old = names.value(field, change.get("old"))
        new = names.value(field, change.get("new"))
        entries.append(HistoryEntry(at, actor, device, names.label(field), old, new))
    for index, lines in created.items():
        entries[index] = replace(entries[index], new="\n".join(lines))
    entries.reverse()
    return entries


def change_text(entry: HistoryEntry) -> str:
    """Old → new on one line, each shortened (a creation: its first values)."""
    if entry.created:
        return shorten(entry.new, SHORT_TEXT * 2)
    return f"{shorten(entry.old)} → {shorten(entry.new)}"


class HistoryModel(ChildTableModel[HistoryEntry]):
    """The rows of the 変更履歴 tab (set whole by :meth:`show_entries`)."""

    AT, ACTOR, FIELD, CHANGE = range(4)

    def __init__(self, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.entries: list[HistoryEntry] = []
        self.record: uuid.UUID | None = None

    def columns(self) -> list[Column]:
        return [
            Column(QCoreApplication.translate("HistoryTab", "日時"), kind=ColumnKind.DATETIME),
            Column(QCoreApplication.translate("HistoryTab", "変更者(端末)"), kind=ColumnKind.NAME),
            Column(QCoreApplication.translate("HistoryTab", "項目"), kind=ColumnKind.SHORT),
            Column(QCoreApplication.translate("HistoryTab", "変更内容"), kind=ColumnKind.TEXT),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[HistoryEntry]:
        return self.entries

    def record_id(self, row: HistoryEntry) -> uuid.UUID:
        return self.record or uuid.UUID(int=0)

    def display(self, row: HistoryEntry, column: int) -> object:
        if column == self.AT:
            return when_japanese(row.at, self.dates)
        if column == self.CHANGE:
            return change_text(row)
        if column == self.ACTOR:
            return f"{row.actor}({row.device})" if row.device else row.actor
        return row.field

    def show_entries(self, record: uuid.UUID | None, entries: list[HistoryEntry]) -> None:
        self.entries = entries
        self.load(record)


class HistoryTab(QWidget):
    """The 変更履歴 tab of one record form."""

    def __init__(self, editor: RecordEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.names = FieldNames(editor)
        self.record_id: uuid.UUID | None = None
        self._asked = ""
        """The tag of the request whose answer is awaited ("" when none)."""
        self._stale = True
        self._controller: SyncController | None = None
        self.status = QLabel(self)
        self.status.setObjectName("history_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.reload_button = QPushButton(
            QCoreApplication.translate("HistoryTab", "再読み込み"), self
        )
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.fetch)
        self.model = HistoryModel(editor.ctx.dates, self)
        self.table = list_table(self.model, self, selection=SelectionMode.SingleSelection)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        self.old_view = self._value_view("history_old")
        self.new_view = self._value_view("history_new")
        self.old_title = QLabel(QCoreApplication.translate("HistoryTab", "変更前"), self)
        self.new_title = QLabel(QCoreApplication.translate("HistoryTab", "変更後"), self)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.reload_button)
        values = QWidget(self)
        grid = QHBoxLayout(values)
        grid.setContentsMargins(0, 0, 0, 0)
        for title, view in ((self.old_title, self.old_view), (self.new_title, self.new_view)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(view, 1)
            grid.addLayout(column, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(values)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        editor.loaded.connect(self.show_record)
        editor.ctx.events.sig_records_changed.connect(self._records_changed)

    def _value_view(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit(self)
        view.setObjectName(name)
        view.setReadOnly(True)
        return view

    # -- what to show ------------------------------------------------------------

    def show_record(self, record_id: uuid.UUID | None) -> None:
        self.record_id = record_id
        self._stale = True
        self.model.show_entries(None, [])
        self._show_row(QModelIndex())
        if self.isVisible():
            self.fetch()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.fetch()

    def fetch(self) -> None:
        """Ask the server for the record's history (on the sync thread)."""
        self._stale = False
        record_id = self.record_id
        if record_id is None:
            self._say(
                QCoreApplication.translate(
                    "HistoryTab", "新しい記録には、まだ変更履歴がありません。"
                )
            )
            return
        sync = window_sync(self)
        controller = sync.controller if sync is not None else None
        if controller is None or not controller.state.logged_in:
            self._say(
                QCoreApplication.translate(
                    "HistoryTab",
                    "サーバーに接続していません。変更履歴はログインすると表示されます。",
                )
            )
            return
        self._follow(controller)
        table = self.editor.kind.table
        tag = f"history:{next(_tokens)}"
        self._asked = tag

        def ask(worker: SyncWorker) -> list[dict[str, Any]] | Unreachable:
            try:
                return worker.client.history(table, str(record_id))
            except SyncError as error:
                if error.code == "offline":
                    return Unreachable(error.message)
                raise

        self._say(QCoreApplication.translate("HistoryTab", "変更履歴を読み込んでいます…"))
        controller.call(tag, ask)

    def _follow(self, controller: SyncController) -> None:
        if self._controller is controller:
            return
        self._controller = controller
        controller.call_finished.connect(self._answered)
        controller.round_finished.connect(self._round_finished)

    def _answered(self, tag: str, result: object, message: str) -> None:
        if tag != self._asked:
            return  # another request's answer, or one for a record no longer shown
        self._asked = ""
        if message:
            self._say(
                QCoreApplication.translate(
                    "HistoryTab", "変更履歴を読み込めませんでした: {message}"
                ).format(message=message),
                True,
            )
            return
        if isinstance(result, Unreachable):
            self._say(
                QCoreApplication.translate(
                    "HistoryTab", "サーバーに接続していません。\n{reason}"
                ).format(reason=message_text(result.reason)),
                True,
            )
            return
        entries = history_entries(result if isinstance(result, list) else [], self.names)
        self.model.show_entries(self.record_id, entries)
        fit_columns(self.table)
        if entries:
            self._say(counted("{n}件の変更(新しい順)", len(entries)).format(n=len(entries)))
            self.table.selectRow(0)
        else:
            self._say(
                QCoreApplication.translate(
                    "HistoryTab",
                    "サーバーにはまだ変更履歴がありません(未送信の変更は送信後に表示されます)。",
                )
            )

    def _round_finished(self) -> None:
        if self.isVisible() and not self._asked:
            self.fetch()

    def _records_changed(self, changes: Changes) -> None:
        if self.record_id is not None and self.record_id in changes.ids(self.editor.kind):
            self._stale = True  # fetched again when shown (or after the next round)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")

    def _show_row(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        entry = self.model.row_item(current.row()) if current.isValid() else None
        self.old_view.setPlainText(entry.old if entry is not None else "")
        self.new_view.setPlainText(entry.new if entry is not None else "")


def attach_history_tab(editor: RecordEditor) -> HistoryTab:
    """Add the 変更履歴 tab (last) to ``editor``."""
    tab = HistoryTab(editor)
    editor.add_tab(tab, QCoreApplication.translate("HistoryTab", "変更履歴"), scroll=False)
    return tab


def attach_record_sync(editor: RecordEditor) -> None:
    """The conflict banner and the 変更履歴 tab of a record form (one call per form)."""
    from coordinator_app.ui.sync.conflict_banner import attach_conflict_banner

    attach_conflict_banner(editor)
    attach_history_tab(editor)
