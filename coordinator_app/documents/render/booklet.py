"""The A5 booklet: the guidebook's A5 pages two to an A4 landscape sheet, in the order
that, printed on both sides, stacked and folded in the middle, reads 1, 2, 3 …
(saddle stitch, 中とじ).

The page count is padded with blank pages to a multiple of four; sheet ``k``
(counting from 0) holds on its front ``[n - 2k, 2k + 1]`` and on its back
``[2k + 2, n - 2k - 1]`` (left, right). Print the sheets double-sided, flipped on
the short edge.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib.pagesizes import A4, A5

BOOKLET_PAGE = A5
"""The page size the guidebook is laid out in for the booklet."""
SHEET = (A4[1], A4[0])
"""A4 landscape."""


def saddle_stitch_sides(pages: int) -> list[tuple[int, int]]:
    """The sheets' sides in print order, each as (left page, right page), 1-based; a page
    number above ``pages`` is a blank."""
    total = max(4, -(-pages // 4) * 4)
    sides: list[tuple[int, int]] = []
    for sheet in range(total // 4):
        sides.append((total - 2 * sheet, 2 * sheet + 1))
        sides.append((2 * sheet + 2, total - 2 * sheet - 1))
    return sides


def impose(pdf: bytes) -> bytes:
    """``pdf``'s pages (A5) two-up on A4 landscape sheets in saddle-stitch order."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = list(reader.pages)
    writer = PdfWriter()
    sheet_width, sheet_height = SHEET
    page_width = sheet_width / 2
    for left, right in saddle_stitch_sides(len(pages)):
        sheet = writer.add_blank_page(width=sheet_width, height=sheet_height)
        for slot, number in enumerate((left, right)):
            if number > len(pages):
                continue
            page = pages[number - 1]
            width = float(page.mediabox.width)
            height = float(page.mediabox.height)
            # Centred in its half (A5 is a hair narrower than half of A4).
            tx = slot * page_width + (page_width - width) / 2
            ty = (sheet_height - height) / 2
            sheet.merge_transformed_page(page, Transformation().translate(tx=tx, ty=ty))
    writer.add_metadata({k: str(v) for k, v in (reader.metadata or {}).items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
