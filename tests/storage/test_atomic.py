"""The one atomic file write: the old contents or the new, never half of each."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator_app.storage import atomic
from coordinator_app.storage.atomic import write_atomically, write_atomically_with
from coordinator_app.storage.backup import BackupManager


def _others(folder: Path, keep: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep)


def test_writes_and_replaces_creating_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.json"
    write_atomically(target, b"first")
    assert target.read_bytes() == b"first"
    write_atomically(target, "二回目".encode())
    assert target.read_text(encoding="utf-8") == "二回目"
    assert _others(target.parent, "out.json") == []


def test_writer_variant_gets_a_temporary_file_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    seen: list[Path] = []

    def write(tmp: Path) -> None:
        seen.append(tmp)
        tmp.write_bytes(b"workbook")

    write_atomically_with(target, write)
    assert target.read_bytes() == b"workbook"
    assert seen[0].parent == tmp_path and seen[0].name.endswith(".partial")
    assert seen[0].name.startswith(".book.xlsx.")
    assert _others(tmp_path, "book.xlsx") == []


def test_a_failing_writer_leaves_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_bytes(b"old,contents\r\n")

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"half a fi")
        raise RuntimeError("disk went away")

    with pytest.raises(RuntimeError, match="disk went away"):
        write_atomically_with(target, write)
    assert target.read_bytes() == b"old,contents\r\n"
    assert _others(tmp_path, "report.csv") == []


def test_a_failed_flush_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "draft.json"
    target.write_bytes(b'{"old": true}')

    def no_space(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b'{"new": true}')
    assert target.read_bytes() == b'{"old": true}'
    assert _others(tmp_path, "draft.json") == []


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_secrets_get_owner_only_permissions(tmp_path: Path) -> None:
    target = tmp_path / "server.json"
    write_atomically(target, b"{}", mode=0o600)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


KILLED_WRITER = """
import os, sys
from pathlib import Path
from coordinator_app.storage.atomic import write_atomically_with

def write(tmp):
    with open(tmp, "wb") as handle:
        handle.write(b"new but unfinished")
        handle.flush()
    os.write(1, b"writing\\n")
    sys.stdin.readline()  # killed while waiting here

write_atomically_with(Path(sys.argv[1]), write)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_writer_leaves_the_old_file_and_a_leftover_that_is_cleaned(
    tmp_path: Path,
) -> None:
    target = tmp_path / "coordinator.sqlite3"
    target.write_bytes(b"old")
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == b"writing\n"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert target.read_bytes() == b"old"
    leftovers = _others(tmp_path, target.name)
    assert len(leftovers) == 1 and leftovers[0].endswith(f".{proc.pid}.partial")
    assert [p.name for p in BackupManager(target).clean_leftovers()] == leftovers
    assert _others(tmp_path, target.name) == []
