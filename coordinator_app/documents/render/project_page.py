"""プロジェクト紹介ページ: a project as the page a municipality publishes (PDF).

Overview (title, program, municipality and department, goal, narrative),
then 進捗状況 as dated paragraphs with the chosen photos, then 成果. The
renderer reads only :class:`ProjectPageData` (built by
``services.project_pages``) and returns bytes; the HTML variant is in
:mod:`coordinator_app.documents.render.project_page_html`.

User text is printed literally: it is escaped before it reaches a Paragraph.
A photo that is missing or cannot be read is named in the warnings and left
out; the page is made all the same.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)
from reportlab.platypus import (
    Image as PdfImage,
)

from coordinator_app.documents.data.common import RenderedDocument
from coordinator_app.documents.data.project_page import (
    PagePhoto,
    ProjectPageData,
    photo_warning,
)
from coordinator_app.documents.design.images import PhotoProblem, photo_jpeg
from coordinator_app.documents.design.records import (
    HEADER_FILL,
    INK,
    MARGIN,
    PAGE_SIZE,
    RULE,
    RecordStyles,
    TextGuard,
    draw_footer,
    record_canvas,
    table_style,
)

ACCENT = colors.HexColor("#1D5A9E")


class ProjectPageRenderer:
    """A4 portrait; renders :class:`ProjectPageData`, never touches the database."""

    LABEL_WIDTH = 30 * mm
    PHOTO_WIDTH = 78 * mm
    PHOTO_HEIGHT = 58 * mm
    PHOTO_GAP = 4 * mm
    PHOTO_PIXELS = 900

    def __init__(self) -> None:
        self.styles = RecordStyles()
        s = self.styles
        self.lead = ParagraphStyle(
            "lead", parent=s.body, fontSize=11.5, leading=18, textColor=ACCENT, spaceAfter=3 * mm
        )
        self.date = ParagraphStyle(
            "date", parent=s.body, fontSize=10.5, leading=15, textColor=ACCENT, spaceBefore=3 * mm
        )
        self.paragraph = ParagraphStyle("paragraph", parent=s.body, spaceAfter=2 * mm)
        self.note = ParagraphStyle("note", parent=s.cell, textColor=RULE)

    def render(self, data: ProjectPageData) -> RenderedDocument:
        guard = TextGuard()
        warnings = list(data.problems)
        story = self.story(data, guard, warnings)
        doc = SimpleDocTemplate(
            io.BytesIO(),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=data.title,
            author=data.issuer or "coordinator-app",
        )
        buffer = io.BytesIO()
        doc.filename = buffer
        footer = " ".join(p for p in (data.issuer, data.title) if p)

        def footer_cb(canvas, _doc) -> None:  # type: ignore[no-untyped-def]
            draw_footer(canvas, guard.check(footer, "フッター"))

        doc.build(story, onFirstPage=footer_cb, onLaterPages=footer_cb, canvasmaker=record_canvas)
        return RenderedDocument(pdf=buffer.getvalue(), warnings=warnings + guard.warnings())

    def story(self, data: ProjectPageData, guard: TextGuard, warnings: list[str]) -> list[Flowable]:
        """The page's flowables (also appended to an activity report); problems
        with photos go to ``warnings``, replaced characters to ``guard``."""
        s = self.styles
        width = PAGE_SIZE[0] - 2 * MARGIN
        story: list[Flowable] = [
            guard.para(data.title, s.title, "プロジェクト名"),
        ]
        if data.organisation_line:
            story.append(guard.para(data.organisation_line, s.subtitle, "担当部署"))
        story.append(self._facts(guard, data, width))
        if data.goal:
            story.append(Spacer(1, 4 * mm))
            story.append(guard.para(data.goal, self.lead, "目標"))
        if data.narrative:
            story.extend(self._paragraphs(guard, data.narrative, "紹介文"))
        story.append(Paragraph("進捗状況", s.heading))
        if data.updated:
            story.append(Paragraph(f"最終更新 {escape(data.updated)}", self.note))
        if not data.entries:
            story.append(Paragraph("(掲載する進捗はありません)", s.body))
        for entry in data.entries:
            block: list[Flowable] = [
                guard.para(entry.date_text, self.date, "日付"),
                guard.para(entry.text, self.paragraph, f"{entry.date_text}の進捗"),
            ]
            photos = self._photos(entry.photos, warnings, width)
            story.append(KeepTogether(block))
            if photos is not None:
                story.append(photos)
        story.append(Paragraph("成果", s.heading))
        story.extend(self._paragraphs(guard, data.outcome or "(記載なし)", "成果"))
        return story

    def _facts(self, guard: TextGuard, data: ProjectPageData, width: float) -> Table:
        s = self.styles
        rows = [("プログラム", data.program)]
        if data.status:
            rows.append(("状況", data.status))
        if data.period:
            rows.append(("期間", data.period))
        cells = [[Paragraph(k, s.label), guard.para(v, s.cell, k)] for k, v in rows]
        table = Table(cells, colWidths=[self.LABEL_WIDTH, width - self.LABEL_WIDTH])
        table.setStyle(
            table_style(
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            )
        )
        return table

    def _paragraphs(self, guard: TextGuard, text: str, label: str) -> list[Flowable]:
        blocks = [b.strip("\n") for b in text.split("\n\n") if b.strip()]
        return [guard.para(b, self.paragraph, label) for b in blocks]

    def _photos(self, photos: list[PagePhoto], warnings: list[str], width: float) -> Table | None:
        images: list[Flowable] = []
        for photo in photos:
            if photo.content is None:
                warnings.append(photo_warning(photo))
                continue
            try:
                jpeg, w, h = photo_jpeg(photo.content, self.PHOTO_PIXELS)
            except PhotoProblem:
                warnings.append(photo_warning(photo))
                continue
            scale = min(self.PHOTO_WIDTH / w, self.PHOTO_HEIGHT / h)
            images.append(PdfImage(io.BytesIO(jpeg), width=w * scale, height=h * scale))
        if not images:
            return None
        per_row = max(1, int((width + self.PHOTO_GAP) // (self.PHOTO_WIDTH + self.PHOTO_GAP)))
        rows = [images[i : i + per_row] for i in range(0, len(images), per_row)]
        rows[-1] = rows[-1] + [Spacer(1, 1)] * (per_row - len(rows[-1]))
        table = Table(rows, colWidths=[self.PHOTO_WIDTH + self.PHOTO_GAP] * per_row, hAlign="LEFT")
        table.setStyle(
            table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), self.PHOTO_GAP),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            )
        )
        return table
