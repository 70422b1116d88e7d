"""The team flyer: every coordinator of an area (or the municipality) on A4.

It reuses the single flyer's header, role text, consult box and footer with
A4 geometry, then lays the coordinators out as cards, two per row. Nothing is
left off a card: each card is measured first, the cards shrink through
:data:`DENSITIES` until the rows fit the first page, and rows that still do
not fit continue on further pages. A value too long even for two lines at the
smallest size is shortened with "…" and named in the warnings.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coordinator_app.documents.data.common import Issuer
from coordinator_app.documents.data.flyer import FlyerCoordinator, FlyerData, TeamFlyerData
from coordinator_app.documents.design.text import TextFitter, TextSpec
from coordinator_app.documents.render.flyer_panels import FlyerPanel


@dataclass(frozen=True)
class CardDensity:
    """Sizes (points) and gaps (mm) of one member card; the cards shrink step by step."""

    chip: TextSpec
    chip_h: float
    kana: TextSpec
    name: TextSpec
    organisation: TextSpec
    label: TextSpec
    phone: TextSpec
    value: TextSpec
    gap: float
    """Space after the chips, the name and the organisation."""
    row_gap: float
    """Space between two contact rows."""


DENSITIES = (
    CardDensity(
        chip=TextSpec(7.5, 6),
        chip_h=5.2,
        kana=TextSpec(8, 6),
        name=TextSpec(16, 11),
        organisation=TextSpec(8.5, 6.5, leading=1.3, max_lines=2, one_line_min=7.0),
        label=TextSpec(7, 6),
        phone=TextSpec(10, 7.5),
        value=TextSpec(8.5, 6.5, leading=1.25, max_lines=2),
        gap=2.2,
        row_gap=1.4,
    ),
    CardDensity(
        chip=TextSpec(7, 6),
        chip_h=4.6,
        kana=TextSpec(7, 6),
        name=TextSpec(14, 10),
        organisation=TextSpec(7.5, 6.5, leading=1.25, max_lines=2, one_line_min=6.5),
        label=TextSpec(6.5, 6),
        phone=TextSpec(9, 7),
        value=TextSpec(7.5, 6.5, leading=1.2, max_lines=2),
        gap=1.5,
        row_gap=1.0,
    ),
    CardDensity(
        chip=TextSpec(6.5, 5.5),
        chip_h=4.2,
        kana=TextSpec(6.5, 5.5),
        name=TextSpec(12.5, 9),
        organisation=TextSpec(7, 6, leading=1.2, max_lines=2, one_line_min=6),
        label=TextSpec(6, 5.5),
        phone=TextSpec(8, 6.5),
        value=TextSpec(7, 6, leading=1.15, max_lines=2),
        gap=1.0,
        row_gap=0.7,
    ),
)

_UNLIMITED = 1e6


class TeamPages(FlyerPanel):
    """A4 pages: header, role, consult list, member cards, inquiry box."""

    WIDTH, HEIGHT = A4
    MARGIN_X = 14.0
    CONTENT_W = 210 - 2 * MARGIN_X

    ISSUER_BASE = 17.0
    LOGO_TOP, LOGO_W, LOGO_H = 11.0, 40.0, 10.0
    BAND_TOP, BAND_BOTTOM = 21.0, 56.0
    KICKER_BASE, HEADING_BASE, RULE_AT = 29.0, 41.0, 56.0
    SUB_BASE = 50.0
    ROLE_TOP, ROLE_H = 60.0, 16.0
    CONSULT_TOP, CONSULT_H = 81.0, 44.0
    GRID_TOP = 129.0
    NEXT_GRID_TOP = 34.0
    INQUIRY_H = 36.0
    FOOTER_RULE, FOOTER_BASE = 283.5, 288.0
    INQUIRY_TOP = FOOTER_RULE - 3.0 - INQUIRY_H
    GRID_BOTTOM = INQUIRY_TOP - 3.0
    NEXT_GRID_BOTTOM = FOOTER_RULE - 4.0
    COLUMNS = 2
    COLUMN_GAP = 6.0
    ROW_GAP = 3.0
    CARD_PAD = 3.5
    PHOTO_W, PHOTO_H = 22.0, 29.0
    PHOTO_GAP = 3.5
    LABEL_W = 11.5

    ISSUER = TextSpec(9.5, 7)
    KICKER = TextSpec(12, 9)
    HEADING = TextSpec(26, 16)
    SUBHEADING = TextSpec(12.5, 9)
    ROLE = TextSpec(10, 8, leading=1.6)
    CONSULT_TITLE = TextSpec(14, 10)
    CONSULT_ITEM = TextSpec(11, 8, leading=1.35)
    VALUE = TextSpec(8.5, 6.5)
    INQUIRY_TITLE = TextSpec(11, 9)
    INQUIRY = TextSpec(9, 6.5)
    QR_CAPTION = TextSpec(6.5, 5)
    FOOTER = TextSpec(7.5, 5.5)
    QR_SIZE = 22.0
    FIGURES_LABEL = TextSpec(8, 6.5)
    FIGURES_TEXT = TextSpec(9, 6.5)
    FIGURES_ROW = 5.0
    FIGURES_CHIP_H = 5.2

    def draw(self, c: Canvas, team: TeamFlyerData, fitter: TextFitter) -> None:  # type: ignore[override]
        flyer = FlyerData(
            coordinator=FlyerCoordinator(coordinator_id=None, name=""),
            issuer=team.issuer,
            role_explanation=team.role_explanation,
            consult_topics=team.consult_topics,
            qr=team.qr,
            heading=team.heading,
            kicker=team.kicker,
            consult_heading=team.consult_heading,
        )
        fitter.owner = team.owner
        self._header(c, flyer, fitter)
        sub = fitter.line(
            team.subheading, self.SUBHEADING, self._heading_width(), field="subheading"
        )
        centre = self.r.HEADING_ALIGN == "center"
        x = self.WIDTH / 2 if centre else self.MARGIN_X * mm
        self.r.text(
            c,
            sub,
            x,
            self.y(self.SUB_BASE),
            colour=self.r.ACCENT,
            align="center" if centre else "left",
        )
        self._role(c, flyer, fitter)
        self._consult(c, flyer, fitter)
        grid_top = self.GRID_TOP
        if team.area_figures:
            figures = team.area_figures[: self.FIGURES_MAX]
            self._figures(c, figures, fitter, self.GRID_TOP)
            grid_top += len(figures) * self.FIGURES_ROW + 3.0
        density, pages = self.plan(team.members, fitter.font, grid_top=grid_top)
        for number, rows in enumerate(pages, start=1):
            if number > 1:
                self._continuation_header(c, team, fitter)
                self._grid(c, rows, fitter, density, self.NEXT_GRID_TOP)
            else:
                if not rows:
                    self._no_members(c, fitter)
                self._grid(c, rows, fitter, density, grid_top)
                fitter.owner = team.owner
                self._inquiry(c, team, fitter)
            fitter.owner = team.owner
            self._footer(c, team.issuer, fitter)
            if len(pages) > 1:
                fit = fitter.line(f"{number} / {len(pages)}", self.FOOTER, 20 * mm, field="footer")
                self.r.text(
                    c,
                    fit,
                    self.WIDTH - self.MARGIN_X * mm,
                    self.y(self.FOOTER_BASE),
                    colour=self.r.MUTED,
                    align="right",
                )
            c.showPage()

    # -- planning -----------------------------------------------------------------

    @property
    def card_width(self) -> float:
        """Card width in mm."""
        return (self.CONTENT_W - self.COLUMN_GAP * (self.COLUMNS - 1)) / self.COLUMNS

    def card_height(self, person: FlyerCoordinator, density: CardDensity, font: str) -> float:
        """The height (mm) ``person``'s card needs to print every field at ``density``."""
        scratch = TextFitter(font, self.r.TEXT)
        content = self._member(None, person, scratch, density, 0.0, 0.0, self.card_width * mm, 0.0)
        return max(content / mm, self.PHOTO_H) + 2 * self.CARD_PAD

    def plan(
        self, members: tuple[FlyerCoordinator, ...], font: str, *, grid_top: float | None = None
    ) -> tuple[CardDensity, list[list[tuple[list[FlyerCoordinator], float]]]]:
        """The densest-but-needed card density and the rows of each page.

        The first density at which every row fits the first page wins; when
        none does, the smallest density is used and rows continue on the
        following pages (a card is never cut).

        Args:
            members: the coordinators, in print order.
            font: the registered font measuring the text.
            grid_top: where the cards start on the first page (mm from the top);
                lower than :attr:`GRID_TOP` when the area's statistics are shown.

        Returns:
            The density and, per page, its rows as (members, row height in mm).
        """
        first_top = self.GRID_TOP if grid_top is None else grid_top
        people = list(members)
        density = DENSITIES[-1]
        rows: list[tuple[list[FlyerCoordinator], float]] = []
        for candidate in DENSITIES:
            rows = self._rows(people, candidate, font)
            if self._height(rows) <= self.GRID_BOTTOM - first_top:
                density = candidate
                break
        pages: list[list[tuple[list[FlyerCoordinator], float]]] = [[]]
        room = self.GRID_BOTTOM - first_top
        for row in rows:
            if pages[-1] and self._height([*pages[-1], row]) > room:
                pages.append([])
                room = self.NEXT_GRID_BOTTOM - self.NEXT_GRID_TOP
            pages[-1].append(row)
        return density, pages

    def _rows(
        self, people: list[FlyerCoordinator], density: CardDensity, font: str
    ) -> list[tuple[list[FlyerCoordinator], float]]:
        rows = []
        for start in range(0, len(people), self.COLUMNS):
            row = people[start : start + self.COLUMNS]
            rows.append((row, max(self.card_height(p, density, font) for p in row)))
        return rows

    def _height(self, rows: list[tuple[list[FlyerCoordinator], float]]) -> float:
        return sum(h for _, h in rows) + self.ROW_GAP * max(len(rows) - 1, 0)

    # -- drawing ------------------------------------------------------------------

    def _heading_width(self) -> float:
        return float(self.CONTENT_W * mm - (8 * mm if self.r.HEADING_BAND else 0))

    def _continuation_header(self, c: Canvas, team: TeamFlyerData, fitter: TextFitter) -> None:
        fitter.owner = team.owner
        fit = fitter.line(
            f"{team.heading}(つづき)", self.SUBHEADING, self.CONTENT_W * mm, field="heading"
        )
        self.r.text(c, fit, self.MARGIN_X * mm, self.y(self.ISSUER_BASE + 6), bold=True)
        c.saveState()
        c.setStrokeColor(self.r.ACCENT)
        c.setLineWidth(1.2)
        y = self.y(self.ISSUER_BASE + 9.5)
        c.line(self.MARGIN_X * mm, y, self.MARGIN_X * mm + self.CONTENT_W * mm, y)
        c.restoreState()

    def _no_members(self, c: Canvas, fitter: TextFitter) -> None:
        fit = fitter.line(
            "現在、担当中のコーディネーターはいません。",
            self.VALUE,
            self.CONTENT_W * mm,
            field="members",
        )
        self.r.text(
            c, fit, self.WIDTH / 2, self.y(self.GRID_TOP + 10), colour=self.r.MUTED, align="center"
        )

    def _grid(
        self,
        c: Canvas,
        rows: list[tuple[list[FlyerCoordinator], float]],
        fitter: TextFitter,
        density: CardDensity,
        top: float,
    ) -> None:
        card_w = self.card_width
        for members, height in rows:
            for col, person in enumerate(members):
                x = (self.MARGIN_X + col * (card_w + self.COLUMN_GAP)) * mm
                fitter.owner = person.name
                self._member(c, person, fitter, density, x, self.y(top), card_w * mm, height * mm)
            top += height + self.ROW_GAP

    def _member(
        self,
        c: Canvas | None,
        person: FlyerCoordinator,
        fitter: TextFitter,
        density: CardDensity,
        x: float,
        top: float,
        w: float,
        h: float,
    ) -> float:
        """Draw one card (or only measure it when ``c`` is None); returns the
        height its text needs, in points, without the padding."""
        r = self.r
        pad = self.CARD_PAD * mm
        photo_w, photo_h = self.PHOTO_W * mm, self.PHOTO_H * mm
        if c is not None:
            r.box(c, x, top - h, w, h, stroke=r.RULE, fill=white, line_width=0.8)
            if not r.photo(c, person.photo, x + pad, top - pad - photo_h, photo_w, photo_h):
                self._image_issue(fitter, "photo", "写真")
        tx = x + pad + photo_w + self.PHOTO_GAP * mm
        width = x + w - pad - tx
        start = top - pad
        y = start
        if person.posts:
            chip_h = density.chip_h * mm
            if c is not None:
                self._chips(c, person.posts, fitter, tx, y - chip_h, width, chip_h, density.chip)
            y -= chip_h + density.gap * mm
        if person.kana:
            kana = fitter.line(person.kana, density.kana, width, field="kana")
            if c is not None:
                r.text(c, kana, tx, y - kana.size * 0.85, colour=r.MUTED)
            y -= kana.size * 1.05
        name = fitter.line(person.name, density.name, width, field="name")
        if c is not None:
            r.text(c, name, tx, y - name.size * 0.88, bold=True)
        y -= name.size * 1.0 + density.gap * mm
        if person.organisation:
            org = fitter.block(
                person.organisation, density.organisation, width, _UNLIMITED, field="organisation"
            )
            if c is not None:
                org.paragraph.drawOn(c, tx, y - org.height)
            y -= org.height + density.gap * mm
        label_w = self.LABEL_W * mm
        for label, value, field in self.contact_rows(person):
            lab = fitter.line(label, density.label, label_w - 1 * mm, field=field)
            if field in ("phone", "email"):
                spec = density.phone if field == "phone" else density.value
                fit = fitter.line(value, spec, width - label_w, field=field)
                baseline = y - fit.size * 0.9
                if c is not None:
                    r.text(c, lab, tx, baseline, colour=r.ACCENT)
                    r.text(c, fit, tx + label_w, baseline, bold=field == "phone")
                y -= fit.size * 1.1 + density.row_gap * mm
                continue
            block = fitter.block(value, density.value, width - label_w, _UNLIMITED, field=field)
            if c is not None:
                r.text(c, lab, tx, y - block.size * 0.9, colour=r.ACCENT)
                block.paragraph.drawOn(c, tx + label_w, y - block.height)
            y -= block.height + density.row_gap * mm
        return start - y - density.row_gap * mm

    def inquiry_lines(self, issuer: Issuer) -> list[tuple[str, str, bool]]:
        """(field, text, bold) of the お問い合わせ box, every profile field that is set."""
        phone = "  ".join(
            t
            for t in (
                f"電話 {issuer.phone}" if issuer.phone else "",
                f"FAX {issuer.fax}" if issuer.fax else "",
            )
            if t
        )
        online = "  ".join(
            t
            for t in (
                f"メール {issuer.email}" if issuer.email else "",
                f"ウェブ {issuer.website}" if issuer.website else "",
            )
            if t
        )
        lines = [
            ("issuer.department", f"{issuer.name} {issuer.department}".strip(), True),
            ("issuer.address", issuer.address, False),
            ("issuer.phone", phone, True),
            ("issuer.email", online, False),
            (
                "issuer.reception_hours",
                f"受付時間 {issuer.reception_hours}" if issuer.reception_hours else "",
                False,
            ),
        ]
        return [line for line in lines if line[1]]

    def _inquiry(self, c: Canvas, team: TeamFlyerData, fitter: TextFitter) -> None:
        r = self.r
        x0 = self.MARGIN_X * mm
        top = self.y(self.INQUIRY_TOP)
        height = self.INQUIRY_H * mm
        r.box(c, x0, top - height, self.CONTENT_W * mm, height, fill=r.ACCENT_SOFT)
        pad = 4.5 * mm
        right = x0 + self.CONTENT_W * mm - pad
        if team.qr is not None:
            size = self.QR_SIZE * mm
            qr_x = right - size
            r.qr(c, team.qr.payload, qr_x, top - 3 * mm - size, size)
            caption = fitter.line(
                team.qr.caption, self.QR_CAPTION, size + 8 * mm, field="qr.caption"
            )
            r.text(
                c,
                caption,
                qr_x + size / 2,
                top - 3 * mm - size - 2.4 * mm,
                colour=r.MUTED,
                align="center",
            )
            right = qr_x - 4 * mm
        width = right - x0 - pad
        title = fitter.line("お問い合わせ", self.INQUIRY_TITLE, width, field="heading")
        y = top - pad - title.size * 0.8
        r.text(c, title, x0 + pad, y, colour=r.ACCENT, bold=True)
        lines = self.inquiry_lines(team.issuer)
        pitch = min(5.0 * mm, (y - (top - height + pad * 0.8)) / max(len(lines), 1))
        for field, text, bold in lines:
            fit = fitter.line(text, self.INQUIRY, width, field=field)
            y -= pitch
            r.text(c, fit, x0 + pad, y, bold=bold)
