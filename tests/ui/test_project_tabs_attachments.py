"""Photos and files on progress entries (進捗状況) and on the project's 成果."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import ProgressEntry, UserProfile
from coordinator_app.services.profiles import READ_ONLY_MESSAGE
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.common.attachment_model import AttachmentTableModel
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.profiles.current import set_current_profile
from coordinator_app.ui.projects.progress_log_model import ProgressLogModel
from coordinator_app.ui.projects.project_page import ProjectPage
from coordinator_app.ui.settings import AppSettings
from tests.conftest import Factory
from tests.ui.conftest import reopened
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def file_prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def file_ctx(services: Services, file_prompts: FakePrompts, ui_settings: AppSettings) -> UiContext:
    return UiContext.create(services=services, prompts=file_prompts, settings=ui_settings)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#8fbc8f"))
    path = tmp_path / "第1回講座の様子.png"
    assert image.save(str(path))
    return path


def test_attach_a_photo_to_an_entry_and_a_flyer_to_the_outcome(
    qtbot: QtBot,
    file_ctx: UiContext,
    file_prompts: FakePrompts,
    db: Database,
    services: Services,
    make: Factory,
    photo: Path,
    tmp_path: Path,
) -> None:
    project = make.project()
    entry = services.progress.save(
        ProgressEntry(project_id=project.id, entry_date=date(2017, 9, 14), text="第1回の講座")
    )
    page = ProjectPage(file_ctx)
    qtbot.addWidget(page)
    page.select_record(project.id)
    panel = page.editor.progress_log
    panel.show_table()
    assert not panel.attachments.add_button.isEnabled()  # no entry selected yet
    panel.select_row(0)
    file_prompts.open_files.append(photo)
    qtbot.mouseClick(panel.attachments.add_button, Qt.MouseButton.LeftButton)
    assert panel.attachments.model.rowCount() == 1
    assert panel.model.index(0, ProgressLogModel.FILES).data() == "1"
    assert (
        not panel.attachments.model.index(0, AttachmentTableModel.NAME)
        .data(Qt.ItemDataRole.DecorationRole)
        .isNull()
    )

    file_prompts.save_files.append(tmp_path / "copy.png")
    assert panel.attachments.save_selected() == tmp_path / "copy.png"
    assert (tmp_path / "copy.png").read_bytes() == photo.read_bytes()

    flyer = tmp_path / "講座チラシ.pdf"
    flyer.write_bytes(b"%PDF-1.4 flyer")
    file_prompts.open_files.append(flyer)
    outcome = page.editor.outcome_files
    qtbot.mouseClick(outcome.add_button, Qt.MouseButton.LeftButton)
    outcome.select_row(0)
    assert outcome.delete_selected()
    file_ctx.undo_stack.undo()  # the removal is undoable
    assert outcome.model.rowCount() == 1

    page.close()
    with reopened(db) as stored:
        (info,) = stored.attachments.list_for(progress_entry_id=entry.id)
        assert (info.filename, info.media_type) == ("第1回講座の様子.png", "image/png")
        assert stored.attachments.content(info.id) == photo.read_bytes()
        (pdf,) = stored.attachments.list_for(project_id=project.id)
        assert pdf.filename == "講座チラシ.pdf"
        assert stored.attachments.content(pdf.id) == b"%PDF-1.4 flyer"


def test_a_supervisor_cannot_attach(
    qtbot: QtBot,
    file_ctx: UiContext,
    file_prompts: FakePrompts,
    services: Services,
    make: Factory,
    photo: Path,
) -> None:
    project = make.project()
    services.progress.save(
        ProgressEntry(project_id=project.id, entry_date=date(2017, 9, 14), text="第1回の講座")
    )
    services.attachments.add(filename="memo.txt", content=b"memo", project_id=project.id)
    boss = services.profiles.save(UserProfile(name="山本 健", role=ProfileRole.SUPERVISOR))
    set_current_profile(file_ctx, boss.id)
    page = ProjectPage(file_ctx)
    qtbot.addWidget(page)
    page.select_record(project.id)
    panel = page.editor.progress_log
    panel.select_row(0)
    outcome = page.editor.outcome_files
    outcome.select_row(0)
    assert not panel.attachments.add_button.isEnabled()
    assert not outcome.delete_button.isEnabled()
    assert outcome.save_button.isEnabled()  # reading is fine
    assert panel.attachments.add_file(photo) is None
    assert not outcome.delete_selected()
    assert file_prompts.warnings == [READ_ONLY_MESSAGE, READ_ONLY_MESSAGE]
    assert services.attachments.list_for(progress_entry_id=panel.selected_id()) == []
    assert [a.filename for a in services.attachments.list_for(project_id=project.id)] == [
        "memo.txt"
    ]
