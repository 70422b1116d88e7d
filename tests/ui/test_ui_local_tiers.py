"""Local tiers in the council form, and a deleted organisation leaving the council's
member list (座長) until Ctrl+Z brings it back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import CouncilMembership
from coordinator_app.domain.tiers import LocalTier
from coordinator_app.storage.database import Database
from coordinator_app.ui.councils.council_model import CouncilTableModel
from coordinator_app.ui.councils.council_page import CouncilPage
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import choose, enter, reopened


def _councils(window: MainWindow) -> CouncilPage:
    window.show_page(3)
    page = window.pages[3]
    assert isinstance(page, CouncilPage)
    return page


def test_a_council_can_be_1_5_layer(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    city = make.city("倉敷市")
    page = _councils(window)
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.name_edit, "高齢者活躍推進地域づくりネットワーク会議")
    # The list has no local tiers yet: define them from the form.
    qtbot.mouseClick(editor.tier_field.edit_button, Qt.MouseButton.LeftButton)
    dialog = editor.tier_field.dialog
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    # A national name is refused with a message; the row stays as typed.
    dialog.table.item(0, 0).setText("第1層")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "全国共通の層" in dialog.error_label.text()
    dialog.table.item(0, 0).setText("1.5層")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert make.s.tiers.local_tiers() == [LocalTier("1.5層", 1)]

    choose(editor.tier_field.combo, "1.5層(第1層として集計)")
    choose(editor.area_combo, "倉敷市")
    assert page.save_record()
    council_id = editor.current_id
    assert editor.tier_field.combo.currentText() == "1.5層(第1層として集計)"
    row = page.model.row_of(council_id)
    assert page.model.index(row, CouncilTableModel.TIER).data() == "1.5層"

    window.close()
    with reopened(db) as services:
        council = services.councils.get(council_id)  # type: ignore[arg-type]
        assert (council.tier, council.tier_label, council.area_id) == (1, "1.5層", city.id)


def test_deleted_chair_leaves_the_member_list_until_undone(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    org = make.organisation("若葉市社会福祉協議会")
    council = make.council()
    chair = make.s.council_members.save(
        CouncilMembership(council_id=council.id, organisation_id=org.id, role="座長")
    )
    page = _councils(window)
    page.model.refresh()
    page.select_record(council.id)
    members = page.editor.members
    assert members.model.rowCount() == 1

    window.show_page(2)
    organisations = window.pages[2]
    organisations.model.refresh()
    organisations.select_record(org.id)
    organisations.table.setFocus()
    qtbot.keyClick(organisations.table, Qt.Key.Key_Delete)
    assert make.s.organisations.get(org.id, include_deleted=True).is_deleted
    assert members.model.rowCount() == 0

    qtbot.keyClick(organisations.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert members.model.rowCount() == 1
    window.close()
    with reopened(db) as services:
        assert services.council_members.get(chair.id).deleted_at is None
        assert services.organisations.get(org.id).deleted_at is None
