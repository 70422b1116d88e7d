"""The 対応事項 tab of a meeting: the items it created and those carried over.

Carried over are the open items of the same council's (or series') earlier
meetings; for a meeting not yet saved, those of the council's latest meeting
and everything that meeting carried.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.models import ActionItem
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import Row
from coordinator_app.ui.action_items.marking import mark_done
from coordinator_app.ui.action_items.open_item_model import OpenItemModel
from coordinator_app.ui.common.child_panel import ChildPanel, DialogFactory
from coordinator_app.ui.common.list_table import list_table, size_columns, stretch_column
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.common.table_model import ChildTableModel
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.action_item_model import ActionItemTableModel
from coordinator_app.ui.profiles.current import gate_writes


class ActionItemPanel(ChildPanel):
    """A meeting's own items. Adding to a meeting not yet saved saves it first
    (``ensure_saved``), so the keyboard flow never stops at "save first"."""

    def __init__(
        self,
        ctx: UiContext,
        *,
        model: ChildTableModel[Any],
        make_dialog: DialogFactory,
        ensure_saved: Callable[[], uuid.UUID | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            model=model,
            service=ctx.services.action_items,
            kind=RecordKind.ACTION_ITEM,
            make_dialog=make_dialog,
            watched=(RecordKind.COORDINATOR, RecordKind.CONTACT),
            empty_text=QCoreApplication.translate(
                "ActionItemPanel", "追加すると、会議もその時点の内容で保存されます"
            ),
            parent=parent,
        )
        self._ensure_saved = ensure_saved
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, QLabel(self.tr("この会議で決まった対応事項"), self))
        stretch_column(self.table, ActionItemTableModel.TEXT)
        self.add_button.setToolTip(self.tr("対応事項を追加します(未保存の会議は先に保存します)"))

    def add(self) -> RecordDialog | None:
        if self.owner_id is None and self._ensure_saved() is None:
            return None
        return super().add()

    def _update_buttons(self) -> None:
        super()._update_buttons()
        gate_writes(self.ctx, (self.add_button,), enabled=True)


class CarriedOverPanel(QWidget):
    """Open items from earlier meetings of the same council; 完了にする marks them done."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._meeting_id: uuid.UUID | None = None
        self._council_id: uuid.UUID | None = None
        self._held_on: date | None = None
        self.model = OpenItemModel(ctx.dates, self._rows, self)
        self.title = QLabel(self)
        self.table = list_table(
            self.model,
            self,
            stretch=OpenItemModel.TEXT,
            tooltip=self.tr("ダブルクリックで、その対応事項を決めた会議を開きます"),
        )
        self.table.doubleClicked.connect(self._open)
        self.done_button = QPushButton(self.tr("完了にする"), self)
        self.done_button.clicked.connect(self.mark_selected_done)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self.model.redisplay)
        self._update()

    def set_context(
        self, *, meeting_id: uuid.UUID | None, council_id: uuid.UUID | None, held_on: date | None
    ) -> None:
        """Show what carries over to this meeting (a stored one, or a new one of ``council_id``)."""
        if (meeting_id, council_id, held_on) == (self._meeting_id, self._council_id, self._held_on):
            return
        self._meeting_id, self._council_id, self._held_on = meeting_id, council_id, held_on
        self.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        size_columns(self.table)
        self._update()

    def mark_selected_done(self) -> bool:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [i for i in (self.model.id_at(row) for row in rows) if i is not None]
        return mark_done(self.ctx, ids, on_error=self._warn, meeting_id=self._meeting_id)

    def _rows(self) -> Sequence[Row[ActionItem]]:
        items = self.ctx.services.action_items
        if self._meeting_id is not None:
            return items.carried_over(self._meeting_id).rows
        if self._council_id is None:
            return []
        previous = self.ctx.services.meetings.previous_meeting(
            council_id=self._council_id, before=self._held_on
        )
        if previous is None:
            return []
        own = [row for row in items.for_meeting(previous.id).rows if not row.record.done]
        rows = [*own, *items.carried_over(previous.id).rows]
        return sorted(
            rows, key=lambda r: (r.record.due_date is None, r.record.due_date or date.max)
        )

    def _open(self, index: QModelIndex) -> None:
        meeting_id = self.model.meeting_id_at(index.row()) if index.isValid() else None
        if meeting_id is not None:
            self.ctx.events.open_record(RecordKind.MEETING, meeting_id)

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.ACTION_ITEM, RecordKind.MEETING):
            self.refresh()

    def _update(self) -> None:
        count = self.model.rowCount()
        self.title.setText(
            self.tr("前回までの未完了の対応事項 {count}件", "", count).format(count=count)
            if count
            else self.tr("前回までの未完了の対応事項はありません")
        )
        gate_writes(
            self.ctx, (self.done_button,), enabled=self.table.selectionModel().hasSelection()
        )

    def _warn(self, text: str) -> None:
        self.ctx.prompts.warn(self, title=self.tr("操作できません"), text=text)
