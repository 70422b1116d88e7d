"""実績報告 window: figures checked against SQL, the chart, and the .xlsx and PDF exports."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.reports.month_chart import MonthChart, _PaintedBars
from coordinator_app.ui.reports.report_window import ActivityReportWindow
from coordinator_app.ui.settings import AppSettings
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_project_tabs import enter_setagaya, sql


@pytest.fixture
def file_prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def file_ctx(services: Services, file_prompts: FakePrompts, ui_settings: AppSettings) -> UiContext:
    return UiContext.create(services=services, prompts=file_prompts, settings=ui_settings)


def _window(qtbot: QtBot, ctx: UiContext, year: int = 2017) -> ActivityReportWindow:
    window = ActivityReportWindow(ctx, year=year)
    qtbot.addWidget(window)
    return window


def test_xlsx_export_has_the_sheets_and_the_figures(
    qtbot: QtBot,
    file_ctx: UiContext,
    file_prompts: FakePrompts,
    db: Database,
    services: Services,
    tmp_path: Path,
) -> None:
    enter_setagaya(services)
    window = _window(qtbot, file_ctx)
    file_prompts.save_files.append(tmp_path / "report")  # the suffix is added
    qtbot.mouseClick(window.xlsx_button, Qt.MouseButton.LeftButton)
    assert file_prompts.suggested == ["実績報告_2017年度.xlsx"]
    saved = tmp_path / "report.xlsx"
    assert window.status_label.text() == f"保存しました: {saved}"

    book = load_workbook(io.BytesIO(saved.read_bytes()))
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
    summary = {row[0]: row[1] for row in book["概要"].iter_rows(min_row=4, values_only=True)}
    meetings = sql(
        db,
        "SELECT COUNT(*) FROM meeting WHERE deleted_at IS NULL"
        " AND held_on BETWEEN '2017-04-01' AND '2018-03-31'",
    )[0][0]
    assert summary["年度"] == "2017年度"
    assert summary["対象"] == "全域"  # no municipality profile entered
    assert summary["会議の開催数"] == meetings == 3
    months = {row[0]: row[1] for row in book["月別"].iter_rows(min_row=4, values_only=True)}
    by_month = dict(
        sql(
            db,
            "SELECT strftime('%Y年', held_on) || CAST(strftime('%m', held_on) AS INTEGER) || '月',"
            " COUNT(*) FROM meeting WHERE deleted_at IS NULL GROUP BY strftime('%Y-%m', held_on)",
        )
    )
    assert {k: v for k, v in months.items() if v} == by_month == {"2017年9月": 1, "2017年11月": 2}
    assert len(months) == 12
    kinds = list(book["種類別"].iter_rows(min_row=4, values_only=True))
    assert kinds[0][:2] == ("講座", 2) and kinds[-1][:2] == ("合計", 3)
    statuses = {
        row[0]: row[1] for row in book["プロジェクト"].iter_rows(min_row=4, values_only=True)
    }
    assert statuses == {"未着手": 0, "進行中": 0, "完了": 1, "中止": 0}
    assert book["概要"]["A1"].value == "2017年度 生活支援体制整備事業 実績報告(概要)"


def test_pdf_export_in_wareki(
    qtbot: QtBot,
    file_ctx: UiContext,
    file_prompts: FakePrompts,
    services: Services,
    tmp_path: Path,
) -> None:
    enter_setagaya(services)
    file_ctx.dates.wareki = True
    window = _window(qtbot, file_ctx)
    assert window.year_combo.currentText() == "平成29年度"
    file_prompts.save_files.append(tmp_path / "報告.pdf")
    assert window.export_pdf() == tmp_path / "報告.pdf"
    reader = PdfReader(tmp_path / "報告.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "平成29年度 生活支援体制整備事業 実績報告" in text
    assert "講座" in text and "月別" in text


def test_cancelled_export_writes_nothing(
    qtbot: QtBot, file_ctx: UiContext, file_prompts: FakePrompts, services: Services
) -> None:
    enter_setagaya(services)
    window = _window(qtbot, file_ctx)
    assert window.export_xlsx() is None
    assert window.export_pdf() is None
    assert window.status_label.text() == ""


def test_report_follows_new_meetings(qtbot: QtBot, ctx: UiContext, services: Services) -> None:
    seed = enter_setagaya(services)
    window = _window(qtbot, ctx)
    window.show()
    services.meetings.soft_delete(seed.meetings[0].id)
    assert window.figures["会議の開催数"].text() == "2"
    assert window.chart.values[5] == 0
    # A hidden window catches up when it is shown again.
    window.hide()
    services.meetings.soft_delete(seed.meetings[1].id)
    assert window.figures["会議の開催数"].text() == "2"
    window.show()
    assert window.figures["会議の開催数"].text() == "1"


def test_the_chart_draws_with_qtcharts_and_without(qtbot: QtBot) -> None:
    chart = MonthChart()
    qtbot.addWidget(chart)
    chart.set_data(title="月別の会議開催数", labels=["4月", "5月"], values=[3, 0])
    assert chart.uses_qtcharts
    assert not chart.grab().isNull()
    painted = _PaintedBars()
    qtbot.addWidget(painted)
    painted.resize(400, 260)
    painted.show_bars("月別の会議開催数", ["4月", "5月"], [3, 0])
    image = painted.grab().toImage()
    bar = image.pixelColor(int(36 + (400 - 48) / 2 * 0.5), 200)
    assert bar.name() == "#2f6f9f"


def test_window_offers_every_year_with_activity_and_lists_meetings_and_progress(
    qtbot: QtBot, file_ctx: UiContext, file_prompts: FakePrompts, services: Services, tmp_path: Path
) -> None:
    from tests.conftest import Factory
    from tests.services.test_report_submission import _enter

    _enter(services, Factory(services))
    window = _window(qtbot, file_ctx, year=2024)
    years = [window.year_combo.itemData(i) for i in range(window.year_combo.count())]
    assert 2022 in years and 2024 in years  # 2022年度 has only progress entries
    assert window.area_combo.itemText(0) == "全域(地域を限定しない)"
    assert window.scope_label.text() == "対象: 福生市全域"
    meetings = window.tables["会議一覧"].model()
    assert meetings.rowCount() == 3
    progress = window.tables["進捗状況"].model()
    assert progress.index(0, 2).data() == "会場の候補を見学した。"
    file_prompts.save_files.append(tmp_path / "report.pdf")
    assert window.export_pdf() == tmp_path / "report.pdf"
    assert file_prompts.saved == [(tmp_path / "report.pdf", "")]


def test_a_failing_export_is_reported_to_the_user(
    qtbot: QtBot,
    file_ctx: UiContext,
    file_prompts: FakePrompts,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from coordinator_app.documents.render.report import ReportRenderer

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise RuntimeError("disk font unreadable")

    monkeypatch.setattr(ReportRenderer, "render", broken)
    window = _window(qtbot, file_ctx)
    file_prompts.save_files.append(tmp_path / "r.pdf")
    assert window.export_pdf() is None
    assert not (tmp_path / "r.pdf").exists()
    assert "実績報告を作成できませんでした" in file_prompts.warnings[-1]


def test_window_shows_a_councils_local_tier_name(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    from tests.services.test_report_tiers_areas import _kurashiki

    _kurashiki(services, make)
    window = _window(qtbot, ctx, year=2024)
    model = window.tables["協議体"].model()
    shown = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert shown == {"高齢者活躍推進地域づくりネットワーク会議": "1.5層", "第2層協議体": "第2層"}


def test_pdf_appends_the_project_pages_of_the_year_when_asked(
    qtbot: QtBot,
    file_ctx: UiContext,
    file_prompts: FakePrompts,
    services: Services,
    tmp_path: Path,
) -> None:
    from coordinator_app.domain.models import ProgressEntry
    from tests.setagaya import ENTRIES, NARRATIVE, TITLE, make_setagaya

    setagaya = make_setagaya(services)
    unreviewed = services.progress.save_by(
        ProgressEntry(
            project_id=setagaya.project.id, entry_date=date(2017, 12, 5), text="未確認の下書きメモ"
        ),
        setagaya.coordinator,
    )
    next_year = services.progress.save_by(
        ProgressEntry(
            project_id=setagaya.project.id, entry_date=date(2018, 5, 1), text="翌年度の振り返り"
        ),
        setagaya.coordinator,
    )
    services.reviews.mark_reviewed([next_year.id], setagaya.supervisor, "")
    window = _window(qtbot, file_ctx, year=2017)

    def pdf_pages(name: str) -> list[str]:
        file_prompts.save_files.append(tmp_path / name)
        assert window.export_pdf() == tmp_path / name
        return ["".join(page.extract_text().split()) for page in PdfReader(tmp_path / name).pages]

    report = pdf_pages("報告.pdf")
    assert "伴走支援" in "".join(report)  # the report lists the project's entries…
    assert "".join(NARRATIVE.split())[:20] not in "".join(report)  # …but not its page

    window.append_pages_check.setChecked(True)
    pages = pdf_pages("報告と紹介ページ.pdf")
    assert pages[: len(report)] == report  # the report first, unchanged
    appended = "".join(pages[len(report) :])
    assert "".join(TITLE.split()) in appended
    assert "".join(NARRATIVE.split())[:20] in appended
    for _day, text in ENTRIES:
        assert "".join(text.split())[:20] in appended
    assert "未確認の下書きメモ" not in appended  # unreviewed entries stay out
    assert "翌年度の振り返り" not in appended  # entries of another 年度 stay out
    assert "未確認の下書きメモ" in "".join(report)  # (the report itself lists every entry)
    assert unreviewed.id != next_year.id
