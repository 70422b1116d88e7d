"""The 協議体 page: the council list and the council form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.enums import CouncilStatus, Tier
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.councils.council_editor import CouncilEditor
from coordinator_app.ui.councils.council_model import CouncilTableModel
from coordinator_app.ui.labels import enum_choices


class CouncilPage(RecordPage):
    """Councils with filters by tier and status."""

    kind = RecordKind.COUNCIL
    watched = frozenset({RecordKind.AREA, RecordKind.COUNCIL_MEMBERSHIP})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=CouncilTableModel(ctx.services.councils, ctx.dates),
            editor=CouncilEditor(ctx),
            parent=parent,
        )
        self.setObjectName("council_page")
        self.tier_filter = self.add_filter_combo(
            "tier", self.tr("すべての層"), [(int(m), t) for m, t in enum_choices(Tier)]
        )
        self.status_filter = self.add_filter_combo(
            "status",
            self.tr("すべての状況"),
            [(m.value, t) for m, t in enum_choices(CouncilStatus)],
        )

    def filter_value(self, key: str, data: object) -> object:
        if data is None:
            return None
        if key == "status":
            return CouncilStatus(data)
        return int(data)  # type: ignore[call-overload]
