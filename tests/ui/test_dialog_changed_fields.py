"""The small record dialogs (担当者, 対応事項…) and the meeting's attendee lists, saved
after a pulled change: only what the user changed is written, a field another desk
changed keeps its value, and the outbox carries only the user's change."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import ActionItem, CouncilMembership, MeetingContact
from coordinator_app.services.base import sync_links
from coordinator_app.storage import capture
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.councils.membership_dialog import MembershipDialog
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.organisations.contact_dialog import ContactDialog
from tests.conftest import Factory
from tests.ui.conftest import enter
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture(autouse=True)
def enrolled(db: Database) -> None:
    """This desk syncs: from now on every change is captured in the outbox."""
    with db.engine.begin() as conn:
        capture.enroll(conn)


def clear_outbox(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_outbox")


def outbox(db: Database) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(table, row id hex, op, fields) of each captured change, in order."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT table_name, row_id, op, fields FROM sync_outbox ORDER BY seq"
        ).fetchall()
    return [(table, row_id, op, json.loads(fields)) for table, row_id, op, fields in rows]


def pulled(db: Database, table: str, record_id: uuid.UUID, **values: object) -> None:
    """Another desk's change arriving by sync: written with capture off, as a pull is."""
    with db.writing() as session:
        conn = session.connection()
        with capture.capture_off(conn):
            sets = ", ".join(f"{name} = ?" for name in values)
            conn.exec_driver_sql(
                f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), record_id.hex)
            )


def test_a_contact_dialog_saves_only_the_role_typed_and_keeps_the_pulled_phone(
    qtbot: QtBot, ctx: UiContext, make: Factory, db: Database, tmp_path: Path
) -> None:
    org = make.organisation()
    contact = make.contact(org)
    clear_outbox(db)
    dialog = ContactDialog(ctx, owner_id=org.id, record=contact)
    qtbot.addWidget(dialog)
    dialog.show()
    enter(qtbot, dialog.role_edit, "事務局次長")

    pulled(db, "contact", contact.id, phone="042-530-0001", notes="携帯は平日のみ")
    assert dialog.phone_edit.text() == ""  # the dialog keeps what it showed

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ContactDialog.DialogCode.Accepted
    stored = ctx.services.contacts.get(contact.id)
    assert (stored.role, stored.phone, stored.notes) == (
        "事務局次長",
        "042-530-0001",
        "携帯は平日のみ",
    )
    [(table, row_id, op, fields)] = outbox(db)
    assert (table, row_id, op) == ("contact", contact.id.hex, "update")
    assert set(fields) == {"role", "updated_at"}
    assert fields["role"] == ["事務局長", "事務局次長"]


def test_a_field_changed_in_the_dialog_and_on_another_desk_is_overwritten_only_when_confirmed(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts, make: Factory, db: Database, tmp_path: Path
) -> None:
    meeting = make.meeting()
    coordinator = make.coordinator()
    item = ctx.services.action_items.save(
        ActionItem(meeting_id=meeting.id, text="名簿を更新する", due_date=date(2022, 7, 1))
    )
    clear_outbox(db)
    dialog = ActionItemDialog(ctx, owner_id=meeting.id, record=item)
    qtbot.addWidget(dialog)
    dialog.show()
    enter(qtbot, dialog.text_edit, "名簿を更新して配布する")
    index = dialog.owner_combo.findText("佐藤 一郎", Qt.MatchFlag.MatchStartsWith)
    assert index >= 0
    dialog.owner_combo.setCurrentIndex(index)

    # Meanwhile another desk rewrote the text and moved the due date.
    pulled(db, "action_item", item.id, text="名簿を作り直す", due_date="2022-07-15")

    prompts.answers.append(False)  # keep the other desk's text for now
    assert not dialog.save()
    assert prompts.questions[-1].startswith(
        "この画面を開いた後、次の項目が他の端末でも変更されました: 内容\n"
    )
    dialog.grab().save(str(tmp_path / "action-item-dialog.png"))
    stored = ctx.services.action_items.get(item.id)
    assert (stored.text, stored.owner_coordinator_id) == ("名簿を作り直す", None)
    assert dialog.text_edit.toPlainText() == "名簿を更新して配布する"  # nothing typed is lost
    assert outbox(db) == []

    prompts.answers.append(True)  # 上書きして保存
    assert dialog.save()
    stored = ctx.services.action_items.get(item.id)
    assert stored.text == "名簿を更新して配布する"
    assert stored.owner_coordinator_id == coordinator.id
    assert stored.due_date == date(2022, 7, 15)  # the other desk's date stays
    [(table, _row, _op, fields)] = outbox(db)
    assert table == "action_item"
    assert set(fields) == {"text", "owner_coordinator_id", "updated_at"}


def test_a_members_role_saved_keeps_the_end_date_another_desk_set(
    qtbot: QtBot, ctx: UiContext, make: Factory, db: Database
) -> None:
    council, org = make.council(), make.organisation()
    member = ctx.services.council_members.save(
        CouncilMembership(council_id=council.id, organisation_id=org.id, role="委員")
    )
    clear_outbox(db)
    dialog = MembershipDialog(ctx, owner_id=council.id, record=member)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.role_combo.setCurrentText("会長")
    pulled(db, "council_membership", member.id, end_date="2025-03-31")

    assert dialog.save()

    stored = ctx.services.council_members.get(member.id)
    assert (stored.role, stored.end_date, stored.organisation_id) == (
        "会長",
        date(2025, 3, 31),
        org.id,
    )
    assert [set(fields) for *_rest, fields in outbox(db)] == [{"role", "updated_at"}]


def test_an_owner_chosen_here_replaces_the_one_chosen_elsewhere_whole_after_the_question(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts, make: Factory, db: Database
) -> None:
    """担当 is one choice stored in two fields: never a coordinator and a contact both."""
    meeting, coordinator, contact = make.meeting(), make.coordinator(), make.contact()
    item = ctx.services.action_items.save(ActionItem(meeting_id=meeting.id, text="会場を予約する"))
    dialog = ActionItemDialog(ctx, owner_id=meeting.id, record=item)
    qtbot.addWidget(dialog)
    dialog.owner_combo.setCurrentIndex(
        dialog.owner_combo.findText("佐藤 一郎", Qt.MatchFlag.MatchStartsWith)
    )
    pulled(db, "action_item", item.id, owner_contact_id=contact.id.hex)

    prompts.answers.append(True)
    assert dialog.save()

    assert prompts.questions[-1].startswith(
        "この画面を開いた後、次の項目が他の端末でも変更されました: 担当\n"
    )
    stored = ctx.services.action_items.get(item.id)
    assert (stored.owner_coordinator_id, stored.owner_contact_id) == (coordinator.id, None)


def test_an_unchanged_dialog_saved_after_a_pull_writes_no_field(
    qtbot: QtBot, ctx: UiContext, make: Factory, db: Database
) -> None:
    org = make.organisation()
    contact = make.contact(org)
    clear_outbox(db)
    dialog = ContactDialog(ctx, owner_id=org.id, record=contact)
    qtbot.addWidget(dialog)
    pulled(db, "contact", contact.id, name="山田 花子(旧姓 鈴木)")
    assert dialog.save()
    assert ctx.services.contacts.get(contact.id).name == "山田 花子(旧姓 鈴木)"
    assert [set(fields) for *_rest, fields in outbox(db)] == [{"updated_at"}]


def test_attendees_checked_in_the_meeting_window_keep_an_attendee_added_on_another_desk(
    qtbot: QtBot, ctx: UiContext, make: Factory, db: Database, tmp_path: Path
) -> None:
    org = make.organisation()
    a, b, c, d = (make.contact(org, name=f"出席者{n}") for n in "ABCD")
    meeting = ctx.services.meetings.save(
        make.meeting(title="第1層協議体"), contact_ids=[a.id, b.id]
    )
    clear_outbox(db)
    dialog = MeetingDialog(ctx, None, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editor
    assert set(editor.contact_list.checked_values()) == {a.id, b.id}
    # The user takes A off and puts C on the list...
    editor.contact_list.item_for(a.id).setCheckState(Qt.CheckState.Unchecked)
    editor.contact_list.item_for(c.id).setCheckState(Qt.CheckState.Checked)
    assert editor.is_dirty

    # ...while another desk's D and new title arrive.
    with db.writing() as session, capture.capture_off(session.connection()):
        sync_links(
            session,
            MeetingContact,
            owner_column="meeting_id",
            owner_id=meeting.id,
            target_column="contact_id",
            target_ids=[a.id, b.id, d.id],
        )
    pulled(db, "meeting", meeting.id, title="第1層協議体(臨時)")
    assert outbox(db) == []

    assert dialog.save()
    dialog.grab().save(str(tmp_path / "meeting-attendees.png"))
    attendance = ctx.services.meetings.full_attendance(meeting.id)
    assert set(attendance.contact_ids) == {b.id, c.id, d.id}
    assert ctx.services.meetings.get(meeting.id).title == "第1層協議体(臨時)"
    changes = outbox(db)
    assert [(t, set(f)) for t, _id, _op, f in changes if t == "meeting"] == [
        ("meeting", {"updated_at"})
    ]
    links = sorted((op, set(f) - {"updated_at"}) for t, _id, op, f in changes if t != "meeting")
    assert [t for t, *_ in changes if t != "meeting"] == ["meeting_contact"] * 2
    assert ("update", {"deleted_at"}) in links  # A taken off
    assert any(op == "insert" for op, _ in links)  # C put on; D untouched


def test_an_attendee_removed_on_another_desk_stays_removed_when_the_user_removes_another(
    ctx: UiContext, make: Factory
) -> None:
    """The service lays the user's edits over the stored list (no window needed)."""
    org = make.organisation()
    a, b = make.contact(org, name="出席者A"), make.contact(org, name="出席者B")
    meetings = ctx.services.meetings
    meeting = meetings.save(make.meeting(), contact_ids=[a.id, b.id])
    shown = meetings.full_attendance(meeting.id)
    meetings.save(meetings.get(meeting.id), contact_ids=[b.id])  # elsewhere: A goes
    meetings.save(
        meetings.get(meeting.id),
        coordinator_ids=[],
        organisation_ids=[],
        contact_ids=[a.id],  # here: B goes (A still shown)
        attendance_shown=shown,
    )
    assert meetings.full_attendance(meeting.id).contact_ids == []
