"""議事録: one meeting's minutes as a Japanese municipal record (A4, any length).

Long sections flow over as many pages as they need: each source line of a
section is its own paragraph (a paragraph splits across pages, a one-cell
table could not), and every heading is kept with the text that follows it,
so no heading is left alone at the foot of a page.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table

from coordinator_app.documents.data.common import RenderedDocument
from coordinator_app.documents.data.minutes import MinutesActionItem, MinutesData
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


class MinutesRenderer:
    """Renders :class:`MinutesData`; never touches the database."""

    LABEL_WIDTH = 32 * mm

    def __init__(self) -> None:
        self.styles = RecordStyles()
        s = self.styles
        self.section = ParagraphStyle(
            "section",
            parent=s.heading,
            backColor=HEADER_FILL,
            borderPadding=(1.2 * mm, 2 * mm, 1.2 * mm, 2 * mm),
            leftIndent=2 * mm,
            keepWithNext=1,
        )
        self.line = ParagraphStyle("line", parent=s.body, leftIndent=3 * mm, spaceAfter=0.6 * mm)

    def render(self, data: MinutesData) -> RenderedDocument:
        guard = TextGuard()
        s = self.styles
        story: list[Flowable] = [
            Paragraph("会 議 録", s.title),
            guard.para(data.title, s.subtitle, "会議名"),
            self._table(guard, self._facts(data)),
        ]
        for heading, body in (
            ("議題", data.agenda),
            ("内容", data.minutes),
            ("決定事項", data.decisions),
        ):
            story += self._section(guard, heading, body)
        story.append(Paragraph("前回までの対応事項(繰り越し)", self.section))
        story.append(self._actions(guard, data.carried_over, carried=True))
        story.append(Paragraph("対応事項", self.section))
        story.append(self._actions(guard, data.action_items, carried=False))
        story.append(Paragraph("承認", self.section))
        story.append(self._approval(guard, data))
        lines = issuer_lines(data.contact)
        if lines:
            story.append(Paragraph("事務局", self.section))
            story += [guard.para(line, self.line, "事務局") for line in lines]
        doc = _Document(footer=" ".join(p for p in (data.issuer, data.created) if p))
        return RenderedDocument(pdf=doc.build(story), warnings=guard.warnings())

    @staticmethod
    def _facts(data: MinutesData) -> list[tuple[str, str]]:
        rows = [
            ("会議の種類", data.kind),
            ("日時", data.date_time),
            ("会場", " ".join(p for p in (data.venue, f"({data.mode})" if data.mode else "") if p)),
        ]
        if data.council:
            rows.append(("協議体", data.council))
        if data.project:
            rows.append(("プロジェクト", data.project))
        attendees = []
        if data.coordinators:
            attendees.append("【生活支援コーディネーター】" + "、".join(data.coordinators))
        if data.organisations:
            attendees.append("【関係機関】" + "、".join(data.organisations))
        if data.contacts:
            attendees.append("【出席者】" + "、".join(data.contacts))
        rows.append(("出席者", "\n".join(attendees) or "(記録なし)"))
        if data.absentees:
            rows.append(("欠席者", data.absentees))
        if data.participants:
            rows.append(("参加者数", data.participants))
        rows.append(("記録者", data.recorder or "(記載なし)"))
        return rows

    def _section(self, guard: TextGuard, heading: str, body: str) -> list[Flowable]:
        """A heading and one paragraph per line; the heading stays with the first line."""
        flowables: list[Flowable] = [Paragraph(heading, self.section)]
        lines = body.split("\n") if body.strip() else ["(記載なし)"]
        for line in lines:
            if line.strip():
                flowables.append(guard.para(line, self.line, heading))
            else:
                flowables.append(Spacer(1, self.line.leading * 0.5))
        return flowables

    def _table(self, guard: TextGuard, rows: list[tuple[str, str]]) -> Table:
        s = self.styles
        width = PAGE_SIZE[0] - 2 * MARGIN
        cells = [[Paragraph(k, s.label), guard.para(v, s.cell, k)] for k, v in rows]
        table = Table(cells, colWidths=[self.LABEL_WIDTH, width - self.LABEL_WIDTH])
        table.setStyle(
            table_style(
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            )
        )
        return table

    def _actions(
        self, guard: TextGuard, items: list[MinutesActionItem], *, carried: bool
    ) -> Flowable:
        s = self.styles
        if not items:
            return Paragraph("(なし)", self.line)
        width = PAGE_SIZE[0] - 2 * MARGIN
        status_w = 22 * mm
        if carried:
            widths = [width - 96 * mm - status_w, 36 * mm, 30 * mm, 30 * mm, status_w]
            header = ("内容", "決めた会議", "担当", "期限", "状況")
        else:
            widths = [width - 66 * mm - status_w, 33 * mm, 33 * mm, status_w]
            header = ("内容", "担当", "期限", "状況")
        body = []
        for i in items:
            row = [guard.para(i.text, s.cell, "対応事項")]
            if carried:
                row.append(guard.para(i.meeting, s.cell, "対応事項を決めた会議"))
            row += [
                guard.para(i.owner, s.cell, "対応事項の担当"),
                Paragraph(i.due, s.cell),
                Paragraph(i.status, s.cell),
            ]
            body.append(row)
        table = Table(
            [[Paragraph(h, s.label) for h in header], *body], colWidths=widths, repeatRows=1
        )
        table.setStyle(
            table_style(
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            )
        )
        return table

    def _approval(self, guard: TextGuard, data: MinutesData) -> Table:
        # Blank cells when not yet approved: the printed minutes are signed by hand.
        return self._table(
            guard,
            [
                ("承認者", data.approved_by or " "),
                ("承認日", data.approved_on or "     年   月   日"),
            ],
        )


class _Document:
    def __init__(self, footer: str) -> None:
        self.footer = footer

    def build(self, story: list[Flowable]) -> bytes:
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title="会議録",
            author="coordinator-app",
        )
        doc.build(
            story, onFirstPage=self._footer, onLaterPages=self._footer, canvasmaker=record_canvas
        )
        return buffer.getvalue()

    def _footer(self, canvas, _doc) -> None:  # type: ignore[no-untyped-def]
        draw_footer(canvas, self.footer)
