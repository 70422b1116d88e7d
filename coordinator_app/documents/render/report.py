"""実績報告 PDF: the fiscal-year activity report as tables and a monthly chart."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from coordinator_app.documents.data.common import RenderedDocument
from coordinator_app.documents.data.report import ReportData
from coordinator_app.documents.design.records import (
    HEADER_FILL,
    INK,
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
from coordinator_app.documents.render.project_page import ProjectPageRenderer

BAR = colors.HexColor("#2f6f9f")


class ReportRenderer:
    """Renders :class:`ReportData` (built by ``services.report_export.report_data``);
    never touches the database."""

    COLUMN_WEIGHTS: dict[str, tuple[float, ...]] = {
        "会議一覧": (2.4, 2.9, 3.8, 2.8, 1.9),
        "進捗状況": (2.8, 3.1, 7.1, 1.8),
    }
    """Relative column widths of the list tables; the others get a wide first column."""

    def __init__(self) -> None:
        self.styles = RecordStyles()

    def render(self, data: ReportData) -> RenderedDocument:
        """The report, then each page of ``data.appendix`` from a new page."""
        title, footer, issuer, appendix = data.title, data.footer, data.issuer, data.appendix
        guard = TextGuard()
        warnings: list[str] = []
        s = self.styles
        story: list = [
            guard.para(title, s.title, "表題"),
            guard.para(data.scope_line or f"対象: {data.scope}", s.subtitle, "対象"),
        ]
        keys = data.table_keys or [name for name, _h, _r in data.tables]
        for key, (name, headers, rows) in zip(keys, data.tables, strict=True):
            block = [Paragraph(name, s.heading), self._table(guard, key, headers, rows)]
            story.append(KeepTogether(block))
            if key == "月別":
                story.append(Spacer(1, 4 * mm))
                story.append(self._chart(data.monthly, data.chart_title))
        lines = issuer_lines(issuer, data.issuer_labels) if issuer is not None else []
        if lines:
            block = [Paragraph(data.issuer_heading, s.heading)]
            block += [guard.para(line, s.body, "発行元") for line in lines]
            story.append(KeepTogether(block))
        if appendix:
            pages = ProjectPageRenderer()
            for page in appendix:
                story.append(PageBreak())
                story.extend(pages.story(page, guard, warnings))
                warnings.extend(page.problems)
        doc = SimpleDocTemplate(
            io.BytesIO(),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=title,
            author="coordinator-app",
        )
        buffer = io.BytesIO()
        doc.filename = buffer

        def footer_cb(canvas, _doc) -> None:  # type: ignore[no-untyped-def]
            draw_footer(canvas, footer)

        doc.build(story, onFirstPage=footer_cb, onLaterPages=footer_cb, canvasmaker=record_canvas)
        return RenderedDocument(pdf=buffer.getvalue(), warnings=warnings + guard.warnings())

    def _table(
        self, guard: TextGuard, name: str, headers: list[str], rows: list[list[Any]]
    ) -> Table:
        s = self.styles
        width = PAGE_SIZE[0] - 2 * MARGIN
        weights = self.COLUMN_WEIGHTS.get(name)
        if weights is not None and len(weights) == len(headers):
            widths = [width * w / sum(weights) for w in weights]
        else:
            # past four columns the first gives way, so English headers (Participants) fit
            first = width * (0.6 if len(headers) <= 2 else 0.5 if len(headers) <= 4 else 0.36)
            others = (width - first) / max(len(headers) - 1, 1)
            widths = [first] + [others] * (len(headers) - 1)
        cells = [[Paragraph(h, s.label) for h in headers]]
        for row in rows:
            cells.append(
                [
                    Paragraph(f"{v:,}", s.number)
                    if isinstance(v, int)
                    else guard.para(str(v), s.cell, name)
                    for v in row
                ]
            )
        table = Table(cells, colWidths=widths, repeatRows=1)
        table.setStyle(
            table_style(
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            )
        )
        return table

    def _chart(self, monthly: Sequence[tuple[str, int]], title: str) -> Drawing:
        font = self.styles.font
        width = PAGE_SIZE[0] - 2 * MARGIN
        drawing = Drawing(width, 70 * mm, initialFontName=font)
        chart = VerticalBarChart()
        chart.x, chart.y = 12 * mm, 12 * mm
        chart.width, chart.height = width - 18 * mm, 48 * mm
        values = [n for _, n in monthly]
        chart.data = [values or [0]]
        chart.categoryAxis.categoryNames = [label for label, _ in monthly]
        chart.categoryAxis.labels.fontName = font
        chart.categoryAxis.labels.fontSize = 7.5
        chart.valueAxis.labels.fontName = font
        chart.valueAxis.labels.fontSize = 7.5
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = max([*values, 1]) + 1
        chart.valueAxis.valueStep = max(1, (max([*values, 1]) + 1) // 5)
        chart.bars[0].fillColor = BAR
        chart.bars[0].strokeColor = None
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = 7
        chart.barLabelFormat = "%d"
        chart.barLabels.nudge = 6
        drawing.add(chart)
        drawing.add(String(0, 64 * mm, title, fontName=font, fontSize=9, fillColor=INK))
        return drawing
