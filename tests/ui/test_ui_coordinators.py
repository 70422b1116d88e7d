"""The コーディネーター page: profile with photo, and the assignment history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from coordinator_app.storage.database import Database
from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.coordinators.coordinator_page import CoordinatorPage
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter, reopened
from tests.ui.fake_prompts import FakePrompts


def _page(window: MainWindow) -> CoordinatorPage:
    window.show_page(1)
    page = window.pages[1]
    assert isinstance(page, CoordinatorPage)
    return page


def _photo(tmp_path: Path) -> Path:
    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#4a90d9"))
    path = tmp_path / "face.png"
    assert image.save(str(path))
    return path


def test_create_edit_delete_coordinator(
    qtbot: QtBot, window: MainWindow, db: Database, prompts: FakePrompts, tmp_path: Path
) -> None:
    page = _page(window)
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.name_edit, "高橋 美咲")
    enter(qtbot, editor.kana_edit, "たかはし みさき")
    enter(qtbot, editor.phone_edit, "042-555-0303")
    enter(qtbot, editor.email_edit, "takahashi@example.jp")
    enter(qtbot, editor.office_hours_edit, "平日 9:00〜17:00")
    enter(qtbot, editor.message_edit, "地域の集まりを一緒に作りましょう。")
    enter(qtbot, editor.topics_edit, "通いの場に参加したい\nボランティアをしてみたい")
    photo_path = _photo(tmp_path)
    prompts.open_files.append(photo_path)
    qtbot.mouseClick(editor.photo_field.choose_button, Qt.MouseButton.LeftButton)
    assert editor.photo_field.thumbnail.pixmap() is not None
    assert not editor.photo_field.thumbnail.pixmap().isNull()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    person_id = editor.current_id
    assert person_id is not None

    enter(qtbot, editor.office_hours_edit, "平日 8:30〜17:15")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    page.new_record()
    enter(qtbot, editor.name_edit, "退職 予定")
    assert page.save_record()
    doomed_id = editor.current_id
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.total == 1

    window.close()
    with reopened(db) as services:
        person = services.coordinators.get(person_id)
        assert person.name == "高橋 美咲"
        assert person.kana == "たかはし みさき"
        assert person.phone == "042-555-0303"
        assert person.email == "takahashi@example.jp"
        assert person.office_hours == "平日 8:30〜17:15"
        assert person.message == "地域の集まりを一緒に作りましょう。"
        assert person.consult_topic_list == ["通いの場に参加したい", "ボランティアをしてみたい"]
        assert person.photo == photo_path.read_bytes()
        assert services.coordinators.get(doomed_id, include_deleted=True).is_deleted


def test_assignment_history_add_edit_end_delete(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory
) -> None:
    city = make.city("若葉市")
    make.area("北部圏域", parent=city)
    org = make.organisation("若葉市北部地域包括支援センター")
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    page = _page(window)
    page.model.refresh()
    page.select_record(person.id)
    panel = page.editor.assignments

    # Add: 第2層, 北部圏域, employed by the support centre, 兼務.
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, AssignmentDialog)
    choose(dialog.tier_field.combo, "第2層")
    choose(dialog.area_combo, "北部圏域")
    choose(dialog.organisation_combo, "若葉市北部地域包括支援センター")
    qtbot.keyClick(dialog.concurrent_check, Qt.Key.Key_Space)
    enter(qtbot, dialog.start_field, "2022-04-01")
    accept(qtbot, dialog, dialog.save_button)
    assert panel.model.rowCount() == 1
    post_id = panel.model.id_at(0)

    # Edit: a local tier (defined through 呼び名…: 1.5層 counted as 第2層) and notes.
    panel.select_row(0)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, AssignmentDialog)
    qtbot.mouseClick(dialog.tier_field.edit_button, Qt.MouseButton.LeftButton)
    tiers_dialog = dialog.tier_field.dialog
    qtbot.mouseClick(tiers_dialog.suggest_button, Qt.MouseButton.LeftButton)
    assert [tiers_dialog.table.item(r, 0).text() for r in range(2)] == ["0層", "1.5層"]
    choose(tiers_dialog.table.cellWidget(1, 1), "第2層")
    qtbot.mouseClick(tiers_dialog.save_button, Qt.MouseButton.LeftButton)
    assert not tiers_dialog.isVisible()
    choose(dialog.tier_field.combo, "1.5層(第2層として集計)")
    enter(qtbot, dialog.notes_edit, "包括の職員と兼務")
    accept(qtbot, dialog, dialog.save_button)

    # End: the end button opens the post with today's date as the end date.
    panel.select_row(0)
    qtbot.mouseClick(page.editor.end_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, AssignmentDialog)
    assert dialog.end_field.date() == date.today()
    enter(qtbot, dialog.end_field, "令和6年3月31日")
    accept(qtbot, dialog, dialog.save_button)

    # A second post (rotation), then deleted.
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, AssignmentDialog)
    choose(dialog.tier_field.combo, "第1層")
    choose(dialog.area_combo, "若葉市")
    enter(qtbot, dialog.start_field, "2024/4/1")
    accept(qtbot, dialog, dialog.save_button)
    assert panel.model.rowCount() == 2
    assert panel.model.id_at(0) != post_id  # newest first
    doomed_id = panel.model.id_at(0)
    panel.select_row(0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1

    window.close()
    with reopened(db) as services:
        post = services.assignments.get(post_id)  # type: ignore[arg-type]
        assert post.coordinator_id == person.id
        assert post.tier == 2
        assert post.tier_label == "1.5層"
        assert post.organisation_id == org.id
        assert post.concurrent is True
        assert post.start_date == date(2022, 4, 1)
        assert post.end_date == date(2024, 3, 31)
        assert post.notes == "包括の職員と兼務"
        assert services.assignments.get(doomed_id, include_deleted=True).is_deleted  # type: ignore[arg-type]
        assert [a.id for a, _, _ in services.assignments.history(person.id)] == [post_id]


def test_current_post_appears_in_the_list(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    city = make.city("若葉市")
    north = make.area("北部圏域", parent=city)
    person = make.coordinator()
    page = _page(window)
    page.model.refresh()
    assert page.model.index(0, page.model.POSTS).data() == ""
    # Another part of the app adds a post: the list follows through the event hub
    # (the write publishes its change; nobody announces it by hand).
    make.assignment(person, north)
    assert page.model.index(0, page.model.POSTS).data() == "第2層 北部圏域"
