"""Saving a form with unsaved edits after a pulled change writes only the fields the
user changed: the other desk's change survives, and what this desk pushes carries
only the user's field (throw-away PostgreSQL, the server on loopback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from PySide6.QtCore import Qt

from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.sync.test_rounds import Desk, _edit, _new_meeting
from tests.ui.conftest import enter
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_sync_window import WindowDesk, pair

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
__all__ = ["admin", "api", "pair", "server_dir"]  # fixtures this module uses


def _pushed_meeting_fields(desk: Desk) -> list[set[str]]:
    """The fields of each meeting change waiting in ``desk``'s outbox."""
    with desk.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT fields FROM sync_outbox WHERE table_name = 'meeting' ORDER BY seq"
        ).fetchall()
    return [set(json.loads(row[0])) for row in rows]


def test_a_pulled_venue_survives_saving_the_title_typed_in_an_open_meeting_window(
    pair: tuple[WindowDesk, Desk], tmp_path: Path
) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    office.round()
    dialog = MeetingDialog(office.ctx, office.window, meeting_id=meeting.id)
    office.qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editor
    assert editor.venue_edit.text() == "会議室A"
    enter(office.qtbot, editor.title_edit, "第2層協議体(地区別)")
    assert editor.is_dirty

    # Meanwhile another desk moves the meeting to the community hall.
    _edit(laptop, meeting.id, venue="公民館")
    laptop.sync()
    office.sync.controller.period.stop()  # no round of its own before the asserts
    office.round()
    assert office.desk.meeting(meeting.id).venue == "公民館"
    office.qtbot.waitUntil(lambda: editor.sync_notice.isVisible())
    assert editor.venue_edit.text() == "会議室A"  # unsaved edits are never overwritten
    dialog.grab().save(str(tmp_path / "meeting-notice.png"))

    office.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    office.sync.controller.after_save.stop()  # the outbox is read before any push
    stored = office.desk.meeting(meeting.id)
    assert stored.title == "第2層協議体(地区別)"
    assert stored.venue == "公民館"
    assert _pushed_meeting_fields(office.desk) == [{"title", "updated_at"}]
    assert editor.venue_edit.text() == "公民館"  # reloaded after the save

    office.round()
    laptop.sync()
    on_laptop = laptop.meeting(meeting.id)
    assert (on_laptop.title, on_laptop.venue) == ("第2層協議体(地区別)", "公民館")
    assert laptop.open_conflicts() == []


def test_a_dirty_page_form_keeps_the_pulled_venue_when_the_agenda_is_saved(
    pair: tuple[WindowDesk, Desk],
) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    office.round()
    page = office.meetings()
    assert page.select_record(meeting.id)
    editor = page.editor
    enter(office.qtbot, editor.agenda_edit, "地区の見守り体制について")
    _edit(laptop, meeting.id, venue="市役所 第2会議室")
    laptop.sync()
    office.round()
    office.qtbot.waitUntil(lambda: editor.sync_notice.isVisible())
    assert "変更した項目だけ" in editor.sync_notice.text()
    assert editor.save()
    stored = office.desk.meeting(meeting.id)
    assert stored.venue == "市役所 第2会議室"
    assert stored.agenda == "地区の見守り体制について"
    assert not editor.sync_notice.isVisible()


def test_the_same_field_changed_on_both_desks_is_overwritten_only_when_the_user_says_so(
    pair: tuple[WindowDesk, Desk],
) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    office.round()
    dialog = MeetingDialog(office.ctx, office.window, meeting_id=meeting.id)
    office.qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editor
    enter(office.qtbot, editor.venue_edit, "市民センター 3階")
    enter(office.qtbot, editor.title_edit, "第2層協議体")
    _edit(laptop, meeting.id, venue="公民館")
    laptop.sync()
    office.sync.controller.period.stop()
    office.round()
    prompts = office.ctx.prompts
    assert isinstance(prompts, FakePrompts)

    prompts.answers.append(False)  # keep the other desk's venue for now
    assert not dialog.save()
    assert prompts.questions[-1].startswith(
        "この画面を開いた後、次の項目が他の端末でも変更されました: 会場\n"
    )
    stored = office.desk.meeting(meeting.id)
    assert (stored.venue, stored.title) == ("公民館", "第1層協議体")
    assert editor.is_dirty and editor.venue_edit.text() == "市民センター 3階"

    prompts.answers.append(True)  # 上書きして保存
    assert dialog.save()
    stored = office.desk.meeting(meeting.id)
    assert (stored.venue, stored.title) == ("市民センター 3階", "第2層協議体")
