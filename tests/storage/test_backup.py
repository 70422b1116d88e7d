"""Backups through the online backup API, rotation, manual backup and restore."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Attachment, Coordinator, Organisation, Setting
from coordinator_app.services.registry import Services
from coordinator_app.storage.backup import BackupManager, BackupReason
from coordinator_app.storage.backup_copy import BackupError, copy_database
from coordinator_app.storage.backup_policy import BackupPolicy, load_policy, save_policy
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.instance_lock import InstanceLock
from coordinator_app.storage.locations import side_files

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


class Clock:
    """A settable local clock."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _org_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM organisation")}
    except sqlite3.OperationalError as exc:
        assert "no such table" in str(exc)
        return set()
    finally:
        conn.close()


def _save_org(services: Services, name: str) -> Organisation:
    return services.organisations.save(Organisation(name=name, kind=OrgKind.NPO))


def test_backup_holds_committed_data_still_in_the_wal(services: Services, db_path: Path) -> None:
    _save_org(services, "あおば会")
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0, "the record should still be in the WAL, not the main file"
    info = BackupManager(db_path).backup_now()
    assert _org_names(info.path) == {"あおば会"}
    # A raw copy of the main file alone would have missed it:
    raw = db_path.with_name("raw.sqlite3")
    raw.write_bytes(db_path.read_bytes())
    assert "あおば会" not in _org_names(raw)


def test_backup_is_a_single_verified_file(services: Services, db_path: Path) -> None:
    _save_org(services, "みどり会")
    info = BackupManager(db_path).backup_now()
    assert info.path.parent == db_path.parent / "backups"
    assert side_files(info.path) == []
    assert info.path.read_bytes()[18:20] == b"\x01\x01", "rollback journal, not WAL"
    conn = sqlite3.connect(info.path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    assert not list(info.path.parent.glob(".*partial*"))


def test_backup_carries_photos_attachments_and_logo(services: Services, db_path: Path) -> None:
    person = services.coordinators.save(Coordinator(name="佐藤", photo=PNG))
    with services.db.writing() as session:
        session.add(Attachment(filename="minutes.pdf", size=len(PNG), content=PNG))
        session.add(Setting(key="municipality.logo", blob_value=PNG))
    info = BackupManager(db_path).backup_now()
    conn = sqlite3.connect(info.path)
    try:
        photo = conn.execute("SELECT photo FROM coordinator WHERE id = ?", (person.id.hex,))
        assert photo.fetchone()[0] == PNG
        assert conn.execute("SELECT content FROM attachment").fetchone()[0] == PNG
        assert conn.execute("SELECT blob_value FROM setting").fetchone()[0] == PNG
    finally:
        conn.close()


def test_backup_does_not_wait_for_or_include_an_open_write(
    services: Services, db: Database, db_path: Path
) -> None:
    _save_org(services, "committed")
    with db.writing() as session:
        session.add(Organisation(name="uncommitted", kind=OrgKind.NPO, sort_kana="x"))
        session.flush()
        info = BackupManager(db_path).backup_now()
    assert _org_names(info.path) == {"committed"}


def test_at_most_one_automatic_backup_a_day(services: Services, db_path: Path) -> None:
    clock = Clock(datetime(2024, 5, 1, 9, 0))
    manager = BackupManager(db_path, clock=clock)
    assert manager.backup_if_due() is not None
    clock.now = datetime(2024, 5, 1, 23, 59)
    assert manager.backup_if_due() is None
    clock.now = datetime(2024, 5, 2, 0, 1)
    assert manager.backup_if_due() is not None
    assert [b.taken_at for b in manager.backups()] == [
        datetime(2024, 5, 2, 0, 1),
        datetime(2024, 5, 1, 9, 0),
    ]


def test_two_backups_in_one_second_do_not_overwrite_each_other(
    services: Services, db_path: Path
) -> None:
    manager = BackupManager(db_path, clock=Clock(datetime(2024, 5, 1, 9, 0)))
    first = manager.backup_now(BackupReason.BEFORE_RESTORE)
    second = manager.backup_now(BackupReason.BEFORE_RESTORE)
    assert first.path != second.path
    assert first.path.exists() and second.path.exists()
    assert manager.backups()[0] == second, "the later one of the same second is newer"
    third = manager.backup_now()
    assert [b.path for b in manager.backups()] == [third.path, second.path, first.path]


def _daily_backups(manager: BackupManager, clock: Clock, first: date, days: int) -> None:
    for n in range(days):
        clock.now = datetime.combine(first + timedelta(days=n), datetime.min.time()).replace(
            hour=18
        )
        manager.backup_now()


def test_rotation_keeps_7_daily_4_weekly_12_monthly(services: Services, db_path: Path) -> None:
    clock = Clock(datetime(2023, 1, 1))
    manager = BackupManager(db_path, clock=clock)
    _daily_backups(manager, clock, date(2023, 1, 1), 500)
    kept = sorted(b.taken_at.date() for b in manager.backups())
    last = date(2023, 1, 1) + timedelta(days=499)  # 2024-05-14, a Tuesday
    daily = {last - timedelta(days=n) for n in range(7)}
    assert daily <= set(kept)
    # The newest of each of the last 4 ISO weeks and 12 months:
    weekly = {date(2024, 5, 14), date(2024, 5, 12), date(2024, 5, 5), date(2024, 4, 28)}
    month_ends = [date(2023, 12, 31)] + [
        date(y, m + 1, 1) - timedelta(days=1)
        for y, m in [(2024, 4), (2024, 3), (2024, 2), (2024, 1)] + [(2023, m) for m in range(6, 12)]
    ]
    monthly = {date(2024, 5, 14), *month_ends}
    assert len(monthly) == 12
    assert weekly <= set(kept)
    assert monthly <= set(kept)
    assert set(kept) == daily | weekly | monthly
    assert len(kept) <= 7 + 4 + 12


def test_rotation_policy_is_configurable(services: Services, db_path: Path) -> None:
    clock = Clock(datetime(2024, 1, 1))
    manager = BackupManager(db_path, clock=clock, policy=BackupPolicy(daily=2, weekly=0, monthly=0))
    _daily_backups(manager, clock, date(2024, 1, 1), 20)
    assert [b.taken_at.date() for b in manager.backups()] == [date(2024, 1, 20), date(2024, 1, 19)]


def test_rotation_leaves_other_files_alone(services: Services, db_path: Path) -> None:
    clock = Clock(datetime(2024, 1, 1))
    manager = BackupManager(db_path, clock=clock, policy=BackupPolicy(daily=1, weekly=0, monthly=0))
    stranger = manager.backup_dir / "my-own-copy.sqlite3"
    manager.backup_dir.mkdir()
    stranger.write_bytes(b"mine")
    before_restore = manager.backup_now(BackupReason.BEFORE_RESTORE)
    _daily_backups(manager, clock, date(2024, 1, 1), 5)
    assert stranger.exists() and before_restore.path.exists()


def test_policy_is_stored_with_the_data(db: Database) -> None:
    assert load_policy(db) == BackupPolicy()
    save_policy(db, BackupPolicy(daily=3, weekly=2, monthly=24))
    assert load_policy(db) == BackupPolicy(daily=3, weekly=2, monthly=24)
    with pytest.raises(ValueError):
        BackupPolicy(daily=-1)


def test_a_damaged_database_gives_no_backup_and_rotates_nothing_away(
    db: Database, db_path: Path
) -> None:
    services = Services.create(db)
    for n in range(200):
        services.organisations.save(
            Organisation(name=f"団体{n}", kind=OrgKind.NPO, notes="メモ" * 500)
        )
    clock = Clock(datetime(2024, 1, 1, 9))
    manager = BackupManager(db_path, clock=clock, policy=BackupPolicy(daily=1, weekly=0, monthly=0))
    good = manager.backup_now()
    db.close()
    with db_path.open("r+b") as fh:
        fh.seek(4096 * 5)
        fh.write(b"\x00" * 4096 * 3)
    clock.now = datetime(2024, 1, 2, 9)
    with pytest.raises(BackupError, match=r"整合性|読めない"):
        manager.backup_now()
    assert [b.path for b in manager.backups()] == [good.path]
    assert manager.newest_good() == good


def test_newest_good_skips_a_damaged_backup(services: Services, db_path: Path) -> None:
    clock = Clock(datetime(2024, 1, 1, 9))
    manager = BackupManager(db_path, clock=clock)
    good = manager.backup_now()
    clock.now = datetime(2024, 1, 2, 9)
    bad = manager.backup_now()
    bad.path.write_bytes(b"\x00" * bad.size)
    assert manager.newest_good() == good


def test_manual_backup_to_a_chosen_file(services: Services, db_path: Path, tmp_path: Path) -> None:
    _save_org(services, "ひかり会")
    target = tmp_path / "usb" / "持ち出し.sqlite3"
    BackupManager(db_path).backup_to_file(target)
    assert _org_names(target) == {"ひかり会"}
    with pytest.raises(BackupError):
        BackupManager(db_path).backup_to_file(db_path)


def test_a_failed_write_leaves_no_partial_file(
    services: Services, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("coordinator_app.storage.backup.os.replace", disk_full)
    target = tmp_path / "out" / "copy.sqlite3"
    with pytest.raises(BackupError, match="空き容量"):
        copy_database(db_path, target)
    assert list(target.parent.iterdir()) == []


def _restore_setup(db: Database, db_path: Path) -> tuple[BackupManager, Path]:
    services = Services.create(db)
    _save_org(services, "古い記録")
    manager = BackupManager(db_path, clock=Clock(datetime(2024, 1, 1, 9)))
    backup = manager.backup_now().path
    _save_org(services, "新しい記録")
    db.close()
    return manager, backup


def test_restore_backs_up_the_current_state_first(db: Database, db_path: Path) -> None:
    manager, backup = _restore_setup(db, db_path)
    report = manager.restore(backup)
    assert _org_names(db_path) == {"古い記録"}
    assert report.before_restore is not None
    assert _org_names(report.before_restore.path) == {"古い記録", "新しい記録"}
    assert report.set_aside == ()
    reopened = open_database(db_path)
    try:
        assert Services.create(reopened).organisations.list().total == 1
    finally:
        reopened.close()


def test_restore_sets_a_damaged_file_aside_untouched(db: Database, db_path: Path) -> None:
    manager, backup = _restore_setup(db, db_path)
    damaged = bytearray(db_path.read_bytes())
    damaged[:100] = bytes(100)
    db_path.write_bytes(bytes(damaged))
    mtime = db_path.stat().st_mtime_ns
    report = manager.restore(backup)
    assert report.before_restore is None
    (aside,) = report.set_aside
    assert aside.read_bytes() == bytes(damaged)
    assert aside.stat().st_mtime_ns == mtime
    assert _org_names(db_path) == {"古い記録"}


def test_restore_refuses_while_another_instance_has_the_file(db: Database, db_path: Path) -> None:
    manager, backup = _restore_setup(db, db_path)
    other = InstanceLock(db_path)
    assert other.acquire()
    try:
        with pytest.raises(BackupError, match="開かれています"):
            manager.restore(backup)
    finally:
        other.release()
    assert _org_names(db_path) == {"古い記録", "新しい記録"}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda p: p.write_bytes(b"name,kana\n"),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    ],
    ids=["not-a-database", "truncated"],
)
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    db: Database, db_path: Path, spoil: Callable[[Path], None]
) -> None:
    manager, backup = _restore_setup(db, db_path)
    spoil(backup)
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="復元に使えません"):
        manager.restore(backup)
    assert db_path.read_bytes() == before
    assert [b.reason for b in manager.backups()] == ["auto"]
