"""The progress log as a list model for the timeline: loaded a page at a time.

Opening a project asks the service for the log's summary and the first page;
further pages arrive as the view scrolls (``canFetchMore``/``fetchMore``), so
a log of 2,000 entries opens with the same statements as one of 10. Photo
thumbnails are decoded when an entry is first painted and kept.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QImageReader, QPixmap

from coordinator_app.services.base import NotFoundError
from coordinator_app.services.progress_timeline import LogSummary, TimelineEntry
from coordinator_app.services.registry import Services

AnyIndex = QModelIndex | QPersistentModelIndex

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 10
"""Data role: the row's :class:`TimelineEntry`."""
ID_ROLE = Qt.ItemDataRole.UserRole
THUMBNAIL = QSize(112, 84)
MAX_THUMBNAIL_SOURCE = 25 * 1024 * 1024


class TimelineModel(QAbstractListModel):
    """Entries of one project, newest (or oldest) first, :data:`PAGE_SIZE` at a time.

    Attributes:
        only_ids: show only these entries (a supervisor's "changes since my
            last review", in the order the server received them); None shows all.
    """

    PAGE_SIZE = 25

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self.services = services
        self.owner_id: uuid.UUID | None = None
        self.oldest_first = False
        self.only_ids: frozenset[uuid.UUID] | None = None
        self.summary = LogSummary()
        self._rows: list[TimelineEntry] = []
        self._thumbnails: dict[uuid.UUID, QPixmap | None] = {}

    # -- loading -----------------------------------------------------------------

    def load(self, owner_id: uuid.UUID | None) -> None:
        self.owner_id = owner_id
        self._thumbnails.clear()
        self.refresh(keep=0)

    def set_oldest_first(self, oldest_first: bool) -> None:
        if oldest_first != self.oldest_first:
            self.oldest_first = oldest_first
            self.refresh(keep=0)

    def refresh(self, *, keep: int | None = None) -> None:
        """Reload from the top: as many rows as were loaded (``keep`` overrides),
        at least a page, so the view keeps its place after an edit."""
        wanted = max(len(self._rows) if keep is None else keep, self.PAGE_SIZE)
        if self.owner_id is None:
            summary, rows = LogSummary(), []
        else:
            summary = self.services.timeline.summary(self.owner_id, only_ids=self.only_ids)
            rows = self._page(0, min(wanted, summary.total)) if summary.total else []
        self.beginResetModel()
        self.summary = summary
        self._rows = rows
        self.endResetModel()

    def _page(self, offset: int, limit: int) -> list[TimelineEntry]:
        assert self.owner_id is not None
        return self.services.timeline.page(
            self.owner_id,
            offset=offset,
            limit=limit,
            oldest_first=self.oldest_first,
            only_ids=self.only_ids,
        )

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and len(self._rows) < self.summary.total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        rows = self._page(len(self._rows), self.PAGE_SIZE)
        if not rows:
            # The log shrank under us: stop asking for more.
            self.summary = LogSummary(len(self._rows), self.summary.unreviewed)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def fetch_until(self, entry_id: uuid.UUID) -> int:
        """Load pages until ``entry_id`` is loaded; its row (-1 if it is not in the log)."""
        if self.owner_id is None:
            return -1
        position = self.services.timeline.position(
            self.owner_id, entry_id, oldest_first=self.oldest_first
        )
        if position < 0:
            return -1
        while len(self._rows) <= position and self.canFetchMore():
            self.fetchMore()
        return self.row_of(entry_id)

    # -- rows --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == ENTRY_ROLE:
            return item
        if role == ID_ROLE:
            return item.entry.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.entry.text
        return None

    def item(self, row: int) -> TimelineEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> uuid.UUID | None:
        item = self.item(row)
        return item.entry.id if item is not None else None

    def row_of(self, entry_id: uuid.UUID | None) -> int:
        for row, item in enumerate(self._rows):
            if item.entry.id == entry_id:
                return row
        return -1

    def loaded(self) -> list[TimelineEntry]:
        return list(self._rows)

    # -- thumbnails ----------------------------------------------------------------

    def thumbnail(self, attachment_id: uuid.UUID, size: int) -> QPixmap | None:
        """The photo scaled to fit ``THUMBNAIL`` (None if it cannot be read)."""
        if attachment_id not in self._thumbnails:
            self._thumbnails[attachment_id] = self._decode(attachment_id, size)
        return self._thumbnails[attachment_id]

    def _decode(self, attachment_id: uuid.UUID, size: int) -> QPixmap | None:
        if size > MAX_THUMBNAIL_SOURCE:
            return None
        try:
            content = self.services.attachments.content(attachment_id)
        except NotFoundError:
            return None
        return thumbnail_of(content)


def thumbnail_of(content: bytes) -> QPixmap | None:
    """``content`` decoded at thumbnail size (a JPEG is decoded scaled down, which is
    much faster for a phone photo) and turned upright by its EXIF orientation."""
    data = QBuffer()
    data.setData(QByteArray(content))
    data.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(data)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMBNAIL * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    return QPixmap.fromImage(
        image.scaled(
            THUMBNAIL,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )
