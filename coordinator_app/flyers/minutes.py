"""議事録: one meeting's minutes as a Japanese municipal record (A4)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Table

from coordinator_app.flyers.records import (
    HEADER_FILL,
    MARGIN,
    PAGE_SIZE,
    RULE,
    RecordStyles,
    TextGuard,
    draw_footer,
    record_canvas,
    table_style,
)


@dataclass(frozen=True)
class MinutesActionItem:
    text: str
    owner: str
    due: str
    done: bool


@dataclass(frozen=True)
class MinutesData:
    """Everything the minutes show, already formatted (dates in the chosen calendar)."""

    title: str
    kind: str
    date_time: str
    venue: str
    mode: str
    council: str = ""
    project: str = ""
    coordinators: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    participants: str = ""
    agenda: str = ""
    minutes: str = ""
    decisions: str = ""
    action_items: list[MinutesActionItem] = field(default_factory=list)
    issuer: str = ""
    created: str = ""


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    warnings: list[str]


class MinutesRenderer:
    """Renders :class:`MinutesData`; never touches the database."""

    LABEL_WIDTH = 32 * mm

    def __init__(self) -> None:
        self.styles = RecordStyles()

    def render(self, data: MinutesData) -> RenderedDocument:
        guard = TextGuard()
        s = self.styles
        story: list = [
            Paragraph("会 議 録", s.title),
            guard.para(data.title, s.subtitle, "会議名"),
        ]
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
        if data.participants:
            rows.append(("参加者数", data.participants))
        story.append(self._table(guard, rows))
        for heading, body in (
            ("議題", data.agenda),
            ("内容", data.minutes),
            ("決定事項", data.decisions),
        ):
            story.append(Paragraph(heading, s.heading))
            story.append(self._box(guard.para(body or "(記載なし)", s.body, heading)))
        story.append(Paragraph("対応事項", s.heading))
        story.append(self._actions(guard, data.action_items))
        doc = _Document(footer=" ".join(p for p in (data.issuer, data.created) if p))
        return RenderedDocument(pdf=doc.build(story), warnings=guard.warnings())

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

    @staticmethod
    def _box(paragraph: Paragraph) -> Table:
        width = PAGE_SIZE[0] - 2 * MARGIN
        table = Table([[paragraph]], colWidths=[width])
        table.setStyle(
            table_style(
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            )
        )
        return table

    def _actions(self, guard: TextGuard, items: list[MinutesActionItem]) -> KeepTogether | Table:
        s = self.styles
        if not items:
            return self._box(Paragraph("(なし)", s.body))
        width = PAGE_SIZE[0] - 2 * MARGIN
        widths = [width - 86 * mm, 33 * mm, 38 * mm, 15 * mm]
        header = [Paragraph(h, s.label) for h in ("内容", "担当", "期限", "状況")]
        body = [
            [
                guard.para(i.text, s.cell, "対応事項"),
                guard.para(i.owner, s.cell, "対応事項の担当"),
                Paragraph(i.due, s.cell),
                Paragraph("完了" if i.done else "未了", s.cell),
            ]
            for i in items
        ]
        table = Table([header, *body], colWidths=widths, repeatRows=1)
        table.setStyle(
            table_style(
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            )
        )
        return table


class _Document:
    def __init__(self, footer: str) -> None:
        self.footer = footer

    def build(self, story: list) -> bytes:
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
