"""Printing a finished flyer PDF on a QPrinter, page by page, at print resolution."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_PRINT_DPI = 300
"""Pages are rasterised by QtPdf; 300 dpi is sharp and keeps the spool file sane."""


def _open(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def match_paper(printer: QPrinter, pdf: bytes) -> None:
    """Set the printer's paper and orientation to the PDF's first page (before the dialog)."""
    document, buffer = _open(pdf)
    try:
        if document.pageCount() == 0:
            return
        size = document.pagePointSize(0)
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        printer.setPageSize(
            QPageSize(
                portrait, QPageSize.Unit.Point, matchPolicy=QPageSize.SizeMatchPolicy.FuzzyMatch
            )
        )
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
        printer.setFullPage(True)
    finally:
        document.close()
        buffer.close()


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page of ``pdf`` onto ``printer``, each scaled to fit; returns the page count.

    Raises:
        RuntimeError: the printer could not be opened.
    """
    document, buffer = _open(pdf)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise RuntimeError("プリンターを開けませんでした")
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        count = document.pageCount()
        for page in range(count):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(
                page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            )
            scale = min(target.width() / image.width(), target.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            painter.drawImage(
                QRectF(
                    target.x() + (target.width() - w) / 2,
                    target.y() + (target.height() - h) / 2,
                    w,
                    h,
                ),
                image,
            )
        return count
    finally:
        if painter.isActive():
            painter.end()
        document.close()
        buffer.close()
