"""実績報告: gathering places per area and kind, begun and ended in the year."""

from __future__ import annotations

from datetime import date

from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.domain.models import GatheringPlace
from coordinator_app.services.registry import Services
from coordinator_app.services.report_export import report_tables
from tests.conftest import Factory


def test_places_per_area_and_kind_in_the_year(services: Services, make: Factory) -> None:
    city = make.city("倉敷市")
    kojima = make.area("児島", parent=city)
    kojima.kana = "こじま"
    services.areas.save(kojima)
    tamashima = make.area("玉島", parent=city)
    tamashima.kana = "たましま"
    services.areas.save(tamashima)

    def place(name: str, area: object, kind: str = "サロン", **kw: object) -> None:
        services.gathering_places.save(
            GatheringPlace(name=name, kind=kind, area_id=area.id, **kw)  # type: ignore[attr-defined, arg-type]
        )

    place("ひだまり", kojima, started_on=date(2020, 5, 1))
    place("新しい会", kojima, started_on=date(2024, 6, 1))  # begun in 2024年度
    place("体操の会", kojima, "体操教室", started_on=date(2019, 4, 1))
    place(
        "閉じた会",
        tamashima,
        started_on=date(2018, 1, 1),
        status=GatheringPlaceStatus.ENDED,
        status_since=date(2025, 2, 1),  # ended in 2024年度: it ran in the year
    )
    place(
        "昔の会",
        tamashima,
        started_on=date(2015, 1, 1),
        status=GatheringPlaceStatus.ENDED,
        status_since=date(2023, 3, 1),  # ended before the year: not counted
    )
    place("来年の会", tamashima, started_on=date(2025, 4, 1))  # begins after the year

    report = services.reports.activity_report(2024)
    assert [(p.area, p.kind, p.places, p.new, p.ended) for p in report.gathering_places] == [
        ("児島", "サロン", 2, 1, 0),
        ("児島", "体操教室", 1, 0, 0),
        ("玉島", "サロン", 1, 0, 1),
    ]
    sheets = {name: rows for name, _headers, rows in report_tables(report)}
    assert sheets["通いの場"][0] == ["児島", "サロン", 2, 1, 0]

    only = services.reports.activity_report(2024, area_id=tamashima.id)
    assert [(p.area, p.places) for p in only.gathering_places] == [("玉島", 1)]
