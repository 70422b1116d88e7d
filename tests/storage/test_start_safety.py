"""First start and storage safety: missing and read-only folders, leftovers of killed
backups and restores, manual backups and rotation, a full disk."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.services.data_safety import DataSafetyService
from coordinator_app.services.registry import Services
from coordinator_app.storage.backup import BackupManager, BackupReason
from coordinator_app.storage.backup_policy import BackupPolicy
from coordinator_app.storage.database import open_database
from coordinator_app.storage.locations import is_writable, side_files
from coordinator_app.storage.open_checks import OpenStatus, check_database
from coordinator_app.storage.read_only import (
    CannotOpenReadOnlyError,
    ReadOnlyDatabaseError,
    open_read_only,
)


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


def _database(path: Path, organisations: int = 3) -> Path:
    db = open_database(path)
    services = Services.create(db)
    for n in range(organisations):
        services.organisations.save(Organisation(name=f"団体{n}", kind=OrgKind.NPO))
    db.close()
    return path


# -- missing folders (issue 10: the README start) ---------------------------------------


def test_a_missing_data_folder_is_new_and_gets_created(tmp_path: Path) -> None:
    path = tmp_path / "home" / ".local" / "share" / "coordinator-app" / "coordinator.sqlite3"
    assert is_writable(path)
    assert check_database(path).status == OpenStatus.NEW
    safety = DataSafetyService(path)
    opened = safety.open()
    try:
        assert path.is_file()
    finally:
        safety.close(opened.db, backup=False)


def test_a_folder_that_cannot_be_created_is_said_so_and_read_only_is_not_offered(
    tmp_path: Path,
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    path = locked / "missing" / "coordinator.sqlite3"
    with read_only_folder(locked):
        verdict = check_database(path)
        assert verdict.status == OpenStatus.CANNOT_CREATE
        assert not verdict.can_open and not verdict.can_open_read_only
        assert "作れません" in verdict.message
        # Even if asked, read-only opening answers with a message, never a traceback.
        with pytest.raises(CannotOpenReadOnlyError, match="ないため"):
            open_read_only(path)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    assert check_database(blocked / "sub" / "db.sqlite3").status == OpenStatus.CANNOT_CREATE


# -- read-only folder + 読み取り専用で開く (issue 11 point 3) ----------------------------------


def test_read_only_folder_opens_read_only_without_side_files(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _database(folder / "coordinator.sqlite3", organisations=5)
    assert side_files(path) == []
    with read_only_folder(folder):
        verdict = check_database(path)
        assert verdict.status == OpenStatus.READ_ONLY and verdict.can_open_read_only
        db = open_read_only(path)
        try:
            services = Services.create(db)
            assert services.organisations.list().total == 5
            assert services.search.search("団体").total_shown >= 1
            with pytest.raises(ReadOnlyDatabaseError):
                services.organisations.save(Organisation(name="新", kind=OrgKind.NPO))
        finally:
            db.close()
        # Nothing was created in the folder (SQLite could not have: the file is read as is).
        assert sorted(p.name for p in folder.iterdir()) == ["coordinator.sqlite3"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root to run a child as an unprivileged user (permissions bind everyone else)",
)
def test_read_only_folder_as_an_unprivileged_user(tmp_path: Path) -> None:
    # The superuser can create files in a 0555 folder; an ordinary user cannot, which is
    # what produced "attempt to write a readonly database". Run the reader as nobody.
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="coordinator-ro-"))
    try:
        base.chmod(0o755)
        path = _database(base / "coordinator.sqlite3", organisations=4)
        base.chmod(0o555)
        path.chmod(0o444)
        script = textwrap.dedent(
            f"""
            from coordinator_app.services.registry import Services
            from coordinator_app.storage.read_only import open_read_only
            db = open_read_only({str(path)!r})
            print(Services.create(db).organisations.list().total)
            db.close()
            """
        )
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = subprocess.run(
            [*nobody, sys.executable, "-c", "import coordinator_app.services.registry"],
            capture_output=True,
            cwd=base,
            check=False,
        )
        if probe.returncode != 0:
            pytest.skip("an unprivileged user cannot import the app from this installation")
        result = subprocess.run(
            [*nobody, sys.executable, "-c", script],
            capture_output=True,
            text=True,
            cwd=base,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "4"
    finally:
        base.chmod(0o755)
        shutil.rmtree(base)


# -- leftovers of killed backups and restores (issue 11 point 9) ---------------------


def test_leftovers_are_cleaned_at_the_next_start(tmp_path: Path) -> None:
    path = _database(tmp_path / "coordinator.sqlite3")
    manager = BackupManager(path)
    manager.backup_dir.mkdir()
    dead_pid = _dead_pid()
    leftovers = [
        manager.staging_path(),
        manager.staging_path().with_name(manager.staging_path().name + "-journal"),
        manager.backup_dir / f".coordinator_20240501-180000_auto.sqlite3.{dead_pid}.partial",
        tmp_path / f".coordinator.sqlite3.restoring.{dead_pid}.partial",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"\0" * 4096)
    alive = manager.backup_dir / f".other.sqlite3.{os.getppid()}.partial"
    alive.write_bytes(b"busy")
    unrelated = tmp_path / "notes.partial"
    unrelated.write_bytes(b"mine")

    safety = DataSafetyService(path)
    opened = safety.open()
    safety.close(opened.db, backup=False)
    assert [p for p in leftovers if p.exists()] == []
    assert alive.exists(), "a copy still being written by a live process is left alone"
    assert unrelated.exists()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# -- 「今すぐバックアップ」 never prunes manual backups (issue 18 point 3) -------------------


def test_manual_backups_survive_rotation(tmp_path: Path) -> None:
    path = _database(tmp_path / "coordinator.sqlite3")
    times = iter(
        [
            datetime(2024, 5, 1, 9, 0, 0),
            datetime(2024, 5, 1, 12, 0, 0),
            datetime(2024, 5, 1, 18, 0, 0),
            datetime(2024, 5, 2, 18, 0, 0),
        ]
    )
    manager = BackupManager(path, policy=BackupPolicy(daily=1, weekly=0, monthly=0))
    manager.clock = lambda: next(times)
    first = manager.backup_now(BackupReason.MANUAL)
    second = manager.backup_now(BackupReason.MANUAL)
    automatic = manager.backup_now(BackupReason.AUTO)
    manager.rotate()
    assert {b.path for b in manager.backups()} == {first.path, second.path, automatic.path}
    # The next day's automatic backup replaces the older automatic one only.
    next_day = manager.backup_now(BackupReason.AUTO)
    assert {b.path for b in manager.backups()} == {first.path, second.path, next_day.path}


# -- a full disk is reported as a full disk (issue 11 point 10) ----------------------


def _can_mount_tmpfs() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_tmpfs(), reason="needs a private tmpfs (unshare -m, mount)")
def test_a_full_disk_backup_says_disk_full(tmp_path: Path) -> None:
    path = _database(tmp_path / "coordinator.sqlite3", organisations=400)
    small = tmp_path / "small"
    small.mkdir()
    script = textwrap.dedent(
        f"""
        from coordinator_app.storage.backup import BackupManager
        from coordinator_app.storage.backup_copy import BackupError
        try:
            BackupManager({str(path)!r}).backup_to_file({str(small / "backup.sqlite3")!r})
        except BackupError as exc:
            print(exc)
        else:
            print("NO ERROR")
        """
    )
    result = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            f'mount -t tmpfs -o size=64k tmpfs "{small}" && exec "$0" -c "$1"',
            sys.executable,
            script,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "空き容量が足りない" in result.stdout, result.stdout
    assert "データベースとして読めない" not in result.stdout
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
