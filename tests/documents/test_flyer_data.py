"""Flyer data built from the services: exact values, fallbacks, overrides, teams."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator_app.documents.data.flyer import (
    FlyerCoordinator,
    FlyerData,
    FlyerOverrides,
    Issuer,
    QrCode,
    QrContent,
)
from coordinator_app.domain.models import Assignment, Coordinator
from coordinator_app.services.flyer_data import FlyerDataBuilder, mecard
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import DEFAULT_CONSULT_TOPICS, DEFAULT_ROLE_EXPLANATION
from tests.documents.conftest import PROFILE, TODAY, Fussa

DEFAULT_TOPICS = tuple(DEFAULT_CONSULT_TOPICS.splitlines())


def test_tier2_flyer_data_is_exact(services: Services, fussa: Fussa) -> None:
    person = fussa.tier2[0]
    data = FlyerDataBuilder(services, today=TODAY).flyer(person.id)
    issuer = Issuer(
        name=PROFILE.name,
        department=PROFILE.department,
        address=PROFILE.address,
        phone=PROFILE.phone,
        email=PROFILE.email,
        website=PROFILE.website,
        logo=data.issuer.logo,
    )
    assert data.issuer.logo and data.issuer.logo.startswith(b"\x89PNG")
    assert data == FlyerData(
        coordinator=FlyerCoordinator(
            coordinator_id=person.id,
            name="田中 花子",
            kana="たなか はなこ",
            photo=person.photo,
            posts=("第2層 北部圏域(兼務)",),
            organisation="福生市地域包括支援センターきた",
            phone="042-530-2001",
            email="sc1@example.jp",
            address="〒197-0011 東京都福生市福生1丁目3番6号",
            office_hours="平日 9:00〜17:00",
            message="",
        ),
        issuer=issuer,
        role_explanation=DEFAULT_ROLE_EXPLANATION,
        consult_topics=DEFAULT_TOPICS,
        qr=QrCode(payload="https://www.city.fussa.tokyo.jp/", caption="ホームページはこちら"),
    )


def test_contact_falls_back_to_employer_then_municipality(services: Services, fussa: Fussa) -> None:
    data = FlyerDataBuilder(services, today=TODAY).flyer(fussa.tier1.id)
    person = data.coordinator
    assert person.posts == ("第1層 福生市全域",)
    assert person.organisation == "福生市役所 介護福祉課"
    assert person.phone == "042-551-1511"  # the employer's
    assert person.email == PROFILE.email  # the employer has none: the municipality's
    assert person.address == "〒197-8501 東京都福生市本町5番地"


def test_consult_topics_coordinator_then_print_override(services: Services, fussa: Fussa) -> None:
    person = services.coordinators.get(fussa.tier2[1].id)
    person.consult_topics = "買い物に困っている\n\n  移動の手段がほしい  "
    services.coordinators.save(person)
    builder = FlyerDataBuilder(services, today=TODAY)
    assert builder.flyer(person.id).consult_topics == ("買い物に困っている", "移動の手段がほしい")
    assert builder.flyer(fussa.tier2[0].id).consult_topics == DEFAULT_TOPICS
    printed = builder.flyer(
        person.id, FlyerOverrides(consult_topics=("今回だけの項目", " "), message="今回の挨拶")
    )
    assert printed.consult_topics == ("今回だけの項目",)
    assert printed.coordinator.message == "今回の挨拶"
    # The override is for this print only: nothing was written.
    assert services.coordinators.get(person.id).message == ""


def test_ended_posts_are_not_printed_and_not_active(services: Services, fussa: Fussa) -> None:
    leaver = services.coordinators.save(Coordinator(name="前任 太郎", kana="ぜんにん たろう"))
    services.assignments.save(
        Assignment(
            coordinator_id=leaver.id,
            tier=2,
            area_id=fussa.areas[0].id,
            start_date=date(2019, 4, 1),
            end_date=date(2022, 3, 31),
        )
    )
    builder = FlyerDataBuilder(services, today=TODAY)
    assert builder.flyer(leaver.id).coordinator.posts == ()
    active = builder.active_coordinator_ids()
    assert leaver.id not in active
    # ふりがな順: さとう, たかはし, たなか, わたなべ
    assert active == [fussa.tier1.id, fussa.tier2[1].id, fussa.tier2[0].id, fussa.tier2[2].id]


def test_team_of_whole_city_and_of_one_area(services: Services, fussa: Fussa) -> None:
    builder = FlyerDataBuilder(services, today=TODAY)
    city = builder.team()
    assert city.area_name == "福生市全域"
    assert [m.name for m in city.members] == ["佐藤 一郎", "高橋 美和", "田中 花子", "渡辺 健太"]
    north = builder.team(fussa.areas[0].id)
    assert north.area_name == "北部圏域"
    assert north.subheading == "北部圏域を担当する生活支援コーディネーター"
    # The area's own coordinator and the tier-1 coordinator serving the whole city.
    assert [m.name for m in north.members] == ["佐藤 一郎", "田中 花子"]


@pytest.mark.parametrize(
    ("qr", "expected"),
    [
        (QrContent.AUTO, "https://www.city.fussa.tokyo.jp/"),
        (QrContent.WEBSITE, "https://www.city.fussa.tokyo.jp/"),
        (
            QrContent.CONTACT,
            "MECARD:N:田中,花子;SOUND:たなか,はなこ;TEL:042-530-2001;EMAIL:sc1@example.jp;"
            "ADR:〒197-0011 東京都福生市福生1丁目3番6号;NOTE:福生市地域包括支援センターきた;;",
        ),
        (QrContent.NONE, None),
    ],
)
def test_qr_content(services: Services, fussa: Fussa, qr: QrContent, expected: str | None) -> None:
    data = FlyerDataBuilder(services, today=TODAY, qr=qr).flyer(fussa.tier2[0].id)
    assert (data.qr.payload if data.qr else None) == expected


def test_qr_auto_without_website_holds_the_contact(services: Services, fussa: Fussa) -> None:
    profile = services.settings.municipality()
    profile.website = ""
    services.settings.save_municipality(profile)
    data = FlyerDataBuilder(services, today=TODAY).flyer(fussa.tier2[0].id)
    assert data.qr is not None and data.qr.payload.startswith("MECARD:N:田中,花子;")


def test_mecard_escapes_its_separators() -> None:
    person = FlyerCoordinator(coordinator_id=None, name="A;B", phone="1:2", organisation="x,y\\z")
    assert mecard(person) == r"MECARD:N:A\;B;TEL:1\:2;NOTE:x\,y\\z;;"
