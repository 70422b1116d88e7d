"""The settings dialog: language and date style."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.era import format_wareki
from coordinator_app.ui.settings import AppSettings

SAMPLE_DATE = date(2022, 4, 1)


class SettingsDialog(QDialog):
    """Language (applies after a restart) and 和暦 dates (apply at once)."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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
        form = QFormLayout()
        form.addRow(self.tr("表示言語"), self.language_combo)
        form.addRow("", self.language_note)
        form.addRow(self.tr("日付"), self.wareki_check)
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
        self.settings.sync()
