"""The activity report exported to .xlsx and PDF."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from coordinator_app.documents.render.report import ReportRenderer
from coordinator_app.services.demo import load_demo
from coordinator_app.services.registry import Services
from coordinator_app.services.report_export import report_data, report_to_xlsx
from tests.conftest import Factory


def _sheet_rows(sheet) -> list[list[object]]:  # type: ignore[no-untyped-def]
    return [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]


def test_xlsx_sheets_and_figures_match_sql(services: Services) -> None:
    load_demo(services)
    report = services.reports.activity_report(2025)
    book = load_workbook(io.BytesIO(report_to_xlsx(report, wareki=True)))
    assert book.sheetnames == [
        "概要",
        "種類別",
        "月別",
        "協議体",
        "プロジェクト",
        "会議一覧",
        "進捗状況",
        "通いの場",
    ]
    assert book["概要"]["A1"].value == "令和7年度 生活支援体制整備事業 実績報告(概要)"
    with services.db.engine.connect() as conn:
        sql = lambda q: conn.execute(text(q)).scalar()  # noqa: E731
        total = sql(
            "SELECT count(*) FROM meeting WHERE deleted_at IS NULL "
            "AND held_on BETWEEN '2025-04-01' AND '2026-03-31'"
        )
        council = sql(
            "SELECT count(*) FROM meeting WHERE deleted_at IS NULL AND kind='council' "
            "AND held_on BETWEEN '2025-04-01' AND '2026-03-31'"
        )
        december = sql(
            "SELECT count(*) FROM meeting WHERE deleted_at IS NULL "
            "AND held_on BETWEEN '2025-12-01' AND '2025-12-31'"
        )
    summary = dict(r[:2] for r in _sheet_rows(book["概要"]))
    assert summary["会議の開催数"] == total
    kinds = {r[0]: r[1] for r in _sheet_rows(book["種類別"])}
    assert kinds["協議体"] == council
    assert kinds["合計"] == total
    months = {r[0]: r[1] for r in _sheet_rows(book["月別"])}
    assert months["2025年12月"] == december
    assert len(months) == 12
    sheet = book["種類別"]
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.fitToWidth == 1


def test_formula_like_names_stay_text(services: Services, make: Factory) -> None:
    council = make.council()
    council.name = '=HYPERLINK("http://x")'
    services.councils.save(council)
    make.meeting(council_id=council.id)
    book = load_workbook(io.BytesIO(report_to_xlsx(services.reports.activity_report(2022))))
    cell = book["協議体"]["A4"]
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"


def test_pdf_report(services: Services) -> None:
    load_demo(services)
    report = services.reports.activity_report(2025)
    rendered = ReportRenderer().render(report_data(report, wareki=True))
    reader = PdfReader(io.BytesIO(rendered.pdf))
    content = "".join(p.extract_text() for p in reader.pages)
    assert "令和7年度 生活支援体制整備事業 実績報告" in content
    assert "月別の会議開催数" in content
    assert f"{report.total_meetings}" in content
    fonts = {
        str(f.get_object()["/BaseFont"])
        for p in reader.pages
        for f in p["/Resources"]["/Font"].values()
    }
    assert fonts and all(name.endswith("+IPAexGothic") for name in fonts)
