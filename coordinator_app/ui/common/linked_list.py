"""A read-only list of records linked to the one shown; double-click opens one."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coordinator_app.domain.changes import Changes
from coordinator_app.ui.common.list_table import list_table, size_columns
from coordinator_app.ui.common.table_model import ChildTableModel
from coordinator_app.ui.context import UiContext


class LinkedList(QWidget):
    """A titled table of related records (e.g. a council's meetings).

    Double-clicking a row asks the main window (through the event hub) to
    open that record on its own page.
    """

    def __init__(
        self,
        ctx: UiContext,
        *,
        title: str,
        model: ChildTableModel[Any],
        opens: str,
        watched: Iterable[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self._opens = opens
        self._watched = set(watched)
        self.title = QLabel(title, self)
        self.table = list_table(model, self, tooltip=self.tr("ダブルクリックで開きます"))
        self.table.doubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(model.redisplay)

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        self.model.load(owner_id)
        size_columns(self.table)

    def _open(self, index: QModelIndex) -> None:
        record_id = self.model.id_at(index.row()) if index.isValid() else None
        if record_id is not None:
            self.ctx.events.open_record(self._opens, record_id)

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(*self._watched):
            self.model.refresh()
