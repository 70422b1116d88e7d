"""The activity report: local tier names (0層, 1.5層) and a meeting's own area."""

from __future__ import annotations

import io
import re
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from coordinator_app.documents.render.report import ReportRenderer
from coordinator_app.domain.enums import CouncilStatus, MeetingKind
from coordinator_app.domain.models import Assignment, Council
from coordinator_app.domain.tiers import LocalTier
from coordinator_app.services.registry import Services
from coordinator_app.services.report_export import report_data, report_to_xlsx
from tests.conftest import Factory


def _kurashiki(services: Services, make: Factory) -> tuple[object, object]:
    city = make.city("倉敷市")
    services.tiers.save_local_tiers([LocalTier("0層", 1), LocalTier("1.5層", 1)])
    network = services.councils.save(
        Council(
            name="高齢者活躍推進地域づくりネットワーク会議",
            tier=1,
            tier_label="1.5層",
            area_id=city.id,
            status=CouncilStatus.PREPARING,
        )
    )
    plain = services.councils.save(
        Council(
            name="第2層協議体",
            tier=2,
            area_id=make.area("水島地区", parent=city).id,  # type: ignore[arg-type]
            status=CouncilStatus.PREPARING,
        )
    )
    for council in (network, plain):
        make.meeting(
            kind=MeetingKind.COUNCIL,
            title=council.name,
            council_id=council.id,
            held_on=date(2024, 6, 1),
        )
    person = make.coordinator("倉敷 花子", "くらしき はなこ")
    services.assignments.save(
        Assignment(
            coordinator_id=person.id,
            tier=1,
            tier_label="0層",
            area_id=city.id,
            start_date=date(2023, 4, 1),
        )
    )
    return city, person


def test_report_prints_local_tier_names_in_window_tables_xlsx_and_pdf(
    services: Services, make: Factory
) -> None:
    _, person = _kurashiki(services, make)
    report = services.reports.activity_report(2024)
    tiers = {c.name: (c.tier, c.tier_label, c.tier_text) for c in report.councils}
    assert tiers == {
        "高齢者活躍推進地域づくりネットワーク会議": (1, "1.5層", "1.5層"),
        "第2層協議体": (2, "", "第2層"),
    }
    book = load_workbook(io.BytesIO(report_to_xlsx(report)))
    rows = {r[0]: r[1] for r in book["協議体"].iter_rows(min_row=4, values_only=True)}
    assert rows == {"高齢者活躍推進地域づくりネットワーク会議": "1.5層", "第2層協議体": "第2層"}
    pdf = ReportRenderer().render(report_data(report)).pdf
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "ネットワーク会議1.5層" in text and "第1層" not in text.replace("第1層協議体", "")

    mine = services.reports.activity_report(2024, coordinator_id=person.id)  # type: ignore[attr-defined]
    assert mine.scope() == "全域 / 倉敷 花子(0層)", "the coordinator's own tier name"


def test_area_filter_keeps_meetings_held_in_the_area_or_below(
    services: Services, make: Factory
) -> None:
    city = make.city("世田谷区")
    district = make.area("砧地域", parent=city)
    ward = make.area("喜多見", parent=district)
    other = make.area("北沢地域", parent=city)
    make.meeting(title="喜多見のサロン", area_id=ward.id, held_on=date(2024, 5, 1))
    make.meeting(title="砧の連絡会", area_id=district.id, held_on=date(2024, 5, 2))
    make.meeting(title="北沢の連絡会", area_id=other.id, held_on=date(2024, 5, 3))
    make.meeting(title="地域なし", held_on=date(2024, 5, 4))

    def titles(area_id: object) -> list[str]:
        report = services.reports.activity_report(2024, area_id=area_id)  # type: ignore[arg-type]
        return sorted(m.title for m in report.meetings)

    assert titles(district.id) == ["喜多見のサロン", "砧の連絡会"], "the area and the areas below"
    assert titles(ward.id) == ["喜多見のサロン"]
    assert titles(other.id) == ["北沢の連絡会"]
    assert services.reports.activity_report(2024, area_id=ward.id).total_meetings == 1
    assert len(services.reports.activity_report(2024).meetings) == 4
