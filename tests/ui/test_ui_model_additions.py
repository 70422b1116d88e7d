"""Through the window: a project's team with roles, an organisation's 設立日 that the
report counts by, and a meeting's area (form and list filter)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import AreaKind, OrgKind
from coordinator_app.domain.models import Area
from coordinator_app.services.base import ListQuery
from coordinator_app.services.projects import CONTACT_MEMBER, COORDINATOR_MEMBER
from coordinator_app.storage.database import Database
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from coordinator_app.ui.organisations.organisation_page import OrganisationPage
from coordinator_app.ui.projects.project_members import ROLE
from coordinator_app.ui.projects.project_page import ProjectPage
from tests.conftest import Factory
from tests.ui.conftest import choose, enter, reopened


def test_project_team_with_roles(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    leader = make.coordinator("佐藤 一郎", "さとう いちろう")
    org = make.organisation("喜多見町会", kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION, kana="きたみ")
    resident = make.contact(org, "山田 花子")
    dropped = make.contact(org, "鈴木 次郎")
    project = make.project(title="喜多見の通いの場づくり")
    window.show_page(5)
    page = window.pages[5]
    assert isinstance(page, ProjectPage)
    page.model.refresh()
    page.select_record(project.id)
    panel = page.editor.member_panel

    def add(reading: str, label: str) -> None:
        panel.person_combo.search(reading)
        choose(panel.person_combo, label)
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)

    add("さとう", "佐藤 一郎(コーディネーター)")
    add("やまだ", "山田 花子(喜多見町会)")
    add("やまだ", "鈴木 次郎(喜多見町会)")
    # Adding the same person twice only selects the row.
    add("さとう", "佐藤 一郎(コーディネーター)")
    assert panel.table.rowCount() == 3
    assert page.editor.is_dirty
    role = panel.table.cellWidget(1, ROLE)
    assert isinstance(role, QComboBox)
    assert panel.table.cellWidget(0, ROLE).currentText() == "リーダー"  # type: ignore[union-attr]
    role.setEditText("記録係")
    panel.table.selectRow(2)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 2
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.editor.is_dirty

    # An empty role is refused with a message; the team stays as typed.
    role = panel.table.cellWidget(1, ROLE)
    role.setEditText("")  # type: ignore[union-attr]
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "役割" in page.editor.team_form.error_text("members")
    assert panel.table.rowCount() == 2
    role.setEditText("記録係")  # type: ignore[union-attr]

    window.close()
    with reopened(db) as services:
        team = services.projects.members(project.id)
        assert [(m.kind, m.person_id, m.role) for m in team] == [
            (COORDINATOR_MEMBER, leader.id, "リーダー"),
            (CONTACT_MEMBER, resident.id, "記録係"),
        ]
        assert dropped.id not in [m.person_id for m in team]


def test_organisation_start_date_counts_in_the_report(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.show_page(2)
    page = window.pages[2]
    assert isinstance(page, OrganisationPage)
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.name_edit, "喜多見ふれあいサロン")
    choose(editor.kind_combo, "NPO")
    enter(qtbot, editor.established_field, "平成30年4月1日")
    assert page.save_record()
    org_id = editor.current_id
    assert editor.established_field.date() == date(2018, 4, 1)
    window.close()
    with reopened(db) as services:
        assert services.organisations.get(org_id).established_on == date(2018, 4, 1)  # type: ignore[arg-type]
        assert services.reports.activity_report(2018).new_organisations == 1


def test_meeting_carries_an_area_and_the_list_filters_by_it(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    ward = make.s.areas.save(Area(name="世田谷区", kana="せたがやく", kind=AreaKind.MUNICIPALITY))
    kinuta = make.s.areas.save(
        Area(name="砧地域", kana="きぬたちいき", kind=AreaKind.REGION, parent_id=ward.id)
    )
    kitami = make.s.areas.save(
        Area(name="喜多見", kana="きたみ", kind=AreaKind.DAILY_LIFE_AREA, parent_id=kinuta.id)
    )
    other = make.meeting(title="区全体の連絡会")
    window.show_page(4)
    page = window.pages[4]
    assert isinstance(page, MeetingPage)
    editor = page.editor
    editor.refresh_choices()
    page.new_record()
    enter(qtbot, editor.title_edit, "喜多見の交流会")
    enter(qtbot, editor.date_field, "2023-06-15")
    # The area picker searches by reading.
    editor.area_combo.search("きたみ")
    choose(editor.area_combo, "喜多見")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    meeting_id = editor.current_id
    assert meeting_id is not None, editor.forms[0].error_text("general")
    # Filtering the list by 砧地域 finds the meeting held in 喜多見 below it.
    page.filters.refresh_choices()
    page.filters.set_value("fiscal_year", None)
    assert page.model.rowCount() == 2
    page.filters.set_value("area_id", kinuta.id)
    assert page.model.rowCount() == 1
    assert page.model.id_at(0) == meeting_id
    shown = make.s.meetings.list(ListQuery(filters={"area_id": kinuta.id})).rows
    assert other.id not in [m.id for m in shown]
    window.close()
    with reopened(db) as services:
        assert services.meetings.get(meeting_id).area_id == kitami.id
