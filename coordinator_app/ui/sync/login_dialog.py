"""同期サーバーへのログイン: server address, user name and password.

The address and user name are remembered in the settings; the password is
never stored (the server's token is kept in memory by the sync worker, so a
restarted app asks again). A desk that never logs in works alone as before.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.ui.profiles.current import account_text
from coordinator_app.ui.settings import AppSettings
from coordinator_app.ui.sync.controller import SyncController

SERVER_KEY, USER_KEY = "sync/server", "sync/user"


class SyncLoginDialog(QDialog):
    """Log this desk in; stays open with the server's message when refused."""

    def __init__(
        self, controller: SyncController, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.setWindowTitle(self.tr("同期サーバーにログイン"))
        server = controller.server_url or str(settings.store.value(SERVER_KEY, "") or "")
        user = controller.user or str(settings.store.value(USER_KEY, "") or "")
        self.server_edit = QLineEdit(server, self)
        self.server_edit.setPlaceholderText("https://sync.example.lg.jp")
        self.user_edit = QLineEdit(user, self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel(
            self.tr(
                "パスワードは保存しません。ログインしなくても、この端末だけで"
                "これまでどおり使えます。"
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.who_label = QLabel(self)
        self.who_label.setObjectName("sync_who")
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self.who_label.setVisible(controller.state.logged_in)
        if controller.state.logged_in:
            account = controller.account
            who = account_text(account) if account is not None else controller.user
            self.who_label.setText(self.tr("ログイン中: {user}").format(user=who))
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("サーバーのアドレス"), self.server_edit)
        form.addRow(self.tr("ユーザー名"), self.user_edit)
        form.addRow(self.tr("パスワード"), self.password_edit)
        buttons = QDialogButtonBox(self)
        self.login_button = buttons.addButton(
            self.tr("ログイン"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.logout_button = buttons.addButton(
            self.tr("ログアウト"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.logout_button.setVisible(controller.state.logged_in)
        cancel = buttons.addButton(self.tr("閉じる"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self.log_in)
        self.logout_button.clicked.connect(self._log_out)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who_label)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        controller.logged_in.connect(self._answered)
        (self.password_edit if self.user_edit.text() else self.server_edit).setFocus()

    def log_in(self) -> None:
        server, user = self.server_edit.text().strip(), self.user_edit.text().strip()
        password = self.password_edit.text()
        if not server or not user or not password:
            self._error(self.tr("サーバーのアドレス、ユーザー名、パスワードを入力してください。"))
            return
        self.error_label.hide()
        self.login_button.setEnabled(False)
        self.controller.login(server, user, password)

    def _answered(self, message: str) -> None:
        self.login_button.setEnabled(True)
        self.password_edit.clear()
        if message:
            self._error(self.tr("ログインできませんでした: {message}").format(message=message))
            return
        self.settings.store.setValue(SERVER_KEY, self.controller.server_url)
        self.settings.store.setValue(USER_KEY, self.controller.user)
        self.settings.sync()
        self.accept()

    def _log_out(self) -> None:
        self.controller.logout()
        self.logout_button.hide()
        self.who_label.hide()

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            self.controller.logged_in.disconnect(self._answered)
        super().done(result)
