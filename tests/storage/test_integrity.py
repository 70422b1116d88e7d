"""The checks before opening: damaged, not a database, read-only, locked, in use, network."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.instance_lock import (
    InstanceLock,
    InstanceLockedError,
    wait_for_instance_lock,
)
from coordinator_app.storage.locations import MountPoint, side_files, storage_warning
from coordinator_app.storage.open_checks import OpenStatus, check_database
from coordinator_app.storage.read_only import ReadOnlyDatabaseError, open_read_only

PAGE = 4096


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    """A database with some pages of data, closed (no -wal/-shm beside it)."""
    db = open_database(db_path)
    services = Services.create(db)
    for n in range(120):
        services.organisations.save(
            Organisation(name=f"団体{n}", kind=OrgKind.NPO, notes="記録" * 800)
        )
    db.close()
    assert side_files(db_path) == []
    return db_path


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])


def _zero_page(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.seek(PAGE * 2)
        fh.write(b"\x00" * PAGE)


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(6).randbytes(path.stat().st_size))


def _random_region(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.seek(PAGE * 7 + 100)
        fh.write(random.Random(7).randbytes(PAGE * 3))


DAMAGE: dict[str, tuple[Callable[[Path], None], set[OpenStatus]]] = {
    "truncated": (_truncate, {OpenStatus.DAMAGED}),
    "zero-filled page": (_zero_page, {OpenStatus.DAMAGED}),
    "random bytes": (_random_bytes, {OpenStatus.NOT_A_DATABASE}),
    "random region": (_random_region, {OpenStatus.DAMAGED}),
    "zero-filled header": (
        lambda p: p.write_bytes(bytes(PAGE) + p.read_bytes()[PAGE:]),
        {OpenStatus.NOT_A_DATABASE},
    ),
    "empty": (lambda p: p.write_bytes(b""), {OpenStatus.EMPTY}),
    "a csv": (lambda p: p.write_text("名称,電話\n", encoding="utf-8"), {OpenStatus.NOT_A_DATABASE}),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damage_is_recognised_without_touching_the_file(closed_db: Path, kind: str) -> None:
    spoil, expected = DAMAGE[kind]
    spoil(closed_db)
    before = closed_db.read_bytes()
    os.utime(closed_db, ns=(1_000_000_000, 1_000_000_000))
    verdict = check_database(closed_db)
    assert verdict.status in expected
    assert verdict.offers_backup and not verdict.can_open
    assert "書き込まず" in verdict.message
    assert closed_db.read_bytes() == before
    assert closed_db.stat().st_mtime_ns == 1_000_000_000
    assert side_files(closed_db) == [], "no -wal/-shm created next to a damaged file"


def test_a_sound_file_is_ok_and_a_missing_one_new(closed_db: Path, tmp_path: Path) -> None:
    assert check_database(closed_db).status == OpenStatus.OK
    assert check_database(closed_db).can_open
    assert check_database(tmp_path / "new.sqlite3").status == OpenStatus.NEW


def test_an_open_database_with_a_live_wal_is_ok(db: Database, db_path: Path) -> None:
    Services.create(db).organisations.save(Organisation(name="a", kind=OrgKind.NPO))
    assert check_database(db_path).status == OpenStatus.OK


def test_other_programs_and_newer_versions(db_path: Path, closed_db: Path) -> None:
    conn = sqlite3.connect(closed_db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    verdict = check_database(closed_db)
    assert verdict.status == OpenStatus.TOO_NEW and "新しい版" in verdict.message
    foreign = db_path.with_name("foreign.sqlite3")
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE budget (x)")
    conn.commit()
    conn.close()
    assert check_database(foreign).status == OpenStatus.FOREIGN


def test_read_only_file_opens_read_only(closed_db: Path) -> None:
    closed_db.chmod(0o444)
    try:
        verdict = check_database(closed_db)
        assert verdict.status == OpenStatus.READ_ONLY
        assert verdict.can_open_read_only and "読み取り専用" in verdict.message
        db = open_read_only(closed_db)
        try:
            services = Services.create(db)
            assert services.organisations.list().total == 120
            with pytest.raises(ReadOnlyDatabaseError, match="読み取り専用") as refused:
                services.organisations.save(Organisation(name="x", kind=OrgKind.NPO))
            # Forms show it like any refused save (a ValidationError on "database").
            assert isinstance(refused.value, ValidationError)
            assert "読み取り専用" in refused.value.errors["database"]
            with pytest.raises(sa.exc.OperationalError, match="readonly"), db.engine.begin() as c:
                c.exec_driver_sql("DELETE FROM organisation")
        finally:
            db.close()
    finally:
        closed_db.chmod(0o644)
    assert check_database(closed_db).status == OpenStatus.OK


def test_a_file_locked_by_another_program(closed_db: Path) -> None:
    other = sqlite3.connect(closed_db, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("DELETE FROM organisation")
        verdict = check_database(closed_db)
        assert verdict.status == OpenStatus.LOCKED
        assert "使用中" in verdict.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert check_database(closed_db).status == OpenStatus.OK


def test_second_instance_is_told_and_may_open_read_only(closed_db: Path) -> None:
    first = InstanceLock(closed_db)
    assert first.acquire()
    try:
        verdict = check_database(closed_db)
        assert verdict.status == OpenStatus.IN_USE
        assert verdict.holder is not None and verdict.holder.pid == os.getpid()
        assert "別のウィンドウ" in verdict.message and "読み取り専用" in verdict.message
        assert check_database(closed_db, lock=first).status == OpenStatus.OK
        with pytest.raises(InstanceLockedError):
            InstanceLock(closed_db).__enter__()
    finally:
        first.release()
    with InstanceLock(closed_db) as again:
        assert again.held


def test_waiting_for_the_other_instance(closed_db: Path) -> None:
    first = InstanceLock(closed_db)
    assert first.acquire()
    timer = threading.Timer(0.3, first.release)
    timer.start()
    second = InstanceLock(closed_db)
    started = time.monotonic()
    assert wait_for_instance_lock(second, timeout_s=5, poll_s=0.05)
    assert 0.2 < time.monotonic() - started < 4
    second.release()
    blocker = InstanceLock(closed_db)
    assert blocker.acquire()
    assert not wait_for_instance_lock(InstanceLock(closed_db), timeout_s=0.2, poll_s=0.05)
    blocker.release()


HOLDER = """
import sys, time
from coordinator_app.storage.instance_lock import InstanceLock
lock = InstanceLock(sys.argv[1])
assert lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_a_killed_instance_leaves_no_stale_lock(closed_db: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(closed_db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        verdict = check_database(closed_db)
        assert verdict.status == OpenStatus.IN_USE
        assert verdict.holder is not None and verdict.holder.pid == proc.pid
    finally:
        proc.kill()
        proc.wait()
    assert check_database(closed_db).status == OpenStatus.OK


WRITER = """
import sys
from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
db = open_database(sys.argv[1])
services = Services.create(db)
for n in range(int(sys.argv[3])):
    services.organisations.save(Organisation(name=f"{sys.argv[2]}-{n}", kind=OrgKind.NPO))
db.close()
"""


def test_two_instances_writing_at_once_neither_crash_nor_corrupt(closed_db: Path) -> None:
    # Even where the instance lock is not honoured (a network share), SQLite's
    # locks, the busy timeout and IMMEDIATE writes keep both writers correct.
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(closed_db), name, "150"])
        for name in ("A", "B")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    conn = sqlite3.connect(closed_db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = {r[0] for r in conn.execute("SELECT name FROM organisation")}
    finally:
        conn.close()
    assert {f"{w}-{n}" for w in "AB" for n in range(150)} <= names


def test_read_only_second_instance_sees_the_first_ones_commits(db: Database, db_path: Path) -> None:
    first = InstanceLock(db_path)
    assert first.acquire()
    try:
        writer = Services.create(db)
        writer.organisations.save(Organisation(name="一件目", kind=OrgKind.NPO))
        assert check_database(db_path).status == OpenStatus.IN_USE
        reader_db = open_read_only(db_path)
        try:
            reader = Services.create(reader_db)
            assert reader.organisations.list().total == 1
            writer.organisations.save(Organisation(name="二件目", kind=OrgKind.NPO))
            assert reader.organisations.list().total == 2
        finally:
            reader_db.close()
    finally:
        first.release()


@pytest.mark.parametrize(
    ("path", "mounts", "expected"),
    [
        ("/mnt/share/city/db.sqlite3", [MountPoint("/mnt/share", "cifs")], "ネットワーク"),
        ("/mnt/nfs/db.sqlite3", [MountPoint("/", "ext4"), MountPoint("/mnt/nfs", "nfs4")], "ネ"),
        ("/home/u/OneDrive - 福生市/db.sqlite3", [MountPoint("/", "ext4")], "OneDrive"),
        ("/home/u/Dropbox/db.sqlite3", [MountPoint("/", "ext4")], "Dropbox"),
        ("/Users/u/Library/Mobile Documents/db.sqlite3", [], "iCloud"),
        ("//server/share/db.sqlite3", [], "ネットワーク"),
        ("/home/u/data/db.sqlite3", [MountPoint("/", "ext4"), MountPoint("/mnt", "cifs")], None),
        ("/mnt2/db.sqlite3", [MountPoint("/", "ext4"), MountPoint("/mnt", "cifs")], None),
    ],
)
def test_network_and_cloud_locations_get_a_warning(
    path: str, mounts: list[MountPoint], expected: str | None
) -> None:
    warning = storage_warning(Path(path), mounts=mounts)
    if expected is None:
        assert warning is None
    else:
        assert warning is not None and expected in warning


def test_check_carries_the_network_warning_but_still_opens(closed_db: Path) -> None:
    verdict = check_database(closed_db, mounts=[MountPoint("/", "nfs")])
    assert verdict.status == OpenStatus.OK
    assert verdict.warnings and "ネットワーク" in verdict.warnings[0]


def test_newest_good_backup(closed_db: Path) -> None:
    from coordinator_app.storage.backup import BackupManager

    assert BackupManager(closed_db).newest_good() is None
    info = BackupManager(closed_db).backup_now()
    _zero_page(closed_db)
    assert BackupManager(closed_db).newest_good() == info
