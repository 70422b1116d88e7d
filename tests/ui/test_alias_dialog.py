"""検索の言い換え: the user edits the alias list in a dialog; the search follows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.aliases.alias_dialog import SearchAliasDialog
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.profiles.current import read_only_tip, set_current_profile
from tests.conftest import Factory
from tests.ui.conftest import commit_text, reopened


def _open(window: MainWindow) -> SearchAliasDialog:
    window.action_aliases.trigger()
    dialog = window.current_dialog()
    assert isinstance(dialog, SearchAliasDialog)
    return dialog


def test_an_added_alias_is_stored_and_used_by_the_search(
    qtbot: QtBot, window: MainWindow, make: Factory, db: Database
) -> None:
    make.meeting(title="北部ささえ愛会議")
    view = window.open_search("支え合い")
    assert view.model.rowCount() == 0
    dialog = _open(window)
    assert "社協 = 社会福祉協議会" in dialog.editor.toPlainText()
    dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
    dialog.editor.setFocus()
    commit_text(dialog.editor, "支え合い = ささえ愛")  # typed through the input method
    dialog.grab().save("/tmp/ux-aliases.png")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert view.model.rowCount() > 0  # the open search ran again and found the meeting
    with reopened(db) as again:
        assert "支え合い = ささえ愛" in again.aliases.text()


def test_a_bad_line_keeps_the_text_and_stores_nothing(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    before = services.aliases.text()
    dialog = _open(window)
    dialog.editor.setPlainText("社協 = 社会福祉協議会\n包括\n")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "2行目: 「=」で区切って二つ以上の言葉を書いてください"
    assert dialog.editor.toPlainText() == "社協 = 社会福祉協議会\n包括\n"
    assert services.aliases.text() == before
    dialog.restore_defaults()
    assert dialog.error_label.isHidden()
    dialog.reject()


def test_a_supervisor_reads_the_list_only(window: MainWindow, services: Services) -> None:
    boss = services.profiles.save(
        UserProfile(name="山本 健", kana="やまもと けん", role=ProfileRole.SUPERVISOR)
    )
    set_current_profile(window.ctx, boss.id)
    dialog = _open(window)
    assert dialog.editor.isReadOnly()
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip() == read_only_tip()
    dialog.reject()
