"""Done when: a real process killed with SIGKILL mid-entry loses nothing.

A subprocess opens the meeting window offscreen and fills in every field the
way a user does (Japanese through the input method, the rest as key clicks,
choices and ticks by hand), then moves the cursor on, which writes the draft
at once. The test kills it with SIGKILL the moment it reports that, then
"starts the app again": the restore question is answered 復元する, and every
field is compared with what was typed, before and after saving.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.drafts.draft_restore import offer_draft_restore, pending_drafts
from coordinator_app.ui.meetings import meeting_draft
from tests.conftest import Factory
from tests.ui.conftest import reopened
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_meeting_log_support import OFFSCREEN_WINDOWS

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

ROOT = str(Path(__file__).resolve().parents[2])
"""The project folder, so the child process imports the tests' fake prompts."""

TYPIST = textwrap.dedent(
    """
    import json, os, sys, uuid
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database
    from coordinator_app.ui.context import UiContext
    from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
    from coordinator_app.ui.settings import AppSettings, settings_store
    from tests.ui.fake_prompts import FakePrompts


    def type_into(widget, text):
        widget.setFocus()
        QApplication.processEvents()
        for n, line in enumerate(text.split("\\n")):
            if n:
                QTest.keyClick(widget, Qt.Key.Key_Return)
            for ch in line:
                if ch.isascii():
                    QTest.keyClicks(widget, ch)
                else:
                    event = QInputMethodEvent("", [])
                    event.setCommitString(ch)
                    QApplication.sendEvent(widget, event)


    def choose(combo, text):
        getattr(combo, "ensure_searched", lambda: None)()  # what reaching the combo does
        index = next(i for i in range(combo.count()) if combo.itemText(i) == text)
        combo.setFocus()
        combo.setCurrentIndex(index)


    def pick(combo, text):
        # A searching record picker: type part of the name, choose the match.
        combo.setFocus()
        combo.search(text)
        index = next(
            i for i in range(combo.count())
            if text in combo.itemText(i) and combo.itemData(i) is not None
        )
        combo.setCurrentIndex(index)


    def tick(check_list, values):
        check_list.set_checked_values([])
        for value in values:
            check_list.search("")
            item = check_list.item_for(value)
            item.setCheckState(Qt.CheckState.Checked)


    app = QApplication(sys.argv)
    db = open_database(Path(sys.argv[1]))
    settings = AppSettings(settings_store(Path(sys.argv[2])))
    ctx = UiContext.create(services=Services.create(db), prompts=FakePrompts(), settings=settings)
    plan = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
    dialog = MeetingDialog(ctx)
    dialog.show()
    dialog.activateWindow()
    e = dialog.editor
    choose(e.kind_combo, plan["kind_text"])
    choose(e.council_combo, plan["council_text"])
    for name in ("title", "held_on", "start_time", "end_time", "venue",
                 "capacity_on_site", "capacity_online"):
        widget = getattr(e, plan["widgets"][name])
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Delete)
        type_into(widget, plan["values"][name])
    choose(e.mode_combo, plan["mode_text"])
    choose(e.project_combo, plan["project_text"])
    pick(e.area_combo, plan["area_text"])
    e.show_tab(1)
    for name in ("coordinators", "organisations", "contacts"):
        tick(getattr(e, plan["widgets"][name]), [uuid.UUID(v) for v in plan["values"][name]])
    for name in ("participants_on_site", "participants_online"):
        type_into(getattr(e, plan["widgets"][name]), plan["values"][name])
    e.show_tab(2)
    e.minutes_edit.clear()
    for name in ("agenda", "minutes", "decisions", "absentees", "recorder", "approved_by",
                 "approved_on"):
        type_into(getattr(e, plan["widgets"][name]), plan["values"][name])
    # Move on from the last field: focus leaving a field writes the draft at once.
    QTest.keyClick(e.approved_on_field, Qt.Key.Key_Tab)
    print("TYPED", dialog.editor.draft_writer.draft_id, flush=True)
    app.exec()  # a user still at work, until the battery dies
    """
)


def _plan(make: Factory, services: Services) -> tuple[dict[str, object], dict[str, object]]:
    city = make.city("若葉市")
    area = make.area("北部圏域", parent=city)
    council = make.council(area=city)
    project = make.project(title="買い物支援の仕組みづくり")
    people = [make.coordinator("高橋 美咲", "たかはし みさき"), make.coordinator()]
    org = make.organisation("若葉市社会福祉協議会", kana="わかばししゃかいふくしきょうぎかい")
    contact = make.contact(org, name="山田 花子")
    values: dict[str, object] = {
        "title": "担い手養成講座 第2回「買い物支援」",
        "held_on": "令和6年6月15日",
        "start_time": "13:30",
        "end_time": "16:00",
        "venue": "若葉市民会館 大会議室",
        "capacity_on_site": "20",
        "capacity_online": "30",
        "participants_on_site": "18",
        "participants_online": "25",
        "coordinators": [str(p.id) for p in people],
        "organisations": [str(org.id)],
        "contacts": [str(contact.id)],
        "agenda": "1. 開会\n2. 事例報告「移動販売」\n3. グループワーク",
        "minutes": (
            "【報告事項】\n移動販売の事例を共有した。\n\n【協議事項】\n担い手の集め方 😊 について"
        ),
        "decisions": "次回は7月20日。\nチラシを作成する。",
        "absentees": "町会連合会 鈴木委員",
        "recorder": "事務局 田中",
        "approved_by": "会長 山田 太郎",
        "approved_on": "令和6年6月20日",
    }
    plan: dict[str, object] = {
        "kind_text": "講座",
        "council_text": council.name,
        "mode_text": "併用",
        "project_text": project.title,
        "area_text": area.name,
        "values": values,
        "widgets": {
            **meeting_draft.LINE_FIELDS,
            **meeting_draft.TEXT_FIELDS,
            **meeting_draft.ATTENDEE_LISTS,
        },
    }
    expected = {
        **values,
        "kind": MeetingKind.COURSE.value,
        "mode": MeetingMode.HYBRID.value,
        "council_id": str(council.id),
        "project_id": str(project.id),
        "area_id": str(area.id),
    }
    return plan, expected


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@OFFSCREEN_WINDOWS
def test_a_killed_process_loses_nothing(
    qtbot: QtBot,
    tmp_path: Path,
    db: Database,
    services: Services,
    make: Factory,
    ctx: UiContext,
    prompts: FakePrompts,
) -> None:
    plan, expected = _plan(make, services)
    assert set(expected) >= set(meeting_draft.FIELD_NAMES)
    script = tmp_path / "typist.py"
    script.write_text(TYPIST, encoding="utf-8")
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": ROOT,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",
    }
    process = subprocess.Popen(
        [sys.executable, str(script), str(db.path), str(tmp_path / "typist.ini"), str(plan_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        encoding="utf-8",
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("TYPED"), line + process.stderr.read()  # type: ignore[union-attr]
        process.send_signal(signal.SIGKILL)  # no clean-up, no atexit, no flush
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    assert services.meetings.list().total == 0  # nothing was saved, only the draft
    drafts = pending_drafts(ctx)
    assert [d.draft_id for d in drafts] == [line.split()[1]]
    assert drafts[0].title == f"{expected['title']} {expected['held_on']}"

    prompts.choices.append(0)  # 復元する
    dialogs = offer_draft_restore(ctx, None)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    editor = dialog.editor
    assert "下書き" in prompts.asked[0]
    assert editor.is_dirty
    restored = meeting_draft.capture(editor)
    for name in meeting_draft.FIELD_NAMES:
        value = restored[name]
        wanted = expected[name]
        if isinstance(wanted, list):
            assert sorted(value) == sorted(wanted), name
        else:
            assert value == wanted, name
    assert editor.date_field.text() == "令和6年6月15日"  # as typed, not reformatted

    assert dialog.save(), editor.forms[0].error_text("general")
    meeting_id = editor.current_id
    assert meeting_id is not None
    assert pending_drafts(ctx) == []  # saving removes the draft
    dialog.close()
    with reopened(db) as stored:
        meeting = stored.meetings.get(meeting_id)
        assert meeting.kind == MeetingKind.COURSE
        assert meeting.title == expected["title"]
        assert meeting.held_on == date(2024, 6, 15)
        assert (meeting.start_time, meeting.end_time) == (time(13, 30), time(16))
        assert meeting.venue == expected["venue"]
        assert meeting.mode == MeetingMode.HYBRID
        assert (meeting.capacity_on_site, meeting.capacity_online) == (20, 30)
        assert (meeting.participants_on_site, meeting.participants_online) == (18, 25)
        assert str(meeting.council_id) == expected["council_id"]
        assert str(meeting.project_id) == expected["project_id"]
        assert str(meeting.area_id) == expected["area_id"], "the meeting's own area"
        assert meeting.agenda == expected["agenda"]
        assert meeting.minutes == expected["minutes"]
        assert meeting.decisions == expected["decisions"]
        attendance = stored.meetings.full_attendance(meeting_id)
        assert sorted(map(str, attendance.coordinator_ids)) == sorted(expected["coordinators"])  # type: ignore[arg-type]
        assert [str(i) for i in attendance.organisation_ids] == expected["organisations"]
        assert [str(i) for i in attendance.contact_ids] == expected["contacts"]
