"""Ctrl+Z takes a look-alike merge back, from the dialog or the main window: the
merged record returns and the meeting it attended points at it again (asserted in
the database after reopening it); a record changed since refuses the undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.ids import link_id
from coordinator_app.domain.models import Meeting, MeetingOrganisation, Organisation
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.sync.install import install_sync
from coordinator_app.ui.sync.look_alikes_dialog import LookAlikeDialog
from coordinator_app.ui.sync.look_alikes_offer import LookAlikeOffer
from tests.ui.conftest import reopened
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_look_alikes_dialog import _org

CTRL = Qt.KeyboardModifier.ControlModifier


def _setup(services: Services) -> tuple[Organisation, Organisation, Meeting]:
    older = _org(services, "若葉台町会", "わかばだいちょうかい", phone="042-000-0000")
    newer = _org(services, "若葉台 町会", "ワカバダイチョウカイ", address="若葉台1-2-3")
    meeting = services.meetings.save(
        Meeting(
            kind=MeetingKind.LIAISON,
            title="町会長会議",
            held_on=date(2026, 5, 1),
            mode=MeetingMode.ON_SITE,
        ),
        organisation_ids=[newer.id],
    )
    return older, newer, meeting


def _open(qtbot: QtBot, window: MainWindow) -> LookAlikeDialog:
    offer: LookAlikeOffer = install_sync(window).look_alikes  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = offer.dialog
    assert isinstance(dialog, LookAlikeDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # the keys go to the dialog, as when the user works in it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _live_links(db: Database, meeting: Meeting) -> list[object]:
    with reopened(db) as again, again.db.reading() as session:
        rows = session.exec(
            select(MeetingOrganisation.id)
            .where(MeetingOrganisation.meeting_id == meeting.id)
            .where(MeetingOrganisation.deleted_at.is_(None))  # type: ignore[union-attr]
        ).all()
    return list(rows)


def _link(meeting: Meeting, org: Organisation) -> object:
    return link_id("meeting_organisation", {"meeting_id": meeting.id, "organisation_id": org.id})


def test_ctrl_z_in_the_dialog_brings_the_merged_record_back(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    db: Database,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    older, newer, meeting = _setup(services)
    dialog = _open(qtbot, window)
    assert dialog.chosen is not None and dialog.chosen.id == older.id  # the oldest first
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert "Ctrl+Z で元に戻せます" in prompts.questions[-1]
    assert "Ctrl+Z で元に戻せます" in dialog.message.text()
    assert dialog.groups_model.rowCount() == 0
    assert _live_links(db, meeting) == [_link(meeting, older)]
    dialog.grab().save(str(tmp_path / "look-alikes-merged.png"))

    qtbot.keyClick(dialog.records_table, Qt.Key.Key_Z, CTRL)

    with reopened(db) as again:
        assert {o.id for o in again.organisations.list().rows} == {older.id, newer.id}
        kept = again.organisations.get(older.id)
        assert (kept.phone, kept.address) == ("042-000-0000", "")  # the filled field undone
        assert again.organisations.get(newer.id).address == "若葉台1-2-3"
    assert _live_links(db, meeting) == [_link(meeting, newer)]  # its own derived id again
    assert dialog.groups_model.rowCount() == 1  # listed again, to decide anew
    assert dialog.message.text() == "「若葉台町会」への統合を元に戻しました。"
    dialog.grab().save(str(tmp_path / "look-alikes-undone.png"))
    window.statusBar().grab().save(str(tmp_path / "look-alikes-statusbar.png"))
    assert "「若葉台町会」への統合を取り消しました" in window.undo_label.text()

    qtbot.keyClick(dialog.records_table, Qt.Key.Key_Y, CTRL)  # merged again
    assert dialog.message.text() == "「若葉台町会」への統合をやり直しました。"
    assert _live_links(db, meeting) == [_link(meeting, older)]
    with reopened(db) as again:
        assert [o.id for o in again.organisations.list().rows] == [older.id]


def test_ctrl_z_and_ctrl_y_in_the_window_after_the_dialog_is_closed(
    qtbot: QtBot, window: MainWindow, services: Services, db: Database
) -> None:
    older, newer, meeting = _setup(services)
    dialog = _open(qtbot, window)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    with reopened(db) as again:
        assert {o.id for o in again.organisations.list().rows} == {older.id, newer.id}
    assert _live_links(db, meeting) == [_link(meeting, newer)]

    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)  # merged again
    with reopened(db) as again:
        assert [o.id for o in again.organisations.list().rows] == [older.id]
    assert _live_links(db, meeting) == [_link(meeting, older)]


def test_ctrl_z_after_the_kept_record_was_changed_again_is_refused_and_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    db: Database,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    older, _newer, meeting = _setup(services)
    dialog = _open(qtbot, window)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    kept = services.organisations.get(older.id)
    kept.address = "若葉台1-2-3 集会所"  # the field the merge filled, edited since
    services.organisations.save(kept)

    qtbot.keyClick(dialog.records_table, Qt.Key.Key_Z, CTRL)

    assert "元に戻せません" in prompts.warnings[-1]
    assert "元に戻せません" in dialog.message.text()
    dialog.grab().save(str(tmp_path / "look-alikes-refused.png"))
    with reopened(db) as again:
        assert [o.id for o in again.organisations.list().rows] == [older.id]
        assert again.organisations.get(older.id).address == "若葉台1-2-3 集会所"
    assert _live_links(db, meeting) == [_link(meeting, older)]
    assert not window.ctx.undo_stack.canUndo()  # the refused merge left the stack
