"""At scale (thousands of organisations): forms never load every record, lists never count
them all, and opening a record far down a list does not load the whole list."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benchmarks.generate_bigcity import generate
from coordinator_app.services.base import ListQuery
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.search_index import rebuild_index
from coordinator_app.ui.common.pickers import SEARCH_LIMIT, CheckList, RecordCombo
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.councils.membership_dialog import MembershipDialog
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.settings import AppSettings, settings_store
from tests.ui.fake_prompts import FakePrompts

EXTRA_ORGANISATIONS = 3_000
BOUND = SEARCH_LIMIT + 2
"""At most: the matches, the "none" item and the current choice."""

offscreen_popups = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints",
    "does not support raise",
    "does not support grabbing the keyboard",
)


@pytest.fixture(scope="module")
def city_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The big-city generator at 1 %, plus a few thousand more organisations."""
    path = tmp_path_factory.mktemp("city") / "city.sqlite3"
    generate(path, scale=0.01, quiet=True)
    rng = random.Random(3)
    stamp = "2026-04-01 00:00:00.000000"
    rows = [
        (uuid.UUID(int=rng.getrandbits(128)).hex, stamp, stamp, f"見本の会{i:04d}", kana, kana)
        for i in range(EXTRA_ORGANISATIONS)
        for kana in [f"みほんのかい{i:04d}"]
    ]
    rows.append((uuid.uuid4().hex, stamp, stamp, "んの字会", "んのじかい", "んのじかい"))
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO organisation (id, created_at, updated_at, name, kana, sort_kana, kind, "
            "address, phone, email, website, notes) VALUES (?, ?, ?, ?, ?, ?, 'npo', '', '', '', "
            "'', '')",
            rows,
        )
    # Indexed as the app indexes what it saves (list filters and search read the index).
    engine = create_sqlite_engine(path)
    with engine.begin() as connection:
        rebuild_index(connection)
    engine.dispose()
    return path


@pytest.fixture
def city(city_path: Path) -> Iterator[Database]:
    database = open_database(city_path)
    yield database
    database.close()


@pytest.fixture
def city_services(city: Database) -> Services:
    return Services.create(city)


@pytest.fixture
def city_ctx(city_services: Services, tmp_path: Path) -> UiContext:
    settings = AppSettings(settings_store(tmp_path / "settings.ini"))
    return UiContext.create(services=city_services, prompts=FakePrompts(), settings=settings)


@pytest.fixture
def city_window(qtbot: QtBot, city_ctx: UiContext) -> MainWindow:
    window = MainWindow(city_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _bounded(widget: object) -> list[tuple[str, int]]:
    """(picker, item count) of every picker under ``widget`` holding more than BOUND items."""
    found = []
    for combo in widget.findChildren(RecordCombo):  # type: ignore[attr-defined]
        if combo.count() > BOUND:
            found.append((combo.objectName() or type(combo.parent()).__name__, combo.count()))
    for check_list in widget.findChildren(CheckList):  # type: ignore[attr-defined]
        if check_list.list.count() > BOUND:
            found.append((type(check_list.parent()).__name__, check_list.list.count()))
    return found


def test_the_city_has_thousands_of_organisations(city_services: Services) -> None:
    total = city_services.organisations.list(ListQuery(limit=0)).total
    assert total > EXTRA_ORGANISATIONS


def test_no_form_loads_every_record(
    qtbot: QtBot, city_window: MainWindow, city_services: Services
) -> None:
    for page in city_window.pages:  # builds every page and its form
        page.new_record()
    assert _bounded(city_window) == []
    meeting_editor = city_window.pages[4].editor
    meeting_editor.organisation_list.ensure_searched()  # type: ignore[attr-defined]  # tab shown
    assert 0 < meeting_editor.organisation_list.list.count() <= BOUND  # type: ignore[attr-defined]
    partner_list = city_window.pages[5].editor.partner_list  # type: ignore[attr-defined]
    assert 0 < partner_list.list.count() <= BOUND and partner_list.more

    coordinator = city_services.coordinators.list(ListQuery(limit=1)).rows[0]
    council = city_services.councils.list(ListQuery(limit=1)).rows[0]
    meeting = city_services.meetings.list(ListQuery(limit=1)).rows[0]
    dialogs = [
        AssignmentDialog(city_window.ctx, owner_id=coordinator.id, record=None),
        MembershipDialog(city_window.ctx, owner_id=council.id, record=None),
        ActionItemDialog(city_window.ctx, owner_id=meeting.id, record=None),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert _bounded(dialog) == []


@offscreen_popups
def test_a_picker_still_finds_the_last_organisation_by_kana(
    qtbot: QtBot, city_window: MainWindow, city_services: Services
) -> None:
    editor = city_window.pages[5].editor
    partner_list: CheckList = editor.partner_list  # type: ignore[attr-defined]
    editor.load(None)
    shown = [partner_list.list.item(i).text() for i in range(partner_list.list.count())]
    assert len(shown) == SEARCH_LIMIT and "んの字会" not in shown
    partner_list.search("ンノジ")
    assert [partner_list.list.item(i).text() for i in range(partner_list.list.count())] == [
        "んの字会"
    ]

    coordinator = city_services.coordinators.list(ListQuery(limit=1)).rows[0]
    dialog = AssignmentDialog(city_window.ctx, owner_id=coordinator.id, record=None)
    qtbot.addWidget(dialog)
    dialog.show()
    popup = dialog.organisation_combo.open_search("んのじ")
    assert popup.view.currentIndex().data() == "んの字会"
    popup.choose_row(popup.view.currentIndex().row())
    assert dialog.organisation_combo.currentText() == "んの字会"
    assert dialog.organisation_combo.count() <= BOUND


def test_lists_read_pages_without_counting(
    qtbot: QtBot, city_window: MainWindow, city_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries: list[ListQuery] = []
    service = city_services.organisations
    for name in ("list", "list_light"):  # (pages come from list_light, the count from list)
        original = getattr(type(service), name)

        def spy(self: object, query: ListQuery | None = None, original: Any = original) -> object:
            queries.append(query or ListQuery())
            return original(self, query)

        monkeypatch.setattr(type(service), name, spy)
    city_window.show_page(2)
    page = city_window.current_page
    page.model.refresh()
    page.model.fetchMore()
    loaded = page.model.FIRST_PAGE_SIZE + page.model.PAGE_SIZE  # (a short first page)
    assert page.model.rowCount() == loaded
    assert queries and not any(q.with_total for q in queries)
    assert page.count_label.text().startswith(f"{loaded}件以上")

    page._count_requested("count")  # the user clicks 「件数を数える」
    assert [q.with_total for q in queries][-1] is True
    total = service.list(ListQuery(limit=0)).total
    assert page.count_label.text() == f"{total}件"


def test_opening_a_record_far_down_the_list_loads_a_bounded_window(
    city_window: MainWindow, city_services: Services
) -> None:
    last = city_services.organisations.list(ListQuery(sort="kana", descending=True, limit=1)).rows[
        0
    ]
    assert last.name == "んの字会"
    city_window.open_record("organisation", last.id)
    page = city_window.current_page
    assert page.editor.current_id == last.id
    assert page.model.rowCount() <= 1_200  # not the 3,000+ rows of the whole list


def test_only_the_shown_page_is_built_at_start(city_ctx: UiContext, qtbot: QtBot) -> None:
    city_ctx.settings.last_page = 4
    window = MainWindow(city_ctx)
    qtbot.addWidget(window)
    assert [p.kind for p in window.built_pages()] == ["meeting"]
    window.show_page(1)
    assert [p.kind for p in window.built_pages()] == ["coordinator", "meeting"]
    QApplication.processEvents()
