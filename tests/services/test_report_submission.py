"""The activity report can be submitted: meetings by kind, each project's progress
entries of the year, the issuer from the municipality profile, every 年度 with
activity, and 全域 or the area's own name as the scope."""

from __future__ import annotations

import io
import re
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from coordinator_app.documents.render.report import ReportRenderer
from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import Meeting, ProgressEntry
from coordinator_app.services.registry import Services
from coordinator_app.services.report_export import report_data, report_tables, report_to_xlsx
from coordinator_app.services.reports import MeetingRow, ProgressRow
from coordinator_app.services.settings import MunicipalityProfile
from tests.conftest import Factory

PROFILE = MunicipalityProfile(
    name="福生市",
    department="福祉保健部 介護福祉課",
    address="〒197-8501 東京都福生市本町5番地",
    phone="042-551-1511",
    fax="042-553-0000",
    email="kaigo@example.jp",
    website="https://www.city.fussa.tokyo.jp/",
    reception_hours="平日 8:30〜17:15",
)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _enter(services: Services, make: Factory) -> None:
    services.settings.save_municipality(PROFILE)
    council = make.council()
    project = make.project(title="通いの場づくり")
    for kind, title, day, venue, on_site, online in (
        (MeetingKind.COURSE, "担い手養成講座 第1回", date(2024, 5, 10), "福生市民会館", 18, 6),
        (MeetingKind.COUNCIL, "第1層協議体 第1回", date(2024, 6, 3), "市役所 第2会議室", 12, None),
        (MeetingKind.COURSE, "担い手養成講座 第2回", date(2024, 4, 20), "福生市民会館", None, None),
        (MeetingKind.COUNCIL, "前年度の協議体", date(2024, 3, 1), "市役所", 9, None),
    ):
        services.meetings.save(
            Meeting(
                kind=kind,
                title=title,
                held_on=day,
                venue=venue,
                mode=MeetingMode.ON_SITE,
                participants_on_site=on_site,
                participants_online=online,
                council_id=council.id if kind == MeetingKind.COUNCIL else None,
            )
        )
    for day, text in (
        (date(2022, 9, 1), "前々年度の記録(2022年度は進捗だけ)"),
        (date(2024, 4, 15), "会場の候補を見学した。"),
        (date(2024, 7, 1), "第1回の参加者に声をかけた。"),
    ):
        services.progress.save(
            ProgressEntry(project_id=project.id, entry_date=day, text=text, author="田中")
        )


def test_report_lists_meetings_by_kind_progress_and_the_issuer(
    services: Services, make: Factory
) -> None:
    _enter(services, make)
    report = services.reports.activity_report(2024)
    assert report.meetings == [
        MeetingRow(
            date(2024, 6, 3), MeetingKind.COUNCIL, "第1層協議体 第1回", "市役所 第2会議室", 12
        ),
        MeetingRow(
            date(2024, 4, 20), MeetingKind.COURSE, "担い手養成講座 第2回", "福生市民会館", None
        ),
        MeetingRow(
            date(2024, 5, 10), MeetingKind.COURSE, "担い手養成講座 第1回", "福生市民会館", 24
        ),
    ]
    assert report.progress == [
        ProgressRow("通いの場づくり", date(2024, 4, 15), "会場の候補を見学した。", "田中"),
        ProgressRow("通いの場づくり", date(2024, 7, 1), "第1回の参加者に声をかけた。", "田中"),
    ]
    assert report.scope() == "福生市全域"
    tables = {name: rows for name, _headers, rows in report_tables(report, wareki=True)}
    assert tables["会議一覧"][1] == [
        "講座",
        "令和6年4月20日(土)",
        "担い手養成講座 第2回",
        "福生市民会館",
        "",
    ]
    summary = dict(tables["概要"])
    assert summary["発行"] == "福生市 福祉保健部 介護福祉課"
    assert (summary["FAX"], summary["ウェブ"], summary["受付時間"]) == (
        "042-553-0000",
        "https://www.city.fussa.tokyo.jp/",
        "平日 8:30〜17:15",
    )


def test_exports_carry_the_lists_and_the_issuer(services: Services, make: Factory) -> None:
    _enter(services, make)
    report = services.reports.activity_report(2024)
    book = load_workbook(io.BytesIO(report_to_xlsx(report)))
    meetings = list(book["会議一覧"].iter_rows(min_row=4, values_only=True))
    assert [row[2] for row in meetings] == [
        "第1層協議体 第1回",
        "担い手養成講座 第2回",
        "担い手養成講座 第1回",
    ]
    progress = list(book["進捗状況"].iter_rows(min_row=4, values_only=True))
    assert [row[2] for row in progress] == ["会場の候補を見学した。", "第1回の参加者に声をかけた。"]
    assert book["概要"]["A2"].value == "対象: 福生市全域"
    text = squash(
        "".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(ReportRenderer().render(report_data(report)).pdf)).pages
        )
    )
    for expected in (
        "対象:福生市全域",
        "担い手養成講座第2回",
        "市役所第2会議室",
        "第1回の参加者に声をかけた。",
        "発行元",
        "電話042-551-1511FAX042-553-0000",
        "ウェブhttps://www.city.fussa.tokyo.jp/",
        "受付時間平日8:30〜17:15",
    ):
        assert expected in text, expected


def test_years_offer_the_current_one_and_every_year_with_any_activity(
    services: Services, make: Factory
) -> None:
    _enter(services, make)
    assert services.reports.available_years(today=date(2026, 5, 1)) == [2026, 2024, 2023, 2022]
    only_progress = services.reports.activity_report(2022)
    assert only_progress.meetings == [] and len(only_progress.progress) == 1


def test_scope_is_the_areas_own_name(services: Services, make: Factory) -> None:
    city = make.city("世田谷区")
    ward = make.area("喜多見", parent=city)
    assert services.reports.activity_report(2024, area_id=ward.id).scope() == "喜多見"
    assert services.reports.activity_report(2024).scope() == "全域"  # no profile yet


def test_the_chosen_areas_statistics_print_in_the_summary(
    services: Services, make: Factory
) -> None:
    city = make.city("倉敷市")
    city.population, city.households, city.aging_rate = 478570, 218097, 27.8
    city.stats_as_of = date(2022, 9, 30)
    services.areas.save(city)
    ward = make.area("水島", parent=city)
    report = services.reports.activity_report(2022, area_id=city.id)
    expected = "人口 478,570人・世帯数 218,097・高齢化率 27.8%(2022年9月30日現在)"
    summary = dict(report_tables(report)[0][2])
    assert summary["地域の統計"] == expected
    assert "令和4年9月30日現在" in dict(report_tables(report, wareki=True)[0][2])["地域の統計"]
    text = "".join(
        "".join(page.extract_text().split())
        for page in PdfReader(io.BytesIO(ReportRenderer().render(report_data(report)).pdf)).pages
    )
    assert "".join(expected.split()) in text
    # An area without figures (and the whole municipality) prints no such row.
    assert "地域の統計" not in dict(
        report_tables(services.reports.activity_report(2022, area_id=ward.id))[0][2]
    )
    assert "地域の統計" not in dict(report_tables(services.reports.activity_report(2022))[0][2])
