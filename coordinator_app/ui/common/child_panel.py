"""A list of the child records of one record, with add / edit / delete."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
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
from coordinator_app.domain.models import Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import EntityService, NotFoundError
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.list_table import SelectionMode, list_table, size_columns
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.common.table_model import ChildTableModel
from coordinator_app.ui.common.undo import delete_with_undo
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text
from coordinator_app.ui.profiles.current import gate_writes

DialogFactory = Callable[[uuid.UUID, Record | None], RecordDialog]


class ChildPanel(QWidget):
    """Child records of the record shown by an editor.

    Adding and editing open a dialog (non-blocking ``open()``, so tests can
    fill it in); deleting is a soft delete the undo stack can take back.

    Attributes:
        dialog: the dialog opened last (None before the first).
    """

    def __init__(
        self,
        ctx: UiContext,
        *,
        model: ChildTableModel[Any],
        service: EntityService[Any],
        kind: RecordKind,
        make_dialog: DialogFactory,
        watched: Iterable[str] = (),
        empty_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.service = service
        self.kind = kind
        self._make_dialog = make_dialog
        self._watched = {kind, *watched}
        self.dialog: RecordDialog | None = None

        self.table = list_table(model, self, selection=SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(self._double_clicked)
        self.hint = QLabel(
            empty_text
            or QCoreApplication.translate("ChildPanel", "先に基本情報を保存してください"),
            self,
        )
        self.hint.setWordWrap(True)

        self.add_button = QPushButton(
            icon("new"), QCoreApplication.translate("ChildPanel", "追加…")
        )
        self.edit_button = QPushButton(
            icon("edit"), QCoreApplication.translate("ChildPanel", "編集…")
        )
        self.delete_button = QPushButton(
            icon("delete"), QCoreApplication.translate("ChildPanel", "削除")
        )
        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(model.redisplay)
        ctx.events.sig_display_changed.connect(self._update_buttons)
        self.set_owner(None)

    @property
    def owner_id(self) -> uuid.UUID | None:
        return self.model.owner_id

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        """Show the children of ``owner_id`` (None: a new, unsaved record)."""
        self.model.load(owner_id)
        size_columns(self.table)
        self.hint.setVisible(owner_id is None)
        self._update_buttons()

    def selected_id(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # -- actions -----------------------------------------------------------------

    def add(self) -> RecordDialog | None:
        if self.owner_id is None:
            return None
        return self.open_dialog(None)

    def edit(self) -> RecordDialog | None:
        record_id = self.selected_id()
        if record_id is None:
            return None
        try:
            record = self.service.get(record_id)
        except NotFoundError as exc:
            self._warn(error_text(exc))
            return None
        return self.open_dialog(record)

    def delete(self) -> bool:
        row = self.table.selectionModel().selectedRows()
        record_id = self.selected_id()
        if record_id is None or not row:
            return False
        return delete_with_undo(
            parent=self,
            prompts=self.ctx.prompts,
            undo_stack=self.ctx.undo_stack,
            service=self.service,
            record_id=record_id,
            name=self.model.describe(row[0].row()),
            on_refused=self._warn,
            on_undo_error=self._warn,
        )

    # -- internals ---------------------------------------------------------------

    def open_dialog(self, record: Record | None) -> RecordDialog:
        """Open the add (record None) or edit dialog, non-blocking."""
        assert self.owner_id is not None
        dialog = self._make_dialog(self.owner_id, record)
        dialog.setParent(self.window(), dialog.windowFlags())
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.edit()

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(*self._watched):
            self.model.refresh()
            size_columns(self.table)
            self._update_buttons()

    def _update_buttons(self) -> None:
        has_owner = self.owner_id is not None
        selected = self.selected_id() is not None
        gate_writes(self.ctx, (self.add_button,), enabled=has_owner)
        gate_writes(
            self.ctx, (self.edit_button, self.delete_button), enabled=has_owner and selected
        )

    def _warn(self, text: str) -> None:
        self.ctx.prompts.warn(
            self, title=QCoreApplication.translate("ChildPanel", "操作できません"), text=text
        )
