"""Validation: each message under its field, and nothing the user typed is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.storage.database import Database
from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import choose, enter, reopened


def test_service_errors_show_under_their_fields_and_keep_the_text(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    window.show_page(1)
    page = window.pages[1]
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.kana_edit, "山田")  # kanji is not a reading
    enter(qtbot, editor.email_edit, "not-an-address")
    enter(qtbot, editor.message_edit, "長いメッセージをここに書きました。")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    form = editor.forms[0]
    assert form.error_text("name") == "氏名を入力してください"
    assert form.error_text("kana") == "ふりがなはひらがな・カタカナで入力してください"
    assert "メールアドレスの形式" in form.error_text("email")
    assert form.error_label("name").isVisible()
    assert form.error_text("phone") == ""
    assert not form.error_label("phone").isVisible()
    # The label sits right under its field.
    name_label = form.error_label("name")
    assert name_label.parentWidget() is editor.name_edit.parentWidget()
    assert name_label.geometry().top() >= editor.name_edit.geometry().bottom()
    # Everything typed is still there, and nothing was stored.
    assert editor.kana_edit.text() == "山田"
    assert editor.email_edit.text() == "not-an-address"
    assert editor.message_edit.toPlainText() == "長いメッセージをここに書きました。"
    assert editor.current_id is None
    assert editor.is_dirty

    # Fixing the fields clears the messages on the next save.
    enter(qtbot, editor.name_edit, "山田 太郎")
    enter(qtbot, editor.kana_edit, "やまだ たろう")
    enter(qtbot, editor.email_edit, "yamada@example.jp")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert editor.current_id is not None
    assert form.error_text("name") == form.error_text("kana") == form.error_text("email") == ""
    record_id = editor.current_id
    window.close()
    with reopened(db) as services:
        assert services.coordinators.get(record_id).message == "長いメッセージをここに書きました。"


def test_unreadable_date_is_reported_before_the_service(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    window.show_page(5)
    page = window.pages[5]
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.title_edit, "日付を誤入力")
    enter(qtbot, editor.start_field, "来年の春")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "日付として読めません" in editor.forms[0].error_text("start_date")
    assert editor.start_field.text() == "来年の春"
    assert editor.title_edit.text() == "日付を誤入力"
    assert make.s.projects.list().total == 0


def test_end_before_start_in_a_dialog_keeps_it_open(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    city = make.city("若葉市")
    make.area("北部圏域", parent=city)
    person = make.coordinator()
    window.show_page(1)
    page = window.pages[1]
    page.model.refresh()
    page.select_record(person.id)
    panel = page.editor.assignments
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, AssignmentDialog)
    choose(dialog.tier_field.combo, "第1層")
    choose(dialog.area_combo, "北部圏域")  # tier 1 needs the whole municipality
    enter(qtbot, dialog.start_field, "2023-04-01")
    enter(qtbot, dialog.end_field, "2022-03-31")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result() == 0
    assert "市域" in dialog.form.error_text("area_id")
    assert "開始日以降" in dialog.form.error_text("end_date")
    assert dialog.end_field.text() == "2022-03-31"
    assert make.s.assignments.history(person.id) == []


def test_area_with_sub_areas_cannot_be_deleted(
    qtbot: QtBot, window: MainWindow, make: Factory, prompts: object
) -> None:
    city = make.city("若葉市")
    make.area("北部圏域", parent=city)
    window.show_page(0)
    page = window.pages[0]
    page.model.refresh()
    page.select_record(city.id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert prompts.warnings == ["下位地域があるため削除できません"]  # type: ignore[attr-defined]
    assert make.s.areas.get(city.id).deleted_at is None
    assert window.ctx.undo_stack.count() == 0
