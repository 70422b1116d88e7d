"""層の呼び名: the municipality's local tiers and the national tier each counts as."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.enums import Tier
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.tiers import NATIONAL_TIERS, SUGGESTED_LOCAL_TIERS, LocalTier
from coordinator_app.ui.common.form import ERROR_STYLE
from coordinator_app.ui.common.saving import cannot_save, save_form
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_label

ORIGINAL_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL, COUNTS_AS, USED = range(3)


class LocalTierDialog(QDialog):
    """A table of local tiers: 呼び名, 集計する層 and how many records use it.

    Renaming a row renames it on every post and council that uses it;
    changing 集計する層 moves them to that national tier. A row still in use
    cannot be removed (the service refuses and the message says why).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("層の呼び名"))
        explanation = QLabel(
            self.tr(
                "この自治体独自の層の呼び名(例: 倉敷市の0層・1.5層)を登録します。"
                "一覧や帳票には呼び名が表示され、実績報告では「集計する層」に数えます。"
            ),
            self,
        )
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("呼び名"), self.tr("集計する層"), self.tr("使用件数")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setColumnWidth(LABEL, 160)
        self.table.setColumnWidth(COUNTS_AS, 140)
        self.add_button = QPushButton(self.tr("追加"), self)
        self.suggest_button = QPushButton(self.tr("0層・1.5層を追加"), self)
        self.remove_button = QPushButton(self.tr("削除"), self)
        buttons_row = QHBoxLayout()
        for button in (self.add_button, self.suggest_button, self.remove_button):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_general")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.add_button.clicked.connect(lambda: self.add_row("", 1))
        self.suggest_button.clicked.connect(self._add_suggested)
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        usage = ctx.services.tiers.usage()
        for local in ctx.services.tiers.local_tiers():
            used = usage.get(local.label)
            self.add_row(
                local.label, local.counts_as, original=local.label, used=used.total if used else 0
            )
        self.resize(520, 360)

    def add_row(self, label: str, counts_as: int, *, original: str = "", used: int = 0) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(label)
        item.setData(ORIGINAL_ROLE, original)
        self.table.setItem(row, LABEL, item)
        combo = QComboBox(self.table)
        for tier in NATIONAL_TIERS:
            combo.addItem(enum_label(Tier(tier)), tier)
        combo.setCurrentIndex(max(combo.findData(counts_as), 0))
        self.table.setCellWidget(row, COUNTS_AS, combo)
        count = QTableWidgetItem(str(used))
        count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, USED, count)
        if not label:
            self.table.setCurrentCell(row, LABEL)
            self.table.editItem(item)
        return row

    def _add_suggested(self) -> None:
        present = {self._label(r) for r in range(self.table.rowCount())}
        for label, tier in SUGGESTED_LOCAL_TIERS:
            if label not in present:
                self.add_row(label, tier)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def _label(self, row: int) -> str:
        item = self.table.item(row, LABEL)
        return item.text() if item is not None else ""

    def rows(self) -> tuple[list[LocalTier], dict[str, str]]:
        """The edited list and the renamed labels (old → new)."""
        result: list[LocalTier] = []
        renamed: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, LABEL)
            combo = self.table.cellWidget(row, COUNTS_AS)
            assert isinstance(combo, QComboBox) and item is not None
            result.append(LocalTier(item.text(), int(combo.currentData())))
            original = item.data(ORIGINAL_ROLE)
            if original and original != item.text():
                renamed[original] = item.text()
        return result, renamed

    def accept(self) -> None:
        local_tiers, renamed = self.rows()
        outcome = save_form(
            lambda: self.ctx.services.tiers.save_local_tiers(local_tiers, renamed=renamed),
            show=self._show,
            warn=cannot_save(self.ctx.prompts, self),
            announce=self._announce,
        )
        if outcome.ok:
            super().accept()

    def _announce(self) -> None:
        # The tiers' names are a setting, not records: the views that show them
        # are told even when no assignment or council was rewritten.
        self.ctx.events.records_changed(
            Changes(
                kinds=frozenset({RecordKind.ASSIGNMENT, RecordKind.COORDINATOR, RecordKind.COUNCIL})
            )
        )

    def _show(self, errors: dict[str, str]) -> None:
        messages = []
        for key, text in errors.items():
            if key.startswith("row") and key[3:].isdigit():
                messages.append(
                    self.tr("{row}行目: {text}").format(row=int(key[3:]) + 1, text=text)
                )
            else:
                messages.append(text)
        self.error_label.setText("\n".join(messages))
        self.error_label.setVisible(bool(messages))
