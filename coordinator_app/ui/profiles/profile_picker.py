"""The first-start dialog: choose who is using the app, or register a new profile.

On a desk logged in to a sync server it shows who is logged in (the server
account and its role) and offers no switching until the desk logs out.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.services.base import ListQuery
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.pickers import RecordCombo, options_of
from coordinator_app.ui.common.saving import cannot_save, save_form, show_errors
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.profiles.current import (
    account_text,
    current_profile,
    logged_in_account,
    profile_text,
    role_label,
    set_current_profile,
)


class ProfilePickerDialog(QDialog):
    """Pick a registered profile or register one (coordinator or supervisor).

    Accepting makes the chosen profile the current user (stored per database in
    the settings) and emits ``sig_display_changed`` so open views re-check
    what they may edit.

    Attributes:
        chosen: the profile in use after the dialog was accepted.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: UserProfile | None = None
        self.setWindowTitle(self.tr("利用者を選ぶ"))
        self.intro = intro = QLabel(
            self.tr(
                "この端末でアプリを使う人を選んでください。記録した進捗には記入者として、"
                "確認には確認者としてこの名前が残ります(あとで設定から変更できます)。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.account_label = QLabel(self)
        self.account_label.setObjectName("logged_in_as")
        self.account_label.setTextFormat(Qt.TextFormat.PlainText)
        self.account_label.setWordWrap(True)
        self.account_label.setStyleSheet("font-weight: bold;")
        self.account_label.hide()
        self.profile_list = QListWidget(self)
        self.profile_list.setMinimumHeight(120)
        self.profile_list.itemDoubleClicked.connect(lambda _item: self.accept())

        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.role_combo = QComboBox()
        for role in (ProfileRole.COORDINATOR, ProfileRole.SUPERVISOR):
            self.role_combo.addItem(role_label(role), role.value)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例: 係長、課長、第1層コーディネーター"))
        self.coordinator_combo = RecordCombo(none_text=self.tr("(紐づけない)"))
        self.form = FieldForm()
        self.form.add_field("name", self.tr("氏名"), self.name_edit, required=True)
        self.form.add_field("kana", self.tr("ふりがな"), self.kana_edit)
        self.form.add_field("role", self.tr("役割"), self.role_combo, required=True)
        self.form.add_field("title", self.tr("役職"), self.title_edit)
        self.form.add_field("coordinator_id", self.tr("コーディネーター"), self.coordinator_combo)
        self.create_button = QPushButton(self.tr("登録して選ぶ"))
        self.create_button.clicked.connect(self.create_profile)
        create_row = QHBoxLayout()
        create_row.addStretch(1)
        create_row.addWidget(self.create_button)
        self.new_box = new_box = QGroupBox(self.tr("新しい利用者を登録"), self)
        new_layout = QVBoxLayout(new_box)
        new_layout.addWidget(self.form)
        new_layout.addLayout(create_row)

        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("この利用者で始める"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.account_label)
        layout.addWidget(QLabel(self.tr("登録済みの利用者"), self))
        layout.addWidget(self.profile_list, 1)
        layout.addWidget(new_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.profile_list.currentItemChanged.connect(lambda *_: self._update_ok())
        self.coordinator_combo.set_options(options_of(ctx.services.coordinators))
        current = current_profile(ctx)
        self.refresh(select=current.id if current is not None else None)
        self._role_changed()
        self._show_account()
        ctx.events.sig_display_changed.connect(self._display_changed)
        if self.profile_list.count() == 0 and self.new_box.isEnabled():
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- state -------------------------------------------------------------------

    def refresh(self, *, select: uuid.UUID | None = None) -> None:
        """Reload the registered profiles (by reading) and select ``select``."""
        self.profile_list.clear()
        for profile in self.ctx.services.profiles.list(ListQuery()).rows:
            item = QListWidgetItem(profile_text(profile), self.profile_list)
            item.setData(Qt.ItemDataRole.UserRole, str(profile.id))
            if profile.id == select:
                self.profile_list.setCurrentItem(item)
        self._update_ok()

    def selected_id(self) -> uuid.UUID | None:
        item = self.profile_list.currentItem()
        return uuid.UUID(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # -- actions -----------------------------------------------------------------

    def create_profile(self) -> UserProfile | None:
        """Register the profile typed in the form and start with it (登録して選ぶ)."""
        role = ProfileRole(self.role_combo.currentData())
        coordinator_id = self.coordinator_combo.current_value()
        profile = UserProfile(
            name=self.name_edit.text(),
            kana=self.kana_edit.text(),
            role=role,
            title=self.title_edit.text(),
            coordinator_id=coordinator_id if role == ProfileRole.COORDINATOR else None,  # type: ignore[arg-type]
        )
        outcome = save_form(
            lambda: self.ctx.services.profiles.save(profile),
            forms=[self.form],
            show=self._show,
            warn=cannot_save(self.ctx.prompts, self),
        )
        stored = outcome.stored
        if stored is None:
            return None
        self.form.clear_errors()
        for edit in (self.name_edit, self.kana_edit, self.title_edit):
            edit.clear()
        self.refresh(select=stored.id)
        self.accept()
        return stored

    def _show(self, errors: dict[str, str]) -> None:
        first = show_errors([self.form], errors)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        profile_id = self.selected_id()
        if profile_id is None or logged_in_account(self.ctx) is not None:
            return
        self.chosen = self.ctx.services.profiles.get(profile_id)
        set_current_profile(self.ctx, profile_id)
        super().accept()

    # -- internals ---------------------------------------------------------------

    def _role_changed(self, *_args: object) -> None:
        # Only a coordinator profile can stand for a coordinator record.
        self.coordinator_combo.setEnabled(
            self.role_combo.currentData() == ProfileRole.COORDINATOR.value
        )

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(
            self.profile_list.currentItem() is not None and logged_in_account(self.ctx) is None
        )

    def _display_changed(self) -> None:
        # A login or logout while the dialog is open: show the user now in use.
        current = current_profile(self.ctx)
        self.refresh(select=current.id if current is not None else None)
        self._show_account()

    def _show_account(self) -> None:
        """Logged in: say who, and offer neither another profile nor a new one."""
        account = logged_in_account(self.ctx)
        locked = account is not None
        self.account_label.setVisible(locked)
        if account is not None:
            self.account_label.setText(
                self.tr(
                    "同期サーバーにログイン中: {who}\n"
                    "ログイン中は、ログインしたアカウントがこの端末の利用者です。"
                    "利用者を切り替えるには、ツール → 同期サーバーにログイン… から"
                    "ログアウトしてください。"
                ).format(who=account_text(account))
            )
            self.setWindowTitle(self.tr("ログイン中の利用者"))
        self.intro.setVisible(not locked)
        self.profile_list.setEnabled(not locked)
        self.new_box.setEnabled(not locked)
        self.new_box.setVisible(not locked)
        self.ok_button.setVisible(not locked)
        self.cancel_button.setText(self.tr("閉じる") if locked else self.tr("キャンセル"))
        self._update_ok()


def ask_for_profile(ctx: UiContext, parent: QWidget | None = None) -> UserProfile | None:
    """At start: the current profile, or the one the user picks in the (modal) dialog.

    Returns:
        None when the user cancelled; the app then runs without a current user
        (entries are saved without an author profile, nothing is read-only).
    """
    profile = current_profile(ctx)
    if profile is not None:
        return profile
    dialog = ProfilePickerDialog(ctx, parent)
    dialog.exec()
    return dialog.chosen
