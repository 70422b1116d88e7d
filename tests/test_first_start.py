"""The README's run command on a fresh account: the installed ``coordinator-app``.

Each test starts the installed entry point in a subprocess with a fresh home
folder and no per-user folders at all, and waits for the line the app prints
once its main window has been shown and painted (the test-only switch
``COORDINATOR_APP_QUIT_AFTER_SHOW=1``, see ``coordinator_app/app.py``). The
deadline only bounds a hang; the test waits on the app's own output.
"""

from __future__ import annotations

import os
import select
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coordinator_app.app import QUIT_AFTER_SHOW_ENV, SHOWN_MARKER
from coordinator_app.storage.engine import APP_NAME, DB_ENV_VAR, DB_FILENAME
from coordinator_app.storage.schema import head_revision

HANG_LIMIT_S = 300


def _entry_point() -> str:
    beside_python = Path(sys.executable).parent
    found = shutil.which("coordinator-app", path=str(beside_python)) or shutil.which(
        "coordinator-app"
    )
    assert found, "coordinator-app is not installed (python -m pip install -e .)"
    return found


def _fresh_env(home: Path, runtime: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") and key not in (DB_ENV_VAR, "HOME")
    }
    runtime.mkdir(mode=0o700)
    env |= {
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": "offscreen",
        QUIT_AFTER_SHOW_ENV: "1",
    }
    return env | extra


def _run_until_shown(env: dict[str, str], cwd: Path) -> tuple[str, int, str]:
    """Start the app; return (the shown line, exit status, stderr)."""
    proc = subprocess.Popen(
        [_entry_point()],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    buffer = b""
    deadline = time.monotonic() + HANG_LIMIT_S
    fd = proc.stdout.fileno()
    try:
        while SHOWN_MARKER.encode() not in buffer:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(fd, 65536) if ready else b""
            if not chunk:
                break
            buffer += chunk
        if SHOWN_MARKER.encode() not in buffer:
            proc.kill()
        _rest, err = proc.communicate(timeout=HANG_LIMIT_S)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    lines = [ln for ln in buffer.decode(errors="replace").splitlines() if SHOWN_MARKER in ln]
    stderr = err.decode(errors="replace")
    assert lines, f"the main window never came up; stderr:\n{stderr}"
    return lines[0], proc.returncode, stderr


def _check_database(path: Path) -> None:
    assert path.is_file(), f"no database at {path}"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders: the layout tested is Linux's")
def test_first_start_creates_the_data_folder_and_shows_the_window(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    line, status, stderr = _run_until_shown(_fresh_env(home, tmp_path / "run"), tmp_path)
    expected = home / ".local" / "share" / APP_NAME / DB_FILENAME
    assert line.endswith(str(expected)), line
    assert status == 0, stderr
    assert "Traceback" not in stderr, stderr
    _check_database(expected)


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders: the layout tested is Linux's")
def test_first_start_creates_missing_parents_too(tmp_path: Path) -> None:
    home = tmp_path / "no" / "such" / "home"  # the home folder itself does not exist
    data = tmp_path / "nothing" / "here" / "yet"
    env = _fresh_env(home, tmp_path / "run", XDG_DATA_HOME=str(data))
    line, status, stderr = _run_until_shown(env, tmp_path)
    expected = data / APP_NAME / DB_FILENAME
    assert line.endswith(str(expected)), line
    assert status == 0, stderr
    assert "Traceback" not in stderr, stderr
    _check_database(expected)
