"""Pickers search the services as the user types and keep what is already chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import OrgKind
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.pickers import (
    SEARCH_LIMIT,
    CheckList,
    ContactOptions,
    Option,
    RecordCombo,
    StaticOptions,
    TaggedOptions,
    options_of,
)
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.councils.membership_dialog import MembershipDialog
from tests.conftest import Factory
from tests.ui.conftest import accept, commit_text

offscreen_popups = pytest.mark.qt_log_ignore(
    # The offscreen platform cannot size, raise or grab the keyboard for a popup.
    "does not support propagateSizeHints",
    "does not support raise",
    "does not support grabbing the keyboard",
)


def _texts(check_list: CheckList) -> list[str]:
    return [check_list.list.item(i).text() for i in range(check_list.list.count())]


def _items(combo: RecordCombo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def _organisations(make: Factory) -> dict[str, object]:
    return {
        "shakyo": make.organisation(
            "若葉市社会福祉協議会", kana="わかばししゃかいふくしきょうぎかい"
        ),
        "chokai": make.organisation(
            "北山町会", kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION, kana="きたやまちょうかい"
        ),
        "npo": make.organisation("NPO法人みどりの手", kind=OrgKind.NPO, kana="みどりのて"),
    }


@offscreen_popups
def test_check_list_finds_by_kana_and_keeps_the_checked(
    qtbot: QtBot, services: Services, make: Factory
) -> None:
    orgs = _organisations(make)
    picker = CheckList(source=options_of(services.organisations))
    qtbot.addWidget(picker)
    picker.refresh()
    assert len(_texts(picker)) == 3

    picker.search("キタヤマ")  # katakana finds the hiragana reading
    assert _texts(picker) == ["北山町会"]
    picker.item_for(orgs["chokai"].id).setCheckState(Qt.CheckState.Checked)  # type: ignore[union-attr,attr-defined]

    picker.search("みどり")
    assert _texts(picker) == ["NPO法人みどりの手"]  # the matches only: row 0 is a match
    assert picker.summary.text() == "1件を選択: 北山町会"  # the checked one is named
    picker.search("ｼｬｶｲﾌｸｼ")  # half-width katakana
    assert _texts(picker) == ["若葉市社会福祉協議会"]
    assert picker.checked_values() == [orgs["chokai"].id]  # type: ignore[attr-defined]
    picker.search("")
    assert picker.item_for(orgs["chokai"].id).checkState() == Qt.CheckState.Checked  # type: ignore[union-attr,attr-defined]


@offscreen_popups
def test_check_list_typing_searches_after_a_pause(
    qtbot: QtBot, services: Services, make: Factory
) -> None:
    _organisations(make)
    picker = CheckList(source=options_of(services.organisations))
    qtbot.addWidget(picker)
    picker.refresh()
    picker.filter.setFocus()
    commit_text(picker.filter, "ちょうかい")
    qtbot.waitUntil(lambda: _texts(picker) == ["北山町会"])


@offscreen_popups
def test_check_list_shows_chosen_records_beyond_the_first_page(
    qtbot: QtBot, services: Services, make: Factory
) -> None:
    _organisations(make)
    for i in range(SEARCH_LIMIT + 5):
        make.organisation(f"あいうえお会{i:03d}", kana=f"あいうえおかい{i:03d}")
    last = make.organisation("んーの会", kana="んーのかい")  # sorts after every other
    picker = CheckList(source=options_of(services.organisations))
    qtbot.addWidget(picker)
    picker.set_checked_values([last.id])
    picker.refresh()
    texts = _texts(picker)
    # The first page of matches in order, then the chosen ones it does not show.
    assert len(texts) == SEARCH_LIMIT + 2
    assert texts[-2:] == ["選択中(ほかの候補)", "んーの会"]
    assert picker.item_for(last.id).checkState() == Qt.CheckState.Checked  # type: ignore[union-attr]
    assert picker.more and "絞り込んで" in picker.summary.text()


@offscreen_popups
def test_record_combo_searches_and_keeps_its_choice(
    qtbot: QtBot, services: Services, make: Factory
) -> None:
    orgs = _organisations(make)
    combo = RecordCombo(none_text="(なし)", source=options_of(services.organisations))
    qtbot.addWidget(combo)
    combo.show()
    combo.refresh()
    assert _items(combo)[0] == "(なし)" and len(_items(combo)) == 4

    popup = combo.open_search("ミドリ")
    assert popup.isVisible()
    assert popup.view.currentIndex().data() == "NPO法人みどりの手"
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert combo.current_value() == orgs["npo"].id  # type: ignore[attr-defined]

    popup = combo.open_search("きたやま")
    assert _items(combo) == ["(なし)", "NPO法人みどりの手", "北山町会"]
    qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    assert combo.current_value() == orgs["npo"].id  # type: ignore[attr-defined]

    popup = combo.open_search("存在しない名前")
    assert popup.hint.isVisible() and _items(combo) == ["(なし)", "NPO法人みどりの手"]
    popup.hide()


@offscreen_popups
def test_record_combo_looks_up_a_value_it_does_not_list(
    qtbot: QtBot, services: Services, make: Factory
) -> None:
    orgs = _organisations(make)
    combo = RecordCombo(none_text="(なし)", source=options_of(services.organisations))
    qtbot.addWidget(combo)
    combo.search("みどり")
    combo.set_current_value(orgs["shakyo"].id)  # type: ignore[attr-defined]
    assert combo.currentText() == "若葉市社会福祉協議会"
    services.organisations.soft_delete(orgs["shakyo"].id)  # type: ignore[attr-defined]
    combo.refresh()
    assert combo.currentText() == "(見つかりません)"
    assert combo.current_value() == orgs["shakyo"].id  # type: ignore[attr-defined]


@offscreen_popups
def test_typing_on_a_closed_combo_opens_the_search(
    qtbot: QtBot, services: Services, make: Factory
) -> None:
    _organisations(make)
    combo = RecordCombo(source=options_of(services.organisations))
    qtbot.addWidget(combo)
    combo.show()
    combo.refresh()
    assert combo.currentText() == "北山町会"  # no "none" item: the first is chosen
    qtbot.keyClick(combo, Qt.Key.Key_N)
    popup = combo.popup
    assert popup is not None and popup.isVisible() and popup.edit.text() == "n"
    assert _items(combo) == ["北山町会", "NPO法人みどりの手"]
    assert popup.view.currentIndex().data() == "NPO法人みどりの手"
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert combo.currentText() == "NPO法人みどりの手"


@offscreen_popups
def test_tagged_options_share_the_page_between_kinds(services: Services, make: Factory) -> None:
    org = make.organisation()
    for name in ("山田 一", "山田 二", "山田 三", "山田 四"):
        make.contact(org, name=name)
    make.coordinator("高橋 美咲", "たかはし みさき")
    source = TaggedOptions(
        [
            ("coordinator:", options_of(services.coordinators), "(コーディネーター)"),
            ("contact:", ContactOptions(services), ""),
        ]
    )
    found = source.search("", limit=3)
    texts = [o.text for o in found]
    assert texts[0] == "高橋 美咲(コーディネーター)"
    assert len(texts) == 3 and all(t.endswith("(福生市社会福祉協議会)") for t in texts[1:])
    value = found[1].value
    assert isinstance(value, str) and value.startswith("contact:")
    assert source.lookup([value]) == [found[1]]
    assert StaticOptions([Option(1, "a")]).search("", limit=0) == [Option(1, "a")]


@offscreen_popups
def test_membership_dialog_finds_a_contact_by_kana_and_stores_it(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    council = make.council()
    org = make.organisation("若葉市社会福祉協議会")
    person = make.contact(org, name="山田 花子")
    dialog = MembershipDialog(ctx, owner_id=council.id, record=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.contact_radio, Qt.MouseButton.LeftButton)
    popup = dialog.contact_combo.open_search("ヤマダ")
    assert popup.view.currentIndex().data() == "山田 花子(若葉市社会福祉協議会)"
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    accept(qtbot, dialog, dialog.save_button)
    stored = services.council_members.list().rows
    assert [(m.council_id, m.contact_id) for m in stored] == [(council.id, person.id)]
