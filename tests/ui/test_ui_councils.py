"""The 協議体 page: council data, members (organisation or contact), meeting history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import CouncilStatus
from coordinator_app.services.base import ListQuery
from coordinator_app.storage.database import Database
from coordinator_app.ui.councils.council_page import CouncilPage
from coordinator_app.ui.councils.membership_dialog import MembershipDialog
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter, reopened


def _page(window: MainWindow) -> CouncilPage:
    window.show_page(3)
    page = window.pages[3]
    assert isinstance(page, CouncilPage)
    return page


def test_create_edit_delete_council(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    city = make.city("若葉市")
    page = _page(window)
    editor = page.editor
    editor.refresh_choices()
    page.new_record()
    enter(qtbot, editor.name_edit, "若葉市第1層協議体")
    enter(qtbot, editor.kana_edit, "わかばしだいいっそうきょうぎたい")
    choose(editor.tier_field.combo, "第1層")
    choose(editor.area_combo, "若葉市")
    choose(editor.status_combo, "準備中")
    enter(qtbot, editor.venue_edit, "若葉市役所 第2会議室")
    enter(qtbot, editor.purpose_edit, "地域の支え合いの仕組みを話し合う")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    council_id = editor.current_id
    assert council_id is not None
    # Reloaded from the service, the pickers show the stored choices.
    assert editor.area_combo.currentText() == "若葉市"
    assert editor.tier_field.combo.currentText() == "第1層"

    choose(editor.status_combo, "設置済")
    enter(qtbot, editor.established_field, "R5.7.1")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not editor.is_dirty

    page.new_record()
    enter(qtbot, editor.name_edit, "統合された協議体")
    choose(editor.tier_field.combo, "第1層")
    assert page.save_record()
    doomed_id = editor.current_id
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    window.close()
    with reopened(db) as services:
        council = services.councils.get(council_id)
        assert council.name == "若葉市第1層協議体"
        assert council.tier == 1
        assert council.area_id == city.id
        assert council.status == CouncilStatus.ESTABLISHED
        assert council.established_on == date(2023, 7, 1)
        assert council.usual_venue == "若葉市役所 第2会議室"
        assert council.purpose == "地域の支え合いの仕組みを話し合う"
        assert services.councils.get(doomed_id, include_deleted=True).is_deleted


def test_members_add_edit_delete(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    council = make.council()
    org = make.organisation("若葉市社会福祉協議会")
    contact = make.contact(org, name="山田 花子")
    make.organisation("若葉台町会", kind="neighbourhood_association", kana="わかばだいちょうかい")
    page = _page(window)
    page.model.refresh()
    page.select_record(council.id)
    panel = page.editor.members

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, MembershipDialog)
    assert dialog.organisation_radio.isChecked()
    choose(dialog.organisation_combo, "若葉市社会福祉協議会")
    dialog.role_combo.setCurrentText("")
    enter(qtbot, dialog.role_combo.lineEdit(), "事務局")
    enter(qtbot, dialog.start_field, "2023-04-01")
    accept(qtbot, dialog, dialog.save_button)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, MembershipDialog)
    qtbot.mouseClick(dialog.contact_radio, Qt.MouseButton.LeftButton)
    assert dialog.contact_combo.isEnabled() and not dialog.organisation_combo.isEnabled()
    choose(dialog.contact_combo, "山田 花子(若葉市社会福祉協議会)")
    choose(dialog.role_combo, "座長")
    accept(qtbot, dialog, dialog.save_button)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, MembershipDialog)
    choose(dialog.organisation_combo, "若葉台町会")
    accept(qtbot, dialog, dialog.save_button)
    assert panel.model.rowCount() == 3
    members = {panel.model.index(r, 0).data(): panel.model.id_at(r) for r in range(3)}
    chair_id = members["山田 花子(若葉市社会福祉協議会)"]
    office_id = members["若葉市社会福祉協議会"]
    doomed_id = members["若葉台町会"]

    # Edit the chair: add an end date.
    panel.select_row(list(members).index("山田 花子(若葉市社会福祉協議会)"))
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, MembershipDialog)
    assert dialog.contact_radio.isChecked()
    enter(qtbot, dialog.end_field, "2025-03-31")
    accept(qtbot, dialog, dialog.save_button)

    panel.select_row(next(r for r in range(3) if panel.model.id_at(r) == doomed_id))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 2

    window.close()
    with reopened(db) as services:
        office = services.council_members.get(office_id)  # type: ignore[arg-type]
        assert (office.organisation_id, office.contact_id) == (org.id, None)
        assert office.role == "事務局"
        assert office.start_date == date(2023, 4, 1)
        chair = services.council_members.get(chair_id)  # type: ignore[arg-type]
        assert (chair.organisation_id, chair.contact_id) == (None, contact.id)
        assert chair.role == "座長"
        assert chair.end_date == date(2025, 3, 31)
        assert services.council_members.get(doomed_id, include_deleted=True).is_deleted  # type: ignore[arg-type]
        live = services.council_members.list(ListQuery(filters={"council_id": council.id}))
        assert {m.id for m in live.rows} == {office_id, chair_id}


def test_meeting_history(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    council = make.council()
    make.meeting(title="第1回 協議体", held_on=date(2023, 5, 10), council_id=council.id)
    make.meeting(title="第2回 協議体", held_on=date(2023, 9, 12), council_id=council.id)
    make.meeting(title="ほかの会議")
    page = _page(window)
    page.model.refresh()
    page.select_record(council.id)
    history = page.editor.meetings.model
    titles = [history.index(r, history.TITLE).data() for r in range(history.rowCount())]
    assert titles == ["第2回 協議体", "第1回 協議体"]
    assert page.model.index(0, page.model.MEMBERS).data() == "0"
