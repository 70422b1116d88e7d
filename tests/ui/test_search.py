"""Global search through the UI: grouped, highlighted hits; filters; opening; following edits."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import AreaKind, CouncilStatus
from coordinator_app.domain.models import ActionItem, Area, Council, ProgressEntry
from coordinator_app.services.registry import Services
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.search.result_model import HIT_ROLE, HTML_ROLE, KIND_ROLE
from coordinator_app.ui.search.search_view import SearchView
from tests.conftest import Factory
from tests.ui.conftest import commit_text, enter

MINUTES = "北山町会の見守り活動と買い物支援について社協と包括が意見交換した。"
MARK = "<span style='background-color: #ffe082; color: #000000; font-weight: 600;'>"


@pytest.fixture
def world(services: Services, make: Factory) -> dict[str, object]:
    city = make.city("若葉市")
    north = services.areas.save(
        Area(name="北部圏域", kana="ほくぶ", kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id)
    )
    south = services.areas.save(
        Area(name="南部圏域", kana="なんぶ", kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id)
    )
    north_council = make.council(north, tier=2)
    south_council = services.councils.save(
        Council(name="南部の協議体", tier=2, area_id=south.id, status=CouncilStatus.PREPARING)
    )
    old = make.meeting(
        title="北部 見守り連絡会", held_on=date(2022, 5, 10), council_id=north_council.id
    )
    new = make.meeting(
        title="南部 支え合い会議",
        held_on=date(2024, 6, 1),
        minutes=MINUTES,
        council_id=south_council.id,
    )
    item = services.action_items.save(ActionItem(meeting_id=new.id, text="見守り名簿を更新する"))
    org = make.organisation("見守りネットワーク<若葉>", kana="みまもりねっとわーく")
    contact = make.contact(org, name="見守 太郎")
    project = make.project(title="買い物支援の仕組みづくり", area_id=south.id)
    entry = services.progress.save(
        ProgressEntry(
            project_id=project.id, entry_date=date(2024, 7, 1), text="見守りの担い手と面談"
        )
    )
    return {
        "north": north,
        "south": south,
        "old": old,
        "new": new,
        "item": item,
        "org": org,
        "contact": contact,
        "project": project,
        "entry": entry,
    }


def _search(qtbot: QtBot, window: MainWindow, text: str) -> SearchView:
    view = window.open_search()
    enter(qtbot, view.query_edit, text)
    view.run()
    return view


def _groups(view: SearchView) -> dict[str, list[str]]:
    model = view.model
    groups: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        groups[group.data(KIND_ROLE)] = [
            model.index(i, 0, group).data(Qt.ItemDataRole.DisplayRole)
            for i in range(model.rowCount(group))
        ]
    return groups


def _hit_index(view: SearchView, kind: str, row: int = 0) -> QModelIndex:
    model = view.model
    for r in range(model.rowCount()):
        group = model.index(r, 0)
        if group.data(KIND_ROLE) == kind:
            return model.index(row, 0, group)
    raise AssertionError(f"no {kind} group in {_groups(view)}")


def test_ctrl_k_opens_the_search_with_the_query_focused(
    qtbot: QtBot, window: MainWindow, world: dict[str, object]
) -> None:
    assert window.search_view is None  # built on first use
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    view = window.search_view
    assert view is not None and window.search_dock is not None
    assert window.search_dock.isVisible()
    qtbot.waitUntil(view.query_edit.hasFocus)


def test_typing_in_the_toolbar_field_searches(
    qtbot: QtBot, window: MainWindow, world: dict[str, object]
) -> None:
    window.search_field.setFocus()
    commit_text(window.search_field, "見守り")
    view = window.search_view
    assert view is not None and view.query_edit.text() == "見守り"
    assert window.search_field.text() == ""
    qtbot.waitUntil(lambda: view.results is not None, timeout=3000)
    assert "meeting" in _groups(view)


def test_a_term_shows_hits_grouped_by_kind_newest_first_highlighted(
    qtbot: QtBot, window: MainWindow, world: dict[str, object]
) -> None:
    view = _search(qtbot, window, "見守り")
    groups = _groups(view)
    assert list(groups) == [
        "meeting",
        "progress_entry",
        "action_item",
        "organisation",
        "contact",
    ]
    assert groups["meeting"] == ["南部 支え合い会議", "北部 見守り連絡会"]  # newest first
    minutes_hit = _hit_index(view, "meeting").data(HTML_ROLE)
    assert f"{MARK}見守り</span>" in minutes_hit and "北山町会の" in minutes_hit
    assert "<b>南部 支え合い会議</b>" in minutes_hit
    title_hit = _hit_index(view, "meeting", 1).data(HTML_ROLE)
    assert f"<b>北部 {MARK}見守り</span>連絡会</b>" in title_hit
    assert view.model.index(0, 0).data() == "会議  2件"
    assert view.status.text() == "「見守り」: 6件(新しい順)"
    view = _search(qtbot, window, "ﾐﾏﾓﾘ")  # half-width katakana finds the hiragana reading
    assert _groups(view) == {"organisation": ["見守りネットワーク<若葉>"]}


def test_record_text_is_escaped_never_markup(
    qtbot: QtBot, window: MainWindow, world: dict[str, object]
) -> None:
    view = _search(qtbot, window, "ネットワーク<若")
    html = _hit_index(view, "organisation").data(HTML_ROLE)
    assert f"<b>見守り{MARK}ネットワーク&lt;若</span>葉&gt;</b>" == html
    assert "<若" not in html


def test_filters_by_kind_year_and_area(
    qtbot: QtBot, window: MainWindow, world: dict[str, object]
) -> None:
    view = _search(qtbot, window, "見守")
    assert len(_groups(view)) == 5

    view.kind_combo.setCurrentIndex(view.kind_combo.findData("organisation"))
    assert list(_groups(view)) == ["organisation"]
    view.kind_combo.setCurrentIndex(0)

    view.year_combo.setCurrentIndex(view.year_combo.findData(2024))
    assert _groups(view) == {
        "meeting": ["南部 支え合い会議"],
        "progress_entry": ["見守りの担い手と面談"],
        "action_item": ["見守り名簿を更新する"],
    }  # undated kinds drop out with a fiscal year
    view.year_combo.setCurrentIndex(view.year_combo.findData(2022))
    assert _groups(view) == {"meeting": ["北部 見守り連絡会"]}
    view.year_combo.setCurrentIndex(0)

    north = world["north"].id  # type: ignore[attr-defined]
    view.area_combo.set_current_value(north)
    view.run()
    assert _groups(view) == {"meeting": ["北部 見守り連絡会"]}
    view.area_combo.set_current_value(world["south"].id)  # type: ignore[attr-defined]
    view.run()
    assert set(_groups(view)) == {"meeting", "progress_entry", "action_item"}


@pytest.mark.parametrize(
    ("kind", "page_kind", "owner"),
    [
        ("meeting", "meeting", "new"),
        ("action_item", "meeting", "new"),
        ("progress_entry", "project", "project"),
        ("contact", "organisation", "org"),
        ("organisation", "organisation", "org"),
    ],
)
def test_enter_opens_the_record_or_its_owner(
    qtbot: QtBot,
    window: MainWindow,
    world: dict[str, object],
    kind: str,
    page_kind: str,
    owner: str,
) -> None:
    window.show_page(0)
    view = _search(qtbot, window, "見守")
    index = _hit_index(view, kind)
    view.tree.setCurrentIndex(index)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert window.current_page.kind == page_kind
    assert window.current_page.editor.current_id == world[owner].id  # type: ignore[attr-defined]


def test_down_in_the_query_moves_to_the_first_hit(
    qtbot: QtBot, window: MainWindow, world: dict[str, object]
) -> None:
    view = window.open_search()
    enter(qtbot, view.query_edit, "見守")
    qtbot.keyClick(view.query_edit, Qt.Key.Key_Down)  # searches at once, no pause needed
    hit = view.model.hit_at(view.tree.currentIndex())
    assert hit is not None and hit.title == "南部 支え合い会議"
    assert view.tree.currentIndex().data(HIT_ROLE) is hit


def test_results_follow_an_edit_and_a_delete(
    qtbot: QtBot, window: MainWindow, services: Services, world: dict[str, object]
) -> None:
    view = _search(qtbot, window, "連絡会")
    assert _groups(view) == {"meeting": ["北部 見守り連絡会"]}

    old = world["old"].id  # type: ignore[attr-defined]
    window.open_record("meeting", old)
    page = window.current_page
    enter(qtbot, page.editor.title_edit, "北部 見守り連絡会(第2回)")  # type: ignore[attr-defined]
    assert page.save_record()
    assert services.meetings.get(old).title == "北部 見守り連絡会(第2回)"
    qtbot.waitUntil(lambda: _groups(view) == {"meeting": ["北部 見守り連絡会(第2回)"]})

    assert page.delete_record()
    qtbot.waitUntil(lambda: _groups(view) == {})
    assert "見つかりませんでした" in view.status.text()
    window.ctx.undo_stack.undo()  # restoring brings it back
    qtbot.waitUntil(lambda: _groups(view) == {"meeting": ["北部 見守り連絡会(第2回)"]})


def test_a_hit_deleted_since_the_search_is_not_opened(
    qtbot: QtBot, window: MainWindow, services: Services, world: dict[str, object]
) -> None:
    view = _search(qtbot, window, "面談")
    view.tree.setCurrentIndex(_hit_index(view, "progress_entry"))
    services.progress.soft_delete(world["entry"].id)  # type: ignore[attr-defined]
    assert not view.open_current()
    assert _groups(view) == {}
