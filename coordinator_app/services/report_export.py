"""The activity report as document data (for the PDF renderer) and as an .xlsx
workbook: one sheet per table, laid out for A4 printing.
openpyxl is imported only when exporting; no renderer is imported here (the
window or command hands :func:`report_data` to ``documents.render.report``).

Every text the report makes (headings, row labels, kinds, months) is a
:class:`~coordinator_app.domain.texts.Message`; the exports take ``text``, the
function that shows one (``str``: Japanese, as made; the window passes
``ui.labels.message_text`` so an English window exports in English)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from coordinator_app.documents.data.project_page import ProjectPageData
from coordinator_app.documents.data.report import ReportData
from coordinator_app.domain.era import format_fiscal_year
from coordinator_app.domain.spreadsheet import is_formula_like
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.services.documents import format_date, issuer_of
from coordinator_app.services.reports import ActivityReport
from coordinator_app.services.settings import MunicipalityProfile

SHEET_SUMMARY = QT_TRANSLATE_NOOP("report", "概要")
SHEET_KINDS = QT_TRANSLATE_NOOP("report", "種類別")
SHEET_MONTHS = QT_TRANSLATE_NOOP("report", "月別")
SHEET_COUNCILS = QT_TRANSLATE_NOOP("report", "協議体")
SHEET_PROJECTS = QT_TRANSLATE_NOOP("report", "プロジェクト")
SHEET_MEETINGS = QT_TRANSLATE_NOOP("report", "会議一覧")
SHEET_PROGRESS = QT_TRANSLATE_NOOP("report", "進捗状況")
SHEET_PLACES = QT_TRANSLATE_NOOP("report", "通いの場")
TOTAL = QT_TRANSLATE_NOOP("report", "合計")
FONT_NAME = "游ゴシック"

Text = Callable[[object], str]
"""Shows a report text (a message) in the export's language: ``str`` is Japanese."""

SCOPE_LINE = QT_TRANSLATE_NOOP("report", "対象: {scope}")
CHART_TITLE = QT_TRANSLATE_NOOP("report", "月別の会議開催数")
ISSUER_HEADING = QT_TRANSLATE_NOOP("report", "発行元")
ISSUER_LABELS = [
    QT_TRANSLATE_NOOP("report", "発行"),
    QT_TRANSLATE_NOOP("report", "住所"),
    QT_TRANSLATE_NOOP("report", "電話"),
    QT_TRANSLATE_NOOP("report", "メール"),
    QT_TRANSLATE_NOOP("report", "ウェブ"),
    QT_TRANSLATE_NOOP("report", "受付時間"),
]


def _r(source: str, /, **args: Any) -> Message:
    return Message("report", source, **args)


_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_text(day: date, *, wareki: bool) -> str:
    """``2022年6月15日(水)`` (English: 2022-06-15 (Wed)); the era's form when chosen."""
    if wareki:
        return format_date(day, wareki=True)
    return _r(
        QT_TRANSLATE_NOOP("report", "{japanese}"),
        japanese=format_date(day),
        iso=day.isoformat(),
        weekday=_EN_WEEKDAYS[day.weekday()],
    )


def fiscal_year_text(year: int, *, wareki: bool) -> str:
    """``2025年度`` (English: FY2025) or the era's ``令和7年度`` (the user's choice)."""
    if wareki:
        return format_fiscal_year(year, wareki=True)
    return _r(QT_TRANSLATE_NOOP("report", "{year}年度"), year=year)


def issuer_rows(profile: MunicipalityProfile) -> list[list[Any]]:
    """The municipality profile as (項目, 値) rows: who submits the report."""
    rows = [
        [_r("発行"), " ".join(p for p in (profile.name, profile.department) if p)],
        [_r("住所"), profile.address],
        [_r("電話"), profile.phone],
        ["FAX", profile.fax],
        [_r("メール"), profile.email],
        [_r("ウェブ"), profile.website],
        [_r("受付時間"), profile.reception_hours],
    ]
    return [row for row in rows if row[1]]


def report_tables(
    report: ActivityReport, *, wareki: bool = False
) -> list[tuple[str, list[str], list[list[Any]]]]:
    """(sheet name, headers, rows) of every table of the report, as messages.

    Sheet names, headers and the texts the report makes are messages (context
    ``report`` or ``labels``); :func:`shown_tables` puts them in a language.
    """
    months = [
        [
            _r(QT_TRANSLATE_NOOP("report", "{year}年{month}月"), year=m.year, month=m.month),
            m.meetings,
            m.participants,
        ]
        for m in report.by_month
    ]
    tables = [
        (
            SHEET_SUMMARY,
            [QT_TRANSLATE_NOOP("report", "項目"), QT_TRANSLATE_NOOP("report", "値")],
            [
                [
                    _r(QT_TRANSLATE_NOOP("report", "年度")),
                    fiscal_year_text(report.fiscal_year, wareki=wareki),
                ],
                [_r(QT_TRANSLATE_NOOP("report", "対象")), report.scope()],
                *(
                    [
                        [
                            _r(QT_TRANSLATE_NOOP("report", "地域の統計")),
                            report.area_statistics.describe(wareki=wareki),
                        ]
                    ]
                    if report.area_statistics is not None
                    else []
                ),
                [_r(QT_TRANSLATE_NOOP("report", "会議の開催数")), report.total_meetings],
                [_r(QT_TRANSLATE_NOOP("report", "参加者数(延べ)")), report.total_participants],
                [_r(QT_TRANSLATE_NOOP("report", "協議体の開催数")), report.council_meetings],
                [_r(QT_TRANSLATE_NOOP("report", "新規の関係機関")), report.new_organisations],
                [_r(QT_TRANSLATE_NOOP("report", "新規の担当者")), report.new_contacts],
                *issuer_rows(report.issuer),
            ],
        ),
        (
            SHEET_KINDS,
            [
                QT_TRANSLATE_NOOP("report", "会議の種類"),
                QT_TRANSLATE_NOOP("report", "開催数"),
                QT_TRANSLATE_NOOP("report", "会場の参加者"),
                QT_TRANSLATE_NOOP("report", "オンラインの参加者"),
                QT_TRANSLATE_NOOP("report", "参加者計"),
            ],
            [
                [r.label, r.meetings, r.participants_on_site, r.participants_online, r.participants]
                for r in report.by_kind
            ]
            + [
                [
                    _r(TOTAL),
                    report.total_meetings,
                    sum(r.participants_on_site for r in report.by_kind),
                    sum(r.participants_online for r in report.by_kind),
                    report.total_participants,
                ]
            ],
        ),
        (
            SHEET_MONTHS,
            [
                QT_TRANSLATE_NOOP("report", "月"),
                QT_TRANSLATE_NOOP("report", "開催数"),
                QT_TRANSLATE_NOOP("report", "参加者数"),
            ],
            months,
        ),
        (
            SHEET_COUNCILS,
            [
                QT_TRANSLATE_NOOP("report", "協議体"),
                QT_TRANSLATE_NOOP("report", "層"),
                QT_TRANSLATE_NOOP("report", "開催数"),
                QT_TRANSLATE_NOOP("report", "参加者数"),
            ],
            [[c.name, c.tier_text, c.meetings, c.participants] for c in report.councils],
        ),
        (
            SHEET_PROJECTS,
            [QT_TRANSLATE_NOOP("report", "状況"), QT_TRANSLATE_NOOP("report", "件数")],
            [[r.label, r.projects] for r in report.projects_by_status],
        ),
        (
            SHEET_MEETINGS,
            [
                QT_TRANSLATE_NOOP("report", "会議の種類"),
                QT_TRANSLATE_NOOP("report", "開催日"),
                QT_TRANSLATE_NOOP("report", "会議名"),
                QT_TRANSLATE_NOOP("report", "会場"),
                QT_TRANSLATE_NOOP("report", "参加者数"),
            ],
            [
                [
                    m.kind_label,
                    day_text(m.held_on, wareki=wareki),
                    m.title,
                    m.venue,
                    m.participants if m.participants is not None else "",
                ]
                for m in report.meetings
            ],
        ),
        (
            SHEET_PROGRESS,
            [
                QT_TRANSLATE_NOOP("report", "プロジェクト"),
                QT_TRANSLATE_NOOP("report", "日付"),
                QT_TRANSLATE_NOOP("report", "内容"),
                QT_TRANSLATE_NOOP("report", "記入者"),
            ],
            [
                [p.project, day_text(p.entry_date, wareki=wareki), p.text, p.author]
                for p in report.progress
            ],
        ),
        (
            SHEET_PLACES,
            [
                QT_TRANSLATE_NOOP("report", "地域"),
                QT_TRANSLATE_NOOP("report", "種類"),
                QT_TRANSLATE_NOOP("report", "か所数"),
                QT_TRANSLATE_NOOP("report", "新規"),
                QT_TRANSLATE_NOOP("report", "終了"),
            ],
            [[p.area, p.kind, p.places, p.new, p.ended] for p in report.gathering_places],
        ),
    ]
    return [
        (_r(name), [_r(h) for h in headers], rows)  # type: ignore[misc]
        for name, headers, rows in tables
    ]


def shown_tables(
    tables: list[tuple[str, list[str], list[list[Any]]]], text: Text
) -> list[tuple[str, list[str], list[list[Any]]]]:
    """``tables`` with every text shown by ``text`` (numbers stay numbers)."""
    return [
        (
            text(name),
            [text(h) for h in headers],
            [[text(v) if isinstance(v, str) else v for v in row] for row in rows],
        )
        for name, headers, rows in tables
    ]


def report_to_xlsx(report: ActivityReport, *, wareki: bool = False, text: Text = str) -> bytes:
    """The report as an .xlsx workbook, in the language of ``text``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="9CA3AF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_fill = PatternFill("solid", fgColor="EEF2F7")
    workbook = Workbook()
    workbook.remove(workbook.active)
    title = text(report.title(wareki=wareki))
    scope_line = text(_r(SCOPE_LINE, scope=report.scope()))
    for sheet_name, headers, rows in shown_tables(report_tables(report, wareki=wareki), text):
        sheet = workbook.create_sheet(sheet_name[:31])  # Excel's limit on sheet names
        sheet.append([f"{title}({sheet_name})"])
        sheet["A1"].font = Font(name=FONT_NAME, size=14, bold=True)
        sheet.append([scope_line])
        sheet["A2"].font = Font(name=FONT_NAME, size=10)
        sheet.append(headers)
        for col_index in range(1, len(headers) + 1):
            cell = sheet.cell(row=3, column=col_index)
            cell.font = Font(name=FONT_NAME, bold=True)
            cell.fill = header_fill
            cell.border = border
            cell.alignment = Alignment(horizontal="center", vertical="center")
        for row in rows:
            sheet.append([None] * len(row))
            for col_index, value in enumerate(row, start=1):
                cell = sheet.cell(row=sheet.max_row, column=col_index)
                _write(cell, value)
                cell.font = Font(name=FONT_NAME)
                cell.border = border
                if isinstance(value, int):
                    cell.number_format = "#,##0"
        _fit_columns(sheet, headers, rows, get_column_letter)
        sheet.freeze_panes = "A4"
        sheet.print_title_rows = "3:3"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "portrait"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.oddFooter.center.text = "&P / &N"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write(cell: Any, value: Any) -> None:
    cell.value = value
    if isinstance(value, str) and is_formula_like(value):
        cell.data_type = "s"  # keep user text as text: never a formula


def _fit_columns(sheet: Any, headers: Sequence[str], rows: list[list[Any]], letter: Any) -> None:
    for index, header in enumerate(headers, start=1):
        values = [header, *(str(r[index - 1]) for r in rows)]
        # Japanese characters are about twice as wide as Latin ones in Excel's units.
        width = max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in v) for v in values)
        sheet.column_dimensions[letter(index)].width = min(max(width + 2, 10), 60)


def report_data(
    report: ActivityReport,
    *,
    wareki: bool = False,
    appendix: Sequence[ProjectPageData] = (),
    text: Text = str,
) -> ReportData:
    """What the report's PDF prints: issued by the municipality of the profile
    (footer and 発行元 block), followed by the project pages in ``appendix``
    (``ProjectPageService.pages_of_year``)."""
    profile = report.issuer
    tables = report_tables(report, wareki=wareki)
    return ReportData(
        title=text(report.title(wareki=wareki)),
        scope=text(report.scope()),
        tables=shown_tables(tables, text),
        table_keys=[str(name) for name, _h, _r in tables],
        monthly=[
            (text(_r(QT_TRANSLATE_NOOP("report", "{month}月"), month=m.month)), m.meetings)
            for m in report.by_month
        ],
        scope_line=text(_r(SCOPE_LINE, scope=report.scope())),
        chart_title=text(_r(CHART_TITLE)),
        issuer_heading=text(_r(ISSUER_HEADING)),
        issuer_labels={str(label): text(_r(label)) for label in ISSUER_LABELS},
        footer=" ".join(p for p in (profile.name, profile.department) if p),
        issuer=issuer_of(profile),
        appendix=list(appendix),
    )
