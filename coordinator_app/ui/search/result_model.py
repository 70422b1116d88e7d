"""Search results as a two-level item model (a row per kind, a child per hit) and the
light delegate that draws a hit with its match highlighted.

Record text is data, never markup: the delegate lays out plain text (a
``QTextLayout`` with format ranges for the title, the date and the match), so
nothing in it is ever parsed. :func:`hit_html` gives the same hit as escaped
rich text for whoever asks for :data:`HTML_ROLE` (nothing in the view parses
it). The model is filled once per search (one reset), its rows computed then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGradient,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.search import SearchHit, SearchResults
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import kind_label

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
"""The kind of a group row or of a hit."""
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
"""The :class:`SearchHit` of a hit row (None on group rows)."""
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
"""The hit as escaped rich text (:func:`hit_html`), made when asked for."""
LINES_ROLE = Qt.ItemDataRole.UserRole + 4
"""The :class:`HitLines` the delegate draws for a hit."""

MATCH_STYLE = "background-color: #ffe082; color: #000000; font-weight: 600;"
DATE_STYLE = "color: #666666;"
MATCH_BACKGROUND = "#ffe082"
MATCH_FOREGROUND = "#000000"
DATE_FOREGROUND = "#666666"

ROW_GAP = 4
"""Extra pixels under each hit."""
MARGIN = 3
"""Pixels around a hit's text."""
PAINTED_KEPT = 256
"""Painted hit layouts kept for repaints (a screenful is a few dozen)."""
LINE_BREAK = "\u2028"
"""Where the title line ends and the snippet begins (a line separator for
``QTextLayout``; taken out of titles and snippets, see :func:`_one_line`)."""

AnyIndex = QModelIndex | QPersistentModelIndex

WARMED = (
    QGradient.Type,
    QGradient.Spread,
    QGradient.CoordinateMode,
    QGradient.InterpolationMode,
    QGradient.Preset,
    Qt.Edge,
    QTextLine.CursorPosition,
)
"""PySide makes a Python type for a Qt enum the first time it is used (1-2 ms each on
the benchmark machine): the ones the dock's first show met (``QBrush(QColor)`` looks
at QGradient's) are made with this module, which the start-up idle step imports."""


@dataclass(frozen=True)
class HitLines:
    """A hit as plain text and the spans to emphasise, in ``text``'s offsets.

    Attributes:
        text: the title, the date, then the snippet on its own line (when the
            snippet is not the title itself).
        spans: ``(start, length, style)`` with style ``title``, ``title_match``,
            ``date`` or ``match``; they never overlap.
    """

    text: str
    spans: tuple[tuple[int, int, str], ...]


def _one_line(text: str) -> str:
    """``text`` without line breaks (same length: the offsets stay valid)."""
    return text.replace("\n", " ").replace("\r", " ").replace(LINE_BREAK, " ")


def hit_lines(hit: SearchHit, dates: DateFormat) -> HitLines:
    """The plain-text form of :func:`hit_html`: same title, date, snippet and marks."""
    snippet = hit.snippet
    title = _one_line(hit.title)
    spans: list[tuple[int, int, str]] = []
    whole = snippet.before + snippet.match + snippet.after
    at = hit.title.find(snippet.match) if snippet.match else -1
    second: str | None = whole
    if at >= 0 and "".join(whole.split()) == "".join(hit.title.split()):
        # The snippet is the title itself: mark the match in the title, no second line.
        end = at + len(snippet.match)
        spans += [(0, at, "title"), (at, end - at, "title_match"), (end, len(title) - end, "title")]
        second = None
    else:
        spans.append((0, len(title), "title"))
    text = title
    if hit.held_on:
        day = dates.format(hit.held_on)
        spans.append((len(text) + 2, len(day), "date"))
        text += "  " + day
    if second:
        text += LINE_BREAK
        if snippet.match:
            spans.append((len(text) + len(snippet.before), len(snippet.match), "match"))
        text += _one_line(second)
    return HitLines(text, tuple(s for s in spans if s[1] > 0))


def hit_html(hit: SearchHit, dates: DateFormat) -> str:
    """The title (and date), then the snippet with the match marked; all text escaped."""
    import html  # (and its entity table) only for whoever asks for HTML_ROLE

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


class SearchResultModel(QAbstractItemModel):
    """One group row per kind with hits, in the service's order, its hits below.

    Filled once per search (:meth:`show_results`: one reset); every row's text
    and marks are computed then, so painting and sizing only look them up. A
    hit's index carries its group's row + 1 as internal id (groups carry 0).
    """

    def __init__(self, dates: DateFormat, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dates = dates
        self.results: SearchResults | None = None
        self._groups: list[tuple[RecordKind, str, list[SearchHit], list[HitLines]]] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def show_results(self, results: SearchResults) -> None:
        groups = []
        for kind, hits in results.groups.items():
            more = results.more.get(kind, False)
            count = (
                QCoreApplication.translate("SearchView", "{count}件以上")
                if more
                else QCoreApplication.translate("SearchView", "{count}件")
            ).format(count=len(hits))
            lines = [hit_lines(hit, self.dates) for hit in hits]
            groups.append((kind, f"{kind_label(kind)}  {count}", list(hits), lines))
        self.beginResetModel()
        self.results = results
        self._groups = groups
        self.endResetModel()

    def clear(self) -> None:
        """No results (an empty query)."""
        if self.results is None and not self._groups:
            return
        self.beginResetModel()
        self.results = None
        self._groups = []
        self.endResetModel()

    # -- Qt model ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008 (Qt's signature)
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() == 0 and row < len(self._groups[parent.row()][2]):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0:
            return len(self._groups[parent.row()][2])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = index.internalId()
        if group == 0:
            kind, label, _hits, _lines = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return label
            if role == KIND_ROLE:
                return kind.value
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        kind, _label, hits, lines = self._groups[group - 1]
        hit = hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == LINES_ROLE:
            return lines[index.row()]
        if role == KIND_ROLE:
            return kind.value
        if role == HIT_ROLE:
            return hit
        if role == HTML_ROLE:
            return hit_html(hit, self.dates)
        if role == Qt.ItemDataRole.ToolTipRole:
            snippet = hit.snippet
            return plain_tooltip(snippet.before + snippet.match + snippet.after)
        return None

    # -- helpers -----------------------------------------------------------------

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


def _formats() -> dict[str, QTextCharFormat]:
    """The emphasis of each span style."""
    title = QTextCharFormat()
    title.setFontWeight(QFont.Weight.Bold)
    date = QTextCharFormat()
    date.setForeground(QBrush(QColor(DATE_FOREGROUND)))
    match = QTextCharFormat()
    match.setBackground(QBrush(QColor(MATCH_BACKGROUND)))
    match.setForeground(QBrush(QColor(MATCH_FOREGROUND)))
    match.setFontWeight(QFont.Weight.DemiBold)
    title_match = QTextCharFormat(match)
    title_match.setFontWeight(QFont.Weight.Bold)
    return {"title": title, "date": date, "match": match, "title_match": title_match}


class HighlightDelegate(QStyledItemDelegate):
    """Draws hit rows from their :data:`LINES_ROLE` plain text; group rows as usual.

    One ``QTextLayout`` per painted hit (plain text: nothing is parsed), the
    match marked by a format range; heights are remembered by text and width,
    so the tree's layout passes cost one text layout per hit and width.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._formats = _formats()
        self._heights: dict[tuple[str, int, str], int] = {}
        self._painted: dict[tuple[str, int, str], QTextLayout] = {}
        """The layouts of the hits last painted, by text, width and font: a repaint at
        the same width (a scroll back, a second paint of the dock's first show) draws
        them again without laying them out."""
        self.layouts = 0
        """Text layouts made so far (tests)."""

    def _layout(self, lines: HitLines, font: QFont, width: int) -> tuple[QTextLayout, int]:
        """``lines`` laid out ``width`` pixels wide, and the height they take."""
        self.layouts += 1
        layout = QTextLayout(lines.text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        ranges = []
        for start, length, style in lines.spans:
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, length, self._formats[style]
            ranges.append(span)
        layout.setFormats(ranges)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 60))
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        return layout, int(height + 0.999)

    @staticmethod
    def _available_width(option: QStyleOptionViewItem) -> int:
        """The width a hit gets in the tree (sizeHint is asked before rows have a rect)."""
        view = option.widget  # type: ignore[attr-defined]
        if isinstance(view, QTreeView):
            return view.viewport().width() - 2 * view.indentation() - 4
        return option.rect.width()  # type: ignore[attr-defined]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        lines = index.data(LINES_ROLE)
        if not isinstance(lines, HitLines):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # type: ignore[attr-defined]
        style = opt.widget.style() if opt.widget else QApplication.style()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)  # type: ignore[attr-defined]
        rect = opt.rect  # type: ignore[attr-defined]
        font = opt.font  # type: ignore[attr-defined]
        key = (lines.text, rect.width() - 2 * MARGIN, font.key())
        layout = self._painted.get(key)
        if layout is None:
            if len(self._painted) > PAINTED_KEPT:
                self._painted.clear()
            layout = self._painted[key] = self._layout(lines, font, key[1])[0]
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(role))  # type: ignore[attr-defined]
        layout.draw(painter, QPointF(rect.left() + MARGIN, rect.top() + MARGIN))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        lines = index.data(LINES_ROLE)
        if not isinstance(lines, HitLines):
            return super().sizeHint(option, index)
        width = max(self._available_width(option), 120) - 2 * MARGIN
        font = option.font  # type: ignore[attr-defined]
        key = (lines.text, width, font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 4096:
                self._heights.clear()
            height = self._heights[key] = self._layout(lines, font, width)[1]
        return QSize(width + 2 * MARGIN, height + 2 * MARGIN + ROW_GAP)
