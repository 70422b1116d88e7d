"""Table models over service lists.

:class:`RecordTableModel` shows a page list: filtering and sorting run in
the service (SQL); rows arrive in pages as the view scrolls (fetchMore).
:class:`ChildTableModel` shows a short list that belongs to one record
(a coordinator's assignments, a council's members...).

Subclasses declare named column constants and a :class:`Column` per constant.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QTableView

from coordinator_app.services.base import EntityService, ListQuery, Row
from coordinator_app.ui.common.page_window import PageWindow
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.common.record_locate import locate
from coordinator_app.ui.dates import DateFormat

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the data role giving a row's record id

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
_Role = Qt.ItemDataRole
_ROLES = frozenset({_Role.DisplayRole, _Role.ToolTipRole, _Role.TextAlignmentRole, ID_ROLE})


class ColumnKind(StrEnum):
    """What a column holds, which sets the narrowest width it is ever shown at."""

    DATE = "date"
    DATETIME = "datetime"
    NAME = "name"
    """A person's, organisation's or area's name."""
    TITLE = "title"
    """A meeting's or project's title: the widest names."""
    NUMBER = "number"
    PHONE = "phone"
    SHORT = "short"
    """A kind, status, tier or flag: a few characters."""
    TEXT = "text"


MINIMUM_SAMPLES: dict[ColumnKind, str] = {
    ColumnKind.DATE: "令和10年12月31日",
    ColumnKind.DATETIME: "2026-12-31 23:59",
    ColumnKind.NAME: "社会福祉協議会",
    ColumnKind.TITLE: "第1層協議体定例会議",
    ColumnKind.NUMBER: "99,999",
    ColumnKind.PHONE: "0000-000-0000",
    ColumnKind.SHORT: "検討中",
    ColumnKind.TEXT: "あいうえおか",
}
"""The text each kind of column always has room for, even on an empty list."""


@dataclass(frozen=True)
class Column:
    """A column: its (translated) header, the service sort key if sortable, and
    what it holds (``kind``; numbers when ``numeric``, text otherwise)."""

    header: str
    sort_key: str | None = None
    numeric: bool = False
    kind: ColumnKind | None = None

    @property
    def content_kind(self) -> ColumnKind:
        if self.kind is not None:
            return self.kind
        return ColumnKind.NUMBER if self.numeric else ColumnKind.TEXT


class _BaseTableModel(QAbstractTableModel, Generic[T]):
    """Shared rendering: subclasses give ``columns`` and ``display``."""

    def __init__(self, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(parent)
        self.dates = dates
        self._rows: list[T] = []
        self._columns: list[Column] = self.columns()

    # -- subclass API ------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def display(self, row: T, column: int) -> object:
        """The value shown in ``column``; dates are formatted by the base class."""
        raise NotImplementedError

    def record_id(self, row: T) -> uuid.UUID:
        raise NotImplementedError

    # -- Qt model ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:  # (a paint asks ~8 roles per cell)
            return None
        row = self.row_item(index.row())
        if row is None:
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(self.display(row, index.column()))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text(self.display(row, index.column()))
            return plain_tooltip(text) if len(text) > 20 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return self.record_id(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].header
            return None
        return section + 1

    # -- helpers -----------------------------------------------------------------

    def column_spec(self, column: int) -> Column | None:
        return self._columns[column] if 0 <= column < len(self._columns) else None

    def row_item(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> uuid.UUID | None:
        item = self.row_item(row)
        return self.record_id(item) if item is not None else None

    def row_of(self, record_id: uuid.UUID | None) -> int:
        """The row showing ``record_id``; -1 when it is not loaded."""
        if record_id is None:
            return -1
        for i, row in enumerate(self._rows):
            if self.record_id(row) == record_id:
                return i
        return -1

    def describe(self, row: int) -> str:
        """A short text naming the row (for confirmations): its first column."""
        item = self.row_item(row)
        return self._text(self.display(item, 0)) if item is not None else ""

    def redisplay(self) -> None:
        """Re-render every cell (e.g. after the date style changed)."""
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, len(self._columns) - 1)
            )

    def _text(self, value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, date) and not isinstance(value, datetime):
            return self.dates.format(value)
        if isinstance(value, bool):
            return "✓" if value else ""
        return str(value)


class RecordTableModel(_BaseTableModel[Row[Any]]):
    """A service list with server-side filter, sort and paging.

    A list opens growing: its first pages are read by keyset and appended as
    the view scrolls (fetchMore), without counting every match (on 500,000
    meetings that count costs more than the page) until :attr:`total` is asked
    for. Past ``GROWING_PAGES`` pages, or when the user grabs the scroll bar or
    presses Ctrl+End (:meth:`prepare_jump`), it counts once and becomes a
    :class:`PageWindow`: every row exists for the view, pages of
    ``WINDOW_PAGE_SIZE`` rows (two screens: a jump reads one or two) are read
    where the view looks (the end one seek from the end) and at most
    ``CACHED_PAGES`` are kept. Rows are light (:meth:`EntityService.list_light`).
    """

    PAGE_SIZE = 200
    FIRST_PAGE_SIZE = 60  # after a sort or filter: two screens (each row a few cold pages)
    GROWING_PAGES = 2
    WINDOW_PAGE_SIZE = 50  # (at most PAGE_SIZE; about two screens)
    CACHED_PAGES = 24
    DEFAULT_DESCENDING = False
    """Initial direction of the default sort (newest first for dated lists)."""

    def __init__(self, service: EntityService[Any], dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.service = service
        self._query = ListQuery(
            limit=self.PAGE_SIZE, descending=self.DEFAULT_DESCENDING, with_total=False
        )
        self._has_more = False
        self._total: int | None = None
        self._keys: list[tuple[Any, ...]] = []
        self.window: PageWindow | None = None
        """Set once the list counted its rows and reads pages where the view looks."""

    @property
    def known_total(self) -> int | None:
        """How many rows match, when known without counting (every row loaded, or
        counted before); None otherwise."""
        if self.window is not None:
            return self.window.total
        if not self._has_more:
            return len(self._rows)
        return self._total

    @property
    def total(self) -> int:
        """How many rows match the filter (not only those loaded); counts in SQL the
        first time it is asked after a refresh."""
        known = self.known_total
        if known is not None:
            return known
        page = self.service.list(replace(self._query, offset=0, limit=0, with_total=True))
        self._total = page.total
        return self._total

    @property
    def query(self) -> ListQuery:
        return self._query

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        if parent.isValid():
            return 0
        return self.window.total if self.window is not None else len(self._rows)

    def row_item(self, row: int) -> Row[Any] | None:
        if self.window is not None:
            return self.window.row(row)
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: uuid.UUID | None) -> int:
        """The row showing ``record_id``; -1 when it is not among the rows kept."""
        if self.window is None:
            return super().row_of(record_id)
        if record_id is not None:
            for position, row in self.window.kept():
                if self.record_id(row) == record_id:
                    return position
        return -1

    def record_id(self, row: Row[Any]) -> uuid.UUID:
        return row.record.id  # type: ignore[no-any-return]  # light rows carry the id

    def record_at(self, row: int) -> Any:
        """The row's record: a light named tuple of what the list shows."""
        item = self.row_item(row)
        return item.record if item is not None else None

    def sort_column(self) -> int:
        """The column showing the current sort key; -1 when none does."""
        key = self._query.sort or self.service.default_sort
        for i, column in enumerate(self._columns):
            if column.sort_key == key:
                return i
        return -1

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    # -- changing the query ------------------------------------------------------

    def set_text(self, text: str) -> None:
        if text != self._query.text:
            self._query = replace(self._query, text=text)
            self.refresh()

    def set_filter(self, key: str, value: object) -> None:
        filters = dict(self._query.filters)
        if value is None:
            filters.pop(key, None)
        else:
            filters[key] = value
        if filters != self._query.filters:
            self._query = replace(self._query, filters=filters)
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the service; columns without a sort key are ignored."""
        if not self.is_sortable(column):
            return
        key = self._columns[column].sort_key
        descending = order == Qt.SortOrder.DescendingOrder
        current = self._query.sort or self.service.default_sort
        if key != current or descending != self._query.descending:
            self._query = replace(self._query, sort=key or "", descending=descending)
            self.refresh()

    def refresh(self) -> None:
        """Reload the first page (the list grows again from the top)."""
        self._keys = []
        rows, more = self._page(0)
        self.beginResetModel()
        self.window = None
        self._rows = rows
        self._has_more = more
        self._total = None
        self.endResetModel()

    # -- paging ------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.window is None and self._has_more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        """The view scrolled to the last row read: the next page, or past
        ``GROWING_PAGES`` pages the whole list (:meth:`prepare_jump`)."""
        if parent.isValid() or not self.canFetchMore():
            return
        if len(self._rows) >= self.GROWING_PAGES * self.PAGE_SIZE:
            self.prepare_jump()
        else:
            self._grow()

    def prepare_jump(self) -> None:
        """Count the rows once and let the view reach any of them (Ctrl+End, the
        scroll bar): the rows read so far become the window's first pages."""
        if self.window is not None or not self._has_more:
            return
        total = self.total
        window = PageWindow(
            self._query,
            total,
            fetch=self.service.list_light,
            ladder=self.service.list_ladder,
            page_size=min(self.WINDOW_PAGE_SIZE, self.PAGE_SIZE),
            capacity=self.CACHED_PAGES,
        )
        window.seed(self._rows, self._keys)
        window.prime()
        first = len(self._rows)
        if total > first:
            self.beginInsertRows(QModelIndex(), first, total - 1)
            self.window = window
            self._rows, self._keys = [], []
            self.endInsertRows()
        else:
            self.window = window
            self._rows, self._keys = [], []

    def _grow(self) -> None:
        rows, more = self._page(len(self._rows))
        self._has_more = more
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def fetch_until(self, record_id: uuid.UUID, *, max_rows: int) -> int:
        """The row of ``record_id`` if among the first ``max_rows``, else -1 (:func:`locate`)."""
        return locate(self, record_id, max_rows=max_rows)

    def load_through(self, row: int) -> None:
        """Grow the list (pages from the top) until ``row`` is loaded or none is left."""
        while self.window is None and self._has_more and len(self._rows) <= row:
            self._grow()

    def record_id_at(self, position: int) -> uuid.UUID | None:
        item = self.row_item(position)
        return self.record_id(item) if item is not None else None

    def fetch_all(self) -> None:
        """Load every matching row (tests; never on a list that can be long)."""
        while self.window is None and self._has_more:
            self._grow()

    def _page(self, offset: int) -> tuple[list[Row[Any]], bool]:
        """Rows from ``offset`` and whether more exist (one extra row is read).

        After the first page the next one starts after the last row's key (keyset:
        one index seek at any depth)."""
        limit = self._query.limit or self.PAGE_SIZE
        limit = limit if offset else min(limit, self.FIRST_PAGE_SIZE)
        after = self._keys[-1] if offset and self._keys else None
        query = replace(self._query, offset=0 if after else offset, after=after, limit=limit + 1)
        page = self.service.list_light(query)
        rows = list(page.rows[:limit])
        if page.keys is not None:
            self._keys.extend(page.keys[: len(rows)])
        return rows, len(page.rows) > limit


class ChildTableModel(_BaseTableModel[T]):
    """A short list belonging to one owner record, loaded whole."""

    def __init__(self, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.owner_id: uuid.UUID | None = None

    def fetch(self, owner_id: uuid.UUID) -> Sequence[T]:
        raise NotImplementedError

    def load(self, owner_id: uuid.UUID | None) -> None:
        self.owner_id = owner_id
        self.refresh()

    def refresh(self) -> None:
        rows = list(self.fetch(self.owner_id)) if self.owner_id is not None else []
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


MAX_COLUMN_WIDTH = 320
CELL_PADDING = 16
"""Room around a cell's text (margins and the grid line)."""
HEADER_PADDING = 28
"""Room around a header's text (margins and the sort indicator)."""


def minimum_width(view: QTableView, column: int) -> int:
    """The narrowest ``column`` is ever shown: its kind's sample and its header fit.

    Models without :class:`Column` specs (``column_spec``) get room for a short
    value and their header.
    """
    model = view.model()
    spec_of = getattr(model, "column_spec", None)
    spec = spec_of(column) if spec_of is not None else None
    kind = spec.content_kind if isinstance(spec, Column) else ColumnKind.SHORT
    sample = view.fontMetrics().horizontalAdvance(MINIMUM_SAMPLES[kind]) + CELL_PADDING
    header = view.horizontalHeader()
    title = model.headerData(column, Qt.Orientation.Horizontal)
    title_width = header.fontMetrics().horizontalAdvance(str(title or "")) + HEADER_PADDING
    return min(max(sample, title_width), MAX_COLUMN_WIDTH)


FIT_SAMPLE_ROWS = 50  # rows fit_columns measures, about two screens (Qt's default: 1,000)


def fit_columns(view: QTableView) -> None:
    """Size columns to their contents (the first :data:`FIT_SAMPLE_ROWS` rows), never
    narrower than :func:`minimum_width` (an empty list still shows a whole date or name)
    nor wider than MAX_COLUMN_WIDTH."""
    header = view.horizontalHeader()  # its precision: how many rows a column measures
    precision = header.resizeContentsPrecision()  # -1: every row
    header.setResizeContentsPrecision(min(precision % 2**31, FIT_SAMPLE_ROWS))
    view.resizeColumnsToContents()
    header.setResizeContentsPrecision(precision)
    for column in range(header.count()):
        width = min(max(header.sectionSize(column), minimum_width(view, column)), MAX_COLUMN_WIDTH)
        if width != header.sectionSize(column):
            header.resizeSection(column, width)


def widen_to_minimum(view: QTableView) -> None:
    """Widen columns narrower than their :func:`minimum_width` (e.g. widths saved by an
    older version from an empty list)."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        least = minimum_width(view, column)
        if header.sectionSize(column) < least:
            header.resizeSection(column, least)


def select_row(view: QTableView, row: int) -> None:
    """Make ``row`` the current, only selected row and scroll to it (-1 clears)."""
    selection = view.selectionModel()
    if row < 0:
        selection.clear()
        return
    index = view.model().index(row, 0)
    selection.setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index)
