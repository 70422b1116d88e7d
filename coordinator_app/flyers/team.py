"""The team flyer: every coordinator of an area (or the municipality) on A4.

It reuses the single flyer's header, role text, consult box and footer with
A4 geometry, then lays the coordinators out as cards, two per row, continued
on further pages when there are many.
"""

from __future__ import annotations

from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coordinator_app.flyers.data import FlyerCoordinator, FlyerData, TeamFlyerData
from coordinator_app.flyers.panels import FlyerPanel
from coordinator_app.flyers.text import TextFitter, TextSpec


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
    ROLE_TOP, ROLE_H = 61.0, 17.0
    CONSULT_TOP, CONSULT_H = 84.0, 50.0
    GRID_TOP, GRID_BOTTOM = 139.0, 243.0
    NEXT_GRID_TOP = 34.0
    INQUIRY_TOP, INQUIRY_H = 247.0, 32.0
    FOOTER_RULE, FOOTER_BASE = 283.5, 288.0
    COLUMNS = 2
    COLUMN_GAP = 6.0
    ROW_GAP = 4.0
    CARD_MIN_H, CARD_MAX_H = 38.0, 50.0
    CARD_PAD = 4.0

    ISSUER = TextSpec(9.5, 7)
    KICKER = TextSpec(12, 9)
    HEADING = TextSpec(26, 16)
    SUBHEADING = TextSpec(12.5, 9)
    ROLE = TextSpec(10, 8, leading=1.6)
    CONSULT_TITLE = TextSpec(14, 10)
    CONSULT_ITEM = TextSpec(11, 8, leading=1.4)
    CHIP = TextSpec(7.5, 6)
    KANA = TextSpec(8, 6)
    NAME = TextSpec(16, 11)
    ORGANISATION = TextSpec(8.5, 6.5, leading=1.35, max_lines=2, one_line_min=7.0)
    LABEL = TextSpec(7, 7)
    VALUE = TextSpec(8.5, 6.5)
    INQUIRY_TITLE = TextSpec(11, 9)
    QR_CAPTION = TextSpec(6.5, 5)
    FOOTER = TextSpec(7.5, 5.5)
    QR_SIZE = 22.0

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
        members = list(team.members)
        first_rows = self._rows_that_fit(self.GRID_TOP, self.GRID_BOTTOM)
        pages = [members[: first_rows * self.COLUMNS]]
        rest = members[first_rows * self.COLUMNS :]
        more_rows = self._rows_that_fit(self.NEXT_GRID_TOP, self.INQUIRY_TOP + self.INQUIRY_H)
        while rest:
            pages.append(rest[: more_rows * self.COLUMNS])
            rest = rest[more_rows * self.COLUMNS :]
        for number, page in enumerate(pages, start=1):
            if number > 1:
                self._continuation_header(c, team, fitter)
                self._grid(c, page, fitter, self.NEXT_GRID_TOP, self.INQUIRY_TOP + self.INQUIRY_H)
            else:
                if not page:
                    self._no_members(c, fitter)
                self._grid(c, page, fitter, self.GRID_TOP, self.GRID_BOTTOM)
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

    def _heading_width(self) -> float:
        return float(self.CONTENT_W * mm - (8 * mm if self.r.HEADING_BAND else 0))

    def _rows_that_fit(self, top: float, bottom: float) -> int:
        return max(1, int((bottom - top + self.ROW_GAP) // (self.CARD_MIN_H + self.ROW_GAP)))

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
        members: list[FlyerCoordinator],
        fitter: TextFitter,
        top: float,
        bottom: float,
    ) -> None:
        if not members:
            return
        rows = -(-len(members) // self.COLUMNS)
        card_h = min(self.CARD_MAX_H, (bottom - top - self.ROW_GAP * (rows - 1)) / rows)
        used = rows * card_h + (rows - 1) * self.ROW_GAP
        start = top + (bottom - top - used) / 2
        card_w = (self.CONTENT_W - self.COLUMN_GAP * (self.COLUMNS - 1)) / self.COLUMNS
        for index, person in enumerate(members):
            row, col = divmod(index, self.COLUMNS)
            x = (self.MARGIN_X + col * (card_w + self.COLUMN_GAP)) * mm
            card_top = start + row * (card_h + self.ROW_GAP)
            fitter.owner = person.name
            self._member(c, person, fitter, x, self.y(card_top), card_w * mm, card_h * mm)

    def _member(
        self,
        c: Canvas,
        person: FlyerCoordinator,
        fitter: TextFitter,
        x: float,
        top: float,
        w: float,
        h: float,
    ) -> None:
        r = self.r
        pad = self.CARD_PAD * mm
        r.box(c, x, top - h, w, h, stroke=r.RULE, fill=white, line_width=0.8)
        photo_h = h - 2 * pad
        photo_w = photo_h * 0.76
        if not r.photo(c, person.photo, x + pad, top - pad - photo_h, photo_w, photo_h):
            self._image_issue(fitter, "photo", "写真")
        tx = x + pad + photo_w + 4 * mm
        width = x + w - pad - tx
        y = top - pad
        if person.posts:
            chip_h = 5.2 * mm
            self._chips(c, person.posts, fitter, tx, y - chip_h, width, chip_h, self.CHIP)
            y -= chip_h + 4.2 * mm
        if person.kana:
            kana = fitter.line(person.kana, self.KANA, width, field="kana")
            r.text(c, kana, tx, y - kana.size * 0.3, colour=r.MUTED)
            y -= kana.size * 0.3 + 1.0 * mm
        name = fitter.line(person.name, self.NAME, width, field="name")
        r.text(c, name, tx, y - name.size * 0.88, bold=True)
        y -= name.size * 0.88 + 2.0 * mm
        if person.organisation:
            org = fitter.block(
                person.organisation, self.ORGANISATION, width, 8.5 * mm, field="organisation"
            )
            org.paragraph.drawOn(c, tx, y - org.height)
            y -= org.height + 1.5 * mm
        for label, value, field in self.contact_rows(person)[:2]:
            baseline = y - self.VALUE.size * 0.95
            if baseline < top - h + pad * 0.6:
                break
            lab = fitter.line(label, self.LABEL, 10 * mm, field=field)
            r.text(c, lab, tx, baseline, colour=r.ACCENT)
            val = fitter.line(value, self.VALUE, width - 10 * mm, field=field)
            r.text(c, val, tx + 10 * mm, baseline, bold=field == "phone")
            y = baseline - 1.6 * mm

    def _inquiry(self, c: Canvas, team: TeamFlyerData, fitter: TextFitter) -> None:
        r = self.r
        issuer = team.issuer
        x0 = self.MARGIN_X * mm
        top = self.y(self.INQUIRY_TOP)
        height = self.INQUIRY_H * mm
        r.box(c, x0, top - height, self.CONTENT_W * mm, height, fill=r.ACCENT_SOFT)
        pad = 5 * mm
        right = x0 + self.CONTENT_W * mm - pad
        if team.qr is not None:
            size = self.QR_SIZE * mm
            qr_x = right - size
            r.qr(c, team.qr.payload, qr_x, top - 2.5 * mm - size, size)
            caption = fitter.line(
                team.qr.caption, self.QR_CAPTION, size + 8 * mm, field="qr.caption"
            )
            r.text(
                c,
                caption,
                qr_x + size / 2,
                top - 2.5 * mm - size - 2.4 * mm,
                colour=r.MUTED,
                align="center",
            )
            right = qr_x - 4 * mm
        width = right - x0 - pad
        title = fitter.line("お問い合わせ", self.INQUIRY_TITLE, width, field="heading")
        y = top - pad - title.size * 0.8
        r.text(c, title, x0 + pad, y, colour=r.ACCENT, bold=True)
        lines = [
            ("issuer.department", f"{issuer.name} {issuer.department}".strip(), True),
            ("issuer.address", issuer.address, False),
            ("issuer.phone", f"電話 {issuer.phone}" if issuer.phone else "", True),
            ("issuer.email", f"メール {issuer.email}" if issuer.email else "", False),
        ]
        for field, text, bold in lines:
            if not text:
                continue
            fit = fitter.line(text, self.VALUE, width, field=field)
            y -= 5.2 * mm
            r.text(c, fit, x0 + pad, y, bold=bold)
