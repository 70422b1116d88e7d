"""A QR code as a platypus flowable (the flyer design draws the same symbol on its canvas)."""

from __future__ import annotations

from reportlab.lib.colors import black, white
from reportlab.platypus import Flowable

from coordinator_app.documents.design.flyer import qr_modules, qr_path


class QrFlowable(Flowable):
    """A square QR code (error correction M) of side ``size`` with a white quiet zone.

    Drawn as one filled path from the encoder's modules, so no font is referenced.
    """

    def __init__(self, payload: str, size: float, *, border: int = 2) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.border = border
        self.width = self.height = size

    def wrap(self, _aw: float, _ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules = qr_modules(self.payload)
        c = self.canv
        c.saveState()
        c.setFillColor(white)
        c.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        module = self.size / (len(modules) + 2 * self.border)
        c.translate(self.border * module, self.size - self.border * module)
        c.scale(module, -module)
        c.setFillColor(black)
        c.drawPath(qr_path(self.payload), stroke=0, fill=1)
        c.restoreState()
