"""The 地域 page: the area list and the area form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.enums import AreaKind
from coordinator_app.ui.areas.area_editor import AreaEditor
from coordinator_app.ui.areas.area_model import AreaTableModel
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.events import RecordKind
from coordinator_app.ui.labels import enum_choices


class AreaPage(RecordPage):
    """Areas with a filter by kind; the parent column shows the tree."""

    kind = RecordKind.AREA

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=AreaTableModel(ctx.services.areas, ctx.dates),
            editor=AreaEditor(ctx),
            parent=parent,
        )
        self.setObjectName("area_page")
        self.kind_filter = self.add_filter_combo(
            "kind", self.tr("すべての種別"), [(m.value, t) for m, t in enum_choices(AreaKind)]
        )

    def title(self) -> str:
        return self.tr("地域")

    def icon_name(self) -> str:
        return "area"

    def filter_value(self, key: str, data: object) -> object:
        return AreaKind(data) if data is not None else None
