"""確認: a coordinator logs three entries, a supervisor reviews two, the table shows one
unreviewed, and the supervisor cannot edit the project (widgets disabled, service refuses)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProfileRole, ProjectStatus
from coordinator_app.domain.models import Project, UserProfile
from coordinator_app.services.profiles import READ_ONLY_MESSAGE
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.profiles.current import set_current_profile
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from coordinator_app.ui.projects.project_page import ProjectPage
from coordinator_app.ui.review.review_dialog import ReviewDialog
from coordinator_app.ui.review.workspace_model import WorkspaceTableModel
from coordinator_app.ui.review.workspace_view import ReviewWorkspace
from tests.conftest import Factory
from tests.ui.conftest import accept, enter, reopened
from tests.ui.fake_prompts import FakePrompts

ENTRIES = [
    ("2023-05-10", "町会長と打合せ。協議体の趣旨を説明した。"),
    ("2023-06-14", "準備会(第1回)。委員候補をリストアップ。"),
    ("2023-07-20", "準備会(第2回)。設置要綱案を検討。"),
]


@pytest.fixture
def people(services: Services, make: Factory) -> tuple[UserProfile, UserProfile]:
    lead = make.coordinator("高橋 美咲", "たかはし みさき")
    coordinator = services.profiles.save(
        UserProfile(
            name="高橋 美咲",
            kana="たかはし みさき",
            role=ProfileRole.COORDINATOR,
            coordinator_id=lead.id,
        )
    )
    supervisor = services.profiles.save(
        UserProfile(name="山本 健", kana="やまもと けん", role=ProfileRole.SUPERVISOR, title="係長")
    )
    return coordinator, supervisor


@pytest.fixture
def project(make: Factory) -> Project:
    return make.project(title="第1層協議体の立上げ", start_date=date(2023, 4, 1))


def _page(qtbot: QtBot, ctx: UiContext) -> ProjectPage:
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _add_entries(qtbot: QtBot, page: ProjectPage, project: Project) -> None:
    page.select_record(project.id)
    panel = page.editor.progress_log
    for day, text in ENTRIES:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        dialog = panel.dialog
        assert isinstance(dialog, ProgressEntryDialog)
        # The author is the current user, not a free text.
        assert dialog.author_edit.isReadOnly()
        assert dialog.author_edit.text() == "高橋 美咲"
        enter(qtbot, dialog.date_field, day)
        enter(qtbot, dialog.text_edit, text)
        accept(qtbot, dialog, dialog.save_button)


def test_coordinator_logs_supervisor_reviews_two_of_three(
    qtbot: QtBot,
    ctx: UiContext,
    db: Database,
    services: Services,
    project: Project,
    people: tuple[UserProfile, UserProfile],
) -> None:
    coordinator, supervisor = people
    set_current_profile(ctx, coordinator.id)
    page = _page(qtbot, ctx)
    _add_entries(qtbot, page, project)
    log = services.progress.log(project.id)
    assert [(e.entry_date.isoformat(), e.text) for e in log] == list(reversed(ENTRIES))
    assert {(e.author, e.author_profile_id) for e in log} == {(coordinator.name, coordinator.id)}

    set_current_profile(ctx, supervisor.id)
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    workspace.show()
    assert workspace.select_project(project.id)
    row = workspace.model.row_of(project.id)
    unreviewed = workspace.model.index(row, WorkspaceTableModel.UNREVIEWED)
    assert unreviewed.data() == "3"
    panel = workspace.editor.progress_log
    panel.show_table()
    assert panel.review_button.isVisibleTo(panel) and not panel.add_button.isEnabled()
    selection = panel.table.selectionModel()
    for entry_row in (0, 2):  # the newest and the oldest
        selection.select(
            panel.model.index(entry_row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert panel.review_button.isEnabled()
    qtbot.mouseClick(panel.review_button, Qt.MouseButton.LeftButton)
    dialog = panel.review_dialog
    assert isinstance(dialog, ReviewDialog)
    assert dialog.entry_list.count() == 2
    enter(qtbot, dialog.comment_edit, "確認しました。次回は日程を共有してください。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted

    # The table shows one unreviewed entry, as does the service.
    row = workspace.model.row_of(project.id)
    assert workspace.model.index(row, WorkspaceTableModel.UNREVIEWED).data() == "1"
    assert [panel.model.review_text(s) for s in panel.model.rows()] == [
        "確認済",
        "未確認",
        "確認済",
    ]
    assert workspace.editor.reviews.model.rowCount() == 2

    workspace.close()
    page.close()
    with reopened(db) as stored:
        states = stored.reviews.entry_states(project.id)
        assert [(s.entry.text, s.reviewed) for s in states] == [
            (ENTRIES[2][1], True),
            (ENTRIES[1][1], False),
            (ENTRIES[0][1], True),
        ]
        history = stored.reviews.history(project.id)
        assert {(h.reviewer_name, h.review.comment) for h in history} == {
            ("山本 健", "確認しました。次回は日程を共有してください。")
        }
        assert {h.review.reviewer_profile_id for h in history} == {supervisor.id}
        (ws_row,) = stored.reviews.workspace()
        assert ws_row.unreviewed == 1


def test_supervisor_cannot_edit_the_project(
    qtbot: QtBot,
    ctx: UiContext,
    db: Database,
    services: Services,
    prompts: FakePrompts,
    project: Project,
    people: tuple[UserProfile, UserProfile],
) -> None:
    coordinator, supervisor = people
    set_current_profile(ctx, coordinator.id)
    page = _page(qtbot, ctx)
    _add_entries(qtbot, page, project)
    editor, panel = page.editor, page.editor.progress_log
    assert page.save_button.isEnabled() and panel.add_button.isEnabled()

    set_current_profile(ctx, supervisor.id)
    panel.select_row(0)
    # The widgets are disabled...
    assert editor.read_only_label.isVisibleTo(editor)
    assert editor.title_edit.isReadOnly() and editor.goal_edit.isReadOnly()
    assert editor.outcome_edit.isReadOnly()
    for widget in (
        editor.status_combo,
        editor.program_combo,
        editor.progress_spin,
        editor.start_field,
        editor.partner_list,
        page.new_button,
        page.save_button,
        page.delete_button,
        panel.add_button,
        panel.delete_button,
        panel.attachments.add_button,
        editor.outcome_files.add_button,
    ):
        assert not widget.isEnabled(), widget
    # ...editing an entry only shows it...
    shown = panel.edit()
    assert isinstance(shown, ProgressEntryDialog)
    assert shown.text_edit.isReadOnly() and not shown.save_button.isVisibleTo(shown)
    shown.reject()

    # ...and direct attempts are refused by the service.
    entry = services.progress.log(project.id)[0]
    dialog = ProgressEntryDialog(ctx, owner_id=project.id, record=entry)
    qtbot.addWidget(dialog)
    dialog.open()
    enter(qtbot, dialog.text_edit, "上司が書き換えた")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.error_text("general") == READ_ONLY_MESSAGE
    new_entry = ProgressEntryDialog(ctx, owner_id=project.id, record=None)
    qtbot.addWidget(new_entry)
    enter(qtbot, new_entry.text_edit, "上司の追記")
    assert not new_entry.save()
    assert not panel.delete()
    assert prompts.warnings[-1] == READ_ONLY_MESSAGE
    enter(qtbot, editor.title_edit, "書き換えたプロジェクト名")
    assert not page.save_record()
    assert editor.forms[0].error_text("general") == READ_ONLY_MESSAGE
    assert not page.delete_record()
    page.new_record()
    assert editor.current_id == project.id

    page.close()
    with reopened(db) as stored:
        assert stored.projects.get(project.id).title == "第1層協議体の立上げ"
        assert stored.projects.get(project.id).status == ProjectStatus.IN_PROGRESS
        log = stored.progress.log(project.id)
        assert [e.text for e in log] == [t for _d, t in reversed(ENTRIES)]
        assert stored.attachments.list_for(progress_entry_id=log[0].id) == []
