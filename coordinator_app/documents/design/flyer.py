"""The flyers' design: colours, corners, bullets, fonts and drawing primitives.

:class:`FlyerDesign` is the standard design; :class:`WarmFlyerDesign` changes
only constants. The layouts (:mod:`coordinator_app.documents.render.flyer_panels`,
:mod:`~coordinator_app.documents.render.team`) read these constants and call
these primitives, so every design shares one composition.
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import sys
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType

from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from coordinator_app.documents.data.flyer import DESIGN_LABELS
from coordinator_app.documents.design.fonts import register_fonts, runs
from coordinator_app.documents.design.images import ImageProblem, cropped_photo, fitted_logo
from coordinator_app.documents.design.text import LineFit


class FlyerDesign:
    """Standard design: municipal blue, straight rules, check-box bullets.

    Subclasses change the constants below and nothing else.
    """

    key = "standard"
    label = DESIGN_LABELS[key]

    ACCENT: Color = HexColor("#1D5A9E")
    ACCENT_SOFT: Color = HexColor("#EDF3FA")
    SECOND: Color = HexColor("#2E8557")
    TEXT: Color = HexColor("#222222")
    MUTED: Color = HexColor("#5A6270")
    RULE: Color = HexColor("#C5D3E4")
    PLACEHOLDER: Color = HexColor("#D5DEEA")

    HEADING_ALIGN = "left"
    HEADING_BAND = False
    """True: the heading sits on a soft band instead of above a rule."""
    RADIUS = 1.2 * mm
    PHOTO_RADIUS = 0.0
    BULLET = "check"
    CONSULT_TITLE_TAB = False
    """True: the consult title is a filled tab on the box edge."""
    SOFT_PANELS = False
    """True: contact panels are tinted instead of outlined."""
    BOLD_STROKE = 0.035
    """Faux bold: IPAexGothic has one weight, so headings are stroked as well as filled."""

    def __init__(self) -> None:
        self.font = register_fonts()

    # -- primitives ---------------------------------------------------------------

    def text(
        self,
        c: Canvas,
        fit: LineFit,
        x: float,
        y: float,
        *,
        colour: Color | None = None,
        bold: bool = False,
        align: str = "left",
    ) -> None:
        """Draw a fitted line with its baseline at ``y``."""
        if align == "center":
            x -= fit.width / 2
        elif align == "right":
            x -= fit.width
        colour = colour or self.TEXT
        c.saveState()
        c.setFillColor(colour)
        t = c.beginText()
        if bold:
            c.setStrokeColor(colour)
            c.setLineWidth(fit.size * self.BOLD_STROKE)
            t.setTextRenderMode(2)
        t.setTextOrigin(x, y)
        for font, piece in runs(fit.text):
            t.setFont(font, fit.size)
            t.textOut(piece)
        c.drawText(t)
        c.restoreState()

    def box(
        self,
        c: Canvas,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: Color | None = None,
        stroke: Color | None = None,
        radius: float | None = None,
        line_width: float = 0.6,
    ) -> None:
        radius = self.RADIUS if radius is None else radius
        c.saveState()
        if fill is not None:
            c.setFillColor(fill)
        if stroke is not None:
            c.setStrokeColor(stroke)
            c.setLineWidth(line_width)
        if radius > 0:
            c.roundRect(
                x, y, w, h, radius, stroke=int(stroke is not None), fill=int(fill is not None)
            )
        else:
            c.rect(x, y, w, h, stroke=int(stroke is not None), fill=int(fill is not None))
        c.restoreState()

    def chip(self, c: Canvas, fit: LineFit, x: float, y: float, h: float) -> float:
        """A filled label with white text, bottom-left at (x, y); returns its width."""
        pad = fit.size * 0.7
        w = fit.width + 2 * pad
        self.box(c, x, y, w, h, fill=self.ACCENT, radius=min(self.RADIUS, h / 2))
        self.text(c, fit, x + pad, y + (h - fit.size * 0.72) / 2, colour=white)
        return w

    def bullet(self, c: Canvas, x: float, y: float, size: float) -> None:
        """A list marker whose box has its bottom-left at (x, y)."""
        c.saveState()
        if self.BULLET == "dot":
            c.setFillColor(self.SECOND)
            c.circle(x + size / 2, y + size / 2, size / 2, stroke=0, fill=1)
            tick = white
        else:
            c.setStrokeColor(self.SECOND)
            c.setLineWidth(size * 0.09)
            c.roundRect(x, y, size, size, size * 0.15, stroke=1, fill=0)
            tick = self.SECOND
        c.setStrokeColor(tick)
        c.setLineWidth(size * 0.14)
        c.setLineCap(1)
        c.setLineJoin(1)
        path = c.beginPath()
        path.moveTo(x + size * 0.24, y + size * 0.52)
        path.lineTo(x + size * 0.43, y + size * 0.3)
        path.lineTo(x + size * 0.78, y + size * 0.74)
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()

    def photo(self, c: Canvas, data: bytes | None, x: float, y: float, w: float, h: float) -> bool:
        """The photo cropped into the box, or a silhouette; False if unreadable."""
        c.saveState()
        clip = c.beginPath()
        if self.PHOTO_RADIUS:
            clip.roundRect(x, y, w, h, self.PHOTO_RADIUS)
        else:
            clip.rect(x, y, w, h)
        c.clipPath(clip, stroke=0, fill=0)
        readable = True
        image = None
        if data:
            try:
                image = cropped_photo(data, w, h)
            except ImageProblem:
                readable = False
        if image is not None:
            c.drawImage(image, x, y, w, h)
        else:
            c.setFillColor(self.ACCENT_SOFT)
            c.rect(x, y, w, h, stroke=0, fill=1)
            c.setFillColor(self.PLACEHOLDER)
            c.circle(x + w / 2, y + h * 0.62, min(w, h) * 0.2, stroke=0, fill=1)
            c.ellipse(x + w * 0.18, y - h * 0.25, x + w * 0.82, y + h * 0.45, stroke=0, fill=1)
        c.restoreState()
        return readable

    def logo(
        self, c: Canvas, data: bytes | None, right: float, top: float, w: float, h: float
    ) -> bool:
        """The logo fitted into a box whose top-right corner is (right, top)."""
        if not data:
            return True
        try:
            image, pw, ph = fitted_logo(data, w, h)
        except ImageProblem:
            return False
        c.drawImage(image, right - pw, top - ph, pw, ph, mask="auto")
        return True

    def qr(
        self, c: Canvas, payload: str, x: float, y: float, size: float, *, border: int = 2
    ) -> None:
        """A QR code (error correction M) with a white quiet zone of ``border`` modules.

        Drawn as one filled path from the encoder's modules: reportlab's
        widget renderer would also reference Helvetica, an unembedded font.
        """
        modules = qr_modules(payload)
        count = len(modules)
        self.box(c, x, y, size, size, fill=white, radius=0)
        c.saveState()
        # Draw in module units: whole-number coordinates keep the stream short.
        module = size / (count + 2 * border)
        c.translate(x + border * module, y + size - border * module)
        c.scale(module, -module)
        c.setFillColor(black)
        c.drawPath(qr_path(payload), stroke=0, fill=1)
        c.restoreState()


@lru_cache(maxsize=256)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR symbol's dark modules, row by row (cached: a batch shares one website)."""
    code = _qrencoder().QRCode(None, _qrencoder().QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


@lru_cache(maxsize=256)
def qr_path_code(payload: str) -> str:
    """The PDF path operators of the dark modules (cached per payload)."""
    path = PDFPathObject()
    for row_index, row in enumerate(qr_modules(payload)):
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(column, row_index, length, 1)
            column += length
    return str(path.getCode())


def qr_path(payload: str) -> PDFPathObject:
    """The dark modules as one path of unit squares, row 0 at y = 0 (y grows downwards).

    The path's operators are made once per payload: a batch whose flyers share
    the municipality's website draws the same symbol on every flyer.
    """
    return PDFPathObject(code=[qr_path_code(payload)])


@cache
def _qrencoder() -> ModuleType:
    # ``reportlab.graphics.barcode``'s package initialiser imports every barcode
    # widget and reportlab's drawing shapes (a fifth of the flyer command's
    # imports); the QR encoder is one self-contained module, loaded on its own.
    name = "reportlab.graphics.barcode.qrencoder"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec("reportlab")
    locations = spec.submodule_search_locations if spec is not None else None
    source = Path(next(iter(locations or []), "")) / "graphics" / "barcode" / "qrencoder.py"
    own = importlib.util.spec_from_file_location("coordinator_app._qrencoder", source)
    if not source.is_file() or own is None or own.loader is None:  # a frozen build
        return importlib.import_module(name)
    module = importlib.util.module_from_spec(own)
    own.loader.exec_module(module)
    return module


class WarmFlyerDesign(FlyerDesign):
    """A softer design: warm orange, rounded boxes, centred heading on a band."""

    key = "warm"
    label = DESIGN_LABELS[key]

    ACCENT = HexColor("#C4561C")
    ACCENT_SOFT = HexColor("#FDF2E8")
    SECOND = HexColor("#E0892B")
    TEXT = HexColor("#2E2420")
    MUTED = HexColor("#6E6058")
    RULE = HexColor("#EED2BC")
    PLACEHOLDER = HexColor("#F1D9C6")

    HEADING_ALIGN = "center"
    HEADING_BAND = True
    RADIUS = 3.5 * mm
    PHOTO_RADIUS = 3 * mm
    BULLET = "dot"
    CONSULT_TITLE_TAB = True
    SOFT_PANELS = True


DESIGNS: dict[str, type[FlyerDesign]] = {
    FlyerDesign.key: FlyerDesign,
    WarmFlyerDesign.key: WarmFlyerDesign,
}
"""Design code (the command line's ``--design``) -> design class."""
