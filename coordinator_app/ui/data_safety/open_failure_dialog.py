"""The dialog shown when the database cannot simply be opened.

It says what is wrong in plain Japanese and offers what can be done: open
the newest good backup (damaged / not a database / empty), open read-only
or wait (another instance has the file, or it is read-only), try again
(locked by another program), choose a backup file, or quit. The choice is
left in :attr:`OpenFailureDialog.choice`; :mod:`.startup` acts on it.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services.data_safety import BackupInfo, OpenCheck, OpenStatus
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.labels import message_text


class OpenChoice(Enum):
    RESTORE_BACKUP = "restore_backup"
    CHOOSE_BACKUP = "choose_backup"
    READ_ONLY = "read_only"
    WAIT = "wait"
    RETRY = "retry"
    QUIT = "quit"


class OpenFailureDialog(QDialog):
    """What is wrong with the database file, and the ways out.

    Args:
        verdict: the result of the check on opening.
        backup: the newest good backup, when one exists and restoring makes sense.
    """

    def __init__(
        self, verdict: OpenCheck, backup: BackupInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.verdict = verdict
        self.backup = backup
        self.choice = OpenChoice.QUIT
        self.setWindowTitle(self._title())
        self.setMinimumWidth(560)

        icon = QLabel(self)
        style_icon = (
            QStyle.StandardPixmap.SP_MessageBoxInformation
            if verdict.status in (OpenStatus.IN_USE, OpenStatus.READ_ONLY)
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        icon.setPixmap(self.style().standardIcon(style_icon).pixmap(48, 48))
        self.message_label = plain(QLabel(message_text(verdict.message), self))
        self.message_label.setWordWrap(True)
        self.path_label = plain(QLabel(self.tr("ファイル: {path}").format(path=verdict.path), self))
        self.path_label.setWordWrap(True)
        self.path_label.setStyleSheet("color: palette(dark);")
        head = QHBoxLayout()
        head.addWidget(icon)
        texts = QVBoxLayout()
        texts.addWidget(self.message_label)
        texts.addWidget(self.path_label)
        head.addLayout(texts, 1)

        self.backup_label = QLabel(self._backup_text(), self)
        self.backup_label.setWordWrap(True)
        self.backup_label.setVisible(verdict.offers_backup)

        self.detail_button = QPushButton(self.tr("詳しい情報"), self)
        self.detail_button.setCheckable(True)
        self.detail_button.setVisible(bool(verdict.detail))
        self.detail_label = plain(QLabel(verdict.detail, self))
        self.detail_label.setWordWrap(True)
        self.detail_label.setVisible(False)
        self.detail_button.toggled.connect(self._show_detail)

        self.restore_button = self._button(
            self.tr("このバックアップから復元して開く"), OpenChoice.RESTORE_BACKUP
        )
        self.restore_button.setVisible(verdict.offers_backup and backup is not None)
        self.choose_button = self._button(
            self.tr("バックアップファイルを選んで復元…"), OpenChoice.CHOOSE_BACKUP
        )
        self.choose_button.setVisible(verdict.offers_backup)
        self.read_only_button = self._button(self.tr("読み取り専用で開く"), OpenChoice.READ_ONLY)
        self.read_only_button.setVisible(verdict.can_open_read_only)
        self.wait_button = self._button(self.tr("閉じられるまで待つ"), OpenChoice.WAIT)
        self.wait_button.setVisible(verdict.status == OpenStatus.IN_USE)
        self.retry_button = self._button(self.tr("もう一度試す"), OpenChoice.RETRY)
        self.retry_button.setVisible(
            verdict.status in (OpenStatus.LOCKED, OpenStatus.UNREADABLE, OpenStatus.CANNOT_CREATE)
        )
        self.quit_button = self._button(self.tr("終了する"), OpenChoice.QUIT)

        actions = QVBoxLayout()
        for button in (
            self.restore_button,
            self.choose_button,
            self.read_only_button,
            self.wait_button,
            self.retry_button,
        ):
            actions.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail_button)
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.backup_label)
        layout.addLayout(actions)
        layout.addWidget(self.detail_label)
        layout.addLayout(bottom)
        default = next(
            (
                b
                for b in (self.restore_button, self.read_only_button, self.retry_button)
                if not b.isHidden()
            ),
            self.quit_button,
        )
        default.setDefault(True)
        default.setFocus()

    def _title(self) -> str:
        if self.verdict.status == OpenStatus.IN_USE:
            return self.tr("データベースは使用中です")
        if self.verdict.status == OpenStatus.READ_ONLY:
            return self.tr("データベースは読み取り専用です")
        return self.tr("データベースを開けません")

    def _backup_text(self) -> str:
        if self.backup is None:
            return self.tr(
                "正常なバックアップが見つかりませんでした。バックアップのファイルをお持ちなら、"
                "「バックアップファイルを選んで復元」から選んでください。"
            )
        return self.tr(
            "最新の正常なバックアップ: {when}\n"
            "復元すると、このバックアップの時点の内容に戻ります。"
            "壊れたファイルは名前を変えてそのまま残します。"
        ).format(when=message_text(self.backup.describe()))

    def _show_detail(self, shown: bool) -> None:
        self.detail_label.setVisible(shown)
        self.adjustSize()

    def _button(self, text: str, choice: OpenChoice) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: OpenChoice) -> None:
        self.choice = choice
        if choice == OpenChoice.QUIT:
            self.reject()
        else:
            self.accept()
