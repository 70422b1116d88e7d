"""The main window: navigation, shortcuts, remembered layout, pages kept in step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.prompts import CANCEL
from coordinator_app.ui.settings import AppSettings
from tests.conftest import Factory
from tests.ui.conftest import enter
from tests.ui.fake_prompts import FakePrompts

CTRL = Qt.KeyboardModifier.ControlModifier


def test_navigation_lists_the_pages_and_ctrl_digits_switch(
    qtbot: QtBot, window: MainWindow
) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "地域",
        "コーディネーター",
        "関係機関",
        "協議体",
        "会議",
        "プロジェクト",
        "通いの場",
    ]
    for digit, key in enumerate(
        (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6)
    ):
        qtbot.keyClick(window, key, CTRL)
        assert window.stack.currentIndex() == digit
        assert window.nav.currentRow() == digit
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)  # Ctrl+7 opened 対応事項 before this page existed
    assert window.stack.currentIndex() == window.nav.currentRow() == 6


def test_ctrl_n_ctrl_s_ctrl_f(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.current_page
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is page.editor.first_field
    enter(qtbot, page.editor.name_edit, "若葉台町会")  # type: ignore[attr-defined]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert make.s.organisations.list().rows[0].name == "若葉台町会"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.filter_edit


def test_ctrl_q_closes(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()


def test_layout_is_remembered_between_runs(
    qtbot: QtBot, ctx: UiContext, services: object, prompts: FakePrompts, ui_settings: AppSettings
) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 540)
    size = first.size()  # never below the window's minimum size
    first.show_page(3)
    first.splitter.setSizes([200, 800])
    council_page = first.pages[3]
    council_page.splitter.setSizes([300, 600])
    council_sizes = council_page.splitter.sizes()
    first.close()

    again = UiContext.create(
        services=ctx.services, prompts=prompts, settings=AppSettings(ui_settings.store)
    )
    second = MainWindow(again)
    qtbot.addWidget(second)
    second.show()
    assert second.stack.currentIndex() == 3
    assert second.size() == size
    assert second.splitter.sizes()[0] == first.splitter.sizes()[0]
    assert second.pages[3].splitter.sizes() == council_sizes


def test_unsaved_edits_ask_before_switching_record(
    qtbot: QtBot, window: MainWindow, make: Factory, prompts: FakePrompts
) -> None:
    first = make.city("若葉市")
    other = make.city("青葉市")
    window.show_page(0)
    page = window.pages[0]
    page.model.refresh()
    page.table.selectRow(page.model.row_of(first.id))
    first_id = page.editor.current_id
    assert first_id == first.id
    enter(qtbot, page.editor.notes_edit, "書きかけ")  # type: ignore[attr-defined]
    assert page.editor.is_dirty

    prompts.answers.append(False)  # keep editing
    page.table.selectRow(page.model.row_of(other.id))
    assert page.editor.current_id == first_id
    assert page.editor.notes_edit.toPlainText() == "書きかけ"  # type: ignore[attr-defined]
    assert page.model.id_at(page.table.currentIndex().row()) == first_id

    prompts.answers.append(True)  # discard
    page.table.selectRow(page.model.row_of(other.id))
    assert page.editor.current_id == other.id
    assert not page.editor.is_dirty


def test_closing_with_unsaved_edits_asks(
    qtbot: QtBot, window: MainWindow, prompts: FakePrompts
) -> None:
    window.show_page(4)
    enter(qtbot, window.pages[4].editor.title_edit, "書きかけの会議")  # type: ignore[attr-defined]
    prompts.choices.append(CANCEL)
    window.close()
    assert window.isVisible()
    assert "未保存" not in prompts.asked[-1]
    assert "保存していない変更" in prompts.asked[-1]


def test_a_change_on_one_page_reaches_the_others(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    council_editor = window.pages[3].editor
    combo = council_editor.area_combo  # type: ignore[attr-defined]
    assert combo.count() == 1  # only 「(未設定)」
    window.show_page(0)
    page = window.pages[0]
    page.new_record()
    enter(qtbot, page.editor.name_edit, "若葉市")  # type: ignore[attr-defined]
    page.editor.kind_combo.setCurrentIndex(0)  # type: ignore[attr-defined]
    assert page.save_record()
    assert [combo.itemText(i) for i in range(combo.count())] == ["(未設定)", "若葉市"]


def test_open_record_switches_page(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    project = make.project(title="居場所づくり")
    window.show_page(0)
    window.ctx.events.open_record("project", project.id)
    assert window.stack.currentIndex() == 5
    assert window.current_page.editor.current_id == project.id
    assert window.current_page.editor.heading.text() == "居場所づくり"
