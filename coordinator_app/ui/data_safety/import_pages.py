"""The four pages of the import wizard: file, column mapping, preview, result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from coordinator_app.services.access import AccessDenied
from coordinator_app.services.data_safety import ReadOnlyDatabaseError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.services.transfer.fields import IMPORT_KINDS, ORGANISATIONS
from coordinator_app.services.transfer.importing import (
    RowStatus,
    preview_import,
    run_import,
    write_skip_report,
)
from coordinator_app.services.transfer.mappings import (
    MappingStore,
    column_name,
    mapping_problems,
    suggest_mapping,
)
from coordinator_app.services.transfer.reading import TransferError, read_table
from coordinator_app.ui.common.list_table import ResizeMode, list_table
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.data_safety.preview_table_model import PreviewTableModel
from coordinator_app.ui.labels import error_text, message_text

if TYPE_CHECKING:
    from coordinator_app.ui.data_safety.import_wizard import ImportWizard

FILE_FILTERS = "Excel・CSV (*.xlsx *.csv *.txt);;すべてのファイル (*)"
SAMPLE_ROWS = 3


class SourcePage(QWizardPage):
    """What to import and from which file (sheet, header row)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("取り込むファイル"))
        self.setSubTitle(
            self.tr(
                "Excel(.xlsx)か CSV を選んでください。表の上にある題名の行や空の行は"
                "自動で読み飛ばします。"
            )
        )
        self.kind_combo = QComboBox(self)
        for kind in IMPORT_KINDS.values():
            self.kind_combo.addItem(QCoreApplication.translate("fields", kind.label), kind.key)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(wizard.state.kind.key)))
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton(self.tr("参照…"), self)
        self.sheet_combo = QComboBox(self)
        self.header_spin = QSpinBox(self)
        self.header_spin.setRange(0, 100)
        self.header_spin.setSpecialValueText(self.tr("自動"))
        self.info_label = plain(QLabel(self))
        self.info_label.setWordWrap(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout(self)
        form.addRow(self.tr("取り込む内容"), self.kind_combo)
        form.addRow(self.tr("ファイル"), file_row)
        form.addRow(self.tr("シート"), self.sheet_combo)
        form.addRow(self.tr("見出しの行"), self.header_spin)
        form.addRow("", self.info_label)
        self.browse_button.clicked.connect(self.browse)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.sheet_combo.activated.connect(lambda _i: self.load())
        self.header_spin.valueChanged.connect(lambda _v: self.load())

    def browse(self) -> None:
        path = self.w.prompts.choose_open_file(
            self, title=self.tr("取り込むファイルを選ぶ"), filters=self.tr(FILE_FILTERS)
        )
        if path is None:
            return
        self.w.state.path = path
        self.path_edit.setText(str(path))
        self.sheet_combo.clear()
        self.header_spin.blockSignals(True)
        self.header_spin.setValue(0)
        self.header_spin.blockSignals(False)
        self.load()

    def _kind_changed(self) -> None:
        self.w.state.kind = IMPORT_KINDS[str(self.kind_combo.currentData())]
        self.load()

    def load(self) -> None:
        """Read the chosen file into the wizard's state (or say why it cannot be read)."""
        state = self.w.state
        state.table = None
        if state.path is None:
            self.completeChanged.emit()
            return
        sheet = self.sheet_combo.currentText() or None
        try:
            table = read_table(
                state.path,
                sheet=sheet,
                known_headers=state.kind.header_texts,
                header_line=self.header_spin.value() or None,
            )
        except TransferError as exc:
            self.info_label.setStyleSheet("color: #b00020;")
            self.info_label.setText(error_text(exc))
            self.completeChanged.emit()
            return
        state.table = table
        if table.sheets and self.sheet_combo.count() == 0:
            self.sheet_combo.addItems(list(table.sheets))
            self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.setEnabled(bool(table.sheets))
        details = [
            self.tr(
                "{line}行目を見出しとして読み取りました。データは{count}行です。",
                "",
                len(table.rows),
            ).format(line=table.header_line, count=len(table.rows))
        ]
        if table.encoding:
            details.append(
                self.tr("文字コード: {encoding}").format(encoding=message_text(table.encoding))
            )
        self.info_label.setStyleSheet("")
        self.info_label.setText(" ".join(details))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.state.table is not None and bool(self.w.state.table.rows)


class MappingPage(QWizardPage):
    """Which column fills which field; remembered by header name for next time."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("列の対応"))
        self.setSubTitle(
            self.tr("ファイルの各列を、どの項目として取り込むか選んでください(* は必須)。")
        )
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("ファイルの列"), self.tr("内容の例"), self.tr("取り込む項目")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_label = plain(QLabel(self))
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.problems_label)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        state = self.w.state
        assert state.table is not None
        remembered = MappingStore(self.w.services.db).load(state.kind)
        state.mapping = suggest_mapping(state.kind, state.table.headers, remembered)
        self.table.setRowCount(len(state.table.headers))
        self.combos = []
        for index, header in enumerate(state.table.headers):
            samples = [r.get(index) for r in state.table.rows[:SAMPLE_ROWS] if r.get(index)]
            self.table.setItem(
                index, 0, QTableWidgetItem(header or f"({message_text(column_name(index))})")
            )
            self.table.setItem(index, 1, QTableWidgetItem(" / ".join(samples)))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(取り込まない)"), "")
            for f in state.kind.fields:
                name = QCoreApplication.translate("fields", f.label)
                combo.addItem(f"{name} *" if f.required else name, f.key)
            combo.setCurrentIndex(max(0, combo.findData(state.mapping.get(index, ""))))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(index, 2, combo)
            self.combos.append(combo)
        self._changed()

    def _changed(self) -> None:
        state = self.w.state
        state.mapping = {
            i: str(combo.currentData())
            for i, combo in enumerate(self.combos)
            if combo.currentData()
        }
        assert state.table is not None
        problems = mapping_problems(state.kind, state.table.headers, state.mapping)
        self.problems_label.setText("\n".join(message_text(p) for p in problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        state = self.w.state
        return state.table is not None and not mapping_problems(
            state.kind, state.table.headers, state.mapping
        )


class PreviewPage(QWizardPage):
    """Every row with its problems; nothing is stored until 取り込む is pressed."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("取り込みの確認"))
        self.setSubTitle(
            self.tr(
                "問題のない行だけを、まとめて一度に取り込みます。エラー・重複・同名の行は"
                "取り込まず、あとで一覧として保存できます。"
            )
        )
        self.setCommitPage(True)
        self.setButtonText(wizard.WizardButton.CommitButton, self.tr("取り込む"))
        self.summary_label = plain(QLabel(self))
        self.summary_label.setWordWrap(True)
        self.duplicates_check = QCheckBox(self.tr("重複と判定した行も取り込む"), self)
        self.duplicates_check.toggled.connect(lambda _on: self.refresh())
        self.same_name_check = QCheckBox(
            self.tr("同名で電話番号が異なる関係機関も、新しい記録として取り込む"), self
        )
        self.same_name_check.setToolTip(
            self.tr(
                "既に登録された関係機関と名前が同じで電話番号が違う行は、"
                "同じ機関の番号違いのことが多いため、既定では取り込みません。"
            )
        )
        self.same_name_check.toggled.connect(lambda _on: self.refresh())
        self.model = PreviewTableModel(self)
        self.view = list_table(
            self.model, self, alternating=False, resize=ResizeMode.ResizeToContents
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.duplicates_check)
        layout.addWidget(self.same_name_check)

    def initializePage(self) -> None:
        self.same_name_check.setVisible(self.w.state.kind is ORGANISATIONS)
        self.refresh()

    def refresh(self) -> None:
        state = self.w.state
        assert state.table is not None
        try:
            state.preview = preview_import(
                self.w.services,
                state.kind,
                state.table,
                state.mapping,
                include_duplicates=self.duplicates_check.isChecked(),
                include_same_name=self.same_name_check.isChecked(),
            )
        except (TransferError, ReadOnlyDatabaseError) as exc:
            state.preview = None
            self.summary_label.setText(error_text(exc))
            self.model.set_rows(state.kind, [], set())
            self.completeChanged.emit()
            return
        self.summary_label.setText(message_text(state.preview.summary()))
        self.model.set_rows(state.kind, state.preview.rows, set(state.mapping.values()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        preview = self.w.state.preview
        return preview is not None and preview.valid > 0

    def validatePage(self) -> bool:
        state = self.w.state
        assert state.table is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            state.outcome = run_import(
                self.w.services,
                state.kind,
                state.table,
                state.mapping,
                include_duplicates=self.duplicates_check.isChecked(),
                include_same_name=self.same_name_check.isChecked(),
            )
            MappingStore(self.w.services.db).remember(
                state.kind, state.table.headers, state.mapping
            )
        except (TransferError, ReadOnlyDatabaseError, AccessDenied) as exc:
            QGuiApplication.restoreOverrideCursor()
            self.w.prompts.warn(self, title=self.tr("取り込めませんでした"), text=error_text(exc))
            return False
        except WRITE_ERRORS as exc:
            # Disk full, locked…: nothing was stored (one transaction); the
            # wizard stays on the preview so the import can be tried again.
            QGuiApplication.restoreOverrideCursor()
            self.w.prompts.warn(
                self,
                title=self.tr("取り込めませんでした"),
                text=message_text(storage_message(exc, action="取り込み")),
            )
            return False
        QGuiApplication.restoreOverrideCursor()
        ids = [r.record_id for r in state.outcome.rows if r.record_id is not None]
        self.w.imported.emit(state.kind.key, ids)
        return True


class ResultPage(QWizardPage):
    """What was stored and what was skipped, with the skipped rows to save."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("取り込みの結果"))
        self.setSubTitle(self.tr("取り込んだ記録は、それぞれの一覧に表示されます。"))
        self.summary_label = plain(QLabel(self))
        self.summary_label.setWordWrap(True)
        self.model = PreviewTableModel(self)
        self.view = list_table(
            self.model, self, alternating=False, resize=ResizeMode.ResizeToContents
        )
        self.report_button = QPushButton(self.tr("取り込まなかった行を保存…"), self)
        self.report_button.clicked.connect(self.save_report)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def initializePage(self) -> None:
        outcome = self.w.state.outcome
        assert outcome is not None
        self.summary_label.setText(message_text(outcome.summary()))
        skipped = [r for r in outcome.rows if r.status != RowStatus.OK]
        self.model.set_rows(outcome.kind, skipped, set(self.w.state.mapping.values()))
        self.view.setVisible(bool(skipped))
        self.report_button.setVisible(bool(skipped))

    def save_report(self) -> None:
        outcome = self.w.state.outcome
        assert outcome is not None
        name = self.tr("{kind}_取り込めなかった行.csv").format(
            kind=QCoreApplication.translate("fields", outcome.kind.label)
        )
        path = self.w.prompts.choose_save_file(
            self, title=self.tr("一覧の保存先"), suggested=name, filters=self.tr("CSV (*.csv)")
        )
        if path is None:
            return
        try:
            write_skip_report(outcome, path, text=message_text)
        except OSError as exc:
            self.w.prompts.warn(self, title=self.tr("保存できませんでした"), text=error_text(exc))
            return
        self.w.prompts.inform(
            self,
            title=self.tr("保存しました"),
            text=self.tr("取り込まなかった行と理由を保存しました。\n{path}").format(path=path),
        )
