"""The プロジェクト page: project data, partner organisations, progress log."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.storage.database import Database
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from coordinator_app.ui.projects.project_page import ProjectPage
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter, reopened


def _page(window: MainWindow) -> ProjectPage:
    window.show_page(5)
    page = window.pages[5]
    assert isinstance(page, ProjectPage)
    return page


def test_create_edit_delete_project(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    city = make.city("若葉市")
    north = make.area("北部圏域", parent=city)
    lead = make.coordinator("高橋 美咲", "たかはし みさき")
    partner = make.organisation("若葉台町会", kind="neighbourhood_association", kana="わかばだい")
    page = _page(window)
    editor = page.editor
    editor.refresh_choices()
    page.new_record()
    enter(qtbot, editor.title_edit, "買い物支援の仕組みづくり")
    choose(editor.program_combo, "伴走支援")
    choose(editor.status_combo, "進行中")
    enter(qtbot, editor.progress_spin.lineEdit(), "40")
    choose(editor.area_combo, "北部圏域")
    choose(editor.lead_combo, "高橋 美咲")
    enter(qtbot, editor.start_field, "2023-04-01")
    enter(qtbot, editor.goal_edit, "移動販売を月2回実現する")
    item = editor.partner_list.item_for(partner.id)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    project_id = editor.current_id
    assert project_id is not None, editor.forms[0].error_text("general")

    choose(editor.status_combo, "完了")
    enter(qtbot, editor.progress_spin.lineEdit(), "100")
    enter(qtbot, editor.end_field, "2024-03-31")
    enter(qtbot, editor.outcome_edit, "移動販売が月2回定着した")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not editor.is_dirty

    page.new_record()
    enter(qtbot, editor.title_edit, "見送ったプロジェクト")
    assert page.save_record()
    doomed_id = editor.current_id
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    window.close()
    with reopened(db) as services:
        project = services.projects.get(project_id)
        assert project.title == "買い物支援の仕組みづくり"
        assert project.program == ProjectProgram.ACCOMPANIMENT
        assert project.status == ProjectStatus.COMPLETED
        assert project.progress == 100
        assert project.area_id == north.id
        assert project.lead_coordinator_id == lead.id
        assert (project.start_date, project.end_date) == (date(2023, 4, 1), date(2024, 3, 31))
        assert project.goal == "移動販売を月2回実現する"
        assert project.outcome == "移動販売が月2回定着した"
        assert services.projects.partner_ids(project_id) == [partner.id]
        assert services.projects.get(doomed_id, include_deleted=True).is_deleted


def test_progress_log_add_edit_delete(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    project = make.project()
    page = _page(window)
    page.model.refresh()
    page.select_record(project.id)
    panel = page.editor.progress_log
    panel.show_table()  # the table view of the log (the timeline is the default)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ProgressEntryDialog)
    assert dialog.date_field.date() == date.today()
    enter(qtbot, dialog.date_field, "2023-05-20")
    enter(qtbot, dialog.text_edit, "町会役員と打合せ。\n移動販売の候補地を2か所選んだ。")
    enter(qtbot, dialog.author_edit, "高橋")
    accept(qtbot, dialog, dialog.save_button)
    entry_id = panel.model.id_at(0)

    panel.select_row(0)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ProgressEntryDialog)
    enter(qtbot, dialog.author_edit, "高橋 美咲")
    accept(qtbot, dialog, dialog.save_button)

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ProgressEntryDialog)
    enter(qtbot, dialog.date_field, "2023-06-01")
    enter(qtbot, dialog.text_edit, "誤って記録")
    accept(qtbot, dialog, dialog.save_button)
    assert panel.model.rowCount() == 2
    doomed_id = panel.model.id_at(0)  # newest first
    panel.select_row(0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1
    # The list's 最終記録日 follows the log.
    assert page.model.index(0, page.model.LAST_ENTRY).data() == "2023-05-20"

    window.close()
    with reopened(db) as services:
        entry = services.progress.get(entry_id)  # type: ignore[arg-type]
        assert entry.project_id == project.id
        assert entry.entry_date == date(2023, 5, 20)
        assert entry.text == "町会役員と打合せ。\n移動販売の候補地を2か所選んだ。"
        assert entry.author == "高橋 美咲"
        assert services.progress.get(doomed_id, include_deleted=True).is_deleted  # type: ignore[arg-type]
        assert [e.id for e in services.progress.log(project.id)] == [entry_id]
