"""Opening the database at start-up: check first, then open, restore, read-only or wait.

The composition root calls :meth:`StartupOpener.open` before it builds the
services. Nothing is written to a file that failed the check: a damaged file
is only renamed when the user chooses to restore a backup.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from coordinator_app.services.data_safety import (
    BackupError,
    BackupInfo,
    CannotOpenReadOnlyError,
    Database,
    DataSafetyService,
    InstanceLockedError,
    OpenCheck,
    OpenedDatabase,
)
from coordinator_app.ui.data_safety.open_failure_dialog import OpenChoice, OpenFailureDialog
from coordinator_app.ui.data_safety.wait_dialog import WaitForCloseDialog
from coordinator_app.ui.labels import error_text, message_text
from coordinator_app.ui.prompts import Prompts

Ask = Callable[[OpenCheck, BackupInfo | None], OpenChoice]
"""Shows the open-failure dialog and returns the user's choice."""
Wait = Callable[[OpenCheck], bool]
"""Waits for the other instance; True once this one holds the lock."""

BACKUP_FILTERS = QT_TRANSLATE_NOOP(
    "StartupOpener", "SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)"
)


def _t(text: str) -> str:
    return QCoreApplication.translate("StartupOpener", text)


class StartupOpener:
    """Check the database file and open it, asking the user when it cannot simply be opened.

    Args:
        safety: the data safety service of the file.
        prompts: messages and file pickers.
        ask: shows the open-failure dialog (tests pass one that clicks a button).
        wait: waits for the other instance (tests pass one that does not block).
    """

    def __init__(
        self,
        safety: DataSafetyService,
        prompts: Prompts,
        *,
        parent: QWidget | None = None,
        ask: Ask | None = None,
        wait: Wait | None = None,
    ) -> None:
        self.safety = safety
        self.prompts = prompts
        self.parent = parent
        self.ask = ask or self._ask_with_dialog
        self.wait = wait or self._wait_with_dialog

    def open(self) -> OpenedDatabase | None:
        """The opened database, or None when the user quits."""
        while True:
            verdict = self.safety.check()
            if verdict.can_open:
                opened = self._open(verdict)
                if opened is not None:
                    return opened
                continue
            backup = self.safety.newest_good_backup() if verdict.offers_backup else None
            choice = self.ask(verdict, backup)
            if choice == OpenChoice.QUIT:
                return None
            if choice == OpenChoice.RESTORE_BACKUP and backup is not None:
                opened = self._restore(backup)
            elif choice == OpenChoice.CHOOSE_BACKUP:
                path = self.prompts.choose_open_file(
                    self.parent,
                    title=QCoreApplication.translate("StartupOpener", "復元するバックアップを選ぶ"),
                    filters=_t(BACKUP_FILTERS),
                )
                opened = self._restore(path) if path is not None else None
            elif choice == OpenChoice.READ_ONLY:
                opened = self._open_read_only(verdict)
            elif choice == OpenChoice.WAIT:
                if self.wait(verdict):
                    continue
                opened = None
            else:
                opened = None
            if opened is not None:
                self._show_warnings(opened)
                return opened

    def _open(self, verdict: OpenCheck) -> OpenedDatabase | None:
        try:
            opened = self.safety.open(warnings=verdict.warnings)
        except InstanceLockedError:
            return None  # another instance got there first: check again
        self._show_warnings(opened)
        return opened

    def _open_read_only(self, verdict: OpenCheck) -> OpenedDatabase | None:
        try:
            opened = self.safety.open_read_only(warnings=verdict.warnings)
        except CannotOpenReadOnlyError as exc:
            self.prompts.warn(
                self.parent,
                title=QCoreApplication.translate("StartupOpener", "読み取り専用で開けませんでした"),
                text=error_text(exc),
            )
            return None
        self.prompts.inform(
            self.parent,
            title=QCoreApplication.translate("StartupOpener", "読み取り専用で開きました"),
            text=QCoreApplication.translate(
                "StartupOpener",
                "データベースを読み取り専用で開きました。内容は見られますが、変更は保存できません。",
            ),
        )
        return opened

    def _restore(self, backup: BackupInfo | Path) -> OpenedDatabase | None:
        try:
            opened = self.safety.restore_and_open(backup)
        except (BackupError, InstanceLockedError) as exc:
            self.prompts.warn(
                self.parent,
                title=QCoreApplication.translate("StartupOpener", "復元できませんでした"),
                text=error_text(exc),
            )
            return None
        lines = [
            QCoreApplication.translate("StartupOpener", "バックアップから復元して開きました。")
        ]
        for aside in opened.set_aside[:1]:
            lines.append(
                QCoreApplication.translate(
                    "StartupOpener",
                    "壊れていたファイルは「{name}」として同じフォルダーに残しています。",
                ).format(name=aside.name)
            )
        self.prompts.inform(
            self.parent,
            title=QCoreApplication.translate("StartupOpener", "復元しました"),
            text="\n".join(lines),
        )
        return opened

    def _show_warnings(self, opened: OpenedDatabase) -> None:
        if opened.warnings:
            self.prompts.warn(
                self.parent,
                title=QCoreApplication.translate("StartupOpener", "データベースの置き場所について"),
                text="\n\n".join(opened.warnings),
            )

    def _ask_with_dialog(self, verdict: OpenCheck, backup: BackupInfo | None) -> OpenChoice:
        dialog = OpenFailureDialog(verdict, backup, self.parent)
        dialog.exec()
        return dialog.choice

    def _wait_with_dialog(self, verdict: OpenCheck) -> bool:
        holder = (
            message_text(verdict.holder.describe())
            if verdict.holder
            else QCoreApplication.translate("StartupOpener", "別のウィンドウ")
        )
        dialog = WaitForCloseDialog(self.safety.try_lock, holder, self.parent)
        dialog.exec()
        return dialog.acquired


def close_with_backup(safety: DataSafetyService, db: Database | None, prompts: Prompts) -> None:
    """Close ``db`` with the day's automatic backup; a failed backup is told, never raised."""
    try:
        safety.close(db)
    except BackupError as exc:
        prompts.warn(
            None,
            title=QCoreApplication.translate("StartupOpener", "自動バックアップができませんでした"),
            text=QCoreApplication.translate(
                "StartupOpener",
                "データは保存されています。バックアップだけができませんでした。\n\n{error}",
            ).format(error=exc),
        )
