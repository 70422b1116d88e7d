"""書き出し: one list or the whole database, to Excel (.xlsx) or CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.exporting import (
    available_lists,
    export_database,
    export_list,
)
from coordinator_app.services.transfer.reading import TransferError
from coordinator_app.ui.labels import error_text, message_text
from coordinator_app.ui.prompts import Prompts


class ExportDialog(QDialog):
    """Choose what and in which format, then where; the file is written at once.

    Args:
        services: the services of the open database.
        prompts: the save-file picker and messages.
        initial_list: the list to preselect (the page the user is on), e.g. ``"organisations"``.
    """

    def __init__(
        self,
        services: Services,
        prompts: Prompts,
        *,
        initial_list: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.prompts = prompts
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Excel・CSVへ書き出し"))
        self.setMinimumWidth(520)

        self.list_radio = QRadioButton(self.tr("一覧"), self)
        self.database_radio = QRadioButton(self.tr("データベース全体(表ごとのシート)"), self)
        self.list_combo = QComboBox(self)
        for info in available_lists(services):
            self.list_combo.addItem(message_text(info.label), info.key)
        if initial_list is not None and self.list_combo.findData(initial_list) >= 0:
            self.list_combo.setCurrentIndex(self.list_combo.findData(initial_list))
        what_group = QButtonGroup(self)
        what_group.addButton(self.list_radio)
        what_group.addButton(self.database_radio)
        self.list_radio.setChecked(True)
        what = QGridLayout()
        what.addWidget(self.list_radio, 0, 0)
        what.addWidget(self.list_combo, 0, 1)
        what.addWidget(self.database_radio, 1, 0, 1, 2)
        what_box = QGroupBox(self.tr("書き出す内容"), self)
        what_box.setLayout(what)

        self.xlsx_radio = QRadioButton(self.tr("Excel ブック(.xlsx)"), self)
        self.csv_radio = QRadioButton(self.tr("CSV(UTF-8 BOM付き。全体はZIPにまとめます)"), self)
        format_group = QButtonGroup(self)
        format_group.addButton(self.xlsx_radio)
        format_group.addButton(self.csv_radio)
        self.xlsx_radio.setChecked(True)
        formats = QVBoxLayout()
        formats.addWidget(self.xlsx_radio)
        formats.addWidget(self.csv_radio)
        format_box = QGroupBox(self.tr("形式"), self)
        format_box.setLayout(formats)

        self.note_label = QLabel(
            self.tr(
                "「=」「+」「-」「@」で始まるセルは、表計算ソフトが式として実行しないよう"
                "先頭に「'」を付けて書き出します。写真・添付ファイルは含まれません"
                "(すべてを残すにはバックアップをお使いください)。"
            ),
            self,
        )
        self.note_label.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            self.tr("書き出す…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("閉じる"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        self.database_radio.toggled.connect(lambda on: self.list_combo.setEnabled(not on))

        layout = QVBoxLayout(self)
        layout.addWidget(what_box)
        layout.addWidget(format_box)
        layout.addWidget(self.note_label)
        layout.addWidget(buttons)

    def _target(self) -> tuple[str, str, str]:
        """(suggested file name, filter, suffix)."""
        stamp = f"{date.today():%Y%m%d}"
        whole = self.database_radio.isChecked()
        name = self.tr("データベース全体") if whole else self.list_combo.currentText()
        if self.xlsx_radio.isChecked():
            return f"{name}_{stamp}.xlsx", self.tr("Excel ブック (*.xlsx)"), ".xlsx"
        if whole:
            return f"{name}_{stamp}.zip", self.tr("CSV を収めた ZIP (*.zip)"), ".zip"
        return f"{name}_{stamp}.csv", self.tr("CSV (*.csv)"), ".csv"

    def export(self) -> None:
        suggested, filters, suffix = self._target()
        path = self.prompts.choose_save_file(
            self, title=self.tr("書き出し先"), suggested=suggested, filters=filters
        )
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.database_radio.isChecked():
                report = export_database(self.services, path)
            else:
                report = export_list(self.services, str(self.list_combo.currentData()), path)
        except (TransferError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            self.prompts.warn(self, title=self.tr("書き出せませんでした"), text=error_text(exc))
            return
        QGuiApplication.restoreOverrideCursor()
        self.written = path
        text = self.tr("書き出しました。\n{path}").format(path=path)
        if report.truncated:
            text += "\n" + self.tr(
                "Excel の上限(1セル32,767文字)を超えた{count}件の文章は途中までです。"
                "全文は CSV で書き出せます。"
            ).format(count=len(report.truncated))
        self.prompts.inform(self, title=self.tr("書き出しました"), text=text)
        self.accept()
