"""Big files: a structural check before opening, the full quick_check later."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coordinator_app.storage import open_checks
from coordinator_app.storage.database import open_database
from coordinator_app.storage.open_checks import OpenStatus, check_database, structural_check_file


def _database(path: Path) -> Path:
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def test_big_files_defer_the_quick_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _database(tmp_path / "big.sqlite3")
    assert not check_database(path).deep_check_pending
    # Pretend the limit is tiny rather than writing 256 MB in a test.
    monkeypatch.setattr(open_checks, "FULL_CHECK_LIMIT", 1024)
    verdict = check_database(path)
    assert verdict.status == OpenStatus.OK
    assert verdict.deep_check_pending


def test_structural_check_finds_a_truncated_copy(tmp_path: Path) -> None:
    path = _database(tmp_path / "db.sqlite3")
    assert structural_check_file(path) is None
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert structural_check_file(path) is not None
