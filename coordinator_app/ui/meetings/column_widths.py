"""Columns that show their whole date and their whole header, in either date style.

A column sized while dates were ISO (``2026-10-01``) cuts 和暦 dates to
「令和8年1…」, and one sized for Japanese headers cuts the English ones; these
helpers widen such columns to what they must show, never narrow them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHeaderView, QTableView

from coordinator_app.ui.dates import DateFormat

CELL_PADDING = 24
"""Room for the cell margins and the sort indicator."""
_LONGEST_DATES = (date(2030, 12, 28), date(2019, 12, 28), date(2088, 12, 28))
"""Dates whose text is among the longest in both styles (令和12年12月28日…)."""


def widest_date_text(dates: DateFormat) -> str:
    """The longest date text the current style produces for a recent date."""
    return max((dates.format(day) for day in _LONGEST_DATES), key=len)


def ensure_min_widths(
    table: QTableView, *, date_columns: tuple[int, ...] = (), dates: DateFormat | None = None
) -> None:
    """Widen each column to its header text, and ``date_columns`` to a whole date."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    cell_metrics = table.fontMetrics()
    model = table.model()
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        text = str(model.headerData(column, header.orientation()) or "")
        wanted = metrics.horizontalAdvance(text) + CELL_PADDING
        if dates is not None and column in date_columns:
            wanted = max(
                wanted, cell_metrics.horizontalAdvance(widest_date_text(dates)) + CELL_PADDING
            )
        if header.sectionSize(column) < wanted:
            header.resizeSection(column, wanted)
