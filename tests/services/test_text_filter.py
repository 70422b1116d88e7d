"""Issue 16: a list's text filter narrowed by the search index gives the LIKE's rows.

Every term is filtered twice on the same data, through the index where it can
answer and with the LIKE alone, and both lists must be equal; the plan of an
absent word shows the meeting table read by id, never scanned.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest

from coordinator_app.domain.enums import OrgKind
from coordinator_app.services import text_filter
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from tests.conftest import Factory
from tests.services.test_query_plans import plan, recorded

TITLES = [
    "生活支援コーディネーター連絡会",
    "ふれあいサロン運営会議",
    "ﾌﾚｲﾙ予防教室の打合せ",  # half-width katakana
    "見守りネットワーク会議",
    "みまもり協力員の集い",
    "社会福祉協議会との調整",
    "NPO法人 Café よりみち",
    "npo café meeting",
    unicodedata.normalize("NFD", "がっこう連絡会"),  # decomposed voiced kana
    unicodedata.normalize("NFD", "cafe\u0301 ひろば"),  # e + combining acute
    "ＡＢＣ相談会",  # full-width Latin
    "第２回　地域ケア会議",  # ideographic space, full-width digit
    "100% 参加の集い",
    "a_b 会議",
    "ΑΣ ΚΑΦΕ",
    "ｶﾞｲﾄﾞﾌﾞｯｸ作り",
]
VENUES = ["福生市役所", "さろん会場", "サロン会場", "ｻﾛﾝ会場", "", "公民館 第1会議室"]

TERMS = [
    "サロン",
    "さろん",
    "ｻﾛﾝ",
    "見守り",
    "みまもり",
    "ミマモリ",
    "フレイル",
    "ﾌﾚｲﾙ",
    "会議",
    "連絡",
    "会",
    "ま",
    "NPO",
    "npo",
    "café",
    "cafe",
    "Cafe",
    "がっこう",
    "かっこう",
    "がっこう連絡",
    unicodedata.normalize("NFD", "がっこう"),
    "ABC",
    "ＡＢＣ",
    "abc相談",
    "第2回",
    "第２回　地域",
    "地域ケア",
    "100%",
    "a_b",
    "ΑΣ",
    "ασ",
    "ガイド",
    "ｶﾞｲﾄﾞ",
    "ブック作り",
    "役所",
    "公民館 第1",
    "存在しない言葉",
    "ぬ",
    "zz",
]


@pytest.fixture
def filled(make: Factory) -> None:
    day = date(2021, 4, 1)
    for i in range(48):
        make.meeting(
            title=TITLES[i % len(TITLES)],
            venue=VENUES[i % len(VENUES)],
            held_on=day + timedelta(days=i),
            minutes="議事録に見守りとサロンの話" if i % 5 == 0 else "",
        )
    for name, reading in (
        ("福生市社会福祉協議会", "ふっさししゃかいふくしきょうぎかい"),
        ("NPO法人 みまもりネット", "エヌピーオーほうじん ミマモリネット"),
        ("ｻﾛﾝ運営の会", "ｻﾛﾝうんえいのかい"),
        ("がっこう支援団", unicodedata.normalize("NFD", "がっこうしえんだん")),
    ):
        make.organisation(name=name, kana=reading, kind=OrgKind.NPO)
    make.project(title="見守り体制づくり", goal="サロンを三か所に")
    make.project(title="ﾌﾚｲﾙ予防", goal="")


def _ids(service: object, text: str, monkeypatch: pytest.MonkeyPatch, *, index: bool) -> list:
    with monkeypatch.context() as patched:
        if not index:
            patched.setattr(text_filter, "narrowing", lambda **_kw: None)
        page = service.list(ListQuery(text=text))  # type: ignore[attr-defined]
    return [r.id for r in page.rows]


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize("kind", ["meetings", "organisations", "projects", "contacts"])
def test_index_and_like_give_the_same_rows(
    services: Services, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    service = getattr(services, kind)
    for term in TERMS:
        assert _ids(service, term, monkeypatch, index=True) == _ids(
            service, term, monkeypatch, index=False
        ), term


@pytest.mark.usefixtures("filled")
def test_terms_the_index_answers_and_those_it_leaves_to_like(services: Services) -> None:
    assert text_filter.index_term("サロン") is not None
    assert text_filter.index_term("ｻﾛﾝ").parameter == "%さろん%"  # type: ignore[union-attr]
    assert text_filter.index_term("会議").source.startswith("search_bigram")  # type: ignore[union-attr]
    assert text_filter.index_term("存在しない言葉") is not None
    # One character, wildcards: the LIKE alone.
    assert text_filter.index_term("会") is None
    assert text_filter.index_term("100%") is None
    # A row may spell ド as ト + a combining mark, and a following mark turns
    # ト into ド: the index is asked for the part whose ends cannot change.
    assert text_filter.index_term("ガイドブ").parameter == '"がい"'  # type: ignore[union-attr]
    assert text_filter.index_term("見守りネット").parameter == "%見守りねっ%"  # type: ignore[union-attr]
    found = services.meetings.list(ListQuery(text="サロン")).rows
    assert found and all("サロン" in m.title + m.venue for m in found)
    assert services.meetings.list(ListQuery(text="存在しない言葉")).rows == []


def test_deleted_rows_and_uncovered_lists_keep_the_like(make: Factory, services: Services) -> None:
    gone = make.meeting(title="見守り会議の廃止分")
    services.meetings.soft_delete(gone.id)
    shown = services.meetings.list(ListQuery(text="見守り会議", include_deleted=True)).rows
    assert [m.id for m in shown] == [gone.id]
    assert services.meetings.list(ListQuery(text="見守り会議")).rows == []
    assert not text_filter.covered(services.action_items.kind, ("text",), None)


def test_a_common_word_keeps_the_like(
    make: Factory, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(5):
        make.meeting(title=f"見守り会議{i}")
    monkeypatch.setattr(text_filter, "CANDIDATE_CAP", 3)
    with recorded(services.meetings.db) as statements:
        rows = services.meetings.list(ListQuery(text="見守り会議")).rows
    assert len(rows) == 5
    assert not any("search_entry" in s for s, _ in statements if "meeting" in s)


def test_an_absent_word_reads_meetings_by_id_only(
    db: Database, make: Factory, services: Services
) -> None:
    for i in range(30):
        make.meeting(title=f"連絡会{i}", held_on=date(2020, 1, 1) + timedelta(days=i))
    with recorded(db) as statements:
        page = services.meetings.list(ListQuery(text="存在しない言葉", limit=50))
    assert page.rows == [] and page.total == 0
    listed = [(s, p) for s, p in statements if "FROM meeting" in s]
    assert listed, statements  # the count and the page
    for statement, params in listed:
        assert "search_trigram" in statement
        details = plan(db, statement, params)
        assert not any(d.startswith("SCAN meeting") for d in details), details
        assert any(d.startswith("SCAN t VIRTUAL TABLE") for d in details), details  # the index
        assert any(d.startswith("SEARCH meeting") for d in details), details


def test_a_decided_sync_conflict_is_found_by_the_filter(db: Database, make: Factory) -> None:
    from coordinator_app.services.sync_conflicts import SyncConflictService
    from tests.sync.test_conflict_decisions import _conflict

    meeting = make.meeting(venue="公民館")
    _conflict(db, meeting.id, "venue", "市民センター", "公民館")
    store = SyncConflictService(db)
    (conflict,) = store.open_conflicts()
    store.resolve(conflict, "市民センター 3階 第1会議室")
    assert text_filter.index_term("市民センター") is not None  # answered by the index
    found = make.s.meetings.list(ListQuery(text="市民センター")).rows
    assert [m.id for m in found] == [meeting.id]
