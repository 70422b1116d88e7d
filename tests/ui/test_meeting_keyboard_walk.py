"""Done when: the meeting window and its dialogs pass a keyboard walk.

Tab and Shift+Tab reach every enabled control once, in reading order; tables
give Tab back (arrows move inside them); no tab has an invisible first stop;
multi-line boxes show a focus frame; the date's calendar opens and picks with
the keyboard; tabbing into 議事録 lands under 【報告事項】; a restored draft
reopens on the tab the user was in.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.table_model import select_row
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.drafts.draft_restore import pending_drafts
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.keyboard import first_section_position
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.series_dialog import SeriesDialog
from coordinator_app.ui.meetings.series_edit_dialog import SeriesEditDialog
from tests.conftest import Factory
from tests.ui.conftest import enter
from tests.ui.fake_prompts import FakePrompts
from tests.ui.keyboard_walk import SHIFT, assert_walk, describe, focused, position
from tests.ui.test_meeting_log_support import OFFSCREEN_WINDOWS

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def _council_meeting_with_items(services: Services, make: Factory) -> Meeting:
    """A council's second meeting: two items of its own, one carried over."""
    council = make.council()
    owner = make.coordinator()
    first = services.meetings.save(
        Meeting(
            kind=MeetingKind.COUNCIL,
            title="第1層協議体 第1回",
            held_on=date(2026, 4, 10),
            mode=MeetingMode.ON_SITE,
            council_id=council.id,
        )
    )
    services.action_items.save(ActionItem(meeting_id=first.id, text="名簿を更新する"))
    second = services.meetings.save(
        Meeting(
            kind=MeetingKind.COUNCIL,
            title="第1層協議体 第2回",
            held_on=date(2026, 5, 8),
            mode=MeetingMode.ON_SITE,
            council_id=council.id,
        ),
        coordinator_ids=[owner.id],
    )
    for text in ("チラシを作る", "会場を押さえる"):
        services.action_items.save(
            ActionItem(meeting_id=second.id, text=text, owner_coordinator_id=owner.id)
        )
    return second


def _shown(qtbot: QtBot, dialog: MeetingDialog) -> MeetingDialog:
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@OFFSCREEN_WINDOWS
def test_every_tab_of_the_meeting_window_passes_the_walk(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory, tmp_path: Path
) -> None:
    meeting = _council_meeting_with_items(services, make)
    dialog = _shown(qtbot, MeetingDialog(ctx, meeting_id=meeting.id))
    editor = dialog.editor
    assert editor.tabs is not None
    tab_bar = editor.tabs.tabBar()
    assert not [
        a for a in dialog.findChildren(QScrollArea) if a.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        if index == 3:  # 対応事項: select an item so that 編集…, 削除 are enabled too
            select_row(editor.action_items.table, 0)
            assert editor.carried_over.model.rowCount() == 1
            select_row(editor.carried_over.table, 0)
            assert editor.carried_over.done_button.isEnabled()
        order = assert_walk(qtbot, dialog, tab_bar)
        # The first stop after the tab bar is a field of that tab, never a hidden frame.
        assert editor.tabs.currentWidget().isAncestorOf(order[1]), describe(order[1])
        # Bottom row left to right; the tab's own controls before it.
        bottom = [dialog.series_button, dialog.pdf_button, dialog.save_button, dialog.close_button]
        assert order[-4:] == bottom
    dialog.grab().save(str(tmp_path / "walk-last-tab.png"))


@OFFSCREEN_WINDOWS
def test_tables_give_tab_back_and_arrows_move_inside(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    meeting = _council_meeting_with_items(services, make)
    dialog = _shown(qtbot, MeetingDialog(ctx, meeting_id=meeting.id))
    editor = dialog.editor
    editor.show_tab(3)
    table = editor.action_items.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Key.Key_Down)
    assert table.currentIndex().row() == 1  # arrows move between the items
    qtbot.keyClick(table, Key.Key_Tab)
    assert focused() is editor.action_items.add_button  # Tab leaves the table
    qtbot.keyClick(focused(), Key.Key_Backtab, SHIFT)
    assert focused() is table
    qtbot.keyClick(table, Key.Key_Backtab, SHIFT)
    assert focused() is editor.tabs.tabBar()  # and Shift+Tab too
    for view in dialog.findChildren(QAbstractItemView):
        assert not view.tabKeyNavigation(), describe(view)


def _buttons_left_to_right(order: list[QWidget]) -> None:
    buttons = [w for w in order if isinstance(w, QPushButton)]
    assert buttons
    xs = [position(b).x() for b in buttons]
    assert xs == sorted(xs), [describe(b) for b in buttons]


def _frame_colour(edit: QPlainTextEdit) -> QColor:
    image = edit.grab().toImage()
    return QColor(image.pixel(0, image.height() // 2))


@OFFSCREEN_WINDOWS
def test_multi_line_boxes_show_a_focus_frame(qtbot: QtBot, ctx: UiContext, tmp_path: Path) -> None:
    dialog = _shown(qtbot, MeetingDialog(ctx))
    editor = dialog.editor
    editor.show_tab(2)
    highlight = editor.agenda_edit.palette().color(QPalette.ColorRole.Highlight)
    for edit in (editor.agenda_edit, editor.minutes_edit, editor.decisions_edit):
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        assert _frame_colour(edit) == highlight
        others = [e for e in (editor.agenda_edit, editor.decisions_edit) if e is not edit]
        assert _frame_colour(others[0]) != highlight  # only the focused box is framed
    editor.minutes_edit.setFocus()
    editor.grab().save(str(tmp_path / "focus-frame-minutes.png"))


@OFFSCREEN_WINDOWS
def test_the_date_calendar_works_from_the_keyboard(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = _shown(qtbot, MeetingDialog(ctx))
    field = dialog.editor.date_field
    field.set_date(date(2026, 2, 20))
    field.setFocus()
    qtbot.keyClick(field, Key.Key_Down, ALT)
    assert field.calendar_menu is not None
    calendar = field.calendar_menu.findChild(QCalendarWidget)
    assert calendar is not None
    # 祝日 are marked in the popup.
    assert calendar.dateTextFormat().get(calendar.selectedDate().addDays(3)) is not None
    qtbot.waitUntil(lambda: calendar.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(focused(), Key.Key_Right)
    qtbot.keyClick(focused(), Key.Key_Down)
    qtbot.keyClick(focused(), Key.Key_Return)
    assert field.date() == date(2026, 2, 20) + timedelta(days=8)
    assert dialog.editor.is_dirty
    qtbot.waitUntil(lambda: field.calendar_menu is None)
    # F4 opens it too; Esc closes it and keeps the date.
    field.setFocus()
    qtbot.keyClick(field, Key.Key_F4)
    assert field.calendar_menu is not None
    menu = field.calendar_menu
    qtbot.waitUntil(lambda: menu.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(focused(), Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert field.date() == date(2026, 2, 28)


@OFFSCREEN_WINDOWS
def test_tab_into_the_minutes_lands_under_the_first_heading(qtbot: QtBot, ctx: UiContext) -> None:
    dialog = _shown(qtbot, MeetingDialog(ctx))
    editor = dialog.editor
    editor.show_tab(2)
    assert focused() is editor.agenda_edit
    qtbot.keyClick(editor.agenda_edit, Key.Key_Tab)
    assert focused() is editor.minutes_edit
    text = editor.minutes_edit.toPlainText()
    assert text.startswith("【報告事項】\n")
    assert editor.minutes_edit.textCursor().position() == first_section_position(text)
    qtbot.keyClicks(editor.minutes_edit, "ok")
    assert editor.minutes_edit.toPlainText().startswith("【報告事項】\nok")


@OFFSCREEN_WINDOWS
def test_a_restored_draft_reopens_on_its_tab(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts
) -> None:
    dialog = _shown(qtbot, MeetingDialog(ctx))
    editor = dialog.editor
    enter(qtbot, editor.title_edit, "書きかけの会議")
    editor.show_tab(2)
    enter(qtbot, editor.agenda_edit, "1. 報告")
    editor.draft_writer.write()
    draft = pending_drafts(ctx)[0]
    assert draft.state["tab"] == 2
    restored = _shown(qtbot, MeetingDialog(ctx, draft=draft))
    assert restored.editor.tabs is not None
    assert restored.editor.tabs.currentIndex() == 2
    assert focused() is restored.editor.agenda_edit


@OFFSCREEN_WINDOWS
def test_the_meeting_dialogs_pass_the_walk(
    qtbot: QtBot,
    ctx: UiContext,
    services: Services,
    make: Factory,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    meeting = _council_meeting_with_items(services, make)
    dialog = _shown(qtbot, MeetingDialog(ctx, meeting_id=meeting.id))
    item_dialog = ActionItemDialog(ctx, owner_id=meeting.id, record=None, parent=dialog)
    qtbot.addWidget(item_dialog)
    item_dialog.show()
    item_dialog.activateWindow()
    qtbot.waitUntil(item_dialog.isActiveWindow)
    order = assert_walk(qtbot, item_dialog, item_dialog.text_edit)
    assert order[:3] == [item_dialog.text_edit, item_dialog.owner_combo, item_dialog.due_field]
    _buttons_left_to_right(order)
    item_dialog.grab().save(str(tmp_path / "walk-action-item.png"))
    item_dialog.reject()

    enter(qtbot, dialog.editor.title_edit, "養成講座")
    series = dialog.open_series()
    assert isinstance(series, SeriesDialog)
    qtbot.addWidget(series)
    qtbot.waitUntil(series.isActiveWindow)
    order = assert_walk(qtbot, series, series.first_field)
    assert order[:4] == [
        series.first_field,
        series.repeat_combo,
        series.count_spin,
        series.dates_list,
    ]
    _buttons_left_to_right(order)
    series.reject()

    _series, sessions = services.meetings.create_series(
        Meeting(
            kind=MeetingKind.COURSE,
            title="講座",
            held_on=date(2026, 1, 5),
            mode=MeetingMode.ON_SITE,
        ),
        [date(2026, 1, 5) + timedelta(weeks=i) for i in range(9)],
    )
    edit = SeriesEditDialog(
        ctx, prompts, services.meetings.series_info(sessions[0].series_id), dialog
    )  # type: ignore[arg-type]
    qtbot.addWidget(edit)
    edit.show()
    edit.activateWindow()
    qtbot.waitUntil(edit.isActiveWindow)
    order = assert_walk(qtbot, edit, edit.title_edit)
    assert order[:3] == [edit.title_edit, edit.first_field, edit.sessions_list]
    _buttons_left_to_right(order)
    assert not [v for v in edit.findChildren(QTableView) if v.tabKeyNavigation()]
