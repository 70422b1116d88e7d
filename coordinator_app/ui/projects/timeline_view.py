"""The timeline: a list view of progress entries with the keyboard a reviewer uses.

Up/Down move between entries, Enter opens the entry (edit, or read for a
supervisor), K marks it 確認 (opens the comment box), N jumps to the next
unreviewed entry. One delegate paints every row; no widget per entry.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyleOptionViewItem, QWidget

from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.projects.timeline_delegate import TimelineDelegate
from coordinator_app.ui.projects.timeline_model import TimelineModel

REVIEW_KEY = Qt.Key.Key_K
NEXT_UNREVIEWED_KEY = Qt.Key.Key_N


class TimelineView(QListView):
    """Entries as cards; emits what the keyboard or mouse asks for.

    Signals:
        edit_requested: Enter or a double click on an entry.
        review_requested: K on an entry, or its 確認 button.
        photo_requested(entry_id, attachment_id): a thumbnail was clicked.
    """

    edit_requested = Signal(object)
    review_requested = Signal(object)
    photo_requested = Signal(object, object)

    def __init__(
        self, model: TimelineModel, dates: DateFormat, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progress_timeline")
        self.setModel(model)
        self.timeline_delegate = TimelineDelegate(dates, self)
        self.setItemDelegate(self.timeline_delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setMouseTracking(True)
        self.setToolTip(
            self.tr(
                "↑↓: 進捗を移動・Enter: 開く(編集)・K: 確認済にする(コメント付き)・"
                "N: 次の未確認へ・写真をクリックすると原寸で表示します"
            )
        )
        self.doubleClicked.connect(self._double_clicked)
        self.timeline_delegate.photo_clicked.connect(self.photo_requested)
        self.timeline_delegate.review_clicked.connect(self.review_requested)

    @property
    def timeline(self) -> TimelineModel:
        model = self.model()
        assert isinstance(model, TimelineModel)
        return model

    def current_id(self) -> uuid.UUID | None:
        index = self.currentIndex()
        return self.timeline.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [i for r in rows if (i := self.timeline.id_at(r)) is not None]

    def item_option(self, row: int) -> QStyleOptionViewItem:
        """The style option the delegate gets for ``row`` (its rect in the viewport)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(self.timeline.index(row, 0))
        return option

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, only selected entry and scroll to it (-1 clears)."""
        if row < 0:
            self.selectionModel().clear()
            return
        index = self.timeline.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def select_entry(self, entry_id: uuid.UUID) -> bool:
        """Load pages as needed and select ``entry_id``."""
        row = self.timeline.fetch_until(entry_id)
        self.select_row(row)
        return row >= 0

    def next_unreviewed_row(self) -> int:
        """The first loaded entry after the current one (wrapping) not yet reviewed,
        loading further pages when none is loaded; -1 when every entry is reviewed."""
        model = self.timeline
        if model.summary.unreviewed == 0:
            return -1
        start = self.currentIndex().row() + 1 if self.currentIndex().isValid() else 0
        row = start
        while True:
            item = model.item(row)
            if item is None:
                if model.canFetchMore():
                    model.fetchMore()
                    continue
                break
            if not item.state.reviewed:
                return row
            row += 1
        for row in range(0, min(start, model.rowCount())):
            item = model.item(row)
            if item is not None and not item.state.reviewed:
                return row
        return -1

    # -- events ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        entry_id = self.current_id()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if entry_id is not None:
                self.edit_requested.emit(entry_id)
            event.accept()
            return
        if key == REVIEW_KEY and plain:
            if entry_id is not None:
                self.review_requested.emit(entry_id)
            event.accept()
            return
        if key == NEXT_UNREVIEWED_KEY and plain:
            row = self.next_unreviewed_row()
            if row >= 0:
                self.select_row(row)
            event.accept()
            return
        if plain and event.text() and event.text().isprintable() and key != Qt.Key.Key_Space:
            # No type-ahead search: letters are commands here.
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The wrapped heights depend on the width.
        self.timeline_delegate.clear_cache()
        super().resizeEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        entry_id = self.timeline.id_at(index.row()) if index.isValid() else None
        if entry_id is not None:
            self.edit_requested.emit(entry_id)
