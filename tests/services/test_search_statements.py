"""Issue 16: a search is a fixed number of statements whatever the number of kinds with
hits, of spellings (aliases) and of hits; the snippets' texts are the fields indexed."""

from __future__ import annotations

from datetime import date, timedelta

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.demo import load_demo
from coordinator_app.services.registry import Services
from coordinator_app.services.search_aliases import expand, load_groups
from coordinator_app.storage.database import Database
from coordinator_app.storage.search_index import KIND_QUERIES, fold
from tests.conftest import Factory
from tests.statements import counting

TEXT = "地域の見守り活動と社会福祉協議会の支援"


def _search(services: Services, db: Database, query: str, **kw: object) -> list[str]:
    with counting(db) as statements:
        services.search.search(query, **kw)  # type: ignore[arg-type]
    return statements


def test_a_search_is_four_statements_whatever_the_kinds_spellings_and_hits(
    services: Services, db: Database, make: Factory
) -> None:
    make.meeting(title="定例会", minutes=TEXT, held_on=date(2024, 6, 1))
    one_kind = _search(services, db, "見守り")
    assert services.search.search("見守り").total_shown == 1
    # Hits in five kinds, eleven meetings (more than a page), and a query with aliases.
    for day in range(10):
        make.meeting(title=f"会議{day}", minutes=TEXT, held_on=date(2024, 4, 1) + timedelta(day))
    organisation = make.organisation("福生市社会福祉協議会", notes=TEXT)
    make.contact(organisation, name="見守り 花子")
    make.project(title="見守り推進", goal=TEXT)
    make.council(purpose=TEXT)
    many = _search(services, db, "見守り")
    with db.reading() as session:
        spellings = expand(fold("社協"), load_groups(session))
    assert len(spellings) > 1
    aliased = _search(services, db, "社協")
    results = services.search.search("見守り")
    assert len(results.groups) == 5 and results.more[RecordKind.MEETING]
    assert services.search.search("社協").total_shown >= 2
    # BEGIN, the alias list, the hits of every kind and spelling, their texts.
    assert len(one_kind) == len(many) == len(aliased) == 4, (one_kind, many, aliased)
    assert sum("UNION ALL" in s for s in many) == 2


def test_a_kind_or_year_without_hits_reads_no_texts(services: Services, db: Database) -> None:
    statements = _search(services, db, "見守り")
    assert len(statements) == 3  # BEGIN, the alias list, the hits (none: no texts read)
    assert _search(services, db, "見守り", fiscal_year=2024, kinds=["organisation"]) == [
        statements[0],
        statements[1],
    ]  # no kind left to search: no hit statement either


def test_snippet_texts_are_the_indexed_fields_of_every_kind(
    services: Services, db: Database
) -> None:
    load_demo(services)
    with db.reading() as session:
        conn = session.connection()
        for kind, query in KIND_QUERIES.items():
            indexed = {str(r[0]): [v or "" for v in r[5:]] for r in conn.exec_driver_sql(query.sql)}
            texts = {str(r[0]): [v or "" for v in r[1:]] for r in conn.exec_driver_sql(query.texts)}
            assert texts == indexed, kind
            assert indexed, f"the demo has no {kind}"


def test_the_meeting_span_from_the_index_is_the_meetings_own(
    services: Services, db: Database, make: Factory
) -> None:
    assert services.search.meeting_span() is None is services.meetings.held_on_span()
    make.meeting(title="古い会議", held_on=date(2019, 5, 7))
    make.meeting(title="会議", held_on=date(2024, 6, 1))
    newest = make.meeting(title="新しい会議", held_on=date(2025, 1, 31))
    assert services.search.meeting_span() == (date(2019, 5, 7), date(2025, 1, 31))
    services.meetings.soft_delete(newest.id)
    assert services.search.meeting_span() == services.meetings.held_on_span()
    assert services.search.meeting_span() == (date(2019, 5, 7), date(2024, 6, 1))
    with counting(db) as statements:
        services.search.meeting_span()
    assert len(statements) == 2  # BEGIN, one statement (a seek at each end)
