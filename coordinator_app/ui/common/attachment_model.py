"""The attachments (photos, handouts, flyers) of one owner record as a table model.

The owner is a meeting, a project (its outcome files) or a progress entry.
Contents are read only for the thumbnails of photos (none past
:data:`MAX_THUMBNAIL_SOURCE`), once per attachment shown.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Literal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from coordinator_app.services.attachments import AttachmentInfo, AttachmentService
from coordinator_app.services.base import NotFoundError
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat

Owner = Literal["meeting_id", "project_id", "progress_entry_id"]
"""The field of :class:`AttachmentInfo`'s owner (``AttachmentService.list_for`` keyword)."""
THUMBNAIL = QSize(48, 48)
MAX_THUMBNAIL_SOURCE = 8 * 1024 * 1024
"""Larger images get the file icon instead of a thumbnail (loading them would stall)."""


def size_text(size: int) -> str:
    """``820 B``, ``14 KB``, ``2.4 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentTableModel(ChildTableModel[AttachmentInfo]):
    """File name (with a thumbnail), kind, size, date added."""

    NAME, KIND, SIZE, ADDED = range(4)

    def __init__(
        self,
        service: AttachmentService,
        dates: DateFormat,
        parent: Any = None,
        *,
        owner: Owner = "meeting_id",
    ) -> None:
        super().__init__(dates, parent)
        self.service = service
        self.owner: Owner = owner
        self._icons: dict[uuid.UUID, QIcon] = {}

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("ファイル名")),
            Column(self.tr("種類")),
            Column(self.tr("サイズ"), numeric=True),
            Column(self.tr("追加日")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[AttachmentInfo]:
        return self.service.list_for(**{self.owner: owner_id})

    def refresh(self) -> None:
        self._icons.clear()
        super().refresh()

    def record_id(self, row: AttachmentInfo) -> uuid.UUID:
        return row.id

    def display(self, row: AttachmentInfo, column: int) -> object:
        if column == self.NAME:
            return row.filename
        if column == self.KIND:
            return self.kind_text(row.media_type)
        if column == self.SIZE:
            return size_text(row.size)
        return row.created_at.astimezone().date()

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.NAME:
            row = self.row_item(index.row())
            return self.icon(row) if row is not None else None
        return super().data(index, role)

    def icon(self, row: AttachmentInfo) -> QIcon:
        """A photo's thumbnail, else the file icon (made once per attachment)."""
        icon = self._icons.get(row.id)
        if icon is None:
            icon = self._thumbnail(row) or QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_FileIcon
            )
            self._icons[row.id] = icon
        return icon

    def _thumbnail(self, row: AttachmentInfo) -> QIcon | None:
        if not row.media_type.startswith("image/") or row.size > MAX_THUMBNAIL_SOURCE:
            return None
        pixmap = QPixmap()
        try:
            if not pixmap.loadFromData(self.service.content(row.id)):
                return None
        except NotFoundError:
            return None  # removed meanwhile; the list refreshes on the change signal
        return QIcon(
            pixmap.scaled(
                THUMBNAIL,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def kind_text(self, media_type: str) -> str:
        if media_type.startswith("image/"):
            return self.tr("写真・画像")
        if media_type == "application/pdf":
            return self.tr("PDF")
        if media_type.startswith("text/"):
            return self.tr("テキスト")
        return self.tr("文書")
