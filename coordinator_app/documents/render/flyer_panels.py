"""Compositions: where everything goes on a flyer panel and on a business card.

Geometry is in millimetres measured from the panel's top edge (as a designer
specifies it); :meth:`_Panel.y` turns it into reportlab's bottom-up points.
Colours, corners, bullets and drawing primitives come from the design
(:mod:`coordinator_app.documents.design.flyer`), so every design shares one
composition.
"""

from __future__ import annotations

from reportlab.lib.colors import white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coordinator_app.documents.data.common import Issuer
from coordinator_app.documents.data.flyer import (
    AreaFigures,
    FlyerCoordinator,
    FlyerData,
    FlyerIssue,
)
from coordinator_app.documents.design.flyer import FlyerDesign
from coordinator_app.documents.design.text import TextFitter, TextSpec


class _Panel:
    WIDTH: float
    HEIGHT: float

    def __init__(self, design: FlyerDesign) -> None:
        self.r = design

    def y(self, top_mm: float) -> float:
        return float(self.HEIGHT - top_mm * mm)

    def _image_issue(self, fitter: TextFitter, field: str, what: str) -> None:
        fitter.issues.append(
            FlyerIssue(
                field=field,
                owner=fitter.owner,
                message=f"【{fitter.owner}】{what}を画像として読み込めないため、印刷しませんでした。"
                "JPEGかPNGの画像を登録してください。",
            )
        )

    def contact_rows(self, person: FlyerCoordinator) -> list[tuple[str, str, str]]:
        rows = [
            ("電話", person.phone, "phone"),
            ("メール", person.email, "email"),
            ("住所", person.address, "address"),
            ("受付時間", person.office_hours, "office_hours"),
        ]
        return [row for row in rows if row[1]]

    def _items(
        self,
        c: Canvas,
        items: tuple[str, ...],
        fitter: TextFitter,
        x: float,
        top: float,
        bottom: float,
        width: float,
        spec: TextSpec,
    ) -> None:
        bullet = spec.size * 1.05
        indent = bullet + spec.size * 0.8
        gap = 0.45
        fit = fitter.items(
            items, spec, width - indent, top - bottom, gap=gap, field="consult_topics"
        )
        used = sum(fit.heights) + gap * fit.size * max(len(fit.heights) - 1, 0)
        y = top - max(0.0, (top - bottom - used) / 2)
        for paragraph, h in zip(fit.paragraphs, fit.heights, strict=True):
            baseline = y - fit.size * 0.88 - (fit.size * (spec.leading - 1)) / 2
            self.r.bullet(c, x, baseline - fit.size * 0.1, bullet)
            paragraph.drawOn(c, x + indent, y - h)
            y -= h + gap * fit.size

    def _chips(
        self,
        c: Canvas,
        posts: tuple[str, ...],
        fitter: TextFitter,
        x: float,
        y: float,
        width: float,
        height: float,
        spec: TextSpec,
    ) -> None:
        gap = 1.5 * mm
        pad = spec.size * 1.4
        widths = [fitter.width(p, spec.size) + pad for p in posts]
        if sum(widths) + gap * (len(posts) - 1) <= width:
            for post in posts:
                fit = fitter.line(post, spec, width, field="posts")
                x += self.r.chip(c, fit, x, y, height) + gap
            return
        fit = fitter.line("・".join(posts), spec, width - pad, field="posts")
        self.r.chip(c, fit, x, y, height)


def footer_text(issuer: Issuer) -> str:
    parts = [f"発行:{issuer.name} {issuer.department}".strip()]
    if issuer.address:
        parts.append(issuer.address)
    if issuer.phone:
        parts.append(f"TEL {issuer.phone}")
    if issuer.fax:
        parts.append(f"FAX {issuer.fax}")
    return "  ".join(parts) if issuer.name or issuer.department else ""


class FlyerPanel(_Panel):
    """The single flyer, composed on A5; A4 is the same panel enlarged."""

    WIDTH = 148 * mm
    HEIGHT = 210 * mm
    MARGIN_X = 11.0
    CONTENT_W = 148 - 2 * MARGIN_X

    ISSUER_BASE = 15.5
    LOGO_TOP, LOGO_W, LOGO_H = 9.0, 34.0, 9.0
    BAND_TOP, BAND_BOTTOM = 19.0, 42.0
    KICKER_BASE, HEADING_BASE, RULE_AT = 26.5, 36.5, 40.0
    ROLE_TOP, ROLE_H = 44.5, 16.5
    """Ends above the warm design's consult tab, which rises 4 mm above its box."""
    CONSULT_TOP, CONSULT_H = 66.0, 45.0
    PROFILE_TOP, PHOTO_W, PHOTO_H = 115.0, 35.0, 47.0
    PROFILE_GAP = 5.0
    MESSAGE_BOTTOM = 162.0
    CONTACT_TOP, CONTACT_H = 166.0, 28.0
    QR_SIZE = 21.0
    FOOTER_RULE, FOOTER_BASE = 197.5, 201.5

    ISSUER = TextSpec(8.5, 6.5)
    KICKER = TextSpec(10.5, 8)
    HEADING = TextSpec(20, 14)
    ROLE = TextSpec(8.8, 7, leading=1.75)
    CONSULT_TITLE = TextSpec(12, 9)
    CONSULT_ITEM = TextSpec(9.5, 7, leading=1.4)
    CHIP = TextSpec(7.5, 6)
    FIGURES_LABEL = TextSpec(6.5, 5.5)
    FIGURES_TEXT = TextSpec(7.5, 5.5)
    FIGURES_ROW = 4.0
    """Height (mm) of one area's statistics line; the profile gives up as much."""
    FIGURES_CHIP_H = 4.0
    FIGURES_MAX = 2
    """At most two served areas' statistics are printed."""
    KANA = TextSpec(8, 6)
    NAME = TextSpec(19, 12)
    ORGANISATION = TextSpec(8.5, 6.5, leading=1.35, max_lines=2, one_line_min=7.5)
    MESSAGE = TextSpec(8.5, 6.5, leading=1.6)
    LABEL = TextSpec(7, 7)
    PHONE = TextSpec(12, 8)
    VALUE = TextSpec(8.5, 6.5)
    QR_CAPTION = TextSpec(5.5, 5)
    FOOTER = TextSpec(6.5, 5)

    def draw(self, c: Canvas, data: FlyerData, fitter: TextFitter) -> None:
        figures = data.area_figures[: self.FIGURES_MAX]
        lift = len(figures) * self.FIGURES_ROW + (1.0 if figures else 0.0)
        self._header(c, data, fitter)
        self._role(c, data, fitter)
        self._consult(c, data, fitter)
        self._profile(c, data, fitter, lift=lift)
        if figures:
            self._figures(c, figures, fitter, self.MESSAGE_BOTTOM - lift + 2.0)
        self._contact(c, data, fitter)
        self._footer(c, data.issuer, fitter)

    # -- parts --------------------------------------------------------------------

    def _header(self, c: Canvas, data: FlyerData, fitter: TextFitter) -> None:
        r = self.r
        issuer = data.issuer
        x0 = self.MARGIN_X * mm
        right = self.WIDTH - self.MARGIN_X * mm
        if not r.logo(
            c, issuer.logo, right, self.y(self.LOGO_TOP), self.LOGO_W * mm, self.LOGO_H * mm
        ):
            self._image_issue(fitter, "issuer.logo", "ロゴ")
        text_w = self.CONTENT_W * mm - (self.LOGO_W * mm + 4 * mm if issuer.logo else 0)
        issuer_text = f"{issuer.name} {issuer.department}".strip()
        if issuer_text:
            fit = fitter.line(issuer_text, self.ISSUER, text_w, field="issuer.department")
            r.text(c, fit, x0, self.y(self.ISSUER_BASE), colour=r.MUTED)
        centre = r.HEADING_ALIGN == "center"
        x = self.WIDTH / 2 if centre else x0
        align = "center" if centre else "left"
        width = self.CONTENT_W * mm - (8 * mm if r.HEADING_BAND else 0)
        if r.HEADING_BAND:
            r.box(
                c,
                x0,
                self.y(self.BAND_BOTTOM),
                self.CONTENT_W * mm,
                (self.BAND_BOTTOM - self.BAND_TOP) * mm,
                fill=r.ACCENT_SOFT,
            )
        kicker = fitter.line(data.kicker, self.KICKER, width, field="kicker")
        r.text(c, kicker, x, self.y(self.KICKER_BASE), colour=r.ACCENT, align=align)
        heading = fitter.line(data.heading, self.HEADING, width, field="heading")
        r.text(c, heading, x, self.y(self.HEADING_BASE), bold=True, align=align)
        if not r.HEADING_BAND:
            c.saveState()
            c.setStrokeColor(r.RULE)
            c.setLineWidth(0.6)
            c.line(x0, self.y(self.RULE_AT), x0 + self.CONTENT_W * mm, self.y(self.RULE_AT))
            c.setStrokeColor(r.ACCENT)
            c.setLineWidth(2.2)
            c.line(x0, self.y(self.RULE_AT), x0 + 22 * mm, self.y(self.RULE_AT))
            c.restoreState()

    def _role(self, c: Canvas, data: FlyerData, fitter: TextFitter) -> None:
        if not data.role_explanation:
            return
        fit = fitter.block(
            data.role_explanation,
            self.ROLE,
            self.CONTENT_W * mm,
            self.ROLE_H * mm,
            field="role_explanation",
        )
        fit.paragraph.drawOn(c, self.MARGIN_X * mm, self.y(self.ROLE_TOP) - fit.height)

    def _consult(self, c: Canvas, data: FlyerData, fitter: TextFitter) -> None:
        r = self.r
        x0 = self.MARGIN_X * mm
        top = self.y(self.CONSULT_TOP)
        height = self.CONSULT_H * mm
        r.box(c, x0, top - height, self.CONTENT_W * mm, height, fill=r.ACCENT_SOFT)
        title_w = self.CONTENT_W * mm - 16 * mm
        title = fitter.line(data.consult_heading, self.CONSULT_TITLE, title_w, field="heading")
        if r.CONSULT_TITLE_TAB:
            tab_h = title.size * 1.9
            tab_w = title.width + title.size * 2.4
            tab_x = self.WIDTH / 2 - tab_w / 2
            r.box(c, tab_x, top - tab_h / 2, tab_w, tab_h, fill=r.ACCENT, radius=tab_h / 2)
            r.text(
                c,
                title,
                self.WIDTH / 2,
                top - title.size * 0.36,
                colour=white,
                bold=True,
                align="center",
            )
            items_top = top - tab_h / 2 - 4 * mm
        else:
            bar_h = title.size * 1.05
            r.box(c, x0 + 5 * mm, top - 5 * mm - bar_h, 1.3 * mm, bar_h, fill=r.ACCENT, radius=0)
            r.text(
                c, title, x0 + 8 * mm, top - 5 * mm - title.size * 0.9, colour=r.ACCENT, bold=True
            )
            items_top = top - 7 * mm - title.size * 1.3
        items_bottom = top - height + 4 * mm
        self._items(
            c,
            data.consult_topics,
            fitter,
            x0 + 7 * mm,
            items_top,
            items_bottom,
            self.CONTENT_W * mm - 13 * mm,
            self.CONSULT_ITEM,
        )

    def _profile(self, c: Canvas, data: FlyerData, fitter: TextFitter, *, lift: float) -> None:
        """Photo, posts, name, organisation and message; ``lift`` (mm) is left free
        at the bottom for the area's statistics."""
        r = self.r
        person = data.coordinator
        x0 = self.MARGIN_X * mm
        top = self.y(self.PROFILE_TOP)
        if not r.photo(
            c,
            person.photo,
            x0,
            top - (self.PHOTO_H - lift) * mm,
            self.PHOTO_W * mm,
            (self.PHOTO_H - lift) * mm,
        ):
            self._image_issue(fitter, "photo", "写真")
        x = x0 + (self.PHOTO_W + self.PROFILE_GAP) * mm
        width = self.WIDTH - self.MARGIN_X * mm - x
        y = top
        if person.posts:
            chip_h = 5.6 * mm
            self._chips(c, person.posts, fitter, x, y - chip_h, width, chip_h, self.CHIP)
            y -= chip_h + 4.6 * mm
        if person.kana:
            kana = fitter.line(person.kana, self.KANA, width, field="kana")
            r.text(c, kana, x, y - kana.size * 0.3, colour=r.MUTED)
            y -= kana.size * 0.3 + 1.2 * mm
        name = fitter.line(person.name, self.NAME, width, field="name")
        r.text(c, name, x, y - name.size * 0.88, bold=True)
        y -= name.size * 0.88 + 2.4 * mm
        if person.organisation:
            org = fitter.block(
                person.organisation, self.ORGANISATION, width, 9 * mm, field="organisation"
            )
            org.paragraph.drawOn(c, x, y - org.height)
            y -= org.height + 2 * mm
        if person.message:
            bottom = self.y(self.MESSAGE_BOTTOM - lift)
            pad = 2.6 * mm
            box_h = y - bottom
            msg = fitter.block(
                person.message, self.MESSAGE, width - 2 * pad, box_h - 2 * pad, field="message"
            )
            r.box(c, x, bottom, width, box_h, stroke=r.RULE, fill=white)
            msg.paragraph.drawOn(c, x + pad, y - pad - msg.height)

    def _figures(
        self, c: Canvas, figures: tuple[AreaFigures, ...], fitter: TextFitter, top: float
    ) -> None:
        """地域の統計 under the profile (``top`` in mm): a label chip, one line per area."""
        r = self.r
        x = self.MARGIN_X * mm
        chip_h = self.FIGURES_CHIP_H * mm
        label = fitter.line("地域の統計", self.FIGURES_LABEL, 30 * mm, field="area_figures")
        chip_bottom = self.y(top) - chip_h
        chip_w = r.chip(c, label, x, chip_bottom, chip_h)
        width = self.CONTENT_W * mm - chip_w - 2.5 * mm
        baseline = chip_bottom + (chip_h - self.FIGURES_TEXT.size * 0.72) / 2
        for area in figures:
            fit = fitter.line(area.text, self.FIGURES_TEXT, width, field="area_figures")
            r.text(c, fit, x + chip_w + 2.5 * mm, baseline)
            baseline -= self.FIGURES_ROW * mm

    def _contact(self, c: Canvas, data: FlyerData, fitter: TextFitter) -> None:
        r = self.r
        person = data.coordinator
        x0 = self.MARGIN_X * mm
        top = self.y(self.CONTACT_TOP)
        height = self.CONTACT_H * mm
        r.box(
            c,
            x0,
            top - height,
            self.CONTENT_W * mm,
            height,
            stroke=None if r.SOFT_PANELS else r.RULE,
            fill=r.ACCENT_SOFT if r.SOFT_PANELS else white,
            line_width=0.8,
        )
        pad = 3.5 * mm
        value_x = x0 + pad + 14 * mm
        value_right = x0 + self.CONTENT_W * mm - pad
        if data.qr is not None:
            size = self.QR_SIZE * mm
            qr_x = value_right - size
            qr_top = top - 1.6 * mm
            r.qr(c, data.qr.payload, qr_x, qr_top - size, size)
            cap_w = size + 6 * mm
            caption = fitter.line(data.qr.caption, self.QR_CAPTION, cap_w, field="qr.caption")
            r.text(
                c,
                caption,
                qr_x + size / 2,
                qr_top - size - 1.9 * mm,
                colour=r.MUTED,
                align="center",
            )
            value_right = qr_x - 3 * mm
        rows = self.contact_rows(person)
        pitches = [
            (self.PHONE.size * 1.75 if f == "phone" else self.VALUE.size * 2.0) for *_, f in rows
        ]
        y = top - (height - sum(pitches)) / 2
        for (label, value, field), pitch in zip(rows, pitches, strict=True):
            spec = self.PHONE if field == "phone" else self.VALUE
            fit = fitter.line(value, spec, value_right - value_x, field=field)
            baseline = y - pitch / 2 - spec.size * 0.33
            lab = fitter.line(label, self.LABEL, 13 * mm, field=field)
            r.text(c, lab, x0 + pad, baseline, colour=r.ACCENT)
            r.text(c, fit, value_x, baseline, bold=field == "phone")
            y -= pitch

    def _footer(self, c: Canvas, issuer: Issuer, fitter: TextFitter) -> None:
        text = footer_text(issuer)
        if not text:
            return
        r = self.r
        x0 = self.MARGIN_X * mm
        c.saveState()
        c.setStrokeColor(r.RULE)
        c.setLineWidth(0.5)
        c.line(x0, self.y(self.FOOTER_RULE), x0 + self.CONTENT_W * mm, self.y(self.FOOTER_RULE))
        c.restoreState()
        fit = fitter.line(text, self.FOOTER, self.CONTENT_W * mm, field="footer")
        r.text(c, fit, self.WIDTH / 2, self.y(self.FOOTER_BASE), colour=r.MUTED, align="center")


class CardPanel(_Panel):
    """A 91 x 55 mm business card."""

    WIDTH = 91 * mm
    HEIGHT = 55 * mm
    PAD = 4.5
    PHOTO_W, PHOTO_H = 16.0, 21.0
    QR_SIZE = 15.0

    ROLE = TextSpec(7, 5.5)
    POSTS = TextSpec(6.5, 5)
    KANA = TextSpec(6, 5)
    NAME = TextSpec(14, 9)
    ORGANISATION = TextSpec(6.5, 5, leading=1.3, max_lines=2, one_line_min=5.5)
    LABEL = TextSpec(5.5, 5.5)
    VALUE = TextSpec(6.8, 5)

    def draw(self, c: Canvas, data: FlyerData, fitter: TextFitter) -> None:
        r = self.r
        person = data.coordinator
        pad = self.PAD * mm
        right_col = max(self.PHOTO_W, self.QR_SIZE) * mm
        width = self.WIDTH - 2 * pad - right_col - 3 * mm
        x = pad
        role = f"{data.issuer.name} 生活支援コーディネーター".strip()
        bar = 1.1 * mm
        r.box(c, x, self.y(8.2), bar, 3.2 * mm, fill=r.ACCENT, radius=0)
        fit = fitter.line(role, self.ROLE, width - bar - 1.5 * mm, field="heading")
        r.text(c, fit, x + bar + 1.5 * mm, self.y(7.6), colour=r.ACCENT, bold=True)
        if person.posts:
            posts = fitter.line("・".join(person.posts), self.POSTS, width, field="posts")
            r.text(c, posts, x, self.y(11.9), colour=r.MUTED)
        if person.kana:
            kana = fitter.line(person.kana, self.KANA, width, field="kana")
            r.text(c, kana, x, self.y(17.4), colour=r.MUTED)
        name = fitter.line(person.name, self.NAME, width, field="name")
        r.text(c, name, x, self.y(23.6), bold=True)
        if person.organisation:
            org = fitter.block(
                person.organisation, self.ORGANISATION, width, 6.5 * mm, field="organisation"
            )
            org.paragraph.drawOn(c, x, self.y(26) - org.height)
        if r.SOFT_PANELS:
            r.box(
                c,
                x - 1.5 * mm,
                self.y(51),
                width + 3 * mm,
                16 * mm,
                fill=r.ACCENT_SOFT,
                radius=2 * mm,
            )
        else:
            c.saveState()
            c.setStrokeColor(r.RULE)
            c.setLineWidth(0.5)
            c.line(x, self.y(34), x + width, self.y(34))
            c.restoreState()
        rows = self.contact_rows(person)
        # Four rows (電話, メール, 住所, 受付時間) close up instead of one being left off.
        baseline, pitch = (38.6, 4.2) if len(rows) <= 3 else (37.4, 3.75)
        for label, value, field in rows:
            lab = fitter.line(label, self.LABEL, 9 * mm, field=field)
            r.text(c, lab, x, self.y(baseline), colour=r.ACCENT)
            val = fitter.line(value, self.VALUE, width - 9 * mm, field=field)
            r.text(c, val, x + 9 * mm, self.y(baseline), bold=field == "phone")
            baseline += pitch
        px = self.WIDTH - pad - self.PHOTO_W * mm
        if not r.photo(
            c,
            person.photo,
            px,
            self.y(self.PAD + self.PHOTO_H),
            self.PHOTO_W * mm,
            self.PHOTO_H * mm,
        ):
            self._image_issue(fitter, "photo", "写真")
        if data.qr is not None:
            size = self.QR_SIZE * mm
            r.qr(
                c,
                data.qr.payload,
                self.WIDTH - pad - size + 0.5 * mm,
                pad - 0.5 * mm,
                size,
                border=1,
            )
