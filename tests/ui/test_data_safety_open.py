"""Opening a damaged or busy database: the message, the offer of a backup, nothing written."""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.services.data_safety import (
    BackupInfo,
    DataSafetyService,
    OpenCheck,
    OpenStatus,
)
from coordinator_app.services.registry import Services
from coordinator_app.ui.data_safety.open_failure_dialog import OpenChoice, OpenFailureDialog
from coordinator_app.ui.data_safety.startup import StartupOpener
from tests.ui.fake_prompts import FakePrompts

PAGE = 4096


def _names(safety_db: object) -> list[str]:
    return [o.name for o in Services.create(safety_db).organisations.list().rows]  # type: ignore[arg-type]


@pytest.fixture
def with_backup(db_path: Path) -> tuple[DataSafetyService, BackupInfo]:
    """A database with data, a good backup of it, closed."""
    safety = DataSafetyService(db_path)
    opened = safety.open()
    services = Services.create(opened.db)
    for n in range(150):
        services.organisations.save(
            Organisation(name=f"団体{n:03d}", kind=OrgKind.NPO, notes="活動記録" * 300)
        )
    backup = safety.backup_now()
    safety.close(opened.db, backup=False)
    return safety, backup


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 77])


def _zero_page(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.seek(PAGE * 2)
        fh.write(b"\x00" * PAGE)


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(3).randbytes(path.stat().st_size))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "zero-filled page": _zero_page,
    "random bytes": _random_bytes,
}
EXPECTED_MESSAGE = {
    "truncated": "壊れています",
    "zero-filled page": "壊れています",
    "random bytes": "データベースとして読めません",
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_shows_the_message_and_offers_the_backup(
    qtbot: QtBot,
    with_backup: tuple[DataSafetyService, BackupInfo],
    db_path: Path,
    damage: str,
) -> None:
    safety, backup = with_backup
    DAMAGE[damage](db_path)
    os.utime(db_path, ns=(1_500_000_000_000_000_000, 1_500_000_000_000_000_000))
    damaged = db_path.read_bytes()
    prompts = FakePrompts()
    seen: list[OpenFailureDialog] = []

    def ask(verdict: OpenCheck, offered: BackupInfo | None) -> OpenChoice:
        dialog = OpenFailureDialog(verdict, offered)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen.append(dialog)
        assert EXPECTED_MESSAGE[damage] in dialog.message_label.text()
        assert "書き込まず" in dialog.message_label.text()
        assert offered == backup
        assert dialog.restore_button.isVisible() and dialog.restore_button.isDefault()
        assert backup.describe() in dialog.backup_label.text()
        assert not dialog.read_only_button.isVisible()
        # Nothing has touched the damaged file while the user reads the message.
        assert db_path.read_bytes() == damaged
        assert db_path.stat().st_mtime_ns == 1_500_000_000_000_000_000
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return dialog.choice

    opened = StartupOpener(safety, prompts, ask=ask).open()
    assert opened is not None and len(seen) == 1
    try:
        assert len(_names(opened.db)) == 150
        (aside,) = opened.set_aside
        assert aside.read_bytes() == damaged, "the damaged file is kept, byte for byte"
        assert aside.stat().st_mtime_ns == 1_500_000_000_000_000_000
        assert any("復元して開きました" in text for text in prompts.infos)
    finally:
        safety.close(opened.db, backup=False)


def test_quitting_leaves_the_damaged_file_untouched(
    qtbot: QtBot, with_backup: tuple[DataSafetyService, BackupInfo], db_path: Path
) -> None:
    safety, _backup = with_backup
    _zero_page(db_path)
    before = (db_path.read_bytes(), db_path.stat().st_mtime_ns)
    files_before = sorted(p.name for p in db_path.parent.iterdir())

    def click_quit() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OpenFailureDialog)
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)

    # The real dialog, run modally, as the app runs it.
    QTimer.singleShot(100, click_quit)
    assert StartupOpener(safety, FakePrompts()).open() is None
    assert (db_path.read_bytes(), db_path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files_before


def test_no_backup_offers_to_choose_a_file(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    safety = DataSafetyService(db_path)
    opened = safety.open()
    Services.create(opened.db).organisations.save(Organisation(name="会", kind=OrgKind.NPO))
    elsewhere = tmp_path / "usb" / "copy.sqlite3"
    safety.backup_to_file(elsewhere)
    safety.close(opened.db, backup=False)
    db_path.write_bytes(b"")
    prompts = FakePrompts()
    prompts.open_files.append(elsewhere)

    def ask(verdict: OpenCheck, offered: BackupInfo | None) -> OpenChoice:
        dialog = OpenFailureDialog(verdict, offered)
        qtbot.addWidget(dialog)
        assert verdict.status == OpenStatus.EMPTY and offered is None
        assert "見つかりませんでした" in dialog.backup_label.text()
        assert dialog.restore_button.isHidden() and not dialog.choose_button.isHidden()
        dialog.choose_button.click()
        return dialog.choice

    reopened = StartupOpener(safety, prompts, ask=ask).open()
    assert reopened is not None
    try:
        assert _names(reopened.db) == ["会"]
    finally:
        safety.close(reopened.db, backup=False)


def test_second_instance_opens_read_only_and_says_so(qtbot: QtBot, db_path: Path) -> None:
    first = DataSafetyService(db_path)
    first_db = first.open()
    Services.create(first_db.db).organisations.save(Organisation(name="会", kind=OrgKind.NPO))
    prompts = FakePrompts()

    def ask(verdict: OpenCheck, offered: BackupInfo | None) -> OpenChoice:
        dialog = OpenFailureDialog(verdict, offered)
        qtbot.addWidget(dialog)
        assert verdict.status == OpenStatus.IN_USE
        assert "別のウィンドウ" in dialog.message_label.text()
        assert dialog.windowTitle() == "データベースは使用中です"
        assert not dialog.read_only_button.isHidden() and not dialog.wait_button.isHidden()
        assert dialog.restore_button.isHidden()
        dialog.read_only_button.click()
        return dialog.choice

    second = DataSafetyService(db_path)
    try:
        opened = StartupOpener(second, prompts, ask=ask).open()
        assert opened is not None and opened.read_only
        assert _names(opened.db) == ["会"]
        assert any("読み取り専用で開きました" in text for text in prompts.infos)
        second.close(opened.db)
    finally:
        first.close(first_db.db, backup=False)


def test_second_instance_waits_until_the_first_closes(qtbot: QtBot, db_path: Path) -> None:
    first = DataSafetyService(db_path)
    first_db = first.open()
    second = DataSafetyService(db_path)
    closer = threading.Timer(0.4, lambda: first.close(first_db.db, backup=False))
    opener = StartupOpener(second, FakePrompts(), ask=lambda v, b: OpenChoice.WAIT)
    closer.start()
    opened = opener.open()  # the real wait dialog, polling the lock
    closer.join()
    assert opened is not None and not opened.read_only and second.lock.held
    second.close(opened.db, backup=False)


def test_network_warning_is_shown_once(qtbot: QtBot, db_path: Path) -> None:
    from coordinator_app.storage.locations import MountPoint

    safety = DataSafetyService(db_path, mounts=[MountPoint("/", "cifs")])
    prompts = FakePrompts()
    opened = StartupOpener(safety, prompts, ask=lambda v, b: OpenChoice.QUIT).open()
    assert opened is not None and not opened.read_only
    assert len(prompts.warnings) == 1 and "ネットワーク" in prompts.warnings[0]
    safety.close(opened.db, backup=False)


def test_the_app_restores_on_start_and_backs_up_at_close(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    with_backup: tuple[DataSafetyService, BackupInfo],
    db_path: Path,
) -> None:
    from coordinator_app.app import start
    from coordinator_app.ui.i18n import remove_translators
    from coordinator_app.ui.settings import AppSettings, settings_store

    _safety, backup = with_backup
    _zero_page(db_path)
    damaged = db_path.read_bytes()

    def click_restore() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OpenFailureDialog)
        assert db_path.read_bytes() == damaged
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, click_restore)
    prompts = FakePrompts()
    settings = AppSettings(settings_store(tmp_path / "ui.ini"))
    started = start(
        qapp, db_path=db_path, demo=False, lang="ja", prompts=prompts, settings=settings
    )
    assert started is not None
    try:
        assert started.ctx.services.organisations.list().total == 150
        assert any("復元して開きました" in text for text in prompts.infos)
        assert DataSafetyService(db_path).check().status == OpenStatus.IN_USE
        backup.path.unlink()  # today's only backup: the one at close is now due
    finally:
        started.window.close()
        started.close()
        remove_translators(qapp, started.translators)
    reasons = [b.reason for b in DataSafetyService(db_path).backups()]
    assert "auto" in reasons, "the automatic backup is taken at close"
    assert DataSafetyService(db_path).check().status == OpenStatus.OK
