"""The 地域 page: create, edit, delete through the widgets; filter and sort in the service."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import AreaKind
from coordinator_app.services.base import ListQuery
from coordinator_app.storage.database import Database
from coordinator_app.ui.areas.area_model import AreaTableModel
from coordinator_app.ui.areas.area_page import AreaPage
from coordinator_app.ui.main_window import MainWindow
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


def test_filter_matches_kanji_and_kana(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    city = make.city("若葉市")
    make.area("北部圏域", parent=city)  # reading ほくぶけんいき
    make.area("南部圏域", parent=city)
    page = _page(window)
    page.model.refresh()

    enter(qtbot, page.filter_edit, "北部")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.record_at(0).name == "北部圏域"  # type: ignore[union-attr]

    # Katakana finds the hiragana reading (the service folds them).
    enter(qtbot, page.filter_edit, "ホクブ")
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert page.model.record_at(0).name == "北部圏域"  # type: ignore[union-attr]

    page.filter_edit.clear()
    qtbot.waitUntil(lambda: page.model.total == 3)
    choose(page.kind_filter, "市域")
    assert page.model.total == 1
    assert page.model.record_at(0).name == "若葉市"  # type: ignore[union-attr]


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
    query = ListQuery(sort="kind", descending=page.model.query.descending)
    assert shown == [a.id for a in make.s.areas.list(query).rows]
    # Clicking again reverses the order, still in the service.
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(kind_x, 5))
    assert page.model.query.descending is not query.descending
