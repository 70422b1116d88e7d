"""Files whose schema is not exactly ours are refused on opening, restore and
whole-database import, with a Japanese message and their bytes untouched."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Coordinator, Organisation
from coordinator_app.services.registry import Services
from coordinator_app.storage.backup import BackupManager
from coordinator_app.storage.backup_copy import BackupError
from coordinator_app.storage.database import open_database
from coordinator_app.storage.open_checks import OpenStatus, check_database
from coordinator_app.storage.schema import upgrade_to
from coordinator_app.storage.schema_check import schema_differences

Tamper = Callable[[sqlite3.Connection], None]


def _trigger(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TRIGGER rename_all AFTER INSERT ON organisation BEGIN "
        "UPDATE coordinator SET name = '乗っ取り'; END"
    )


def _view_for_table(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE progress_entry")
    conn.execute("CREATE VIEW progress_entry AS SELECT * FROM project")


def _changed_column(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE organisation ADD COLUMN secret TEXT")


def _extra_view(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE VIEW everything AS SELECT name FROM coordinator")


def _extra_index(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE UNIQUE INDEX one_name ON organisation (kind)")


HOSTILE: dict[str, Tamper] = {
    "trigger": _trigger,
    "view_for_table": _view_for_table,
    "changed_column": _changed_column,
    "extra_view": _extra_view,
    "extra_index": _extra_index,
}


def _ours(path: Path) -> Path:
    db = open_database(path)
    services = Services.create(db)
    services.coordinators.save(Coordinator(name="高橋 美咲"))
    services.organisations.save(
        Organisation(name="福生市社会福祉協議会", kind=OrgKind.SOCIAL_WELFARE_COUNCIL)
    )
    db.close()
    return path


def _tampered(path: Path, tamper: Tamper) -> bytes:
    _ours(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        tamper(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    return path.read_bytes()


def test_our_own_files_pass(tmp_path: Path) -> None:
    fresh = _ours(tmp_path / "fresh.sqlite3")
    assert check_database(fresh).status == OpenStatus.OK
    # A file made at the first revision and upgraded step by step is ours too.
    old = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{old}")
    upgrade_to(engine, "0001")
    engine.dispose()
    open_database(old).close()
    conn = sqlite3.connect(old)
    try:
        assert schema_differences(conn) == []
    finally:
        conn.close()
    assert check_database(old).status == OpenStatus.OK


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_tampered_file_is_refused_on_opening(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "evil.sqlite3"
    before = _tampered(path, HOSTILE[kind])
    verdict = check_database(path)
    assert verdict.status == OpenStatus.ALTERED
    assert "構造が違う" in verdict.message and "変更していません" in verdict.message
    assert verdict.offers_backup
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_tampered_backup_is_not_restored(tmp_path: Path, kind: str) -> None:
    current = _ours(tmp_path / "coordinator.sqlite3")
    current_bytes = current.read_bytes()
    evil = tmp_path / "evil.sqlite3"
    evil_bytes = _tampered(evil, HOSTILE[kind])
    manager = BackupManager(current)
    with pytest.raises(BackupError, match="構造が違う"):
        manager.restore(evil)
    assert evil.read_bytes() == evil_bytes
    assert current.read_bytes() == current_bytes
    assert manager.backups() == [], "nothing was even backed up before refusing"


def test_a_tampered_older_file_is_refused_before_its_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0003")
    engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)
    _trigger(conn)
    conn.close()
    before = path.read_bytes()
    assert check_database(path).status == OpenStatus.ALTERED
    assert path.read_bytes() == before
