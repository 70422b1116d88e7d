"""The settings dialog: language, date style, current user and review threshold."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.era import format_wareki
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.ui.profiles.current import profile_text
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
        if services is not None:
            current = settings.profile_id(services.db.path)
            for profile in services.profiles.list(ListQuery()).rows:
                self.profile_combo.addItem(profile_text(profile), str(profile.id))
                if profile.id == current:
                    self.profile_combo.setCurrentIndex(self.profile_combo.count() - 1)
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
        form.addRow(self.tr("停滞とみなす日数"), self.stalled_spin)
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
        self.review_changed = before != (self.settings.stalled_days, self._profile_id())
        self.settings.sync()

    def _profile_id(self) -> uuid.UUID | None:
        if self.services is None:
            return None
        return self.settings.profile_id(self.services.db.path)
