"""The sync state in the status bar: 接続中/オフライン, 未送信, 競合, 最終同期."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coordinator_app.ui.labels import counted
from coordinator_app.ui.sync.controller import SyncState


def status_text(state: SyncState) -> str:
    """One line for ``state`` (plain text)."""
    if not state.logged_in:
        return QCoreApplication.translate("SyncStatus", "同期: 未接続(この端末だけで使用中)")
    parts = [
        QCoreApplication.translate("SyncStatus", "同期中…")
        if state.busy
        else QCoreApplication.translate("SyncStatus", "接続中")
        if state.online
        else QCoreApplication.translate("SyncStatus", "オフライン")
    ]
    parts.append(counted("未送信 {n}件", state.unsent).format(n=state.unsent))
    if state.last_sync is not None:
        parts.append(
            QCoreApplication.translate("SyncStatus", "最終同期 {time}").format(
                time=state.last_sync.strftime("%H:%M")
            )
        )
    return "  ".join(parts)


class SyncStatus(QWidget):
    """A label and, when there is something to deal with, a 競合 button.

    Signals:
        review_requested(): the user clicked the conflicts button.
    """

    review_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("sync_status")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("sync_open")
        self.open_button.setFlat(True)
        self.open_button.setStyleSheet("color: #b00020; font-weight: bold;")
        self.open_button.clicked.connect(self.review_requested)
        row.addWidget(self.label)
        row.addWidget(self.open_button)
        self.show_state(SyncState())

    def show_state(self, state: SyncState) -> None:
        self.label.setText(status_text(state))
        self.label.setToolTip(state.error)
        if state.error:
            self.label.setStyleSheet("color: #8a5a00;")
        else:
            self.label.setStyleSheet("")
        open_parts = []
        if state.conflicts:
            open_parts.append(counted("競合 {n}件", state.conflicts).format(n=state.conflicts))
        if state.refused:
            open_parts.append(
                counted("送信できなかった変更 {n}件", state.refused).format(n=state.refused)
            )
        self.open_button.setText("  ".join(open_parts))
        self.open_button.setVisible(bool(open_parts))
