"""The list of backups in the backup dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from coordinator_app.services.data_safety import BackupInfo
from coordinator_app.ui.labels import message_text

COL_TAKEN = 0
COL_REASON = 1
COL_SIZE = 2
COL_FILE = 3


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


class BackupTableModel(QAbstractTableModel):
    """Backups, newest first: when, why, how big, which file."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.backups: list[BackupInfo] = []
        self.headers = [
            QCoreApplication.translate("BackupTableModel", "日時"),
            QCoreApplication.translate("BackupTableModel", "種類"),
            QCoreApplication.translate("BackupTableModel", "サイズ"),
            QCoreApplication.translate("BackupTableModel", "ファイル"),
        ]

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.backups = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo | None:
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008  (Qt's default argument)
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008  (Qt's default argument)
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        info = self.backup_at(index.row()) if index.isValid() else None
        if info is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TAKEN:
                t = info.taken_at
                return f"{t.year}/{t.month:02d}/{t.day:02d} {t:%H:%M}"
            if column == COL_REASON:
                return message_text(info.reason_label)
            if column == COL_SIZE:
                return size_text(info.size)
            if column == COL_FILE:
                return info.path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
