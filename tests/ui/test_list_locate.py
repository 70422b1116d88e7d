"""Issue 16: every keyset list asks where a record lies before it reads pages for it.

``RecordTableModel.fetch_until`` (a page opened on a record: a search hit, a link)
used to read the list's pages from the top until the record turned up, and all
``max_rows`` of them when it was further down or filtered out; only the project
list asked first. Now every list does (``ui/common/record_locate.py``): the
record's sort key and a bounded count (two statements; a text filter that the
search index narrows adds its candidate count), then only the pages up to its row,
or one page where a jumping list shows it, or none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from coordinator_app.domain.enums import CouncilStatus
from coordinator_app.domain.models import Council, GatheringPlace
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.common.table_model import RecordTableModel
from coordinator_app.ui.coordinators.coordinator_model import CoordinatorTableModel
from coordinator_app.ui.councils.council_model import CouncilTableModel
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.gathering_places.gathering_place_model import GatheringPlaceTableModel
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from coordinator_app.ui.organisations.organisation_model import OrganisationTableModel
from coordinator_app.ui.projects.project_model import ProjectTableModel
from tests.conftest import Factory
from tests.statements import counting as counting_all

ROWS = 30
PAGE = 5


@contextmanager
def counting(db: Database) -> Iterator[list[str]]:
    """The SELECT statements sent while the block runs (not BEGIN and the like)."""
    with counting_all(db) as statements:
        selects: list[str] = []
        yield selects
    selects.extend(s for s in statements if s.lstrip().upper().startswith("SELECT"))


def _meetings(make: Factory, services: Services) -> None:
    for i in range(ROWS):
        title = f"特別研修会{i:02d}" if i % 3 == 0 else f"定例会議{i:02d}"
        make.meeting(title=title, held_on=date(2022, 1, 1) + timedelta(days=i))


def _councils(make: Factory, services: Services) -> None:
    area = make.city()
    for i in range(ROWS):
        services.councils.save(
            Council(
                name=f"協議体{i:02d}",
                kana=f"きょうぎたい{i:02d}",
                area_id=area.id,
                tier=1,
                status=CouncilStatus.PREPARING,
            )
        )


def _organisations(make: Factory, services: Services) -> None:
    for i in range(ROWS):
        make.organisation(name=f"団体{i:02d}", kana=f"だんたい{i:02d}")


def _coordinators(make: Factory, services: Services) -> None:
    for i in range(ROWS):
        make.coordinator(name=f"佐藤{i:02d}", kana=f"さとう{i:02d}")


def _places(make: Factory, services: Services) -> None:
    area = make.city()
    for i in range(ROWS):
        services.gathering_places.save(
            GatheringPlace(
                name=f"サロン{i:02d}", kana=f"さろん{i:02d}", kind="サロン", area_id=area.id
            )
        )


def _projects(make: Factory, services: Services) -> None:
    for i in range(ROWS):
        make.project(title=f"プロジェクト{i:02d}")


KINDS: dict[str, tuple[type[RecordTableModel], str, Callable[[Factory, Services], None]]] = {
    "meeting": (MeetingTableModel, "meetings", _meetings),
    "council": (CouncilTableModel, "councils", _councils),
    "organisation": (OrganisationTableModel, "organisations", _organisations),
    "coordinator": (CoordinatorTableModel, "coordinators", _coordinators),
    "gathering_place": (GatheringPlaceTableModel, "gathering_places", _places),
    "project": (ProjectTableModel, "projects", _projects),
}


def _model(kind: str, make: Factory, services: Services) -> tuple[RecordTableModel, list[Any]]:
    model_class, field, build = KINDS[kind]
    build(make, services)
    small = type(f"Small{model_class.__name__}", (model_class,), {"PAGE_SIZE": PAGE})
    model = small(getattr(services, field), DateFormat())
    model.refresh()
    truth = [row.id for row in model.service.list(replace(model.query, limit=None)).rows]
    assert len(truth) == ROWS
    return model, truth


def _page_cost(model: RecordTableModel) -> int:
    """The statements one more page of ``model``'s list takes (one for light lists)."""
    twin = type(model)(model.service, DateFormat())
    twin.set_text(model.query.text)
    twin.refresh()
    with counting(model.service.db) as statements:
        twin.load_through(PAGE)
    assert twin.rowCount() == 2 * PAGE
    return len(statements)


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_record_beyond_the_searched_rows_reads_no_page(
    kind: str, db: Database, services: Services, make: Factory
) -> None:
    model, truth = _model(kind, make, services)
    for far in (truth[12], truth[ROWS - 1]):
        with counting(db) as statements:
            assert model.fetch_until(far, max_rows=10) == -1
        assert len(statements) == 2, statements  # its sort key, the rows before it
        assert model.rowCount() == PAGE  # no page read to find that out


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_near_record_reads_only_the_pages_up_to_its_row(
    kind: str, db: Database, services: Services, make: Factory
) -> None:
    model, truth = _model(kind, make, services)
    with counting(db) as statements:
        assert model.fetch_until(truth[2], max_rows=10) == 2  # loaded: nothing asked
    assert statements == []
    with counting(db) as statements:
        assert model.fetch_until(truth[7], max_rows=20) == 7
    assert len(statements) == 2 + _page_cost(model), statements  # where, then page two
    assert model.rowCount() == 2 * PAGE
    assert model.id_at(7) == truth[7]


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_jumping_list_reads_the_one_page_where_the_record_lies(
    kind: str, db: Database, services: Services, make: Factory
) -> None:
    model, truth = _model(kind, make, services)
    model.prepare_jump()
    window = model.window
    assert window is not None and model.rowCount() == ROWS
    reads = window.reads
    assert model.fetch_until(truth[22], max_rows=100) == 22
    assert window.reads == reads + 1  # not every page from the top
    assert model.fetch_until(truth[3], max_rows=100) == 3  # kept: no page read
    assert window.reads == reads + 1


def test_the_meeting_list_locates_through_its_search_index_filter(
    db: Database, services: Services, make: Factory
) -> None:
    model, truth = _model("meeting", make, services)
    model.set_text("特別研修")  # three characters or more: narrowed by the search index
    special = [row.id for row in services.meetings.list(replace(model.query, limit=None)).rows]
    assert len(special) == ROWS // 3
    with counting(db) as statements:
        assert model.fetch_until(special[7], max_rows=20) == 7
    # The filter is built once for both statements of the position: one candidate
    # count, then the key and the count (each narrowed), then the second page (its
    # own candidate count and the page).
    assert len(statements) == 1 + 2 + _page_cost(model) == 1 + 2 + 2, statements
    assert all("search_trigram" in s for s in statements), statements
    assert model.id_at(7) == special[7]
    plain = next(i for i in truth if i not in special)
    with counting(db) as statements:
        assert model.fetch_until(plain, max_rows=20) == -1  # every match loaded: not asked
    assert statements == []

    fresh = type(model)(services.meetings, DateFormat())
    fresh.set_text("特別研修")
    assert fresh.canFetchMore()
    with counting(db) as statements:
        assert fresh.fetch_until(plain, max_rows=20) == -1  # filtered out: no page read
    assert len(statements) == 1 + 1, statements  # the candidates, then no key
    assert fresh.rowCount() == PAGE
