"""Page templates: paper size, where each copy of a panel goes, and cut marks."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coordinator_app.documents.data.flyer import Layout

CARD_WIDTH = 91 * mm
CARD_HEIGHT = 55 * mm
CARD_COLUMNS = 2
CARD_ROWS = 5
MARK_GAP = 2 * mm
"""Space between a cut mark and the edge it marks, so no ink bleeds onto the piece."""
MARK_LENGTH = 6 * mm
MARK_COLOUR = HexColor("#555555")
MARK_WIDTH = 0.3


@dataclass(frozen=True)
class Slot:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PageTemplate:
    """A sheet of paper and the slots its panel is drawn into (each a copy)."""

    pagesize: tuple[float, float]
    slots: tuple[Slot, ...]
    panel: str
    """``flyer``, ``card`` or ``team``."""
    marks: str = "none"
    """``none``, ``centre`` (one vertical cut) or ``grid`` (card sheet)."""


def _card_slots() -> tuple[Slot, ...]:
    page_w, page_h = A4
    left = (page_w - CARD_COLUMNS * CARD_WIDTH) / 2
    bottom = (page_h - CARD_ROWS * CARD_HEIGHT) / 2
    return tuple(
        Slot(left + col * CARD_WIDTH, bottom + row * CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT)
        for row in reversed(range(CARD_ROWS))
        for col in range(CARD_COLUMNS)
    )


_A4_LANDSCAPE = landscape(A4)

PAGE_TEMPLATES: dict[Layout, PageTemplate] = {
    Layout.A4: PageTemplate(A4, (Slot(0, 0, *A4),), "flyer"),
    Layout.A5: PageTemplate(A5, (Slot(0, 0, *A5),), "flyer"),
    Layout.A5_TWO_UP: PageTemplate(
        _A4_LANDSCAPE,
        (
            Slot(0, 0, _A4_LANDSCAPE[0] / 2, _A4_LANDSCAPE[1]),
            Slot(_A4_LANDSCAPE[0] / 2, 0, _A4_LANDSCAPE[0] / 2, _A4_LANDSCAPE[1]),
        ),
        "flyer",
        marks="centre",
    ),
    Layout.CARDS: PageTemplate(A4, _card_slots(), "card", marks="grid"),
    Layout.TEAM: PageTemplate(A4, (Slot(0, 0, *A4),), "team"),
}


def _mark(c: Canvas, x0: float, y0: float, x1: float, y1: float) -> None:
    c.line(x0, y0, x1, y1)


def draw_crop_marks(c: Canvas, template: PageTemplate) -> None:
    """Cut marks in the page margin, never on a panel."""
    if template.marks == "none":
        return
    page_w, page_h = template.pagesize
    c.saveState()
    c.setStrokeColor(MARK_COLOUR)
    c.setLineWidth(MARK_WIDTH)
    if template.marks == "centre":
        x = page_w / 2
        # The halves touch, so the marks sit at the paper edge in the panels'
        # own blank margin (kept clear by the flyer composition).
        _mark(c, x, page_h, x, page_h - 8 * mm)
        _mark(c, x, 0, x, 8 * mm)
    else:
        slots = template.slots
        xs = sorted({round(s.x, 3) for s in slots} | {round(s.x + s.width, 3) for s in slots})
        ys = sorted({round(s.y, 3) for s in slots} | {round(s.y + s.height, 3) for s in slots})
        top, bottom, left, right = ys[-1], ys[0], xs[0], xs[-1]
        for x in xs:
            _mark(c, x, top + MARK_GAP, x, top + MARK_GAP + MARK_LENGTH)
            _mark(c, x, bottom - MARK_GAP, x, bottom - MARK_GAP - MARK_LENGTH)
        for y in ys:
            _mark(c, left - MARK_GAP, y, left - MARK_GAP - MARK_LENGTH, y)
            _mark(c, right + MARK_GAP, y, right + MARK_GAP + MARK_LENGTH, y)
    c.restoreState()
