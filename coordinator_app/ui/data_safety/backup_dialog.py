"""バックアップと復元: back up now, to a file, restore, and how many backups to keep.

Restoring replaces the open database, so the dialog asks the main window to
close it first (``close_database``) and to open it again afterwards
(``reopen_database``), whatever happened in between.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services.data_safety import (
    BackupError,
    BackupPolicy,
    DataSafetyService,
    ReadOnlyDatabaseError,
    RestoreReport,
)
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.list_table import ResizeMode, SelectionMode, list_table
from coordinator_app.ui.data_safety.backup_table_model import BackupTableModel
from coordinator_app.ui.labels import error_text
from coordinator_app.ui.prompts import Prompts

BACKUP_FILTERS = QT_TRANSLATE_NOOP(
    "BackupDialog", "SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)"
)


class BackupDialog(QDialog):
    """The backups of the open database, and restore.

    Args:
        safety: the data safety service of the open database file.
        prompts: questions, messages and file pickers.
        current_services: the services of the open database (None while closed).
        close_database: closes the open database before a restore (``db.close()``
            is enough: the restored file is upgraded and the same ``Database``
            reconnects to it on next use).
        reopen_database: called after a restore, or a failed one: reload every view.

    Signals:
        restored(RestoreReport): the database was replaced; every view must reload.
    """

    restored = Signal(object)

    def __init__(
        self,
        safety: DataSafetyService,
        prompts: Prompts,
        *,
        current_services: Callable[[], Services | None],
        close_database: Callable[[], None],
        reopen_database: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.safety = safety
        self.prompts = prompts
        self.current_services = current_services
        self.close_database = close_database
        self.reopen_database = reopen_database
        self.setWindowTitle(self.tr("バックアップと復元"))
        self.resize(720, 480)

        self.intro_label = QLabel(
            self.tr(
                "アプリを閉じるときに、1日1回自動でバックアップします。写真や添付ファイルも"
                "データベースに含まれるため、一緒にバックアップされます。\n保存先: {folder}"
            ).format(folder=safety.backup_dir),
            self,
        )
        self.intro_label.setWordWrap(True)
        self.model = BackupTableModel(self)
        self.table = list_table(
            self.model,
            self,
            selection=SelectionMode.SingleSelection,
            alternating=False,
            wrap=True,
            resize=ResizeMode.ResizeToContents,
        )
        self.empty_label = QLabel(self.tr("バックアップはまだありません。"), self)

        self.backup_now_button = QPushButton(self.tr("今すぐバックアップ"), self)
        self.backup_to_file_button = QPushButton(self.tr("ファイルに保存…"), self)
        self.restore_selected_button = QPushButton(self.tr("選んだバックアップから復元…"), self)
        self.restore_file_button = QPushButton(self.tr("ファイルから復元…"), self)
        self.backup_now_button.clicked.connect(self.backup_now)
        self.backup_to_file_button.clicked.connect(self.backup_to_file)
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        actions = QHBoxLayout()
        for button in (self.backup_now_button, self.backup_to_file_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.restore_selected_button, self.restore_file_button):
            actions.addWidget(button)

        policy = safety.policy()
        self.daily_spin = self._spin(policy.daily)
        self.weekly_spin = self._spin(policy.weekly)
        self.monthly_spin = self._spin(policy.monthly)
        self.save_policy_button = QPushButton(self.tr("保存数を変更"), self)
        self.save_policy_button.clicked.connect(self.save_policy)
        keep = QHBoxLayout()
        keep.addWidget(QLabel(self.tr("毎日"), self))
        keep.addWidget(self.daily_spin)
        keep.addWidget(QLabel(self.tr("日分、毎週"), self))
        keep.addWidget(self.weekly_spin)
        keep.addWidget(QLabel(self.tr("週分、毎月"), self))
        keep.addWidget(self.monthly_spin)
        keep.addWidget(QLabel(self.tr("か月分を残す"), self))
        keep.addStretch(1)
        keep.addWidget(self.save_policy_button)
        self.policy_group = QGroupBox(self.tr("自動バックアップの保存数"), self)
        self.policy_group.setLayout(keep)

        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton(
            self.tr("閉じる"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(actions)
        layout.addWidget(self.policy_group)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def _spin(self, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, 365)
        spin.setValue(value)
        return spin

    def refresh(self) -> None:
        self.model.set_backups(self.safety.backups())
        self.empty_label.setVisible(not self.model.backups)
        if self.model.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        services = self.current_services()
        writable = services is not None and not getattr(services.db, "read_only", False)
        self.backup_now_button.setEnabled(services is not None)
        self.backup_to_file_button.setEnabled(services is not None)
        self.restore_selected_button.setEnabled(writable and self._selected() is not None)
        self.restore_file_button.setEnabled(writable)
        self.policy_group.setEnabled(writable)

    def _selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        info = self.model.backup_at(rows[0].row()) if rows else None
        return info.path if info else None

    # -- actions ----------------------------------------------------------------------

    def backup_now(self) -> None:
        try:
            info = self.safety.backup_now()
        except BackupError as exc:
            self.prompts.warn(
                self, title=self.tr("バックアップできませんでした"), text=error_text(exc)
            )
            return
        self.refresh()
        self.prompts.inform(
            self,
            title=self.tr("バックアップしました"),
            text=self.tr("バックアップしました。\n{path}").format(path=info.path),
        )

    def backup_to_file(self) -> None:
        suggested = f"{self.safety.db_path.stem}_{date.today():%Y%m%d}{self.safety.db_path.suffix}"
        target = self.prompts.choose_save_file(
            self,
            title=self.tr("バックアップの保存先"),
            suggested=suggested,
            filters=self.tr(BACKUP_FILTERS),
        )
        if target is None:
            return
        try:
            self.safety.backup_to_file(target)
        except BackupError as exc:
            self.prompts.warn(
                self, title=self.tr("バックアップできませんでした"), text=error_text(exc)
            )
            return
        self.prompts.inform(
            self,
            title=self.tr("バックアップしました"),
            text=self.tr("バックアップを保存しました。\n{path}").format(path=target),
        )

    def restore_selected(self) -> None:
        source = self._selected()
        if source is not None:
            self._restore(source)

    def restore_from_file(self) -> None:
        source = self.prompts.choose_open_file(
            self, title=self.tr("復元するバックアップを選ぶ"), filters=self.tr(BACKUP_FILTERS)
        )
        if source is not None:
            self._restore(source)

    def _restore(self, source: Path) -> None:
        if not self.prompts.confirm(
            self,
            title=self.tr("バックアップから復元"),
            text=self.tr(
                "データベースを「{name}」の内容に戻します。\n"
                "今の内容は、復元の前に自動でバックアップします。よろしいですか?"
            ).format(name=source.name),
            accept_text=self.tr("復元する"),
        ):
            return
        self.close_database()
        report: RestoreReport | None = None
        try:
            report = self.safety.restore(source)
        except BackupError as exc:
            self.prompts.warn(self, title=self.tr("復元できませんでした"), text=error_text(exc))
        finally:
            self.reopen_database()
        self.refresh()
        if report is None:
            return
        self.restored.emit(report)
        text = self.tr("「{name}」から復元しました。").format(name=source.name)
        if report.before_restore is not None:
            text += "\n" + self.tr("復元前の内容は「{path}」に保存してあります。").format(
                path=report.before_restore.path.name
            )
        self.prompts.inform(self, title=self.tr("復元しました"), text=text)

    def save_policy(self) -> None:
        services = self.current_services()
        if services is None:
            return
        policy = BackupPolicy(
            daily=self.daily_spin.value(),
            weekly=self.weekly_spin.value(),
            monthly=self.monthly_spin.value(),
        )
        if policy.daily + policy.weekly + policy.monthly == 0:
            self.prompts.warn(
                self,
                title=self.tr("保存数を変更できません"),
                text=self.tr("少なくとも1つは残すようにしてください。"),
            )
            return
        try:
            self.safety.set_policy(services.db, policy)
        except ReadOnlyDatabaseError as exc:
            self.prompts.warn(self, title=self.tr("保存できませんでした"), text=error_text(exc))
            return
        self.prompts.inform(
            self,
            title=self.tr("保存数を変更しました"),
            text=self.tr("次のバックアップから、この保存数で古いものを整理します。"),
        )
