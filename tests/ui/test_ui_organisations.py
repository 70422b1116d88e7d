"""The 関係機関 page: organisation with areas served, contacts, participation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import OrgKind, SupportCenterOperation
from coordinator_app.domain.models import CouncilMembership
from coordinator_app.services.base import ListQuery
from coordinator_app.storage.database import Database
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.organisations.contact_dialog import ContactDialog
from coordinator_app.ui.organisations.organisation_page import OrganisationPage
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter, reopened


def _page(window: MainWindow) -> OrganisationPage:
    window.show_page(2)
    page = window.pages[2]
    assert isinstance(page, OrganisationPage)
    return page


def _check(page: OrganisationPage, area_name: str) -> None:
    item = next(
        page.editor.areas_list.list.item(i)
        for i in range(page.editor.areas_list.list.count())
        if page.editor.areas_list.list.item(i).text().strip("　") == area_name
    )
    item.setCheckState(Qt.CheckState.Checked)


def test_create_edit_delete_organisation(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    city = make.city("若葉市")
    north = make.area("北部圏域", parent=city)
    make.area("南部圏域", parent=city)
    page = _page(window)
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.name_edit, "若葉市北部地域包括支援センター")
    enter(qtbot, editor.kana_edit, "わかばしほくぶちいきほうかつしえんせんたー")
    choose(editor.kind_combo, "地域包括支援センター")
    choose(editor.operation_combo, "委託")
    enter(qtbot, editor.address_edit, "若葉市北町1-2-3")
    enter(qtbot, editor.phone_edit, "042-555-0101")
    enter(qtbot, editor.email_edit, "north@example.jp")
    enter(qtbot, editor.website_edit, "https://example.jp/north")
    enter(qtbot, editor.notes_edit, "月曜休み")
    _check(page, "北部圏域")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    org_id = editor.current_id
    assert org_id is not None, page.editor.forms[0].error_text("general")

    enter(qtbot, editor.phone_edit, "042-555-0199")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    page.new_record()
    enter(qtbot, editor.name_edit, "閉鎖したNPO")
    choose(editor.kind_combo, "NPO")
    assert page.save_record()
    doomed_id = editor.current_id
    assert not editor.operation_combo.isEnabled()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    window.close()
    with reopened(db) as services:
        org = services.organisations.get(org_id)
        assert org.name == "若葉市北部地域包括支援センター"
        assert org.kind == OrgKind.SUPPORT_CENTER
        assert org.operation == SupportCenterOperation.CONTRACTED
        assert org.address == "若葉市北町1-2-3"
        assert org.phone == "042-555-0199"
        assert org.email == "north@example.jp"
        assert org.website == "https://example.jp/north"
        assert org.notes == "月曜休み"
        assert services.organisations.area_ids(org_id) == [north.id]
        assert services.organisations.get(doomed_id, include_deleted=True).is_deleted


def test_contacts_add_edit_delete(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    org = make.organisation("若葉市社会福祉協議会")
    page = _page(window)
    page.model.refresh()
    page.select_record(org.id)
    panel = page.editor.contacts
    assert panel.add_button.isEnabled()

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ContactDialog)
    enter(qtbot, dialog.name_edit, "鈴木 次郎")
    enter(qtbot, dialog.kana_edit, "すずき じろう")
    enter(qtbot, dialog.role_edit, "地域福祉係長")
    enter(qtbot, dialog.phone_edit, "042-555-0202")
    enter(qtbot, dialog.email_edit, "suzuki@example.jp")
    accept(qtbot, dialog, dialog.save_button)
    assert panel.model.rowCount() == 1
    contact_id = panel.model.id_at(0)

    panel.select_row(0)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ContactDialog)
    assert dialog.name_edit.text() == "鈴木 次郎"
    enter(qtbot, dialog.role_edit, "事務局長")
    accept(qtbot, dialog, dialog.save_button)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ContactDialog)
    enter(qtbot, dialog.name_edit, "異動 予定")
    accept(qtbot, dialog, dialog.save_button)
    assert panel.model.rowCount() == 2
    row = next(r for r in range(2) if panel.model.id_at(r) != contact_id)
    doomed_id = panel.model.id_at(row)
    panel.select_row(row)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1

    window.close()
    with reopened(db) as services:
        contact = services.contacts.get(contact_id)  # type: ignore[arg-type]
        assert (contact.name, contact.kana) == ("鈴木 次郎", "すずき じろう")
        assert contact.role == "事務局長"
        assert (contact.phone, contact.email) == ("042-555-0202", "suzuki@example.jp")
        assert contact.organisation_id == org.id
        assert services.contacts.get(doomed_id, include_deleted=True).is_deleted  # type: ignore[arg-type]
        live = services.contacts.list(ListQuery(filters={"organisation_id": org.id}))
        assert [c.id for c in live.rows] == [contact_id]


def test_participation_lists_councils_and_meetings(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    org = make.organisation("若葉市社会福祉協議会")
    council = make.council()
    make.s.council_members.save(
        CouncilMembership(council_id=council.id, organisation_id=org.id, role="事務局")
    )
    meeting = make.meeting(title="第3回 連絡会")
    make.s.meetings.save(meeting, organisation_ids=[org.id])
    page = _page(window)
    page.model.refresh()
    page.select_record(org.id)
    councils = page.editor.councils.model
    meetings = page.editor.meetings.model
    assert councils.rowCount() == 1
    assert councils.index(0, councils.NAME).data() == "第1層協議体"
    assert councils.index(0, councils.ROLE).data() == "事務局"
    assert meetings.rowCount() == 1
    assert meetings.index(0, meetings.TITLE).data() == "第3回 連絡会"

    # Double-clicking a meeting opens it on the meeting page.
    table = page.editor.meetings.table
    table.doubleClicked.emit(meetings.index(0, 0))
    assert window.stack.currentIndex() == 4
    assert window.pages[4].editor.current_id == meeting.id
