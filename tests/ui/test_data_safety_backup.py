"""The backup dialog: back up now, to a file, restore (with the state before it kept), policy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.services.data_safety import BackupPolicy, DataSafetyService
from coordinator_app.services.registry import Services
from coordinator_app.ui.data_safety.backup_dialog import BackupDialog
from tests.ui.fake_prompts import FakePrompts


class App:
    """What the main window does around the dialog: holds, closes and reopens the database."""

    def __init__(self, path: Path) -> None:
        self.safety = DataSafetyService(path)
        self.services: Services | None = Services.create(self.safety.open().db)
        self.reopened = 0

    def close_database(self) -> None:
        assert self.services is not None
        self.services.db.close()
        self.services = None

    def reopen_database(self) -> None:
        self.services = Services.create(self.safety.open().db)
        self.reopened += 1

    def names(self) -> set[str]:
        assert self.services is not None
        return {o.name for o in self.services.organisations.list().rows}


@pytest.fixture
def app(db_path: Path) -> Iterator[App]:
    running = App(db_path)
    yield running
    running.safety.close(running.services.db if running.services else None, backup=False)


def _dialog(qtbot: QtBot, app: App, prompts: FakePrompts) -> BackupDialog:
    dialog = BackupDialog(
        app.safety,
        prompts,
        current_services=lambda: app.services,
        close_database=app.close_database,
        reopen_database=app.reopen_database,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_backup_now_and_restore_it(qtbot: QtBot, app: App) -> None:
    assert app.services is not None
    app.services.organisations.save(Organisation(name="最初の会", kind=OrgKind.NPO))
    prompts = FakePrompts()
    dialog = _dialog(qtbot, app, prompts)
    assert dialog.empty_label.isVisible() and not dialog.restore_selected_button.isEnabled()
    qtbot.mouseClick(dialog.backup_now_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1 and "バックアップしました" in prompts.infos[-1]
    app.services.organisations.save(Organisation(name="後から足した会", kind=OrgKind.NPO))
    restored: list[object] = []
    dialog.restored.connect(restored.append)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_selected_button, Qt.MouseButton.LeftButton)
    assert "今の内容は、復元の前に自動でバックアップ" in prompts.questions[-1]
    assert app.names() == {"最初の会"}, "the database holds the backup's content"
    assert app.reopened == 1 and len(restored) == 1
    assert dialog.model.rowCount() == 2
    before = restored[0].before_restore  # type: ignore[attr-defined]
    kept = Services.create(DataSafetyService(before.path).open_read_only().db)
    assert {o.name for o in kept.organisations.list().rows} == {"最初の会", "後から足した会"}
    kept.db.close()


def test_restore_can_be_declined_and_bad_files_are_refused(
    qtbot: QtBot, app: App, tmp_path: Path
) -> None:
    assert app.services is not None
    app.services.organisations.save(Organisation(name="会", kind=OrgKind.NPO))
    prompts = FakePrompts()
    dialog = _dialog(qtbot, app, prompts)
    copy = tmp_path / "copy.sqlite3"
    prompts.save_files.append(copy)
    qtbot.mouseClick(dialog.backup_to_file_button, Qt.MouseButton.LeftButton)
    assert copy.exists()
    prompts.answers.append(False)
    prompts.open_files.append(copy)
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    assert app.reopened == 0, "declined: the database was not even closed"
    bogus = tmp_path / "list.csv"
    bogus.write_text("名称\n", encoding="utf-8")
    prompts.open_files.append(bogus)
    qtbot.mouseClick(dialog.restore_file_button, Qt.MouseButton.LeftButton)
    assert "復元に使えません" in prompts.warnings[-1]
    assert app.reopened == 1 and app.names() == {"会"}


def test_rotation_policy_is_saved_in_the_database(qtbot: QtBot, app: App) -> None:
    prompts = FakePrompts()
    dialog = _dialog(qtbot, app, prompts)
    assert dialog.daily_spin.value() == 7
    dialog.daily_spin.setValue(3)
    dialog.weekly_spin.setValue(2)
    dialog.monthly_spin.setValue(6)
    qtbot.mouseClick(dialog.save_policy_button, Qt.MouseButton.LeftButton)
    assert app.safety.policy() == BackupPolicy(daily=3, weekly=2, monthly=6)
    app.safety.close(app.services.db if app.services else None, backup=False)
    later = DataSafetyService(app.safety.db_path)
    app.safety = later
    app.reopen_database()
    assert later.policy() == BackupPolicy(daily=3, weekly=2, monthly=6), "stored with the data"


def test_read_only_instance_cannot_restore(qtbot: QtBot, app: App) -> None:
    other = DataSafetyService(app.safety.db_path)
    reader = other.open_read_only()
    services = Services.create(reader.db)
    dialog = BackupDialog(
        other,
        FakePrompts(),
        current_services=lambda: services,
        close_database=lambda: None,
        reopen_database=lambda: None,
    )
    qtbot.addWidget(dialog)
    assert not dialog.restore_file_button.isEnabled()
    assert not dialog.policy_group.isEnabled()
    assert dialog.backup_now_button.isEnabled(), "backing up only reads"
    reader.db.close()
