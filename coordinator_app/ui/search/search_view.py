"""The global search view: a query field, filters (kind, 年度, area) and grouped results.

Typing searches after a short pause; Down or Enter in the query field moves
to the first hit; Enter or a double-click on a hit opens it through the event
hub (a child record opens the record it belongs to); Esc closes the dock
the view sits in. The results follow
edits: when the hub says records changed, the query runs again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.era import format_fiscal_year
from coordinator_app.domain.fiscal import fiscal_year
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.search import SearchResults
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.pickers import Option, RecordCombo, StaticOptions
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import kind_label
from coordinator_app.ui.search.owners import owning_record
from coordinator_app.ui.search.result_model import (
    HighlightDelegate,
    SearchResultModel,
)

if TYPE_CHECKING:
    from coordinator_app.services.areas import AreaService

SEARCH_DELAY_MS = 250
"""Typing pauses this long before the search runs."""
MIN_WIDTH = 320
"""Narrower than this, titles and snippets wrap into unreadable columns."""
PER_KIND = 10
"""Hits shown per kind when every kind is searched."""
PER_KIND_ONE = 50
"""Hits shown when one kind is chosen."""


class AreaTreeOptions:
    """The live areas in tree order (indented by depth) as the area filter's options,
    read from the service at the first search or lookup, not before."""

    def __init__(self, areas: AreaService) -> None:
        self._areas = areas
        self._options: StaticOptions | None = None
        self.reads = 0
        """Times the tree was read (tests)."""

    def _static(self) -> StaticOptions:
        if self._options is None:
            self.reads += 1
            self._options = StaticOptions(
                Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana)
                for node in self._areas.tree()
            )
        return self._options

    def search(self, text: str, *, limit: int) -> list[Option]:
        return self._static().search(text, limit=limit)

    def lookup(self, values: Sequence[object]) -> list[Option]:
        return self._static().lookup(values)


class SearchView(QWidget):
    """Search across every kind of record.

    Attributes:
        results: the last results shown (None before the first search).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_view")
        self.setMinimumWidth(MIN_WIDTH)
        self.ctx = ctx
        self.results: SearchResults | None = None
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("search_query")
        self.query_edit.setPlaceholderText(
            self.tr("キーワード(1文字から・かなの種類や全角半角は区別しません)")
        )
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("すべての種類"), None)
        for kind in RecordKind.searchable():
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.year_combo = QComboBox(self)
        self.area_combo = RecordCombo(self, none_text=self.tr("すべての地域"))
        for combo in (self.kind_combo, self.year_combo, self.area_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)
        self._fill_filters()

        self.model = SearchResultModel(ctx.dates, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("search_results")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(HighlightDelegate(self.tree))
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setIndentation(12)
        self.tree.doubleClicked.connect(self._open_index)
        self.tree.header().setStretchLastSection(True)
        self.tree.installEventFilter(self)
        self.tree.viewport().installEventFilter(self)
        self.status = plain(QLabel(self))
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)

        filters = QGridLayout()  # two rows: the dock is often narrow
        filters.addWidget(self.kind_combo, 0, 0)
        filters.addWidget(self.year_combo, 0, 1)
        filters.addWidget(self.area_combo, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.query_edit.textChanged.connect(self._timer.start)
        self._follow_timer = QTimer(self)  # coalesces a burst of change signals into one search
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(0)
        self._follow_timer.timeout.connect(self.run)
        self.query_edit.installEventFilter(self)
        for combo in (self.kind_combo, self.year_combo, self.area_combo):
            combo.currentIndexChanged.connect(self.run)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self._display_changed)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.close_dock)

    def close_dock(self) -> None:
        """Esc: hide the dock holding the view and give the keyboard back to the window."""
        holder = self.parentWidget()
        target = holder if isinstance(holder, QDockWidget) else self
        target.hide()
        window = target.parentWidget()
        if window is not None:
            window.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- searching -----------------------------------------------------------------

    def set_query(self, text: str) -> None:
        """Put ``text`` in the query field (the search runs after the usual pause)."""
        self.query_edit.setText(text)
        self.query_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.query_edit.end(False)

    def focus_query(self) -> None:
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def run(self) -> None:
        """Search now with the query and filters."""
        self._timer.stop()
        text = self.query_edit.text().strip()
        if not text:
            self.results = None
            self.model.clear()
            self.status.clear()
            return
        kind = self.kind_combo.currentData()
        area = self.area_combo.current_value()
        results = self.ctx.services.search.search(
            text,
            kinds=[kind] if kind else None,
            fiscal_year=self.year_combo.currentData(),
            area_id=area,  # type: ignore[arg-type]
            per_kind=PER_KIND_ONE if kind else PER_KIND,
        )
        self.show_results(results)

    def show_results(self, results: SearchResults) -> None:
        self.results = results
        self.model.show_results(results)
        self.tree.expandAll()
        shown = results.total_shown
        if not shown:
            self.status.setText(
                self.tr("「{query}」は見つかりませんでした").format(query=results.query)
            )
        elif any(results.more.values()):
            self.status.setText(
                self.tr(
                    "「{query}」: {count}件を表示(新しい順)。"
                    "種類を選ぶと、その種類をさらに表示します"
                ).format(query=results.query, count=shown)
            )
        else:
            self.status.setText(
                self.tr("「{query}」: {count}件(新しい順)").format(query=results.query, count=shown)
            )

    # -- opening -------------------------------------------------------------------

    def open_current(self) -> bool:
        """Open the selected hit; False when none is selected or it is gone."""
        return self._open_index(self.tree.currentIndex())

    def _open_index(self, index: QModelIndex) -> bool:
        hit = self.model.hit_at(index)
        if hit is None:
            return False
        try:
            kind, record_id = owning_record(self.ctx.services, hit.kind, hit.record_id)
        except NotFoundError:
            self.status.setText(self.tr("この記録は削除されています"))
            self.run()
            return False
        self.ctx.events.open_record(kind, record_id)
        return True

    def select_first_hit(self) -> bool:
        index = self.model.first_hit()
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tree.viewport():
            # Hit heights depend on the width: lay the hits out again before the next
            # paint (Qt's own delayed layout, which the paint runs first), painting once.
            self.tree.scheduleDelayedItemsLayout()
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if watched is self.query_edit and (enter or key == Qt.Key.Key_Down):
                if self._timer.isActive() or self.results is None:
                    self.run()
                self.select_first_hit()
                return True
            if watched is self.tree and enter:
                self.open_current()
                return True
        return super().eventFilter(watched, event)

    # -- keeping up ----------------------------------------------------------------

    def _fill_filters(self) -> None:
        wareki = self.ctx.dates.wareki
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("すべての年度"), None)
        for year in self._years():
            text = (
                format_fiscal_year(year, wareki=True)
                if wareki
                else self.tr("{year}年度").format(year=year)
            )
            self.year_combo.addItem(text, year)
        index = self.year_combo.findData(current) if current is not None else 0
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)
        # The areas are read when the user reaches the combo (focus, popup, wheel, a key):
        # until then it shows 「すべての地域」 or the chosen area, as it would anyway.
        self.area_combo.set_options(AreaTreeOptions(self.ctx.services.areas), lazy=True)

    def _years(self) -> list[int]:
        """Fiscal years from the newest meeting (or this year) back to the oldest."""
        newest = oldest = fiscal_year(date.today())
        span = self.ctx.services.search.meeting_span()  # one statement, two seeks
        if span is not None:
            newest = max(newest, fiscal_year(span[1]))
            oldest = min(newest, fiscal_year(span[0]))
        return list(range(newest, oldest - 1, -1))

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.AREA):
            self._fill_filters()
        if self.query_edit.text().strip():
            self._follow_timer.start()

    def _display_changed(self) -> None:
        self._fill_filters()
        if self.results is not None:
            self.show_results(self.results)
