"""The settings dialog: language, date style, current user (and the coordinator it
stands for) and review threshold."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.era import format_wareki
from coordinator_app.domain.models import UserProfile
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import ListQuery, NotFoundError
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.pickers import RecordCombo, options_of
from coordinator_app.ui.labels import error_text
from coordinator_app.ui.profiles.current import account_text, profile_text
from coordinator_app.ui.settings import MAX_STALLED_DAYS, AppSettings

SAMPLE_DATE = date(2022, 4, 1)


class SettingsDialog(QDialog):
    """Language (applies after a restart), 和暦 dates, the current user and the
    number of days after which a project counts as stalled (apply at once).

    The 利用者 row is shown when ``services`` is given (profiles live in the
    database). After :meth:`apply`, ``review_changed`` tells whether the
    profile or the threshold changed (views should then re-check).
    """

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        services: Services | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services = services
        self.review_changed = False
        self.link_changed = False
        self.setWindowTitle(self.tr("設定"))
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("日本語", "ja")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(settings.language), 0))
        self.language_note = QLabel(
            self.tr("言語の変更は、アプリを再起動すると反映されます。"), self
        )
        self.language_note.setWordWrap(True)
        self.wareki_check = QCheckBox(
            self.tr("日付を和暦で表示する(例: {wareki}、オフのとき {iso})").format(
                wareki=format_wareki(SAMPLE_DATE), iso=SAMPLE_DATE.isoformat()
            ),
            self,
        )
        self.wareki_check.setChecked(settings.wareki)
        self.profile_combo = QComboBox(self)
        self.profile_combo.addItem(self.tr("(選ばない)"), None)
        self.coordinator_combo = RecordCombo(none_text=self.tr("(紐づけない)"), parent=self)
        self.coordinator_combo.setToolTip(
            self.tr("この利用者本人に当たるコーディネーターの記録を選びます")
        )
        self.link_error = QLabel(self)
        self.link_error.setTextFormat(Qt.TextFormat.PlainText)
        self.link_error.setWordWrap(True)
        self.link_error.setStyleSheet("color: #b00020;")
        self.link_error.hide()
        self._profiles: dict[str, UserProfile] = {}
        if services is not None:
            self.coordinator_combo.set_options(options_of(services.coordinators))
            current = settings.profile_id(services.db.path)
            for profile in services.profiles.list(ListQuery()).rows:
                self._profiles[str(profile.id)] = profile
                self.profile_combo.addItem(profile_text(profile), str(profile.id))
                if profile.id == current:
                    self.profile_combo.setCurrentIndex(self.profile_combo.count() - 1)
        account = services.actor.account if services is not None else None
        if account is not None:  # logged in: the user is the server account, no choice
            self.profile_combo.setEnabled(False)
            self.profile_combo.setToolTip(
                self.tr(
                    "同期サーバーにログイン中は、ログインしたアカウント({who})が利用者です"
                ).format(who=account_text(account))
            )
        self.profile_combo.currentIndexChanged.connect(lambda _i: self._show_link())
        self._show_link()
        self.stalled_spin = QSpinBox(self)
        self.stalled_spin.setRange(1, MAX_STALLED_DAYS)
        self.stalled_spin.setSuffix(self.tr(" 日"))
        self.stalled_spin.setValue(settings.stalled_days)
        self.stalled_spin.setMaximumWidth(120)
        form = QFormLayout()
        form.addRow(self.tr("表示言語"), self.language_combo)
        form.addRow("", self.language_note)
        form.addRow(self.tr("日付"), self.wareki_check)
        if services is not None:
            form.addRow(self.tr("利用者"), self.profile_combo)
            form.addRow(self.tr("コーディネーター"), self.coordinator_combo)
            form.addRow("", self.link_error)
        form.addRow(self.tr("停滞とみなす日数"), self.stalled_spin)
        # 同期: the window's sync (ui/sync/install.py) offers its login here.
        open_login = getattr(parent, "open_sync_login", None)
        self.sync_button: QPushButton | None = None
        if callable(open_login):
            self.sync_button = QPushButton(self.tr("同期サーバーにログイン…"), self)
            self.sync_button.clicked.connect(lambda: open_login())
            form.addRow(self.tr("同期"), self.sync_button)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(
            self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _chosen_profile(self) -> UserProfile | None:
        data = self.profile_combo.currentData()
        return self._profiles.get(data) if isinstance(data, str) else None

    def _show_link(self) -> None:
        """The coordinator the chosen profile stands for; only a coordinator's profile
        can be linked."""
        profile = self._chosen_profile()
        self.coordinator_combo.set_current_value(profile.coordinator_id if profile else None)
        linkable = profile is not None and profile.role == ProfileRole.COORDINATOR
        self.coordinator_combo.setEnabled(linkable)
        self.link_error.hide()

    def accept(self) -> None:
        """Store a changed link to a coordinator first; on refusal say why and stay open."""
        profile = self._chosen_profile()
        if self.services is not None and profile is not None:
            chosen = self.coordinator_combo.current_value()
            coordinator_id = chosen if isinstance(chosen, uuid.UUID) else None
            if coordinator_id != profile.coordinator_id:
                try:
                    stored = self.services.profiles.link_coordinator(profile.id, coordinator_id)
                except (ValidationError, NotFoundError) as exc:
                    self.link_error.setText(
                        error_text(exc)
                        if isinstance(exc, ValidationError)
                        else self.tr("この利用者は削除されています。")
                    )
                    self.link_error.show()
                    self.coordinator_combo.setFocus()
                    return
                self._profiles[str(stored.id)] = stored
                self.link_changed = True
        super().accept()

    def apply(self) -> None:
        """Store the choices in the settings."""
        self.settings.language = str(self.language_combo.currentData())
        self.settings.wareki = self.wareki_check.isChecked()
        before = (self.settings.stalled_days, self._profile_id())
        self.settings.stalled_days = self.stalled_spin.value()
        if self.services is not None:
            data = self.profile_combo.currentData()
            self.settings.set_profile_id(
                self.services.db.path, uuid.UUID(data) if isinstance(data, str) else None
            )
        self.review_changed = self.link_changed or before != (
            self.settings.stalled_days,
            self._profile_id(),
        )
        self.settings.sync()

    def _profile_id(self) -> uuid.UUID | None:
        if self.services is None:
            return None
        return self.settings.profile_id(self.services.db.path)
