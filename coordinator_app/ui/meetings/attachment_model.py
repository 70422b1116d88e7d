"""A meeting's attachments (photos, handouts) as a table model; contents are never loaded here."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from coordinator_app.services.attachments import AttachmentInfo, AttachmentService
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat


def size_text(size: int) -> str:
    """``820 B``, ``14 KB``, ``2.4 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentTableModel(ChildTableModel[AttachmentInfo]):
    """File name, kind, size, date added."""

    NAME, KIND, SIZE, ADDED = range(4)

    def __init__(self, service: AttachmentService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("ファイル名")),
            Column(self.tr("種類")),
            Column(self.tr("サイズ"), numeric=True),
            Column(self.tr("追加日")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[AttachmentInfo]:
        return self.service.list_for(meeting_id=owner_id)

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

    def kind_text(self, media_type: str) -> str:
        if media_type.startswith("image/"):
            return self.tr("写真・画像")
        if media_type == "application/pdf":
            return self.tr("PDF")
        if media_type.startswith("text/"):
            return self.tr("テキスト")
        return self.tr("文書")
