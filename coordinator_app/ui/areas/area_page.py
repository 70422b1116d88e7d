"""The 地域 page: the area tree and the area form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QToolButton, QWidget

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.areas.area_editor import AreaEditor
from coordinator_app.ui.areas.area_model import AreaTableModel
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_choices


class AreaPage(RecordPage):
    """Areas as a tree (▸/▾ to collapse and expand; ←/→ from the keyboard) with a
    filter by name, reading and kind that keeps each match's ancestors shown."""

    kind = RecordKind.AREA

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        self.tree_model = AreaTableModel(ctx.services.areas, ctx.dates)
        super().__init__(ctx, model=self.tree_model, editor=AreaEditor(ctx), parent=parent)
        self.setObjectName("area_page")
        self.kind_filter = self.add_filter_combo(
            "kind", self.tr("すべての種別"), [(m.value, t) for m, t in enum_choices(AreaKind)]
        )
        # Compact buttons: the filter bar must fit a narrow window.
        self.expand_button = QToolButton(self)
        self.expand_button.setText("＋")
        self.expand_button.setToolTip(self.tr("すべて展開"))
        self.expand_button.setAccessibleName(self.tr("すべて展開"))
        self.collapse_button = QToolButton(self)
        self.collapse_button.setText("－")
        self.collapse_button.setToolTip(self.tr("すべて折りたたむ"))
        self.collapse_button.setAccessibleName(self.tr("すべて折りたたむ"))
        self.filter_bar.addWidget(self.expand_button)
        self.filter_bar.addWidget(self.collapse_button)
        self.expand_button.clicked.connect(lambda: self._change_tree(self.tree_model.expand_all))
        self.collapse_button.clicked.connect(
            lambda: self._change_tree(self.tree_model.collapse_all)
        )
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)

    def filter_value(self, key: str, data: object) -> object:
        return AreaKind(data) if data is not None else None

    # -- expanding and collapsing ------------------------------------------------

    def toggle_row(self, row: int) -> bool:
        return self._change_tree(lambda: self.tree_model.toggle(row))

    def _change_tree(self, change: Callable[[], object]) -> bool:
        result = change()
        self._reselect()
        return bool(result) if result is not None else True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._key(event):
                return True
        if (
            watched is self.table.viewport()
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            index = self.table.indexAt(event.position().toPoint())
            if index.isValid() and index.column() == AreaTableModel.NAME:
                rect = self.table.visualRect(index)
                em = self.table.fontMetrics().horizontalAdvance("　")
                reach = rect.left() + em * self.tree_model.marker_width_chars(index.row())
                if event.position().x() <= reach and self.tree_model.can_toggle(index.row()):
                    self.toggle_row(index.row())
                    return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        row = self.table.currentIndex().row()
        if row < 0 or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        model = self.tree_model
        node = model.node_at(row)
        if node is None:
            return False
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Plus):
            if model.can_toggle(row) and model.is_collapsed(node.area.id):
                return self._change_tree(lambda: model.set_expanded(row, True))
            return False
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Minus):
            if model.can_toggle(row) and not model.is_collapsed(node.area.id):
                return self._change_tree(lambda: model.set_expanded(row, False))
            parent = model.parent_row(row)
            if parent >= 0 and event.key() == Qt.Key.Key_Left:
                self.table.setCurrentIndex(model.index(parent, 0))
                return True
        return False
