"""The one way a list's table is set up: whole rows selected, read-only,
no row numbers, the free width given to one column.

Every list in the app (the pages' record lists, the panels of a record's
children, the workspaces, the dialogs' previews) is a :class:`QTableView`
built by :func:`list_table`, so they all look and behave alike. Cells show
their model's text as plain text (a ``QTableView`` never renders markup).

Columns are sized to their contents once (:func:`size_columns`): when the
first rows are shown, and again only when the user asks (the header's context
menu). Sizing measures every cell, so doing it after each reload made opening
a project or the review workspace pay for it a dozen times, and undid the
widths the user had dragged.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from coordinator_app.ui.common.table_model import fit_columns

SelectionMode = QAbstractItemView.SelectionMode
ResizeMode = QHeaderView.ResizeMode


def list_table(
    model: QAbstractItemModel,
    parent: QWidget | None = None,
    *,
    selection: SelectionMode = SelectionMode.ExtendedSelection,
    rows: bool = True,
    alternating: bool = True,
    wrap: bool = False,
    resize: ResizeMode | None = None,
    stretch: int | None = None,
    stretch_last: bool = True,
    tooltip: str = "",
) -> QTableView:
    """A read-only table of ``model``.

    Args:
        model: the rows.
        parent: the widget the table is in.
        selection: single or extended selection (Qt's default is extended).
        rows: select whole rows (False: single cells, e.g. a report's figures).
        alternating: alternating row colours.
        wrap: wrap long cell texts (most lists keep one line per row).
        resize: the columns' resize mode (None: Qt's default, interactive).
        stretch: the column that takes the free width; without it the last
            column does when ``stretch_last``.
        stretch_last: the last column takes the free width (ignored with ``stretch``).
        tooltip: the table's tooltip (e.g. what a double click does).
    """
    table = QTableView(parent)
    table.setModel(model)
    if rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    if resize is not None:
        header.setSectionResizeMode(resize)
    if stretch is None:
        header.setStretchLastSection(stretch_last)
    else:
        stretch_column(table, stretch)
    if tooltip:
        table.setToolTip(tooltip)
    if hasattr(model, "prepare_jump"):
        JumpHelper(table)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda position: column_menu(table).exec(header.mapToGlobal(position))
    )
    return table


class JumpHelper(QObject):
    """Lets a growing list (``prepare_jump``, see ``RecordTableModel``) become whole
    before the view moves: Ctrl+End then reaches the last row of the list, not
    of the pages read so far, and the scroll bar, once grabbed, spans every row."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.installEventFilter(self)
        table.verticalScrollBar().sliderPressed.connect(self.prepare)

    def prepare(self) -> None:
        prepare = getattr(self.table.model(), "prepare_jump", None)
        if prepare is not None:
            prepare()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.MoveToEndOfDocument)
        ):
            self.prepare()
        return False


def stretch_column(table: QTableView, column: int) -> None:
    """``column`` (a name, a text) takes the free width instead of the last column."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, ResizeMode.Stretch)


SIZINGS = "columnSizings"
"""Dynamic property: how many times :func:`size_columns` measured the table's rows
(fitting an empty table to its minimums costs nothing and is not counted)."""
_STATE = "columnSizingState"  # None: never sized; "empty": to the minimums; "done"
_FITTING = "columnSizingNow"


def size_columns(table: QTableView, *, again: bool = False) -> None:
    """Size the columns to their contents once: on the first rows, or when asked.

    Call it after every load: only the first load with rows (and an empty one
    before it, to each column's minimum) measures. Widths the user dragged, or
    a saved header state restored, stay as they are. ``again``: the user asked
    to fit the columns to what is shown now.
    """
    state = table.property(_STATE)
    model = table.model()
    rows = model.rowCount() if model is not None else 0
    if not again and (state == "done" or (state == "empty" and rows == 0)):
        return
    if state is None:
        _watch(table)
    table.setProperty(_FITTING, True)
    try:
        fit_columns(table)
    finally:
        table.setProperty(_FITTING, False)
    if rows:
        table.setProperty(SIZINGS, int(table.property(SIZINGS) or 0) + 1)
    table.setProperty(_STATE, "done" if rows else "empty")


def column_widths(table: QTableView) -> list[int]:
    """The columns' widths, to give a rebuilt table of the same columns."""
    header = table.horizontalHeader()
    return [header.sectionSize(column) for column in range(header.count())]


def keep_widths(table: QTableView, widths: list[int]) -> bool:
    """Give ``table`` the widths of the table it replaces (same columns): no sizing.

    Returns False (nothing done) when the columns differ.
    """
    header = table.horizontalHeader()
    if len(widths) != header.count():
        return False
    table.setProperty(_FITTING, True)
    try:
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
    finally:
        table.setProperty(_FITTING, False)
    if table.property(_STATE) is None:
        _watch(table)
    table.setProperty(_STATE, "done")
    return True


def _watch(table: QTableView) -> None:
    """Fit when the first rows arrive; a width the user sets ends the automatic sizing."""
    header = table.horizontalHeader()

    def resized(column: int, _old: int, _new: int) -> None:
        if table.property(_FITTING):
            return
        last = header.count() - 1
        if header.sectionResizeMode(column) == ResizeMode.Stretch or (
            header.stretchLastSection() and column == last
        ):
            return  # follows the window's width, not the user's hand
        table.setProperty(_STATE, "done")

    def rows_arrived(*_args: object) -> None:
        if shiboken6.isValid(table) and table.property(_STATE) == "empty":
            size_columns(table)

    header.sectionResized.connect(resized)
    model = table.model()
    if model is not None:
        model.modelReset.connect(rows_arrived)
        model.rowsInserted.connect(rows_arrived)
        model.layoutChanged.connect(rows_arrived)


def column_menu(table: QTableView) -> QMenu:
    """The header's context menu: fit the columns to what is shown now."""
    menu = QMenu(table)
    fit = menu.addAction(QCoreApplication.translate("list_table", "列の幅を内容に合わせる"))
    fit.triggered.connect(lambda: size_columns(table, again=True))
    return menu
