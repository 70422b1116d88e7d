"""The コーディネーター page: the coordinator list and the coordinator form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.coordinator_editor import CoordinatorEditor
from coordinator_app.ui.coordinators.coordinator_model import CoordinatorTableModel
from coordinator_app.ui.events import RecordKind


class CoordinatorPage(RecordPage):
    """Coordinators; the list shows each one's current posts."""

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

    def title(self) -> str:
        return self.tr("コーディネーター")

    def icon_name(self) -> str:
        return "coordinator"
