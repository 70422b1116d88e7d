"""Search results as a two-level item model (a row per kind, a child per hit) and the
delegate that draws a hit with its match highlighted.

Record text is data, never markup: every piece of it is escaped before it is
put into the rich text the delegate draws.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from coordinator_app.services.search import SearchHit, SearchResults
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import kind_label

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""The kind of a group row or of a hit."""
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
"""The :class:`SearchHit` of a hit row (None on group rows)."""
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
"""The rich text the delegate draws for a hit."""

MATCH_STYLE = "background-color: #ffe082; color: #000000; font-weight: 600;"
DATE_STYLE = "color: #666666;"

ROW_GAP = 4
"""Extra pixels under each hit."""

AnyIndex = QModelIndex | QPersistentModelIndex


def hit_html(hit: SearchHit, dates: DateFormat) -> str:
    """The title (and date), then the snippet with the match marked; all text escaped."""
    snippet = hit.snippet
    marked = (
        f"{html.escape(snippet.before)}<span style='{MATCH_STYLE}'>"
        f"{html.escape(snippet.match)}</span>{html.escape(snippet.after)}"
        if snippet.match
        else html.escape(snippet.before + snippet.after)
    )
    title = html.escape(hit.title)
    whole = snippet.before + snippet.match + snippet.after
    at = hit.title.find(snippet.match) if snippet.match else -1
    if at >= 0 and "".join(whole.split()) == "".join(hit.title.split()):
        # The snippet is the title itself: mark the match in the title, show no second line.
        end = at + len(snippet.match)
        title = (
            f"{html.escape(hit.title[:at])}<span style='{MATCH_STYLE}'>"
            f"{html.escape(snippet.match)}</span>{html.escape(hit.title[end:])}"
        )
        marked = ""
    day = (
        f"&nbsp;&nbsp;<span style='{DATE_STYLE}'>{html.escape(dates.format(hit.held_on))}</span>"
        if hit.held_on
        else ""
    )
    second = f"<br/>{marked}" if marked else ""
    return f"<b>{title}</b>{day}{second}"


class SearchResultModel(QStandardItemModel):
    """One group row per kind with hits, in the service's order, its hits below."""

    def __init__(self, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(parent)
        self.dates = dates
        self.results: SearchResults | None = None

    def show_results(self, results: SearchResults) -> None:
        self.results = results
        self.clear()
        bold = QFont()
        bold.setBold(True)
        root = self.invisibleRootItem()
        for kind, hits in results.groups.items():
            more = results.more.get(kind, False)
            count = (
                QCoreApplication.translate("SearchView", "{count}件以上")
                if more
                else QCoreApplication.translate("SearchView", "{count}件")
            ).format(count=len(hits))
            group = QStandardItem(f"{kind_label(kind)}  {count}")
            group.setData(kind.value, KIND_ROLE)
            group.setFont(bold)
            group.setEditable(False)
            group.setSelectable(False)
            for hit in hits:
                item = QStandardItem(hit.title)
                item.setEditable(False)
                item.setData(kind.value, KIND_ROLE)
                item.setData(hit, HIT_ROLE)
                item.setData(hit_html(hit, self.dates), HTML_ROLE)
                item.setToolTip(
                    plain_tooltip(hit.snippet.before + hit.snippet.match + hit.snippet.after)
                )
                group.appendRow(item)
            root.appendRow(group)

    def hit_at(self, index: AnyIndex) -> SearchHit | None:
        value = index.data(HIT_ROLE) if index.isValid() else None
        return value if isinstance(value, SearchHit) else None

    def first_hit(self) -> QModelIndex:
        """The index of the first hit (invalid when there is none)."""
        for row in range(self.rowCount()):
            group = self.index(row, 0)
            if self.rowCount(group):
                return self.index(0, 0, group)
        return QModelIndex()


class HighlightDelegate(QStyledItemDelegate):
    """Draws hit rows from their :data:`HTML_ROLE` rich text; group rows as usual."""

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)  # type: ignore[attr-defined]
        document.setDocumentMargin(3)
        document.setHtml(str(index.data(HTML_ROLE)))
        document.setTextWidth(max(width, 120))
        return document

    @staticmethod
    def _available_width(option: QStyleOptionViewItem) -> int:
        """The width a hit gets in the tree (sizeHint is asked before rows have a rect)."""
        view = option.widget  # type: ignore[attr-defined]
        if isinstance(view, QTreeView):
            return view.viewport().width() - 2 * view.indentation() - 4
        return option.rect.width()  # type: ignore[attr-defined]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        document = self._document(opt, index, opt.rect.width())  # type: ignore[attr-defined]
        opt.text = ""  # type: ignore[attr-defined]
        style = opt.widget.style() if opt.widget else QApplication.style()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)  # type: ignore[attr-defined]
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        painter.translate(opt.rect.topLeft())  # type: ignore[attr-defined]
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))  # type: ignore[attr-defined]
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        document = self._document(opt, index, self._available_width(opt))
        return QSize(int(document.idealWidth()), int(document.size().height()) + ROW_GAP)
