"""Search finds what people type: aliases (社協 = 社会福祉協議会) and areas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coordinator_app.domain.enums import AreaKind, OrgKind
from coordinator_app.domain.models import Area
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from coordinator_app.services.search_aliases import DEFAULT_ALIASES, expand, parse
from coordinator_app.storage.search_index import rebuild_index
from tests.conftest import Factory


def found(services: Services, query: str) -> dict[str, list[str]]:
    results = services.search.search(query)
    return {kind: [h.title for h in hits] for kind, hits in results.groups.items()}


@pytest.fixture
def organisations(make: Factory) -> None:
    make.organisation("福生市社会福祉協議会", kana="ふっさししゃかいふくしきょうぎかい")
    make.organisation("福生市北部地域包括支援センター", kind=OrgKind.SUPPORT_CENTER)
    make.organisation(
        "加美町内会", kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION, kana="かみちょうないかい"
    )
    make.organisation("熊川自治会", kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION, kana="くまがわじちかい")
    make.organisation("福生市ボランティアセンター", kind=OrgKind.VOLUNTEER_CENTER)


def test_default_aliases_find_the_long_names(services: Services, organisations: None) -> None:
    assert found(services, "社協") == {"organisation": ["福生市社会福祉協議会"]}
    assert found(services, "福生市社協") == {"organisation": ["福生市社会福祉協議会"]}
    assert found(services, "包括") == {"organisation": ["福生市北部地域包括支援センター"]}
    assert sorted(found(services, "町会")["organisation"]) == ["加美町内会", "熊川自治会"]
    assert sorted(found(services, "自治会")["organisation"]) == ["加美町内会", "熊川自治会"]
    assert found(services, "ボラセン") == {"organisation": ["福生市ボランティアセンター"]}
    assert found(services, "ﾎﾞﾗｾﾝ") == {"organisation": ["福生市ボランティアセンター"]}
    hit = services.search.search("社協").groups["organisation"][0]
    assert hit.snippet.match == "社会福祉協議会"  # the snippet marks what was found


def test_the_user_edits_the_list(services: Services, organisations: None, make: Factory) -> None:
    make.meeting(title="北部ささえ愛会議")
    assert services.aliases.text() == DEFAULT_ALIASES
    assert "meeting" not in found(services, "支え合い")
    text = "社協=社会福祉協議会\n支え合い ＝ ささえ愛\n"
    services.aliases.save(text)
    assert services.aliases.text() == "社協 = 社会福祉協議会\n支え合い = ささえ愛\n"
    assert found(services, "支え合い") == {"meeting": ["北部ささえ愛会議"]}
    assert "organisation" not in found(services, "ボラセン")  # the line was removed
    services.aliases.reset()
    assert found(services, "ボラセン") == {"organisation": ["福生市ボランティアセンター"]}


def test_a_bad_line_is_refused_and_nothing_is_stored(services: Services) -> None:
    before = services.aliases.text()
    with pytest.raises(ValidationError) as refused:
        services.aliases.save("社協 = 社会福祉協議会\n包括\n")
    assert refused.value.errors == {
        "aliases": "2行目: 「=」で区切って二つ以上の言葉を書いてください"
    }
    assert services.aliases.text() == before


def test_expand_folds_and_stays_bounded() -> None:
    groups, errors = parse(DEFAULT_ALIASES)
    assert errors == {}
    assert expand("ぼらせん", groups) == ["ぼらせん", "ぼらんてぃあせんたー"]
    assert expand("加美町会", groups) == ["加美町会", "加美町内会", "加美自治会"]
    assert len(expand("社協 町会 包括 社福 ぼらせん", groups)) <= 12


def _areas(services: Services, make: Factory) -> dict[str, Area]:
    city = make.city("世田谷区")
    region = services.areas.save(
        Area(name="砧地域", kana="きぬたちいき", kind=AreaKind.DISTRICT, parent_id=city.id)
    )
    kitami = services.areas.save(
        Area(name="喜多見", kana="きたみ", kind=AreaKind.DAILY_LIFE_AREA, parent_id=region.id)
    )
    return {"city": city, "region": region, "kitami": kitami}


def test_areas_are_found_and_follow_edits(services: Services, make: Factory) -> None:
    areas = _areas(services, make)
    assert found(services, "喜多見") == {"area": ["喜多見"]}
    assert found(services, "キタミ") == {"area": ["喜多見"]}  # by its reading
    assert found(services, "砧地域") == {"area": ["砧地域"]}
    hit = services.search.search("喜多見").groups["area"][0]
    assert hit.record_id == areas["kitami"].id
    kitami = areas["kitami"]
    kitami.name = "喜多見・宇奈根"
    services.areas.save(kitami)
    assert found(services, "宇奈根") == {"area": ["喜多見・宇奈根"]}
    services.areas.soft_delete(kitami.id)
    assert found(services, "宇奈根") == {}
    # The area filter of the search keeps an area's own row.
    assert found(services, "砧")["area"] == ["砧地域"]
    assert services.search.search("砧", area_id=areas["region"].id).groups["area"]


def _index(path: Path) -> set[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return set(
            conn.execute(
                "SELECT id, kind, record_id, title, body, area_id FROM search_entry"
            ).fetchall()
        )


def test_migration_0008_indexes_existing_areas(db_path: Path) -> None:
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import create_sqlite_engine
    from coordinator_app.storage.schema import upgrade_to

    engine = create_sqlite_engine(db_path)
    upgrade_to(engine, "0005")
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM search_entry WHERE kind = 'area'")
        for number, (name, kana) in enumerate((("喜多見", "キタミ"), ("世田谷地域", ""))):
            conn.exec_driver_sql(
                "INSERT INTO area (id, created_at, updated_at, name, kana, sort_kana, kind, "
                "notes) VALUES (?, '2021-04-01 09:00:00', '2021-04-01 09:00:00', ?, ?, ?, "
                "'district', '')",
                (f"{number:032x}", name, kana, kana or name),
            )
    engine.dispose()
    db = open_database(db_path)
    try:
        services = Services.create(db)
        assert found(services, "喜多見") == {"area": ["喜多見"]}
        assert found(services, "きたみ") == {"area": ["喜多見"]}
        assert found(services, "谷地") == {"area": ["世田谷地域"]}  # two characters: bigrams
        migrated = _index(db_path)
        with db.writing() as session:
            rebuild_index(session.connection())
        assert _index(db_path) == migrated  # the same rows the services would write
    finally:
        db.close()
