"""The コーディネーター page: the coordinator list and the coordinator form."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QAbstractItemView, QWidget

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.coordinator_editor import CoordinatorEditor
from coordinator_app.ui.coordinators.coordinator_model import CoordinatorTableModel


class CoordinatorPage(RecordPage):
    """Coordinators; the list shows each one's current posts.

    Several rows can be selected (Ctrl/Shift+click): チラシ作成 then starts
    with the whole selection, for one PDF or a batch of files.
    """

    kind = RecordKind.COORDINATOR
    watched = frozenset({RecordKind.ASSIGNMENT, RecordKind.AREA, RecordKind.ORGANISATION})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=CoordinatorTableModel(ctx.services.coordinators, ctx.dates),
            editor=CoordinatorEditor(ctx),
            parent=parent,
        )
        self.setObjectName("coordinator_page")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def selected_ids(self) -> list[uuid.UUID]:
        """The selected coordinators, in list order (the current one when none is)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [i for i in (self.model.id_at(row) for row in rows) if i is not None]
        if not ids and self.editor.current_id is not None:
            ids = [self.editor.current_id]
        return ids
