"""Sync in the main window: the status bar, the ツール menu and the login in 設定."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from coordinator_app.ui.profiles.current import follow_account
from coordinator_app.ui.sync.controller import SyncController
from coordinator_app.ui.sync.login_dialog import SyncLoginDialog
from coordinator_app.ui.sync.look_alikes_offer import install_look_alikes
from coordinator_app.ui.sync.status import SyncStatus

if TYPE_CHECKING:
    from coordinator_app.ui.main.main_window import MainWindow

SYNC_NOW_SHORTCUT = "F9"


class SyncUi:
    """What sync adds to one main window (kept as ``window.sync``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        ctx = window.ctx
        self.controller = SyncController(ctx.services, ctx.events)
        self.status = SyncStatus(window)
        window.statusBar().addPermanentWidget(self.status)
        self.controller.state_changed.connect(self.status.show_state)
        # Logged in, the desk's user is the server account (the picker shows it).
        self.controller.account_changed.connect(lambda account: follow_account(ctx, account))
        self.status.review_requested.connect(self.open_conflicts)
        self.controller.refresh_counts()
        self.action_sync = window.add_command(
            "tools",
            QCoreApplication.translate("SyncMenu", "今すぐ同期"),
            self.sync_now,
            shortcuts=[SYNC_NOW_SHORTCUT],
        )
        self.action_login = window.add_command(
            "tools",
            QCoreApplication.translate("SyncMenu", "同期サーバーにログイン…"),
            self.open_login,
        )
        self.action_conflicts = window.add_command(
            "tools",
            QCoreApplication.translate("SyncMenu", "競合の確認…"),
            self.open_conflicts,
            shortcuts=["Ctrl+Shift+K"],
        )
        install_look_alikes(self)
        self.dialog: QDialog | None = None
        window.destroyed.connect(self.controller.stop)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.controller.stop)

    def sync_now(self) -> None:
        if not self.controller.state.logged_in:
            self.open_login()
            return
        self.controller.sync_now()

    def open_login(self) -> SyncLoginDialog:
        dialog = SyncLoginDialog(self.controller, self.window.ctx.settings, self.window)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_conflicts(self, record: tuple[str, uuid.UUID] | None = None) -> QDialog:
        """競合の確認 (only ``record``'s conflicts when given: (table, id))."""
        from coordinator_app.ui.sync.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(self.controller, self.window.ctx, self.window, record=record)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog


def window_sync(widget: QWidget) -> SyncUi | None:
    """The sync of the main window ``widget`` is in (a page's form, or a record window
    the main window opened); None when that window has no sync installed."""
    current: QWidget | None = widget
    while current is not None:
        found = getattr(current, "sync", None)
        if isinstance(found, SyncUi):
            return found
        current = current.parentWidget()
    return None


def install_sync(window: MainWindow) -> SyncUi:
    """Add sync to ``window``; the 設定 dialog offers the login through ``open_sync_login``."""
    sync = SyncUi(window)
    window.sync = sync  # type: ignore[attr-defined]
    window.open_sync_login = sync.open_login  # type: ignore[attr-defined]
    return sync
