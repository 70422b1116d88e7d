"""The area list as an indented tree (市域 > 地域 > 圏域 > 学区) in a table model.

Areas are few (a city has tens, a large one a few hundred), so the whole
tree is read at once; the service filters and orders siblings. A filter keeps
the ancestors of each match visible (greyed) so that every match stays in its
place; without a filter, branches can be collapsed and expanded.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coordinator_app.domain.models import Area
from coordinator_app.services.areas import AreaNode, AreaService
from coordinator_app.services.base import Row
from coordinator_app.ui.common.table_model import Column, ColumnKind, RecordTableModel
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import enum_label

INDENT = "　"
EXPANDED = "▾ "
COLLAPSED = "▸ "
LEAF = "　"
CONTEXT_COLOUR = QColor("#8a8a8a")


class AreaTableModel(RecordTableModel):
    """Areas as a tree: name (indented, with ▸/▾), reading, kind, 人口, 高齢化率."""

    NAME, KANA, KIND, POPULATION, AGING_RATE = range(5)

    def __init__(self, service: AreaService, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(service, dates, parent)
        self.area_service = service
        self._nodes: list[AreaNode] = []
        self._collapsed: set[uuid.UUID] = set()
        self._matches = 0

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("地域名"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("ふりがな"), "kana", kind=ColumnKind.NAME),
            Column(self.tr("種別"), "kind", kind=ColumnKind.SHORT),
            Column(self.tr("人口"), "population", numeric=True, kind=ColumnKind.NUMBER),
            Column(self.tr("高齢化率"), "aging_rate", numeric=True, kind=ColumnKind.NUMBER),
        ]

    # -- the tree ----------------------------------------------------------------

    @property
    def is_filtered(self) -> bool:
        return bool(self.query.text.strip()) or self.query.filters.get("kind") is not None

    def refresh(self) -> None:
        """Read the whole tree (filtered, siblings sorted) and hide collapsed branches."""
        kind = self.query.filters.get("kind")
        nodes = self.area_service.tree(
            self.query.text,
            kind=kind,
            sort=self.query.sort or "kana",
            descending=self.query.descending,
        )
        self._matches = sum(1 for n in nodes if n.matched)
        shown: list[AreaNode] = []
        hidden_below: int | None = None
        for node in nodes:
            if hidden_below is not None and node.depth > hidden_below:
                continue
            hidden_below = None
            shown.append(node)
            if not self.is_filtered and node.area.id in self._collapsed and node.has_children:
                hidden_below = node.depth
        self.beginResetModel()
        self._nodes = shown
        self._rows = [
            Row(record=n.area, extra={"depth": n.depth, "branch": n.has_children}) for n in shown
        ]
        self._has_more = False
        self._total = None
        self.endResetModel()

    @property
    def known_total(self) -> int | None:
        """The areas that match (ancestors shown only for context are not counted)."""
        return self._matches

    @property
    def total(self) -> int:
        return self._matches

    def node_at(self, row: int) -> AreaNode | None:
        return self._nodes[row] if 0 <= row < len(self._nodes) else None

    def is_collapsed(self, area_id: uuid.UUID) -> bool:
        return area_id in self._collapsed

    def can_toggle(self, row: int) -> bool:
        node = self.node_at(row)
        return node is not None and node.has_children and not self.is_filtered

    def set_expanded(self, row: int, expanded: bool) -> bool:
        """Expand or collapse the branch at ``row``; False when nothing changed."""
        node = self.node_at(row)
        if node is None or not self.can_toggle(row):
            return False
        if expanded == (node.area.id not in self._collapsed):
            return False
        if expanded:
            self._collapsed.discard(node.area.id)
        else:
            self._collapsed.add(node.area.id)
        self.refresh()
        return True

    def toggle(self, row: int) -> bool:
        node = self.node_at(row)
        if node is None:
            return False
        return self.set_expanded(row, node.area.id in self._collapsed)

    def expand_all(self) -> None:
        self._collapsed.clear()
        self.refresh()

    def collapse_all(self) -> None:
        self._collapsed = {n.area.id for n in self.area_service.tree() if n.has_children}
        self.refresh()

    def parent_row(self, row: int) -> int:
        node = self.node_at(row)
        if node is None or node.area.parent_id is None:
            return -1
        return self.row_of(node.area.parent_id)

    def fetch_until(self, record_id: uuid.UUID, *, max_rows: int) -> int:
        """The row of ``record_id``, expanding its collapsed ancestors first."""
        if self.row_of(record_id) < 0 and self._collapsed:
            by_id = {n.area.id: n.area for n in self.area_service.tree()}
            current = by_id.get(record_id)
            while current is not None and current.parent_id is not None:
                self._collapsed.discard(current.parent_id)
                current = by_id.get(current.parent_id)
            self.refresh()
        return self.row_of(record_id)

    # -- display -----------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        node = self.node_at(index.row()) if index.isValid() else None
        if node is not None and role == Qt.ItemDataRole.ForegroundRole and not node.matched:
            return QBrush(CONTEXT_COLOUR)
        if (
            node is not None
            and role == Qt.ItemDataRole.ToolTipRole
            and index.column() == self.NAME
            and self.can_toggle(index.row())
        ):
            return (
                self.tr("クリックまたは→キーで展開")
                if node.area.id in self._collapsed
                else self.tr("クリックまたは←キーで折りたたみ")
            )
        return super().data(index, role)

    def display(self, row: Row[Area], column: int) -> object:  # type: ignore[override]
        area = row.record
        if column == self.NAME:
            depth = int(row.extra.get("depth", 0))
            marker = LEAF
            if row.extra.get("branch"):
                collapsed = area.id in self._collapsed and not self.is_filtered
                marker = COLLAPSED if collapsed else EXPANDED
            return f"{INDENT * depth}{marker}{area.name}"
        if column == self.KANA:
            return area.kana
        if column == self.KIND:
            return enum_label(area.kind)
        if column == self.POPULATION:
            return f"{area.population:,}" if area.population is not None else ""
        if area.aging_rate is None:
            return ""
        return f"{area.aging_rate:g}%"

    def marker_width_chars(self, row: int) -> int:
        """Characters before the name (indent and marker): a click there toggles."""
        node = self.node_at(row)
        return (node.depth + 2) if node is not None else 0
