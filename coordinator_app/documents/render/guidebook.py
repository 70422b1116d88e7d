"""通いの場ガイドブック: the booklet of gathering places residents are handed.

A cover with the municipality profile, a table of contents by area, one entry
per place (name, kind, schedule, place, fee, contact when it may be printed,
photo, a QR code of its web page), then an index by kind and by weekday, every page numbered. The
renderer reads only :class:`GuidebookData` (built by
``services.gathering_places``) and returns bytes.

Page numbers in the contents and the indexes come from the document itself:
it is laid out until the pages recorded for each area and place stop changing
(two passes in practice; the contents and indexes have as many lines in every
pass, so their own length never moves a place).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)
from reportlab.platypus import Image as PdfImage

from coordinator_app.documents.data.common import RenderedDocument
from coordinator_app.documents.data.guidebook import (
    NO_WEEKDAY,
    GuidebookData,
    GuidebookEntry,
)
from coordinator_app.documents.design.fonts import font_markup as font_line
from coordinator_app.documents.design.images import PhotoProblem, photo_jpeg
from coordinator_app.documents.design.qr import QrFlowable
from coordinator_app.documents.design.records import (
    HEADER_FILL,
    MARGIN,
    PAGE_SIZE,
    RULE,
    RecordStyles,
    TextGuard,
    draw_footer,
    issuer_lines,
    record_canvas,
    table_style,
)
from coordinator_app.documents.render.booklet import BOOKLET_PAGE, impose
from coordinator_app.documents.render.guidebook_fit import fitted
from coordinator_app.domain.gathering_places import WEEKDAYS

ACCENT = colors.HexColor("#2e7d32")


def scaled_jpeg(content: bytes, max_pixels: int) -> tuple[bytes, int, int]:
    """The photo as the guidebook prints it: :func:`photo_jpeg` with a JPEG decoded
    at a reduced size.

    Raises:
        PhotoProblem: the bytes are not a readable image.
    """
    return photo_jpeg(content, max_pixels, reduced_decode=True)


class _Anchor(Flowable):
    """Takes no room; notes the page it lands on."""

    def __init__(
        self, key: str, pages: dict[str, int], on_draw: Callable[[], None] | None = None
    ) -> None:
        super().__init__()
        self.key = key
        self.pages = pages
        self.on_draw = on_draw

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.key] = self.canv.getPageNumber()
        if self.on_draw is not None:
            self.on_draw()


class RenderCancelled(Exception):
    """Raised by a progress callback to stop rendering (the user cancelled)."""


Progress = Callable[[int, int], None]
"""``progress(done, total)``; it may raise :class:`RenderCancelled` to stop."""


@dataclass
class GuidebookRenderer:
    """A4 portrait booklet; renders :class:`GuidebookData`, never touches the database."""

    PHOTO_WIDTH: float = 42 * mm
    PHOTO_HEIGHT: float = 32 * mm
    LABEL_WIDTH: float = 22 * mm
    PHOTO_PIXELS: int = 600
    QR_SIZE: float = 20 * mm
    MAX_PASSES: int = 4
    page_size: tuple[float, float] = PAGE_SIZE
    """A4 portrait; with ``booklet`` A5."""
    booklet: bool = False
    """Lay the pages out in A5 and put them two to an A4 landscape sheet in the order
    for folding (:mod:`.booklet`)."""
    styles: RecordStyles = field(default_factory=RecordStyles)

    def __post_init__(self) -> None:
        if self.booklet:
            self.page_size = BOOKLET_PAGE
        s = self.styles
        self.cover_title = ParagraphStyle(
            "cover_title", parent=s.title, fontSize=28, leading=38, textColor=ACCENT
        )
        self.cover_scope = ParagraphStyle("cover_scope", parent=s.title, fontSize=18, leading=26)
        self.area_heading = ParagraphStyle(
            "area_heading",
            parent=s.heading,
            fontSize=16,
            leading=22,
            textColor=colors.white,
            backColor=ACCENT,
            borderPadding=(2 * mm, 3 * mm, 2 * mm, 3 * mm),
            spaceBefore=0,
            spaceAfter=5 * mm,
        )
        self.place_name = ParagraphStyle(
            "place_name", parent=s.body, fontSize=12.5, leading=17, textColor=ACCENT
        )
        self.toc_line = ParagraphStyle("toc_line", parent=s.body, fontSize=11, leading=18)
        self.index_line = ParagraphStyle("index_line", parent=s.cell, fontSize=9, leading=12.5)
        self.index_heading = ParagraphStyle("index_heading", parent=s.heading, keepWithNext=1)
        self.qr_caption = ParagraphStyle(
            "qr_caption", parent=s.cell, fontSize=7, leading=9, textColor=colors.grey
        )

    @property
    def text_width(self) -> float:
        return self.page_size[0] - 2 * MARGIN

    @property
    def _cover_scale(self) -> float:
        """The cover's blank space shrinks with the page (an A5 booklet's cover is one page)."""
        return min(1.0, self.page_size[1] / PAGE_SIZE[1]) ** 4

    @property
    def frame_height(self) -> float:
        """The height one page offers an entry (the frame less its padding)."""
        return self.page_size[1] - 2 * MARGIN - 4 * mm - 12

    def entry_fits(self, entry: GuidebookEntry) -> bool:
        """Whether the place's entry fits on one page (it is never split across two)."""
        if not hasattr(self, "_photo_cache"):
            self._photo_cache = {}
        draft, self._draft = getattr(self, "_draft", True), True
        try:
            flowable = self._entry(TextGuard(), entry, [], self.text_width, {})
            if not hasattr(self, "_measure_canvas"):
                self._measure_canvas = Canvas(io.BytesIO(), pagesize=self.page_size)
            # A KeepTogether answers "too tall" to force a split; its content is measured.
            height = sum(
                part.wrapOn(self._measure_canvas, self.text_width, self.frame_height)[1]
                for part in flowable._content
            )
        finally:
            self._draft = draft
        return bool(height <= self.frame_height)

    def render(self, data: GuidebookData, progress: Progress | None = None) -> RenderedDocument:
        """The PDF of ``data``. ``progress(done, total)`` is called as places are laid out
        (from the thread that renders); raising :class:`RenderCancelled` in it stops.
        """
        # The first pass and (usually) two more lay out every place; then the booklet.
        total = 3 * len(data.entries) + 1
        done = 0

        def tick() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(min(done, total - 1), total)

        self._tick = tick
        if progress is not None:
            progress(0, total)
        pages: dict[str, int] = {}
        # Each photo is decoded and scaled once, not once per pass. The first
        # pass only finds the pages (a blank of each photo's size holds its
        # place); the next prints the numbers with the photos, and is repeated
        # only if that moved a page.
        self._photo_cache: dict[str, tuple[bytes, int, int] | None] = {}
        # A place too long for one page is printed shortened (the check named it before).
        data, shortened = fitted(data, self.entry_fits)
        self._draft = True
        self._build(data, TextGuard(), [], {}, pages)
        self._draft = False
        pdf = b""
        guard = TextGuard()
        warnings: list[str] = []
        for _ in range(self.MAX_PASSES):
            known = dict(pages)
            guard = TextGuard()
            warnings = []
            pdf = self._build(data, guard, warnings, known, pages)
            if pages == known:
                break
        notes = data.notes + [
            f"「{name}」は1ページに収まらないため、入りきらない部分を省略して印刷しました"
            for name in shortened
        ]
        if self.booklet:
            pdf = impose(pdf)
        if progress is not None:
            progress(total, total)
        return RenderedDocument(pdf=pdf, warnings=notes + warnings + guard.warnings())

    # -- the document -------------------------------------------------------------

    def _build(
        self,
        data: GuidebookData,
        guard: TextGuard,
        warnings: list[str],
        known: dict[str, int],
        pages: dict[str, int],
    ) -> bytes:
        story: list[Flowable] = []
        story.extend(self._cover(guard, data))
        story.append(PageBreak())
        story.extend(self._contents(data, known))
        width = self.text_width
        for number, section in enumerate(data.sections):
            story.append(PageBreak())
            story.append(_Anchor(f"area:{number}", pages))
            story.append(guard.para(section.area, self.area_heading, "地域名"))
            for entry in section.entries:
                story.append(self._entry(guard, entry, warnings, width, pages))
        story.append(PageBreak())
        story.append(_Anchor("index:kind", pages))
        story.extend(self._index_by_kind(data, known, width))
        story.append(PageBreak())
        story.append(_Anchor("index:weekday", pages))
        story.extend(self._index_by_weekday(data, known, width))

        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=self.page_size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=f"{data.title} {data.scope}".strip(),
            author=data.issuer.name or "coordinator-app",
        )
        footer = guard.check(f"{data.title} {data.scope}".strip(), "フッター")

        def first_page(canvas: Any, _doc: Any) -> None:
            """The cover carries no footer."""

        def later_pages(canvas: Any, _doc: Any) -> None:
            draw_footer(canvas, footer, self.page_size[0])

        doc.build(
            story, onFirstPage=first_page, onLaterPages=later_pages, canvasmaker=record_canvas
        )
        return buffer.getvalue()

    def _cover(self, guard: TextGuard, data: GuidebookData) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [
            Spacer(1, 50 * mm * self._cover_scale),
            guard.para(data.title, self.cover_title, "題名"),
            Spacer(1, 6 * mm),
            guard.para(data.scope, self.cover_scope, "地域名"),
            Spacer(1, 6 * mm),
            Paragraph(f"掲載 {len(data.entries)} か所", s.subtitle),
        ]
        if data.area_facts:
            cells = [
                [Paragraph(escape(k), s.label), guard.para(v, s.cell, k)]
                for k, v in data.area_facts
            ]
            table = Table(cells, colWidths=[35 * mm, 60 * mm])
            table.setStyle(
                table_style(
                    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                    ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                )
            )
            story.extend([Spacer(1, 10 * mm), table])
        story.append(Spacer(1, 40 * mm * self._cover_scale))
        lines = issuer_lines(data.issuer)
        if lines:
            story.append(Paragraph("発行・お問い合わせ", s.heading))
            story.extend(guard.para(line, s.body, "発行者") for line in lines)
        if data.created:
            story.append(Spacer(1, 4 * mm))
            story.append(guard.para(f"{data.created} 作成", s.body, "作成日"))
        return story

    def _contents(self, data: GuidebookData, known: dict[str, int]) -> list[Flowable]:
        s = self.styles
        rows: list[tuple[str, str]] = [
            (section.area, f"{len(section.entries)}か所") for section in data.sections
        ]
        keys = [f"area:{n}" for n in range(len(data.sections))]
        rows += [("種類別さくいん", ""), ("曜日別さくいん", "")]
        keys += ["index:kind", "index:weekday"]
        cells = [
            [
                Paragraph(font_line(name), self.toc_line),
                Paragraph(escape(count), self.toc_line),
                Paragraph(str(known.get(key, "")), self._right(self.toc_line)),
            ]
            for (name, count), key in zip(rows, keys, strict=True)
        ]
        width = self.text_width
        table = Table(cells, colWidths=[width - 45 * mm, 25 * mm, 20 * mm])
        table.setStyle(table_style(("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)))
        return [Paragraph("もくじ", s.title), Spacer(1, 4 * mm), table]

    def _entry(
        self,
        guard: TextGuard,
        entry: GuidebookEntry,
        warnings: list[str],
        width: float,
        pages: dict[str, int],
    ) -> Flowable:
        s = self.styles
        facts = [
            ("日時", entry.schedule),
            ("会場", entry.meeting_place),
            ("住所", entry.address),
            ("参加費", entry.fee),
            ("対象", entry.eligibility),
            ("利用", entry.accessibility),
            ("連絡先", entry.contact),
        ]
        text_width = width - (self.PHOTO_WIDTH + 3 * mm)
        cells = [
            [Paragraph(label, s.label), guard.para(value, s.cell, f"{entry.name}の{label}")]
            for label, value in facts
            if value
        ]
        title = Paragraph(
            f"{font_line(entry.name)}"
            f"<font size='9' color='#555555'>  {font_line(entry.kind)}</font>",
            self.place_name,
        )
        guard.check(entry.name, "名称")
        guard.check(entry.kind, "種類")
        body: list[Flowable] = [title, Spacer(1, 1.5 * mm)]
        if cells:
            table = Table(cells, colWidths=[self.LABEL_WIDTH, text_width - self.LABEL_WIDTH])
            table.setStyle(
                table_style(
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8),
                )
            )
            body.append(table)
        side: list[Flowable] = []
        photo = self._photo(entry, warnings)
        if photo is not None:
            side.append(photo)
        if entry.url:
            if side:
                side.append(Spacer(1, 2 * mm))
            side.append(QrFlowable(entry.url, self.QR_SIZE))
            side.append(Paragraph("ウェブページ", self.qr_caption))
        outer = Table(
            [[body, side or ""]],
            colWidths=[text_width, self.PHOTO_WIDTH + 3 * mm],
        )
        outer.setStyle(
            table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            )
        )
        tick = getattr(self, "_tick", None)
        return KeepTogether([_Anchor(f"place:{entry.key}", pages, tick), outer])

    def _photo(self, entry: GuidebookEntry, warnings: list[str]) -> Flowable | None:
        if entry.photo is None:
            return None
        if entry.key not in self._photo_cache:
            try:
                self._photo_cache[entry.key] = scaled_jpeg(entry.photo, self.PHOTO_PIXELS)
            except PhotoProblem:
                self._photo_cache[entry.key] = None
        cached = self._photo_cache[entry.key]
        if cached is None:
            warnings.append(f"「{entry.name}」の写真は画像として読み込めないため載せませんでした")
            return None
        jpeg, w, h = cached
        scale = min(self.PHOTO_WIDTH / w, self.PHOTO_HEIGHT / h)
        if self._draft:
            return Spacer(w * scale, h * scale)
        return PdfImage(io.BytesIO(jpeg), width=w * scale, height=h * scale)

    def _index_by_kind(
        self, data: GuidebookData, known: dict[str, int], width: float
    ) -> list[Flowable]:
        groups: dict[str, list[GuidebookEntry]] = {k: [] for k in data.kind_order}
        for entry in data.entries:
            groups.setdefault(entry.kind, []).append(entry)
        return self._index("種類別さくいん", {k: v for k, v in groups.items() if v}, known, width)

    def _index_by_weekday(
        self, data: GuidebookData, known: dict[str, int], width: float
    ) -> list[Flowable]:
        groups: dict[str, list[GuidebookEntry]] = {f"{d}曜日": [] for d in WEEKDAYS}
        groups[NO_WEEKDAY] = []
        for entry in data.entries:
            for day in entry.weekdays or ():
                groups[f"{WEEKDAYS[day]}曜日"].append(entry)
            if not entry.weekdays:
                groups[NO_WEEKDAY].append(entry)
        return self._index("曜日別さくいん", {k: v for k, v in groups.items() if v}, known, width)

    def _index(
        self,
        title: str,
        groups: dict[str, list[GuidebookEntry]],
        known: dict[str, int],
        width: float,
    ) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [Paragraph(title, s.title)]
        for heading, entries in groups.items():
            cells = [
                [
                    Paragraph(font_line(e.name), self.index_line),
                    Paragraph(font_line(e.schedule), self.index_line),
                    Paragraph(str(known.get(f"place:{e.key}", "")), self._right(self.index_line)),
                ]
                for e in sorted(entries, key=lambda e: known.get(f"place:{e.key}", 0))
            ]
            table = Table(cells, colWidths=[width * 0.45, width * 0.45, width * 0.1])
            table.setStyle(
                table_style(
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                )
            )
            story.append(Paragraph(font_line(heading), self.index_heading))
            story.append(table)
        return story

    @staticmethod
    def _right(style: ParagraphStyle) -> ParagraphStyle:
        return ParagraphStyle(f"{style.name}_right", parent=style, alignment=2)
