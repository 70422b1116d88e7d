"""Flyers show the served area's statistics (地域の統計) with their 基準日, only when entered."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from coordinator_app.documents.data.flyer import AreaFigures, Layout
from coordinator_app.documents.design.flyer import DESIGNS
from coordinator_app.documents.render.flyer import FlyerRenderer
from coordinator_app.domain.models import Area, Assignment
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.services.registry import Services
from tests.documents.conftest import TODAY, Fussa

NORTH = "北部圏域 人口 24,310人・世帯数 11,020・高齢化率 30.1%(2022年9月30日現在)"
CITY = "福生市 人口 56,414人・世帯数 30,120・高齢化率 27.8%(2022年9月30日現在)"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> str:
    return squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def _figures(services: Services, area: Area, population: int, households: int, rate: float) -> None:
    area.population, area.households, area.aging_rate = population, households, rate
    area.stats_as_of = date(2022, 9, 30)
    services.areas.save(area)


@pytest.fixture
def counted(services: Services, fussa: Fussa) -> Fussa:
    """Statistics for the city and the northern area; the other areas have none."""
    _figures(services, fussa.city, 56414, 30120, 27.8)
    _figures(services, fussa.areas[0], 24310, 11020, 30.1)
    return fussa


def test_flyer_data_carries_the_served_areas_statistics(services: Services, counted: Fussa) -> None:
    builder = FlyerDataBuilder(services, today=TODAY)
    north = builder.flyer(counted.tier2[0].id)
    assert north.area_figures == (
        AreaFigures(
            area="北部圏域",
            figures="人口 24,310人・世帯数 11,020・高齢化率 30.1%",
            as_of="2022年9月30日",
        ),
    )
    assert north.area_figures[0].text == NORTH
    assert builder.flyer(counted.tier1.id).area_figures[0].text == CITY
    # 中部圏域 has no statistics: nothing is printed for it.
    assert builder.flyer(counted.tier2[1].id).area_figures == ()
    wareki = FlyerDataBuilder(services, today=TODAY, wareki=True).flyer(counted.tier2[0].id)
    assert wareki.area_figures[0].as_of == "令和4年9月30日"


def test_team_data_carries_the_area_or_the_municipality(services: Services, counted: Fussa) -> None:
    builder = FlyerDataBuilder(services, today=TODAY)
    assert [f.text for f in builder.team(counted.areas[0].id).area_figures] == [NORTH]
    assert [f.text for f in builder.team(None).area_figures] == [CITY]
    assert builder.team(counted.areas[2].id).area_figures == ()


@pytest.mark.parametrize("design", list(DESIGNS))
@pytest.mark.parametrize("layout", [Layout.A4, Layout.A5, Layout.A5_TWO_UP])
def test_flyer_prints_the_statistics_and_their_date(
    services: Services, counted: Fussa, design: str, layout: Layout
) -> None:
    builder = FlyerDataBuilder(services, today=TODAY)
    rendered = FlyerRenderer(DESIGNS[design]()).render([builder.flyer(counted.tier2[0].id)], layout)
    text = pdf_text(rendered.pdf)
    assert "地域の統計" in text
    assert squash(NORTH) in text
    # The profile gave up room, but nothing of the coordinator was shortened.
    assert rendered.warnings == ()


def test_flyer_without_statistics_prints_no_box(services: Services, counted: Fussa) -> None:
    builder = FlyerDataBuilder(services, today=TODAY)
    text = pdf_text(FlyerRenderer().render([builder.flyer(counted.tier2[1].id)], Layout.A5).pdf)
    assert "地域の統計" not in text and "人口" not in text


def test_two_served_areas_print_one_line_each(services: Services, counted: Fussa) -> None:
    _figures(services, counted.areas[1], 18000, 8100, 25.5)
    services.assignments.save(
        Assignment(
            coordinator_id=counted.tier2[0].id,
            tier=2,
            area_id=counted.areas[1].id,
            organisation_id=counted.centres[1].id,
            start_date=date(2023, 4, 1),
        )
    )
    data = FlyerDataBuilder(services, today=TODAY).flyer(counted.tier2[0].id)
    assert [f.area for f in data.area_figures] == ["北部圏域", "中部圏域"]
    rendered = FlyerRenderer().render([data], Layout.A5)
    text = pdf_text(rendered.pdf)
    assert squash(NORTH) in text
    assert squash("中部圏域 人口 18,000人・世帯数 8,100・高齢化率 25.5%(2022年9月30日現在)") in text
    assert rendered.warnings == ()


@pytest.mark.parametrize("design", list(DESIGNS))
def test_team_flyer_prints_the_area_statistics(
    services: Services, counted: Fussa, design: str
) -> None:
    builder = FlyerDataBuilder(services, today=TODAY)
    renderer = FlyerRenderer(DESIGNS[design]())
    north = renderer.render_team(builder.team(counted.areas[0].id))
    assert squash(f"地域の統計{NORTH}") in pdf_text(north.pdf)
    assert north.pages == 1 and north.warnings == ()
    city = pdf_text(renderer.render_team(builder.team(None)).pdf)
    assert squash(CITY) in city
    south = pdf_text(renderer.render_team(builder.team(counted.areas[2].id)).pdf)
    assert "地域の統計" not in south and "人口" not in south
