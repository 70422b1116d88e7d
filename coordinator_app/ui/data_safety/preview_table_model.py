"""Rows of an import preview (or of its result): line, status, problems, mapped values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from coordinator_app.domain.texts import joined
from coordinator_app.services.transfer.fields import ImportKind
from coordinator_app.services.transfer.importing import PreviewRow, RowStatus
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.labels import message_text

COL_LINE = 0
COL_STATUS = 1
COL_REASON = 2
FIRST_VALUE_COLUMN = 3

AnyIndex = QModelIndex | QPersistentModelIndex

_BACKGROUNDS = {
    RowStatus.ERROR: QColor("#fde2e1"),
    RowStatus.DUPLICATE: QColor("#fff4cc"),
    RowStatus.SAME_NAME: QColor("#fff4cc"),
}


def status_text(status: RowStatus) -> str:
    return {
        RowStatus.OK: QCoreApplication.translate("PreviewTableModel", "取り込み"),
        RowStatus.ERROR: QCoreApplication.translate("PreviewTableModel", "エラー"),
        RowStatus.DUPLICATE: QCoreApplication.translate("PreviewTableModel", "重複"),
        RowStatus.SAME_NAME: QCoreApplication.translate("PreviewTableModel", "同名"),
    }[status]


class PreviewTableModel(QAbstractTableModel):
    """Every row of the file with what the import does with it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind: ImportKind | None = None
        self.rows: list[PreviewRow] = []
        self.fields: list[tuple[str, str]] = []

    def set_rows(self, kind: ImportKind, rows: list[PreviewRow], mapped: set[str]) -> None:
        self.beginResetModel()
        self.kind = kind
        self.rows = list(rows)
        self.fields = [
            (f.key, QCoreApplication.translate("fields", f.label))
            for f in kind.fields
            if f.key in mapped
        ]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else FIRST_VALUE_COLUMN + len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        fixed = [
            QCoreApplication.translate("PreviewTableModel", "行"),
            QCoreApplication.translate("PreviewTableModel", "状態"),
            QCoreApplication.translate("PreviewTableModel", "問題・メモ"),
        ]
        if section < FIRST_VALUE_COLUMN:
            return fixed[section]
        index = section - FIRST_VALUE_COLUMN
        return self.fields[index][1] if index < len(self.fields) else None

    def _reason(self, row: PreviewRow) -> str:
        assert self.kind is not None
        reason = message_text(row.reason(self.kind))
        notes = message_text(joined(row.notes))
        return " / ".join(part for part in (reason, notes) if part)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_LINE:
                return row.line
            if column == COL_STATUS:
                return status_text(row.status)
            if column == COL_REASON:
                return self._reason(row)
            key = self.fields[column - FIRST_VALUE_COLUMN][0]
            text = row.values.get(key, "")
            if role == Qt.ItemDataRole.ToolTipRole and key in row.problems:
                return plain_tooltip(message_text(row.problems[key]))
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.BackgroundRole and row.status in _BACKGROUNDS:
            return QBrush(_BACKGROUNDS[row.status])
        if role == Qt.ItemDataRole.ForegroundRole and column >= FIRST_VALUE_COLUMN:
            key = self.fields[column - FIRST_VALUE_COLUMN][0]
            if key in row.problems:
                return QBrush(QColor("#b00020"))
        return None
