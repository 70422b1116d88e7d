"""読み取り専用で開く at start: a read-only folder opens and runs; a folder that cannot be
created is said so (no read-only offer), and nothing ends in a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.app import StartedApp, first_start, start
from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from coordinator_app.ui.data_safety.open_failure_dialog import OpenFailureDialog
from coordinator_app.ui.i18n import remove_translators
from coordinator_app.ui.settings import AppSettings
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def started_apps(qapp: QApplication) -> Iterator[list[StartedApp]]:
    apps: list[StartedApp] = []
    yield apps
    for started in apps:
        started.window.close()
        started.close()
        remove_translators(qapp, started.translators)


def _click_when_shown(qtbot: QtBot, seen: list[OpenFailureDialog], button: str) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OpenFailureDialog):
            QTimer.singleShot(10, click)
            return
        seen.append(dialog)
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_read_only_folder_opens_read_only_and_runs(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    prompts: FakePrompts,
    ui_settings: AppSettings,
    started_apps: list[StartedApp],
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "coordinator.sqlite3"
    db = open_database(path)
    Services.create(db).organisations.save(Organisation(name="福生市社協", kind=OrgKind.NPO))
    db.close()
    folder.chmod(0o555)
    try:
        seen: list[OpenFailureDialog] = []
        _click_when_shown(qtbot, seen, "read_only_button")
        started = start(
            qapp, db_path=path, demo=False, lang="ja", prompts=prompts, settings=ui_settings
        )
        assert started is not None
        started_apps.append(started)
        assert seen and not seen[0].read_only_button.isHidden()
        assert any("読み取り専用で開きました" in text for text in prompts.infos)
        started.window.show()
        first_start(started)  # nothing to ask: no profile exists and nothing can be written
        assert prompts.questions == []
        assert started.ctx.services.organisations.list().total == 1
        started.window.close()
        started.close()
        started_apps.remove(started)
        remove_translators(qapp, started.translators)
        assert sorted(p.name for p in folder.iterdir()) == ["coordinator.sqlite3"]
    finally:
        folder.chmod(0o755)


def test_a_folder_that_cannot_be_created_offers_no_read_only(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    prompts: FakePrompts,
    ui_settings: AppSettings,
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    path = locked / "data" / "coordinator.sqlite3"
    locked.chmod(0o555)
    try:
        seen: list[OpenFailureDialog] = []
        _click_when_shown(qtbot, seen, "quit_button")
        started = start(
            qapp, db_path=path, demo=False, lang="ja", prompts=prompts, settings=ui_settings
        )
        assert started is None
        dialog = seen[0]
        assert "作れません" in dialog.message_label.text()
        assert dialog.read_only_button.isHidden() and not dialog.retry_button.isHidden()
        assert not path.parent.exists()
    finally:
        locked.chmod(0o755)
