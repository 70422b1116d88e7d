"""Global search correctness on a small database."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import ActionItem, Area, ProgressEntry
from coordinator_app.services.registry import Services
from coordinator_app.services.search import highlight
from coordinator_app.storage.search_index import bigram_tokens, fold
from tests.conftest import Factory

MINUTES = "北山町会の見守り活動と買い物支援について社協と包括が意見交換した。"


def _ids(services: Services, query: str, **kw: object) -> dict[str, list[str]]:
    results = services.search.search(query, **kw)
    return {kind: [h.title for h in hits] for kind, hits in results.groups.items()}


@pytest.fixture
def meeting(services: Services, make: Factory):  # type: ignore[no-untyped-def]
    return make.meeting(title="北部圏域 支え合い会議", minutes=MINUTES, held_on=date(2024, 6, 1))


@pytest.mark.parametrize(
    "term",
    [
        "見",
        "守り",
        "見守り",
        "買い物支",
        "買い物支援",
        "社協と包括",
        "見守り活動と買い",
        "北山町会の見守り",
        "見守り活動と買い物支",
        "北山町会の見守り活動",
    ],
)
def test_terms_of_one_to_ten_characters(services: Services, meeting, term: str) -> None:  # type: ignore[no-untyped-def]
    assert 1 <= len(term) <= 10
    assert _ids(services, term).get("meeting") == ["北部圏域 支え合い会議"]


def test_missing_terms_find_nothing(services: Services, meeting) -> None:  # type: ignore[no-untyped-def]
    # (町内会 would find the minutes' 北山町会: an alias, see test_search_aliases.py)
    for term in ("配食", "商店会", "見守り隊", "猫"):
        assert _ids(services, term) == {}, term


def test_kana_and_width_folding(services: Services, make: Factory) -> None:
    make.coordinator("佐藤 一郎", "さとう いちろう")
    make.organisation("サロンひまわり", kana="さろんひまわり")
    assert _ids(services, "サトウ")["coordinator"] == ["佐藤 一郎"]
    assert _ids(services, "ｻﾄｳ")["coordinator"] == ["佐藤 一郎"]
    assert _ids(services, "さろん")["organisation"] == ["サロンひまわり"]
    assert _ids(services, "ﾋﾏﾜﾘ")["organisation"] == ["サロンひまわり"]
    assert _ids(services, "ＳＡＬＯＮ") == {}


def test_term_split_across_two_fields_is_not_a_hit(services: Services, make: Factory) -> None:
    make.meeting(title="連絡会", venue="市民会館", agenda="見守", minutes="り活動")
    assert _ids(services, "見守り") == {}
    assert _ids(services, "会市") == {}
    assert "meeting" in _ids(services, "見守")


def test_results_follow_edits_and_deletes(services: Services, make: Factory) -> None:
    meeting = make.meeting(minutes="配食サービスの検討")
    assert "meeting" in _ids(services, "配食")
    meeting.minutes = "移動支援の検討"
    services.meetings.save(meeting)
    assert _ids(services, "配食") == {}
    assert "meeting" in _ids(services, "移動支援")
    services.meetings.soft_delete(meeting.id)
    assert _ids(services, "移動支援") == {}
    services.meetings.restore(meeting.id)
    assert "meeting" in _ids(services, "移動支援")


def test_children_follow_their_parent(services: Services, make: Factory) -> None:
    meeting = make.meeting()
    services.action_items.save(ActionItem(meeting_id=meeting.id, text="要綱案を作成する"))
    org = make.organisation("若葉台市社会福祉協議会")
    make.contact(org, name="山田 花子")
    assert "action_item" in _ids(services, "要綱案")
    assert "contact" in _ids(services, "社会福祉協議会")
    services.meetings.soft_delete(meeting.id)
    assert "action_item" not in _ids(services, "要綱案")
    org.name = "若葉台市ふくし協議会"
    services.organisations.save(org)
    assert "contact" not in _ids(services, "社会福祉協議会")
    assert _ids(services, "ふくし協議")["contact"] == ["山田 花子"]


def test_grouped_newest_first_with_filters(services: Services, make: Factory) -> None:
    city = make.city()
    north = services.areas.save(Area(name="北部", kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id))
    council = make.council(area=city)
    project = make.project(area_id=north.id)
    make.meeting(title="古い", minutes="見守り", held_on=date(2022, 5, 1), council_id=council.id)
    make.meeting(title="新しい", minutes="見守り", held_on=date(2024, 5, 1), project_id=project.id)
    services.progress.save(
        ProgressEntry(project_id=project.id, entry_date=date(2023, 5, 1), text="見守りマップを更新")
    )
    found = _ids(services, "見守り")
    assert found["meeting"] == ["新しい", "古い"]
    assert list(found) == ["meeting", "progress_entry"]
    assert _ids(services, "見守り", fiscal_year=2022) == {"meeting": ["古い"]}
    assert _ids(services, "見守り", area_id=north.id) == {
        "meeting": ["新しい"],
        "progress_entry": ["見守りマップを更新"],
    }
    assert _ids(services, "見守り", kinds=["progress_entry"]) == {
        "progress_entry": ["見守りマップを更新"]
    }


def test_more_flag_and_highlight(services: Services, make: Factory) -> None:
    for i in range(4):
        make.meeting(title=f"会議{i}", minutes=f"前置き{i}。ここで<町会>&見守りを話した。")
    results = services.search.search("見守り", per_kind=3)
    assert len(results.groups["meeting"]) == 3 and results.more["meeting"]
    snippet = results.groups["meeting"][0].snippet
    assert snippet.match == "見守り"
    assert snippet.before.endswith("<町会>&")


def test_highlight_maps_folded_offsets_back() -> None:
    cut = highlight(["ﾐﾏﾓﾘ活動とサロン"], fold("みまもり"))
    assert cut.match == "ﾐﾏﾓﾘ"
    assert cut.after.startswith("活動")


def test_bigram_tokens() -> None:
    assert bigram_tokens("社会福祉 協議会") == "社会 会福 福祉 祉 協議 議会 会"


def test_migration_backfills_existing_records(db_path) -> None:  # type: ignore[no-untyped-def]
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import create_sqlite_engine
    from coordinator_app.storage.schema import upgrade_to

    engine = create_sqlite_engine(db_path)
    upgrade_to(engine, "0003")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO organisation (id, created_at, updated_at, name, kana, sort_kana, kind, "
            "address, phone, email, website, notes) VALUES ('0123456789abcdef0123456789abcdef', "
            "'2020-01-01 00:00:00', '2020-01-01 00:00:00', '北山町会', 'きたやまちょうかい', "
            "'きたやまちょうかい', 'neighbourhood_association', '', '', '', '', '')"
        )
    engine.dispose()
    db = open_database(db_path)
    try:
        services = Services.create(db)
        assert _ids(services, "町会") == {"organisation": ["北山町会"]}
    finally:
        db.close()
