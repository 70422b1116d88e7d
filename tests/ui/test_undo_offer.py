"""The status bar's 元に戻す after completing an action item is offered briefly: it
expires after UNDO_OFFER_MS or with the user's next action; Ctrl+Z still works.
No real time passes: the offer's timer is fired by the test."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import ActionItem
from coordinator_app.storage.database import Database
from coordinator_app.ui.action_items.action_item_view import ActionItemView
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.undo_offer import UNDO_OFFER_MS
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from tests.conftest import Factory
from tests.ui.conftest import enter, reopened


def _complete_one(qtbot: QtBot, window: MainWindow, make: Factory) -> ActionItem:
    meeting = make.meeting(held_on=date(2026, 5, 8))
    item = make.s.action_items.save(ActionItem(meeting_id=meeting.id, text="名簿を更新する"))
    view = window.features.action_items()
    assert isinstance(view, ActionItemView)
    view.refresh()
    # The row of this item (a refresh queued by the save may still be on its way: wait
    # for the item rather than take whatever row 0 is).
    qtbot.waitUntil(lambda: view.model.row_of(item.id) >= 0)
    view.table.selectRow(view.model.row_of(item.id))
    assert view.selected_ids() == [item.id]
    prompts = window.ctx.prompts
    assert view.mark_selected_done(), getattr(prompts, "warnings", None)
    assert make.s.action_items.get(item.id).done
    return item


def test_the_offer_expires_after_a_short_time_and_ctrl_z_still_works(
    qtbot: QtBot, window: MainWindow, make: Factory, db: Database
) -> None:
    item = _complete_one(qtbot, window, make)
    offer = window.undo_offer
    assert window.undo_button.isVisible() and "完了" in window.undo_label.text()
    assert offer.timer.isActive() and offer.timer.interval() == UNDO_OFFER_MS == 30_000
    offer.timer.timeout.emit()  # the 30 seconds are over
    assert not window.undo_button.isVisible() and window.undo_label.text() == ""
    assert make.s.action_items.get(item.id).done  # expiring undoes nothing
    window.action_undo.trigger()  # Ctrl+Z / 編集 > 元に戻す still takes it back
    with reopened(db) as stored:
        assert not stored.action_items.get(item.id).done


def test_the_offer_expires_with_the_next_action(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    item = _complete_one(qtbot, window, make)
    offer = window.undo_offer
    qtbot.waitUntil(lambda: not offer._settling)  # the completion's own signals are done
    assert window.undo_button.isVisible()
    dialog = MeetingDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.title_edit, "次の会議")
    assert dialog.save()  # the user's next action
    assert not window.undo_button.isVisible()
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)  # hidden: nothing
    assert make.s.action_items.get(item.id).done
