"""Fitting user text into fixed boxes: wrap, then shrink within limits, never cut silently.

Every box has a preferred and a smallest font size. Text is wrapped (Japanese
line breaking, ``wordWrap="CJK"``) and shrunk step by step; when it still does
not fit at the smallest size the end is replaced by "…" so the cut is visible
on paper, and a :class:`FlyerIssue` naming the field tells the user.

User text never becomes markup: ``<``, ``>`` and ``&`` are escaped before a
:class:`Paragraph` parses it. Widths and markup go piece by piece through the
bundled fonts (:mod:`.fonts`), so a character only the fallback has is
measured and drawn in the fallback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from coordinator_app.documents.data.flyer import FIELD_LABELS, FlyerIssue
from coordinator_app.documents.design.fonts import paragraph_markup, string_width

ELLIPSIS = "…"
SIZE_STEP = 0.5
_EPSILON = 0.01


@dataclass(frozen=True)
class TextSpec:
    """The limits of one box: preferred and smallest size, line spacing, colour."""

    size: float
    min_size: float
    leading: float = 1.5
    """Line spacing as a multiple of the font size."""
    colour: Color | None = None
    align: str = "left"
    max_lines: int | None = None
    one_line_min: float | None = None
    """If set, first try to keep the text on one line down to this size, then wrap."""


@dataclass(frozen=True)
class LineFit:
    text: str
    size: float
    width: float


@dataclass(frozen=True)
class BlockFit:
    paragraph: Paragraph
    size: float
    height: float


@dataclass(frozen=True)
class ListFit:
    paragraphs: tuple[Paragraph, ...]
    size: float
    heights: tuple[float, ...]


def non_empty_lines(text: str) -> tuple[str, ...]:
    """The lines of ``text`` that hold something, stripped (a list typed one per line)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def markup(text: str) -> str:
    """Paragraph markup that prints ``text`` literally, line breaks kept, each
    character in a bundled font that has it."""
    return paragraph_markup(text)


def _sizes(spec: TextSpec) -> list[float]:
    sizes = []
    size = spec.size
    while size > spec.min_size + _EPSILON:
        sizes.append(size)
        size -= SIZE_STEP
    sizes.append(spec.min_size)
    return sizes


class TextFitter:
    """Fits text for one document and collects the overflow warnings.

    Args:
        font: registered font name.
        colour: text colour where a spec sets none.

    Attributes:
        owner: whose flyer is being drawn; warnings name it.
        issues: the overflow warnings so far.
    """

    def __init__(self, font: str, colour: Color) -> None:
        self.font = font
        self.colour = colour
        self.owner = ""
        self.issues: list[FlyerIssue] = []
        self._styles: dict[tuple[float, float, str, str, float], ParagraphStyle] = {}

    # -- warnings -----------------------------------------------------------------

    def _overflow(self, field: str, detail: str) -> None:
        label = FIELD_LABELS.get(field, field)
        issue = FlyerIssue(
            field=field,
            owner=self.owner,
            message=f"【{self.owner}】「{label}」が枠に収まりません。{detail}",
        )
        if issue not in self.issues:
            self.issues.append(issue)

    # -- single lines -------------------------------------------------------------

    def width(self, text: str, size: float) -> float:
        return string_width(text, size)

    def line(self, text: str, spec: TextSpec, width: float, *, field: str) -> LineFit:
        """One line: shrink down to ``spec.min_size``, else shorten with "…" and warn."""
        text = " ".join(text.split())
        for size in _sizes(spec):
            w = self.width(text, size)
            if w <= width + _EPSILON:
                return LineFit(text, size, w)
        size = spec.min_size
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.width(text[:mid] + ELLIPSIS, size) <= width:
                lo = mid
            else:
                hi = mid - 1
        shown = text[:lo].rstrip() + ELLIPSIS
        self._overflow(
            field,
            f"{spec.min_size:g}ポイントまで小さくしても入りきらないため、"
            f"「{shown}」で省略しました。短くしてください。",
        )
        return LineFit(shown, size, self.width(shown, size))

    # -- paragraphs ---------------------------------------------------------------

    def style(self, spec: TextSpec, size: float, *, indent: float = 0.0) -> ParagraphStyle:
        colour = spec.colour or self.colour
        key = (size, spec.leading, colour.hexval(), spec.align, indent)
        style = self._styles.get(key)
        if style is None:
            style = ParagraphStyle(
                name=f"s{len(self._styles)}",
                fontName=self.font,
                fontSize=size,
                leading=size * spec.leading,
                textColor=colour,
                alignment=TA_CENTER if spec.align == "center" else TA_LEFT,
                wordWrap="CJK",
                leftIndent=indent,
                firstLineIndent=0,
                splitLongWords=True,
            )
            self._styles[key] = style
        return style

    def _wrap(
        self, text: str, spec: TextSpec, size: float, width: float
    ) -> tuple[Paragraph, float, int]:
        paragraph = Paragraph(markup(text), self.style(spec, size))
        _, height = paragraph.wrap(width, 1e6)
        lines = len(paragraph.blPara.lines)
        return paragraph, height, lines

    def _fits(self, height: float, lines: int, limit: float, spec: TextSpec) -> bool:
        return height <= limit + _EPSILON and (spec.max_lines is None or lines <= spec.max_lines)

    def block(
        self, text: str, spec: TextSpec, width: float, height: float, *, field: str
    ) -> BlockFit:
        """A wrapped paragraph in ``width`` x ``height``: shrink, else shorten with "…"."""
        text = text.strip()
        if spec.one_line_min is not None and "\n" not in text:
            for size in _sizes(TextSpec(spec.size, spec.one_line_min)):
                if self.width(text, size) <= width + _EPSILON:
                    paragraph, used, lines = self._wrap(text, spec, size, width)
                    if self._fits(used, lines, height, spec):
                        return BlockFit(paragraph, size, used)
        for size in _sizes(spec):
            paragraph, used, lines = self._wrap(text, spec, size, width)
            if self._fits(used, lines, height, spec):
                return BlockFit(paragraph, size, used)
        size = spec.min_size
        lo, hi = 0, len(text)
        best: tuple[Paragraph, float] | None = None
        while lo < hi:
            mid = (lo + hi + 1) // 2
            paragraph, used, lines = self._wrap(text[:mid].rstrip() + ELLIPSIS, spec, size, width)
            if self._fits(used, lines, height, spec):
                lo, best = mid, (paragraph, used)
            else:
                hi = mid - 1
        if best is None:
            best = self._wrap(ELLIPSIS, spec, size, width)[:2]
        self._overflow(
            field,
            f"{spec.min_size:g}ポイントまで小さくしても入りきらないため、"
            f"{len(text) - lo}文字を省略して「…」を付けました。短くしてください。",
        )
        return BlockFit(best[0], size, best[1])

    def items(
        self,
        items: Sequence[str],
        spec: TextSpec,
        width: float,
        height: float,
        *,
        gap: float,
        field: str,
    ) -> ListFit:
        """A list (one paragraph per item, ``gap`` between them) at one common size.

        Items that do not fit at the smallest size are left off, and the
        warning says how many were printed.
        """
        texts = [t.strip() for t in items if t.strip()]
        for size in _sizes(spec):
            wrapped = [self._wrap(t, spec, size, width) for t in texts]
            total = sum(h for _, h, _ in wrapped) + gap * size * max(len(wrapped) - 1, 0)
            if total <= height + _EPSILON and all(
                spec.max_lines is None or n <= spec.max_lines for _, _, n in wrapped
            ):
                return ListFit(
                    tuple(p for p, _, _ in wrapped), size, tuple(h for _, h, _ in wrapped)
                )
        size = spec.min_size
        kept: list[tuple[Paragraph, float]] = []
        used = 0.0
        for text in texts:
            paragraph, h, n = self._wrap(text, spec, size, width)
            extra = h + (gap * size if kept else 0.0)
            if used + extra > height + _EPSILON or (
                spec.max_lines is not None and n > spec.max_lines
            ):
                break
            kept.append((paragraph, h))
            used += extra
        self._overflow(
            field,
            f"{spec.min_size:g}ポイントまで小さくしても入りきらないため、"
            f"{len(texts)}項目のうち{len(kept)}項目だけを印刷しました。"
            "項目を減らすか短くしてください。",
        )
        return ListFit(tuple(p for p, _ in kept), size, tuple(h for _, h in kept))
