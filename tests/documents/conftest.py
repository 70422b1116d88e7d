"""Fixtures for flyer tests: Fussa's set-up (one tier-1 and three tier-2 coordinators)."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from PIL import Image, ImageDraw

from coordinator_app.domain.enums import AreaKind, OrgKind
from coordinator_app.domain.models import Area, Assignment, Coordinator, Organisation
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile

TODAY = date(2024, 6, 1)


def portrait(width: int = 900, height: int = 1200, *, fmt: str = "JPEG", hue: int = 0) -> bytes:
    """A synthetic head-and-shoulders picture."""
    mode = "RGBA" if fmt == "PNG" else "RGB"
    image = Image.new(mode, (width, height), (190, 210, 230))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.33, height * 0.2, width * 0.67, height * 0.5), fill=(240, 200, 170))
    draw.ellipse(
        (width * 0.15, height * 0.55, width * 0.85, height * 1.2), fill=(60 + hue, 90, 140)
    )
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def camera_photo() -> bytes:
    """A 2400 x 3200 JPEG of grain, about 4.6 MB: as hard to compress as a phone photo."""
    grain = Image.effect_noise((2400, 3200), 80)
    image = Image.blend(
        Image.new("RGB", grain.size, (180, 200, 220)), Image.merge("RGB", [grain] * 3), 0.5
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def logo_png() -> bytes:
    image = Image.new("RGBA", (400, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((5, 5, 115, 115), fill=(30, 120, 80, 255))
    draw.rectangle((130, 40, 390, 80), fill=(30, 120, 80, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@dataclass
class Fussa:
    city: Area
    areas: list[Area]
    hall: Organisation
    centres: list[Organisation]
    tier1: Coordinator
    tier2: list[Coordinator]

    @property
    def everyone(self) -> list[uuid.UUID]:
        return [self.tier1.id, *(c.id for c in self.tier2)]


PROFILE = MunicipalityProfile(
    name="福生市",
    department="福祉保健部 介護福祉課 高齢者支援係",
    address="〒197-8501 東京都福生市本町5番地",
    phone="042-551-1511",
    email="kaigo@city.fussa.example.jp",
    website="https://www.city.fussa.tokyo.jp/",
)


@pytest.fixture
def fussa(services: Services) -> Fussa:
    return make_fussa(services)


def make_fussa(services: Services) -> Fussa:
    """Store Fussa's municipality profile, areas, employers and four coordinators."""
    profile = MunicipalityProfile(**{**PROFILE.__dict__, "logo": logo_png()})
    services.settings.save_municipality(profile)
    city = services.areas.save(Area(name="福生市", kana="ふっさし", kind=AreaKind.MUNICIPALITY))
    areas = [
        services.areas.save(
            Area(name=name, kana=kana, kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id)
        )
        for name, kana in (("北部圏域", "ほくぶ"), ("中部圏域", "ちゅうぶ"), ("南部圏域", "なんぶ"))
    ]
    hall = services.organisations.save(
        Organisation(
            name="福生市役所 介護福祉課",
            kana="ふっさしやくしょ",
            kind=OrgKind.GOVERNMENT,
            address="〒197-8501 東京都福生市本町5番地",
            phone="042-551-1511",
        )
    )
    centres = [
        services.organisations.save(
            Organisation(
                name=f"福生市地域包括支援センター{suffix}",
                kana=f"ふっさしちいきほうかつしえんせんたー{suffix}",
                kind=OrgKind.SUPPORT_CENTER,
                address=f"〒197-0011 東京都福生市福生{i}丁目{i + 2}番{i + 5}号",
                phone=f"042-530-100{i}",
                email=f"houkatsu{i}@example.jp",
            )
        )
        for i, suffix in enumerate(("きた", "なか", "みなみ"), start=1)
    ]
    tier1 = services.coordinators.save(
        Coordinator(
            name="佐藤 一郎",
            kana="さとう いちろう",
            office_hours="平日 8:30〜17:15",
            message="地域の皆さんの「やってみたい」を応援します。",
            photo=portrait(),
        )
    )
    services.assignments.save(
        Assignment(
            coordinator_id=tier1.id,
            tier=1,
            area_id=city.id,
            organisation_id=hall.id,
            start_date=date(2022, 4, 1),
        )
    )
    tier2 = []
    for i, (name, kana) in enumerate(
        (
            ("田中 花子", "たなか はなこ"),
            ("高橋 美和", "たかはし みわ"),
            ("渡辺 健太", "わたなべ けんた"),
        )
    ):
        person = services.coordinators.save(
            Coordinator(
                name=name,
                kana=kana,
                phone=f"042-530-200{i + 1}",
                email=f"sc{i + 1}@example.jp",
                office_hours="平日 9:00〜17:00",
                photo=portrait(hue=30 * i, fmt="PNG" if i == 1 else "JPEG"),
            )
        )
        services.assignments.save(
            Assignment(
                coordinator_id=person.id,
                tier=2,
                area_id=areas[i].id,
                organisation_id=centres[i].id,
                concurrent=True,
                start_date=date(2022, 4, 1),
            )
        )
        tier2.append(person)
    return Fussa(city, areas, hall, centres, tier1, tier2)
