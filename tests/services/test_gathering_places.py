"""通いの場: saving, filtering by area, kind, weekday and status; the list of kinds; search."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator_app.domain.gathering_places import DEFAULT_KINDS, GatheringPlaceStatus, Schedule
from coordinator_app.domain.models import GatheringPlace
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from tests.conftest import Factory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _place(**kw: object) -> GatheringPlace:
    values: dict[str, object] = {"name": "ひまわりサロン", "kind": "サロン"}
    values.update(kw)
    return GatheringPlace(**values)  # type: ignore[arg-type]


def test_a_place_is_stored_with_its_schedule_read(services: Services, make: Factory) -> None:
    area = make.area()
    org = make.organisation()
    stored = services.gathering_places.save(
        _place(
            kana="ヒマワリサロン",
            area_id=area.id,
            schedule_text="第２・第４木曜　10:00～11:30",
            fee="100円",
            capacity=20,
            usual_attendance=12,
            barrier_free=True,
            organisation_id=org.id,
            contact_phone="０４２－５５１－１５１１",
            photo=PNG,
        )
    )
    again = services.gathering_places.get(stored.id)
    assert again.schedule_text == "第２・第４木曜　10:00～11:30"
    assert again.schedule_label == "第2・第4木曜 10:00〜11:30"
    assert again.weekday_mask == 1 << 3
    assert again.sort_kana == "ひまわりさろん"
    assert again.contact_phone == "042-551-1511"
    assert again.photo == PNG
    assert again.status == GatheringPlaceStatus.ACTIVE
    row = services.gathering_places.list_rows().rows[0]
    assert row.extra == {"area_name": area.name, "organisation_name": org.name}


def test_an_unreadable_schedule_is_kept_as_typed(services: Services) -> None:
    stored = services.gathering_places.save(_place(schedule_text="毎週火曜 10時〜、雨の日はお休み"))
    assert stored.schedule_label == "毎週火曜 10:00、雨の日はお休み"
    assert stored.schedule_text == "毎週火曜 10時〜、雨の日はお休み"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"%PDF-1.4 not a photo", "画像ではない"), (PNG + b"\x00" * (5 * 1024 * 1024), "5MB")],
    ids=["not-an-image", "too-big"],
)
def test_a_photo_that_is_not_an_image_or_too_big_is_refused(
    services: Services, data: bytes, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.gathering_places.save(_place(photo=data))
    assert message in caught.value.errors["photo"]
    assert services.gathering_places.list().total == 0


def test_bad_fields_are_named_and_nothing_is_saved(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.gathering_places.save(
            _place(
                name=" ",
                kind="",
                capacity=-1,
                status=GatheringPlaceStatus.ENDED,
                started_on=date(2024, 4, 1),
                status_since=date(2023, 3, 31),
            )
        )
    assert set(caught.value.errors) == {"name", "kind", "capacity", "status_since"}
    assert services.gathering_places.list().total == 0


def test_filters_by_area_subtree_kind_weekday_and_status(services: Services, make: Factory) -> None:
    city = make.city()
    north = make.area("北部圏域", parent=city)
    school = make.area("第一小学校区", parent=north)
    south = make.area("南部圏域", parent=city)
    save = services.gathering_places.save
    a = save(_place(name="あおぞらサロン", area_id=school.id, schedule_text="毎週火曜"))
    b = save(
        _place(
            name="いきいき体操",
            kana="いきいきたいそう",
            kind="体操教室",
            area_id=north.id,
            schedule_text="月・木曜",
        )
    )
    c = save(
        _place(
            name="うみカフェ",
            kind="認知症カフェ",
            area_id=south.id,
            schedule_text="第1火曜",
            status=GatheringPlaceStatus.PAUSED,
        )
    )

    def names(**filters: object) -> list[str]:
        rows = services.gathering_places.list(ListQuery(filters=filters)).rows
        return [r.name for r in rows]

    assert names(area_id=north.id) == [a.name, b.name]
    assert names(area_id=city.id) == [a.name, b.name, c.name]
    assert names(kind="体操教室") == [b.name]
    assert names(weekday=1) == [a.name, c.name]
    assert names(weekday=3) == [b.name]
    assert names(weekday=6) == []
    assert names(status=GatheringPlaceStatus.PAUSED) == [c.name]
    assert [r.name for r in services.gathering_places.list(ListQuery(text="カフェ")).rows] == [
        c.name
    ]
    # 体操 is found by its reading too, typed in either kana.
    assert [r.name for r in services.gathering_places.list(ListQuery(text="タイソウ")).rows] == [
        b.name
    ]


def test_the_municipality_extends_the_list_of_kinds(services: Services) -> None:
    assert services.gathering_places.kinds() == list(DEFAULT_KINDS)
    assert services.gathering_places.add_kind(" 男の料理教室 ")[-1] == "男の料理教室"
    with pytest.raises(ValidationError):
        services.gathering_places.add_kind("サロン")
    services.gathering_places.save(_place(kind="農園"))
    assert services.gathering_places.kinds() == [*DEFAULT_KINDS, "男の料理教室", "農園"]


def test_places_are_found_by_the_global_search(services: Services) -> None:
    place = services.gathering_places.save(
        _place(name="ひまわりサロン", meeting_place="中央公民館", schedule_text="毎週火曜")
    )
    results = services.search.search("公民館")
    assert [h.record_id for h in results.groups["gathering_place"]] == [place.id]
    services.gathering_places.soft_delete(place.id)
    assert "gathering_place" not in services.search.search("公民館").groups


def test_the_demo_municipality_has_a_few_dozen_places(services: Services) -> None:
    from coordinator_app.services.demo import load_demo

    load_demo(services)
    rows = services.gathering_places.list_rows().rows
    assert len(rows) >= 30
    assert {r.record.kind for r in rows} >= set(DEFAULT_KINDS)
    assert all(r.extra["area_name"] for r in rows)
    # Every demo schedule is read; only 「8月は休み」 is kept as written.
    assert {u for r in rows for u in Schedule.from_json(r.record.schedule_rules).unread} == {
        "8月は休み"
    }
