"""A tick in a check list changes only by a click on that very item: filtering
never moves a ticked item above the matches (where a click on "the first
match" would untick it), and ticked areas stay in their place in the tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import Area
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.pickers import CheckList, options_of
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import commit_text, enter


def _texts(check_list: CheckList) -> list[str]:
    return [check_list.list.item(i).text() for i in range(check_list.list.count())]


def click_check_box(qtbot: QtBot, check_list: CheckList, item: QListWidgetItem) -> None:
    """Click the item's check box with the mouse, as a user does."""
    view = check_list.list
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def _areas(services: Services, make: Factory) -> dict[str, Area]:
    city = make.city("世田谷区")
    found = {"city": city}
    for name, kana, children in (
        ("世田谷地域", "せたがやちいき", (("池尻", "いけじり"), ("太子堂", "たいしどう"))),
        ("砧地域", "きぬたちいき", (("喜多見", "きたみ"), ("砧", "きぬた"))),
    ):
        region = services.areas.save(
            Area(name=name, kana=kana, kind=AreaKind.DISTRICT, parent_id=city.id)
        )
        found[name] = region
        for child, child_kana in children:
            found[child] = services.areas.save(
                Area(
                    name=child,
                    kana=child_kana,
                    kind=AreaKind.DAILY_LIFE_AREA,
                    parent_id=region.id,
                )
            )
    return found


def test_clicking_the_first_match_after_filtering_keeps_the_earlier_tick(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    areas = _areas(services, make)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page
    page.new_record()
    editor = page.editor
    enter(qtbot, editor.name_edit, "まちづくりセンター")  # type: ignore[attr-defined]
    editor.tabs.setCurrentIndex(1)  # type: ignore[union-attr]
    picker: CheckList = editor.areas_list  # type: ignore[attr-defined]
    tree_order = _texts(picker)
    assert [t.strip() for t in tree_order] == [
        "世田谷区",
        "砧地域",
        "喜多見",
        "砧",
        "世田谷地域",
        "池尻",
        "太子堂",
    ]  # fmt: skip  (the tree in reading order)

    click_check_box(qtbot, picker, picker.item_for(areas["太子堂"].id))  # type: ignore[arg-type]
    assert picker.checked_values() == [areas["太子堂"].id]
    assert _texts(picker) == tree_order  # the ticked area stays where it is in the tree

    picker.filter.setFocus()
    commit_text(picker.filter, "きたみ")
    qtbot.waitUntil(lambda: [t.strip() for t in _texts(picker)] == ["喜多見"])
    click_check_box(qtbot, picker, picker.list.item(0))  # the first row: 喜多見
    assert picker.checked_values() == [areas["太子堂"].id, areas["喜多見"].id]
    assert "太子堂" in picker.summary.text() and "喜多見" in picker.summary.text()

    picker.filter.clear()
    qtbot.waitUntil(lambda: _texts(picker) == tree_order)
    checked = [
        picker.list.item(i).text().strip()
        for i in range(picker.list.count())
        if picker.list.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert checked == ["喜多見", "太子堂"]  # in tree order

    assert page.save_record()
    stored = services.organisations.list().rows[0]
    assert set(services.organisations.area_ids(stored.id)) == {
        areas["太子堂"].id,
        areas["喜多見"].id,
    }
    picker.grab().save("/tmp/ux-picker.png")


def test_a_click_unticks_only_the_item_clicked(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    areas = _areas(services, make)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    editor = window.current_page.editor
    editor.tabs.setCurrentIndex(1)  # type: ignore[union-attr]
    picker: CheckList = editor.areas_list  # type: ignore[attr-defined]
    picker.set_checked_values([areas["池尻"].id, areas["砧"].id])
    picker.search("きぬた")
    assert [t.strip() for t in _texts(picker)] == ["砧地域", "砧"]
    click_check_box(qtbot, picker, picker.list.item(1))  # untick 砧
    assert picker.checked_values() == [areas["池尻"].id]


def test_a_ticked_record_deleted_elsewhere_stays_ticked_until_the_user_unticks_it(
    qtbot: QtBot, services: Services, make: Factory
) -> None:
    keep = make.organisation("福生市社会福祉協議会", kana="ふっさししゃかいふくしきょうぎかい")
    gone = make.organisation("北山町会", kana="きたやまちょうかい")
    picker = CheckList(source=options_of(services.organisations))
    qtbot.addWidget(picker)
    picker.set_checked_values([keep.id, gone.id])
    services.organisations.soft_delete(gone.id)
    picker.refresh()  # what a form does when another window changed records
    assert picker.checked_values() == [keep.id, gone.id]
    assert picker.item_for(gone.id).text() == "(見つかりません)"  # type: ignore[union-attr]
    click_check_box(qtbot, picker, picker.item_for(gone.id))  # type: ignore[arg-type]
    assert picker.checked_values() == [keep.id]
