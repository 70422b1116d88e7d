"""A QR code as a platypus flowable (the flyer design draws the same symbol on its canvas)."""

from __future__ import annotations

import itertools

from reportlab.lib.colors import black, white
from reportlab.platypus import Flowable

from coordinator_app.documents.design.flyer import qr_modules


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
        path = c.beginPath()
        for row_index, row in enumerate(modules):
            column = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    path.rect(column, row_index, length, 1)
                column += length
        c.setFillColor(black)
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()
