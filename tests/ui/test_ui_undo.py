"""Soft delete with undo: Ctrl+Z (or the status-bar button) restores the record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.storage.database import Database
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import reopened
from tests.ui.fake_prompts import FakePrompts


def test_undo_restores_a_deleted_record(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    org = make.organisation("若葉市社会福祉協議会")
    window.show_page(2)
    page = window.pages[2]
    page.model.refresh()
    page.select_record(org.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert make.s.organisations.get(org.id, include_deleted=True).is_deleted
    assert page.model.total == 0
    assert window.undo_button.isVisible()
    assert "若葉市社会福祉協議会" in window.undo_label.text()

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not make.s.organisations.get(org.id).is_deleted
    assert page.model.total == 1
    assert not window.undo_button.isVisible()

    # Redo deletes it again; the status-bar button undoes once more.
    window.action_redo.trigger()
    assert make.s.organisations.get(org.id, include_deleted=True).is_deleted
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    window.close()
    with reopened(db) as services:
        assert services.organisations.get(org.id).deleted_at is None


def test_declined_confirmation_deletes_nothing(
    qtbot: QtBot, window: MainWindow, make: Factory, prompts: FakePrompts
) -> None:
    area = make.city("若葉市")
    window.show_page(0)
    page = window.pages[0]
    page.model.refresh()
    page.select_record(area.id)
    prompts.answers.append(False)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "若葉市" in prompts.questions[-1]
    assert make.s.areas.get(area.id).deleted_at is None
    assert window.ctx.undo_stack.count() == 0


def test_undo_of_a_child_delete(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    org = make.organisation()
    contact = make.contact(org, name="山田 花子")
    window.show_page(2)
    page = window.pages[2]
    page.model.refresh()
    page.select_record(org.id)
    panel = page.editor.contacts
    panel.select_row(0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 0
    window.action_undo.trigger()
    assert panel.model.rowCount() == 1
    window.close()
    with reopened(db) as services:
        assert services.contacts.get(contact.id).name == "山田 花子"
