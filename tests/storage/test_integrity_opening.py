"""DataSafetyService: opening with the instance lock, read-only, restore-and-open, close."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.services.data_safety import (
    BackupPolicy,
    DataSafetyService,
    InstanceLockedError,
    OpenStatus,
    ReadOnlyDatabaseError,
)
from coordinator_app.services.registry import Services


def _save(services: Services, name: str) -> None:
    services.organisations.save(Organisation(name=name, kind=OrgKind.NPO))


def test_open_write_close_takes_the_daily_backup(db_path: Path) -> None:
    safety = DataSafetyService(db_path, clock=lambda: datetime(2024, 6, 1, 17, 0))
    assert safety.check().status == OpenStatus.NEW
    opened = safety.open()
    assert not opened.read_only and safety.lock.held
    _save(Services.create(opened.db), "会")
    info = safety.close(opened.db)
    assert info is not None and info.path.exists()
    assert not safety.lock.held
    again = safety.open()
    assert safety.close(again.db) is None, "at most one automatic backup a day"


def test_second_instance_is_in_use_and_opens_read_only(db_path: Path) -> None:
    first = DataSafetyService(db_path)
    opened = first.open()
    _save(Services.create(opened.db), "一件目")
    second = DataSafetyService(db_path)
    verdict = second.check()
    assert verdict.status == OpenStatus.IN_USE and verdict.can_open_read_only
    with pytest.raises(InstanceLockedError):
        second.open()
    reader = second.open_read_only()
    try:
        services = Services.create(reader.db)
        assert reader.read_only and services.organisations.list().total == 1
        with pytest.raises(ReadOnlyDatabaseError):
            _save(services, "二件目")
        assert second.close(reader.db) is None, "a read-only instance takes no backup"
    finally:
        first.close(opened.db)
    assert second.check().status == OpenStatus.OK
    assert second.try_lock()
    second.lock.release()


def test_restore_and_open_after_damage(db_path: Path) -> None:
    safety = DataSafetyService(db_path)
    opened = safety.open()
    _save(Services.create(opened.db), "守りたい記録")
    good = safety.backup_now()
    safety.close(opened.db, backup=False)
    damaged = b"\x00" * db_path.stat().st_size
    db_path.write_bytes(damaged)
    assert safety.check().offers_backup
    assert safety.newest_good_backup() == good
    restored = safety.restore_and_open(good)
    try:
        assert restored.restored_from == good
        (aside,) = restored.set_aside
        assert aside.read_bytes() == damaged
        names = [o.name for o in Services.create(restored.db).organisations.list().rows]
        assert names == ["守りたい記録"]
    finally:
        safety.close(restored.db)


def test_rotation_policy_is_saved_and_applied(db_path: Path) -> None:
    safety = DataSafetyService(db_path)
    opened = safety.open()
    safety.set_policy(opened.db, BackupPolicy(daily=2, weekly=1, monthly=3))
    safety.close(opened.db, backup=False)
    later = DataSafetyService(db_path)
    reopened = later.open()
    try:
        assert later.policy() == BackupPolicy(daily=2, weekly=1, monthly=3)
    finally:
        later.close(reopened.db, backup=False)


def test_restore_upgrades_an_old_backup_and_the_closed_database_object_works_again(
    db_path: Path, tmp_path: Path
) -> None:
    from coordinator_app.storage.engine import create_sqlite_engine
    from coordinator_app.storage.schema import head_revision, stored_revision, upgrade_to

    old = tmp_path / "old-version.sqlite3"
    engine = create_sqlite_engine(old)
    upgrade_to(engine, "0001")
    engine.dispose()
    safety = DataSafetyService(db_path)
    opened = safety.open()
    services = Services.create(opened.db)
    _save(services, "今の記録")
    opened.db.close()  # what the main window does before a restore
    report = safety.restore(old)
    assert report.before_restore is not None
    assert stored_revision(db_path) == head_revision()
    assert services.organisations.list().total == 0, "the same objects read the restored file"
    _save(services, "復元後の記録")
    safety.close(opened.db, backup=False)
