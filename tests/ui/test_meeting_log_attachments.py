"""Attachments of a meeting: add (saving a new meeting first), preview, open, save a
copy, delete and undo; the content lives in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from tests.ui.conftest import enter, reopened
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def _photo(path: Path) -> bytes:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#4caf50"))
    assert image.save(str(path))
    return path.read_bytes()


def test_photos_and_handouts_on_a_meeting(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts, tmp_path: Path, db: Database
) -> None:
    photo = tmp_path / "ホワイトボード.png"
    photo_bytes = _photo(photo)
    handout = tmp_path / "配布資料.pdf"
    handout.write_bytes(b"%PDF-1.4 handout")
    dialog = MeetingDialog(ctx)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.title_edit, "通いの場 交流会")
    panel = dialog.editor.attachments

    prompts.open_paths.append([photo, handout])
    assert panel.add_files() == 2  # a new meeting is saved first
    meeting_id = dialog.editor.current_id
    assert meeting_id is not None
    assert not dialog.editor.is_dirty
    assert [panel.model.index(r, panel.model.NAME).data() for r in range(2)] == [
        "ホワイトボード.png",
        "配布資料.pdf",
    ]
    assert panel.model.index(0, panel.model.KIND).data() == "写真・画像"

    panel.table.selectRow(0)
    assert panel.preview.pixmap() is not None and not panel.preview.pixmap().isNull()
    opened = panel.open_selected()
    assert opened is not None and prompts.opened == [opened]
    assert opened.read_bytes() == photo_bytes
    copy = tmp_path / "copy.png"
    prompts.save_files.append(copy)
    assert panel.save_selected() == copy
    assert copy.read_bytes() == photo_bytes

    panel.table.selectRow(1)
    assert panel.delete_selected()
    assert panel.model.rowCount() == 1
    ctx.undo_stack.undo()
    assert panel.model.rowCount() == 2
    ctx.undo_stack.redo()
    assert panel.model.rowCount() == 1

    with reopened(db) as stored:
        [kept] = stored.attachments.list_for(meeting_id=meeting_id)
        assert kept.filename == "ホワイトボード.png"
        assert stored.attachments.content(kept.id) == photo_bytes


def test_an_unreadable_file_is_reported(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts, tmp_path: Path
) -> None:
    dialog = MeetingDialog(ctx)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.title_edit, "研修会")
    prompts.open_paths.append([tmp_path / "ない.jpg"])
    assert dialog.editor.attachments.add_files() == 0
    assert "ない.jpg" in prompts.warnings[-1]
