"""The team flyer prints every field of every card and the お問い合わせ box.

Fussa's team as the coordinators entered it: four coordinators, one named
𠮷田 (U+20BB7, not in IPAexGothic), one with an e-mail, a two-line office
name and 受付時間, and a municipality profile with FAX, ウェブ and 受付時間.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from coordinator_app.documents.data.flyer import FlyerCoordinator, TeamFlyerData
from coordinator_app.documents.design.flyer import DESIGNS, FlyerDesign
from coordinator_app.documents.design.fonts import register_fonts
from coordinator_app.documents.render.flyer import FlyerRenderer
from coordinator_app.documents.render.team import DENSITIES, TeamPages
from coordinator_app.domain.models import Assignment, Coordinator
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.services.registry import Services
from tests.documents.conftest import TODAY, Fussa

YOSHIDA = "\U00020bb7田 美和"
LONG_OFFICE = "福生市地域包括支援センターきた 生活支援体制整備事業担当(福生市社会福祉協議会受託)"
RECEPTION = "平日 8:30〜17:15(土日祝日・年末年始を除く)"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> str:
    return squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def team(services: Services, fussa: Fussa) -> TeamFlyerData:
    profile = services.settings.municipality()
    profile.fax = "042-553-0000"
    profile.reception_hours = RECEPTION
    services.settings.save_municipality(profile)
    yoshida = services.coordinators.get(fussa.tier2[1].id)
    yoshida.name, yoshida.kana = YOSHIDA, "よしだ みわ"
    services.coordinators.save(yoshida)
    office = services.organisations.get(fussa.centres[0].id)
    office.name = LONG_OFFICE
    services.organisations.save(office)
    return FlyerDataBuilder(services, today=TODAY).team()


def card_values(person: FlyerCoordinator) -> list[str]:
    return [
        *person.posts,
        person.kana,
        person.name,
        person.organisation,
        person.phone,
        person.email,
        person.address,
        person.office_hours,
    ]


def test_the_team_data_holds_every_field(team: TeamFlyerData) -> None:
    tanaka = next(m for m in team.members if m.name == "田中 花子")
    assert (tanaka.email, tanaka.organisation, tanaka.office_hours) == (
        "sc1@example.jp",
        LONG_OFFICE,
        "平日 9:00〜17:00",
    )
    assert [m.name for m in team.members] == ["佐藤 一郎", "田中 花子", YOSHIDA, "渡辺 健太"]
    issuer = team.issuer
    assert (issuer.fax, issuer.reception_hours, issuer.website) == (
        "042-553-0000",
        RECEPTION,
        "https://www.city.fussa.tokyo.jp/",
    )
    assert TeamPages(FlyerDesign()).inquiry_lines(issuer) == [
        ("issuer.department", "福生市 福祉保健部 介護福祉課 高齢者支援係", True),
        ("issuer.address", "〒197-8501 東京都福生市本町5番地", False),
        ("issuer.phone", "電話 042-551-1511  FAX 042-553-0000", True),
        (
            "issuer.email",
            "メール kaigo@city.fussa.example.jp  ウェブ https://www.city.fussa.tokyo.jp/",
            False,
        ),
        ("issuer.reception_hours", f"受付時間 {RECEPTION}", False),
    ]


@pytest.mark.parametrize("design", list(DESIGNS))
def test_fussa_team_prints_every_field_of_every_card_and_the_inquiry_box(
    team: TeamFlyerData, design: str
) -> None:
    rendered = FlyerRenderer(DESIGNS[design]()).render_team(team)
    assert rendered.warnings == ()
    assert rendered.pages == 1
    text = pdf_text(rendered.pdf)
    for member in team.members:
        for value in card_values(member):
            assert squash(value) in text, (member.name, value)
    assert text.count("受付時間") == 5  # four cards and the お問い合わせ box
    for _field, line, _bold in TeamPages(FlyerDesign()).inquiry_lines(team.issuer):
        assert squash(line) in text
    assert squash(YOSHIDA) in text


def test_yoshida_prints_in_the_fallback_font(team: TeamFlyerData) -> None:
    rendered = FlyerRenderer().render_team(team)
    reader = PdfReader(io.BytesIO(rendered.pdf))
    fonts = {
        str(ref.get_object()["/BaseFont"]).split("+")[-1]
        for ref in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert fonts == {"IPAexGothic", "MJFallbackMincho"}


def test_full_cards_shrink_before_they_continue_on_a_second_page(team: TeamFlyerData) -> None:
    pages = TeamPages(FlyerDesign())
    font = register_fonts()
    tanaka = team.members[1]
    heights = [pages.card_height(tanaka, d, font) for d in DENSITIES]
    assert heights == sorted(heights, reverse=True) and heights[0] > heights[-1]
    # Eight full cards: more than the first page holds at any density, so the
    # smallest is used and the rest continue; each card is on exactly one page.
    crowd = dataclasses.replace(team, members=tuple([tanaka] * 8))
    density, plan = pages.plan(crowd.members, font)
    assert density == DENSITIES[-1]
    assert len(plan) == 2
    assert sum(len(row) for page in plan for row, _h in page) == 8
    rendered = FlyerRenderer().render_team(crowd)
    assert rendered.pages == 2 and rendered.warnings == ()
    texts = [squash(p.extract_text()) for p in PdfReader(io.BytesIO(rendered.pdf)).pages]
    assert sum(t.count(squash(tanaka.office_hours)) for t in texts) == 8


def test_a_value_too_long_for_two_lines_is_named_not_dropped(team: TeamFlyerData) -> None:
    tanaka = dataclasses.replace(team.members[1], office_hours="平日 9:00〜17:00 " * 12)
    rendered = FlyerRenderer().render_team(dataclasses.replace(team, members=(tanaka,)))
    assert [(w.field, w.owner) for w in rendered.warnings] == [("office_hours", "田中 花子")]
    assert "「相談受付時間」が枠に収まりません" in rendered.warnings[0].message
    assert "平日9:00〜17:00" in pdf_text(rendered.pdf)


def test_many_coordinators_continue_on_more_pages_with_every_field(
    services: Services, fussa: Fussa
) -> None:
    for i in range(10):
        person = services.coordinators.save(
            Coordinator(
                name=f"支援 {i}郎",
                kana=f"しえん {i}ろう",
                phone=f"042-000-00{i:02d}",
                email=f"extra{i}@example.jp",
                office_hours=f"月・水 {i}時〜",
            )
        )
        services.assignments.save(
            Assignment(
                coordinator_id=person.id,
                tier=2,
                area_id=fussa.areas[0].id,
                organisation_id=fussa.centres[0].id,
                start_date=date(2023, 4, 1),
            )
        )
    team = FlyerDataBuilder(services, today=TODAY).team()
    rendered = FlyerRenderer().render_team(team)
    assert rendered.pages >= 2 and rendered.warnings == ()
    text = pdf_text(rendered.pdf)
    for member in team.members:
        for value in card_values(member):
            assert squash(value) in text, (member.name, value)
