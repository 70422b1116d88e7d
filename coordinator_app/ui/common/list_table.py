"""The one way a list's table is set up: whole rows selected, read-only,
no row numbers, the free width given to one column.

Every list in the app (the pages' record lists, the panels of a record's
children, the workspaces, the dialogs' previews) is a :class:`QTableView`
built by :func:`list_table`, so they all look and behave alike. Cells show
their model's text as plain text (a ``QTableView`` never renders markup).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

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
