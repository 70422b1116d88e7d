"""The banner above a record's form while the record has open sync conflicts.

「この記録には未解決の競合があります（n件）」 with 「競合を確認…」, which opens
競合の確認 with only this record's conflicts. The banner follows the event hub:
a conflict kept by a push, one resolved (here, or on another desk and learnt
in a round) publishes the record's change, and the banner counts again. It
never waits for the network: the count is read from this desk's database.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.sync_conflicts import SyncConflictService
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.sync.install import window_sync

BANNER_STYLE = (
    "QFrame#conflict_banner { background: #fdecea; border: 1px solid #e57373; border-radius: 3px; }"
)


class ConflictBanner(QFrame):
    """Shown above the form of a record with open conflicts (hidden otherwise)."""

    def __init__(self, ctx: UiContext, kind: RecordKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_banner")
        self.setStyleSheet(BANNER_STYLE)
        self.kind = kind
        self.store = SyncConflictService(ctx.services.db)
        self.record_id: uuid.UUID | None = None
        self.count = 0
        self.dialog: QDialog | None = None
        self.label = QLabel(self)
        self.label.setObjectName("conflict_banner_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #8e0000; font-weight: bold;")
        self.button = QPushButton(QCoreApplication.translate("ConflictBanner", "競合を確認…"), self)
        self.button.setObjectName("conflict_banner_open")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.open_conflicts)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()
        ctx.events.sig_records_changed.connect(self._records_changed)

    def show_record(self, record_id: uuid.UUID | None) -> None:
        """Follow ``record_id`` (None: a new record, never in conflict)."""
        self.record_id = record_id
        self.refresh()

    def refresh(self) -> None:
        record_id = self.record_id
        self.count = 0 if record_id is None else self.store.open_count(self.kind.table, record_id)
        if self.count:
            self.label.setText(
                QCoreApplication.translate(
                    "ConflictBanner", "この記録には未解決の競合があります（{n}件）"
                ).format(n=self.count)
            )
            self.button.setVisible(window_sync(self) is not None)
        self.setVisible(self.count > 0)

    def open_conflicts(self) -> QDialog | None:
        """競合の確認 with this record's conflicts (the main window's sync does it)."""
        sync = window_sync(self)
        if sync is None or self.record_id is None:
            return None
        self.dialog = sync.open_conflicts(record=(self.kind.table, self.record_id))
        return self.dialog

    def _records_changed(self, changes: Changes) -> None:
        if self.record_id is None:
            return
        if changes.all or self.record_id in changes.ids(self.kind):
            self.refresh()


def attach_conflict_banner(editor: RecordEditor) -> ConflictBanner:
    """Put a banner above ``editor``'s form (under its heading and sync notice) that
    follows the record the form shows."""
    banner = ConflictBanner(editor.ctx, editor.kind, editor)
    editor.body.insertWidget(editor.body.indexOf(editor.sync_notice) + 1, banner)
    editor.loaded.connect(banner.show_record)
    return banner
