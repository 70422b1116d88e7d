"""``coordinator-app backup`` and ``coordinator-app restore``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coordinator_app.cli import COMMANDS, main
from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from coordinator_app.storage.instance_lock import InstanceLock


@pytest.fixture
def db_file(db_path: Path) -> Path:
    db = open_database(db_path)
    Services.create(db).organisations.save(Organisation(name="最初の会", kind=OrgKind.NPO))
    db.close()
    return db_path


def _names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM organisation")}
    finally:
        conn.close()


def test_commands_are_registered() -> None:
    assert COMMANDS["backup"][0] == "coordinator_app.commands.backup"
    assert COMMANDS["restore"][0] == "coordinator_app.commands.restore"


def test_backup_then_list(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_file), "backup"]) == 0
    out = capsys.readouterr().out
    assert "バックアップしました" in out
    (made,) = (db_file.parent / "backups").iterdir()
    assert _names(made) == {"最初の会"}
    assert main(["--db", str(db_file), "backup", "--if-due"]) == 0
    assert "済んでいます" in capsys.readouterr().out
    assert main(["--db", str(db_file), "backup", "--list"]) == 0
    assert str(made) in capsys.readouterr().out


def test_backup_to_a_file_and_failures(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "usb" / "copy.sqlite3"
    assert main(["--db", str(db_file), "backup", "--to", str(target)]) == 0
    assert _names(target) == {"最初の会"}
    assert main(["--db", str(tmp_path / "none.sqlite3"), "backup"]) == 1
    assert "見つかりません" in capsys.readouterr().err
    db_file.write_bytes(b"\0" * 8192)
    assert main(["--db", str(db_file), "backup", "--to", str(tmp_path / "x.sqlite3")]) == 1
    assert not (tmp_path / "x.sqlite3").exists()


def test_restore_latest(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_file), "backup"]) == 0
    db = open_database(db_file)
    Services.create(db).organisations.save(Organisation(name="後の会", kind=OrgKind.NPO))
    db.close()
    capsys.readouterr()
    assert main(["--db", str(db_file), "restore", "--latest"]) == 2, "no --yes, no terminal"
    assert _names(db_file) == {"最初の会", "後の会"}
    assert main(["--db", str(db_file), "restore", "--latest", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "復元しました" in out and "復元前の状態" in out
    assert _names(db_file) == {"最初の会"}


def test_restore_refuses_while_the_app_has_the_file(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.sqlite3"
    assert main(["--db", str(db_file), "backup", "--to", str(backup)]) == 0
    app = InstanceLock(db_file)
    assert app.acquire()
    try:
        assert main(["--db", str(db_file), "restore", str(backup), "--yes"]) == 1
        assert "開かれています" in capsys.readouterr().err
    finally:
        app.release()
    assert main(["--db", str(db_file), "restore", str(tmp_path / "missing"), "--yes"]) == 1
    assert main(["--db", str(db_file), "restore", str(backup), "--yes"]) == 0
