"""The 地域 page: create, edit, delete through the widgets; filter and sort in the service."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import Area
from coordinator_app.services.base import ListQuery
from coordinator_app.storage.database import Database
from coordinator_app.ui.areas.area_model import AreaTableModel
from coordinator_app.ui.areas.area_page import AreaPage
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import choose, enter, reopened


def _page(window: MainWindow) -> AreaPage:
    window.show_page(0)
    page = window.pages[0]
    assert isinstance(page, AreaPage)
    return page


def test_create_edit_delete_area(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    page = _page(window)
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.name_edit, "若葉市")
    enter(qtbot, editor.kana_edit, "わかばし")
    choose(editor.kind_combo, "市域")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    city_id = editor.current_id
    assert city_id is not None

    page.new_record()
    enter(qtbot, editor.name_edit, "北部圏域")
    enter(qtbot, editor.kana_edit, "ホクブケンイキ")
    choose(editor.kind_combo, "日常生活圏域")
    choose(editor.parent_combo, "若葉市")
    enter(qtbot, editor.notes_edit, "中学校区2つ")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    north_id = editor.current_id
    assert north_id is not None and north_id != city_id
    assert page.model.total == 2

    # Edit: select it in the list, change the name, save with Ctrl+S.
    page.select_record(north_id)
    assert editor.parent_combo.currentText().strip("　") == "若葉市"
    enter(qtbot, editor.name_edit, "北部地域包括圏域")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.is_dirty

    # A third area, deleted through the Delete button (confirmation answered yes).
    page.new_record()
    enter(qtbot, editor.name_edit, "廃止予定圏域")
    choose(editor.kind_combo, "日常生活圏域")
    choose(editor.parent_combo, "若葉市")
    assert page.save_record()
    doomed_id = editor.current_id
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert editor.current_id is None
    assert page.model.total == 2

    window.close()
    with reopened(db) as services:
        north = services.areas.get(north_id)
        assert north.name == "北部地域包括圏域"
        assert north.kana == "ホクブケンイキ"
        assert north.kind == AreaKind.DAILY_LIFE_AREA
        assert north.parent_id == city_id
        assert north.notes == "中学校区2つ"
        assert services.areas.get(city_id).kind == AreaKind.MUNICIPALITY
        gone = services.areas.get(doomed_id, include_deleted=True)
        assert gone.deleted_at is not None
        assert services.areas.list().total == 2


def _setagaya(make: Factory) -> dict[str, Area]:
    save = make.s.areas.save
    ward = save(Area(name="世田谷区", kana="せたがやく", kind=AreaKind.MUNICIPALITY))
    setagaya = save(
        Area(name="世田谷地域", kana="せたがやちいき", kind=AreaKind.REGION, parent_id=ward.id)
    )
    kinuta = save(Area(name="砧地域", kana="きぬたちいき", kind=AreaKind.REGION, parent_id=ward.id))
    kitami = save(
        Area(name="喜多見", kana="きたみ", kind=AreaKind.DAILY_LIFE_AREA, parent_id=kinuta.id)
    )
    ikejiri = save(
        Area(name="池尻", kana="いけじり", kind=AreaKind.DAILY_LIFE_AREA, parent_id=setagaya.id)
    )
    return {
        "ward": ward,
        "setagaya": setagaya,
        "kinuta": kinuta,
        "kitami": kitami,
        "ikejiri": ikejiri,
    }


def _names(page: AreaPage) -> list[str]:
    return [page.model.index(r, AreaTableModel.NAME).data() for r in range(page.model.rowCount())]


def test_the_page_shows_the_tree(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    _setagaya(make)
    page = _page(window)
    page.model.refresh()
    assert _names(page) == [
        "▾ 世田谷区",
        "　▾ 砧地域",
        "　　　喜多見",
        "　▾ 世田谷地域",
        "　　　池尻",
    ]
    assert page.model.index(1, AreaTableModel.KIND).data() == "地域"
    page.table.grab().save("/tmp/model-area-tree.png")


def test_filter_keeps_ancestors_visible(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    _setagaya(make)
    page = _page(window)
    page.model.refresh()

    enter(qtbot, page.filter_edit, "喜多見")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert [n.strip("　▾ ") for n in _names(page)] == ["世田谷区", "砧地域", "喜多見"]
    # Ancestors are there for context only: greyed; the match is not.
    context = page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert context is not None
    assert page.model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "1件" in page.count_label.text()

    # Katakana finds the hiragana reading (the service folds them).
    enter(qtbot, page.filter_edit, "イケジリ")
    qtbot.waitUntil(lambda: _names(page)[-1].endswith("池尻"))
    assert [n.strip("　▾ ") for n in _names(page)] == ["世田谷区", "世田谷地域", "池尻"]

    page.filter_edit.clear()
    qtbot.waitUntil(lambda: page.model.total == 5)
    choose(page.kind_filter, "地域")
    assert page.model.total == 2
    assert [n.strip("　▾ ") for n in _names(page)] == ["世田谷区", "砧地域", "世田谷地域"]


def test_branches_collapse_and_expand(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    areas = _setagaya(make)
    page = _page(window)
    page.model.refresh()
    # A click on the ▾ of 砧地域 folds it.
    index = page.model.index(1, AreaTableModel.NAME)
    rect = page.table.visualRect(index)
    marker = QPoint(
        rect.left() + page.table.fontMetrics().horizontalAdvance("　") + 4, rect.center().y()
    )
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=marker)
    assert _names(page) == ["▾ 世田谷区", "　▸ 砧地域", "　▾ 世田谷地域", "　　　池尻"]
    # → expands the current branch, ← folds it; ← on a leaf goes to its parent.
    page.table.setFocus()
    page.select_record(areas["kinuta"].id)  # the form shows it, the branch stays folded
    assert page.table.currentIndex().row() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Right)
    assert "喜多見" in _names(page)[2]
    qtbot.keyClick(page.table, Qt.Key.Key_Left)
    assert len(_names(page)) == 4
    # Opening a record inside a folded branch unfolds it.
    page.select_record(areas["kitami"].id)
    assert page.editor.current_id == areas["kitami"].id
    assert page.table.currentIndex().row() == 2
    qtbot.keyClick(page.table, Qt.Key.Key_Left)
    assert page.table.currentIndex().row() == 1
    qtbot.mouseClick(page.collapse_button, Qt.MouseButton.LeftButton)
    assert _names(page) == ["▸ 世田谷区"]
    qtbot.mouseClick(page.expand_button, Qt.MouseButton.LeftButton)
    assert len(_names(page)) == 5


def test_statistics_and_parent_in_the_form(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    areas = _setagaya(make)
    page = _page(window)
    page.model.refresh()
    editor = page.editor
    page.select_record(areas["ward"].id)
    enter(qtbot, editor.population_field, "943,664")
    enter(qtbot, editor.households_field, "500000")
    enter(qtbot, editor.aging_rate_field, "120")
    enter(qtbot, editor.stats_as_of_field, "令和4年9月末日")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "0から100" in editor.forms[1].error_text("aging_rate")
    assert editor.aging_rate_field.text() == "120"  # kept for correcting
    assert make.s.areas.get(areas["ward"].id).population is None
    enter(qtbot, editor.aging_rate_field, "２０．５%")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not editor.is_dirty
    assert "人口 943,664人" in editor.statistics_label.text()
    assert page.model.index(0, AreaTableModel.POPULATION).data() == "943,664"
    assert page.model.index(0, AreaTableModel.AGING_RATE).data() == "20.5%"

    # A region cannot move below its own daily-life area: refused with a message.
    page.select_record(areas["kinuta"].id)
    choose(editor.parent_combo, "喜多見")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "自分自身やその下位地域" in editor.forms[0].error_text("parent_id")
    # Moved under 世田谷地域 instead.
    choose(editor.parent_combo, "世田谷地域")
    assert page.save_record()
    assert [n.strip("　▾ ") for n in _names(page)] == [
        "世田谷区",
        "世田谷地域",
        "池尻",
        "砧地域",
        "喜多見",
    ]

    window.close()
    with reopened(db) as services:
        ward = services.areas.get(areas["ward"].id)
        assert (ward.population, ward.households, ward.aging_rate, ward.stats_as_of) == (
            943_664,
            500_000,
            20.5,
            date(2022, 9, 30),
        )
        assert services.areas.get(areas["kinuta"].id).parent_id == areas["setagaya"].id


def test_header_click_sorts_in_the_service(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    city = make.city("若葉市")
    make.area("あおば圏域", parent=city)
    page = _page(window)
    page.model.refresh()
    header = page.table.horizontalHeader()
    kind_x = header.sectionViewportPosition(AreaTableModel.KIND) + 5
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(kind_x, 5),
    )
    assert page.model.query.sort == "kind"
    shown = [page.model.id_at(r) for r in range(page.model.rowCount())]
    # Siblings are ordered by the column; the tree keeps its shape.
    tree = make.s.areas.tree(sort="kind", descending=page.model.query.descending)
    assert shown == [n.area.id for n in tree]
    query = ListQuery(sort="kind", descending=page.model.query.descending)
    # Clicking again reverses the order, still in the service.
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(kind_x, 5))
    assert page.model.query.descending is not query.descending
