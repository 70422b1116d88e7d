"""The 関係機関 page: the organisation list and the organisation form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_choices
from coordinator_app.ui.organisations.organisation_editor import OrganisationEditor
from coordinator_app.ui.organisations.organisation_model import OrganisationTableModel


class OrganisationPage(RecordPage):
    """Organisations with a filter by kind."""

    kind = RecordKind.ORGANISATION
    watched = frozenset({RecordKind.AREA})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=OrganisationTableModel(ctx.services.organisations, ctx.dates),
            editor=OrganisationEditor(ctx),
            parent=parent,
        )
        self.setObjectName("organisation_page")
        self.kind_filter = self.add_filter_combo(
            "kind", self.tr("すべての種別"), [(m.value, t) for m, t in enum_choices(OrgKind)]
        )

    def filter_value(self, key: str, data: object) -> object:
        return OrgKind(data) if data is not None else None
