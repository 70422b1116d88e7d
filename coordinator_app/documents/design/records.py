"""Shared look of record documents (議事録, 実績報告): A4, one stylesheet, page footer.

User text is escaped before it reaches a Paragraph; each character prints in
the first bundled font that has it (IPAexGothic, else the MJ fallback), and a
character no bundled font has is replaced by 〓 (the customary placeholder in
Japanese print) and reported, so no document ever shows an empty box.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, TableStyle

from coordinator_app.documents.data.common import Issuer
from coordinator_app.documents.design.fonts import (
    SUBSTITUTE,
    describe_character,
    paragraph_markup,
    register_fonts,
    runs,
    undrawable_characters,
)

PLACEHOLDER = SUBSTITUTE
PAGE_SIZE = A4
MARGIN = 18 * mm
INK = colors.HexColor("#1f2937")
RULE = colors.HexColor("#9ca3af")
HEADER_FILL = colors.HexColor("#eef2f7")


@dataclass
class TextGuard:
    """Makes user text safe to print and remembers what it had to replace."""

    replaced: dict[str, list[str]] = field(default_factory=dict)

    def check(self, text: str, field_label: str) -> str:
        """``text`` unchanged; characters no bundled font has are remembered."""
        missing = undrawable_characters(text)
        if missing:
            self.replaced.setdefault(field_label, []).extend(missing)
        return text

    def para(self, text: str, style: ParagraphStyle, field_label: str) -> Paragraph:
        """A Paragraph printing ``text`` literally (no markup), line breaks kept."""
        return Paragraph(paragraph_markup(self.check(text, field_label)), style)

    def warnings(self) -> list[str]:
        return [
            f"{label}: {'、'.join(describe_character(ch) for ch in dict.fromkeys(chars))} "
            f"はフォントにないため {PLACEHOLDER} で印刷しました"
            for label, chars in self.replaced.items()
        ]


class RecordStyles:
    """The one stylesheet of record documents."""

    def __init__(self) -> None:
        font = register_fonts()
        self.font = font
        base = ParagraphStyle("base", fontName=font, bulletFontName=font)
        self.title = ParagraphStyle(
            "title",
            parent=base,
            fontSize=16,
            leading=22,
            alignment=1,
            textColor=INK,
            spaceAfter=4 * mm,
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            parent=base,
            fontSize=10,
            leading=14,
            alignment=1,
            textColor=INK,
            spaceAfter=5 * mm,
        )
        self.heading = ParagraphStyle(
            "heading",
            parent=base,
            fontSize=11.5,
            leading=16,
            textColor=INK,
            spaceBefore=5 * mm,
            spaceAfter=2 * mm,
        )
        self.body = ParagraphStyle(
            "body", fontName=font, fontSize=10, leading=15, textColor=INK, wordWrap="CJK"
        )
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=9.5, leading=13.5)
        self.label = ParagraphStyle("label", parent=self.cell, textColor=INK)
        self.number = ParagraphStyle("number", parent=self.cell, alignment=2)


def issuer_lines(issuer: Issuer, labels: dict[str, str] | None = None) -> list[str]:
    """The municipality profile as the lines of an issuer block (only what is set).

    ``labels`` shows the Japanese labels (電話, メール …) in another language.
    """
    shown = labels or {}

    def joined(*parts: tuple[str, str]) -> str:
        return "  ".join(
            f"{shown.get(label, label)} {value}" if label else value
            for label, value in parts
            if value
        )

    lines = [
        joined(("", issuer.name), ("", issuer.department)),
        issuer.address,
        joined(("電話", issuer.phone), ("FAX", issuer.fax)),
        joined(("メール", issuer.email), ("ウェブ", issuer.website)),
        joined(("受付時間", issuer.reception_hours)),
    ]
    return [line for line in lines if line]


def table_style(*commands: tuple) -> TableStyle:
    """A TableStyle whose cells use the bundled font (Table sets a cell's font
    even for Paragraph cells, which would otherwise pull in Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()), *commands])


def record_canvas(*args, **kwargs) -> Canvas:  # type: ignore[no-untyped-def]
    """A canvas whose initial font is the bundled one, so no unembedded
    standard font (Helvetica) is ever referenced by the PDF."""
    kwargs["initialFontName"] = register_fonts()
    return Canvas(*args, **kwargs)


def draw_footer(canvas: Canvas, footer: str, width: float = PAGE_SIZE[0]) -> None:
    """Page footer: issuer on the left, ``n`` on the right (of a page ``width`` wide)."""
    canvas.saveState()
    canvas.setFont(register_fonts(), 8)
    canvas.setFillColor(RULE)
    text = canvas.beginText(MARGIN, 10 * mm)
    for font, piece in runs(footer):
        text.setFont(font, 8)
        text.textOut(piece)
    canvas.drawText(text)
    canvas.setFont(register_fonts(), 8)
    canvas.drawRightString(width - MARGIN, 10 * mm, f"{canvas.getPageNumber()}")
    canvas.restoreState()
