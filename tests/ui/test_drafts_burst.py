"""Done when: killing the app in the middle of a burst of typing (a key every 100 ms
for 5 s) loses at most the last second of it.

The typist child runs the real meeting window with its own clock: each key
moves the clock on by 100 ms, so "a second of typing" is ten keys on any
machine, however slowly it runs. The child reports each key (after Qt has
handled it, draft write included) through its stdout pipe; the parent kills
it with SIGKILL once key 35 is reported, then compares the draft on disk
with what was typed.
"""

from __future__ import annotations

import os
import signal
import string
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.drafts.draft_restore import pending_drafts
from coordinator_app.ui.drafts.draft_writer import DRAFT_MAX_WAIT_MS

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

KEY_INTERVAL_MS = 100
KEYS = 50  # 5 s of typing
KILL_AFTER = 35
TEXT = string.ascii_letters[:KEYS]

ROOT = str(Path(__file__).resolve().parents[2])
"""The project folder, so the child process imports the tests' fake prompts."""

TYPIST = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database
    from coordinator_app.ui.context import UiContext
    from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
    from coordinator_app.ui.settings import AppSettings, settings_store
    from tests.ui.fake_prompts import FakePrompts


    class Clock:
        now = 1000.0
        def __call__(self):
            return self.now


    app = QApplication(sys.argv)
    db = open_database(Path(sys.argv[1]))
    settings = AppSettings(settings_store(Path(sys.argv[2])))
    text, interval = sys.argv[3], int(sys.argv[4])
    ctx = UiContext.create(services=Services.create(db), prompts=FakePrompts(), settings=settings)
    dialog = MeetingDialog(ctx)
    dialog.show()
    dialog.activateWindow()
    editor = dialog.editor
    clock = Clock()
    editor.draft_writer.clock = clock
    editor.draft_writer.written.connect(lambda _when: print("WROTE", flush=True))
    editor.show_tab(2)
    editor.minutes_edit.clear()
    editor.minutes_edit.setFocus()
    typed = []

    def next_key():
        clock.now += interval / 1000  # a key every 100 ms of the user's time
        ch = text[len(typed)]
        QTest.keyClicks(editor.minutes_edit, ch)
        typed.append(ch)
        print("KEY", len(typed), flush=True)
        if len(typed) == len(text):
            timer.stop()
            print("DONE", flush=True)

    timer = QTimer()
    timer.timeout.connect(next_key)
    timer.start(interval)
    app.exec()
    """
)


def test_a_kill_mid_burst_loses_at_most_the_last_second(
    tmp_path: Path, db: Database, ctx: UiContext
) -> None:
    script = tmp_path / "burst.py"
    script.write_text(TYPIST, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": ROOT,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            str(script),
            str(db.path),
            str(tmp_path / "typist.ini"),
            TEXT,
            str(KEY_INTERVAL_MS),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        encoding="utf-8",
    )
    lines: list[str] = []
    try:
        assert process.stdout is not None
        while True:
            line = process.stdout.readline()
            assert line, "the typist ended early: " + process.stderr.read()  # type: ignore[union-attr]
            lines.append(line.strip())
            if line.strip() == f"KEY {KILL_AFTER}":
                break
        process.send_signal(signal.SIGKILL)  # mid-burst: no flush, no clean-up
        assert process.wait(timeout=30) == -signal.SIGKILL
        lines += [rest.strip() for rest in process.stdout.read().splitlines()]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    keys = [int(line.split()[1]) for line in lines if line.startswith("KEY ")]
    last_key = keys[-1]  # the last key the child handled and reported
    assert last_key >= KILL_AFTER
    assert "WROTE" in lines  # drafts were written while the typing went on
    drafts = pending_drafts(ctx)
    assert len(drafts) == 1
    minutes = drafts[0].state["minutes"]
    assert TEXT.startswith(minutes)  # exactly what was typed, in order
    keys_per_wait = DRAFT_MAX_WAIT_MS // KEY_INTERVAL_MS
    lost = last_key - len(minutes)
    assert lost <= keys_per_wait, f"{lost} keys ({lost * KEY_INTERVAL_MS} ms) lost"
