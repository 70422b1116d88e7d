"""Sync in the window, against the real server (throw-away PostgreSQL, HTTP on
loopback): pulled changes reach open pages through the event hub, a form with
unsaved edits keeps them, the status bar and the 競合の確認 dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.services.access import AccessDenied
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from coordinator_app.ui.settings import AppSettings, settings_store
from coordinator_app.ui.sync.conflict_dialog import ConflictDialog
from coordinator_app.ui.sync.diff_view import DiffView, changed_ranges
from coordinator_app.ui.sync.install import SyncUi, install_sync
from coordinator_app.ui.sync.login_dialog import SyncLoginDialog
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, new_user
from tests.sync.test_rounds import Desk, _edit, _new_meeting
from tests.ui.conftest import enter
from tests.ui.fake_prompts import FakePrompts

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner

MEETINGS = 4


class WindowDesk:
    """A desk with a main window, logged in through the window's sync controller."""

    def __init__(self, qtbot: QtBot, desk: Desk, settings_path: Path) -> None:
        self.desk = desk
        settings = AppSettings(settings_store(settings_path))
        self.ctx = UiContext.create(
            services=desk.services, prompts=FakePrompts(), settings=settings
        )
        self.window = MainWindow(self.ctx)
        qtbot.addWidget(self.window)
        self.sync: SyncUi = install_sync(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.qtbot = qtbot
        # A login starts a round at once: wait for it too.
        with qtbot.waitSignals(
            [self.sync.controller.logged_in, self.sync.controller.round_finished], timeout=60_000
        ):
            self.sync.controller.login(desk.api, *desk.user)
        assert self.sync.controller.state.logged_in

    def round(self) -> None:
        controller = self.sync.controller
        self.qtbot.waitUntil(lambda: not controller.state.busy, timeout=60_000)
        with self.qtbot.waitSignal(controller.round_finished, timeout=60_000):
            controller.sync_now()
        assert self.sync.controller.state.error == ""

    def meetings(self) -> MeetingPage:
        self.window.show_page(MEETINGS)
        page = self.window.pages[MEETINGS]
        assert isinstance(page, MeetingPage)
        return page

    def close(self) -> None:
        for dialog in self.window.findChildren(MeetingDialog):  # meeting windows left open
            dialog.close()
        self.sync.controller.stop()


@pytest.fixture
def pair(
    qtbot: QtBot, tmp_path: Path, api: str, admin: Client
) -> Iterator[tuple[WindowDesk, Desk]]:
    office = Desk(tmp_path / "office.sqlite3", api, new_user(admin, "coordinator"))
    laptop = Desk(tmp_path / "laptop.sqlite3", api, new_user(admin, "coordinator"))
    shown = WindowDesk(qtbot, office, tmp_path / "office.ini")
    try:
        yield shown, laptop
    finally:
        shown.close()
        office.db.close()
        laptop.db.close()


def test_a_pulled_meeting_appears_on_the_open_page(pair: tuple[WindowDesk, Desk]) -> None:
    office, laptop = pair
    page = office.meetings()
    meeting = _new_meeting(laptop, title="ラップトップで作った会議")
    laptop.sync()
    office.round()
    assert office.desk.meeting(meeting.id).title == "ラップトップで作った会議"
    office.qtbot.waitUntil(lambda: page.model.row_of(meeting.id) >= 0)
    assert office.sync.status.label.text().startswith("接続中")


def test_a_clean_form_shows_the_pulled_value_and_a_dirty_one_keeps_the_users_text(
    pair: tuple[WindowDesk, Desk],
) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    office.round()
    page = office.meetings()
    assert page.select_record(meeting.id)
    editor = page.editor
    assert editor.venue_edit.text() == "会議室A"

    # A clean form: the other desk's venue shows at once.
    _edit(laptop, meeting.id, venue="公民館")
    laptop.sync()
    office.round()
    office.qtbot.waitUntil(lambda: editor.venue_edit.text() == "公民館")
    assert not editor.is_dirty

    # A form with unsaved edits: what the user typed stays, a notice says why.
    enter(office.qtbot, editor.agenda_edit, "入力途中の議題")
    assert editor.is_dirty
    _edit(laptop, meeting.id, venue="市役所 第2会議室")
    laptop.sync()
    office.round()
    office.qtbot.waitUntil(lambda: editor.sync_notice.isVisible())
    assert office.desk.meeting(meeting.id).venue == "市役所 第2会議室"
    assert editor.agenda_edit.toPlainText() == "入力途中の議題"
    assert editor.venue_edit.text() == "公民館"
    assert editor.is_dirty


def test_a_conflict_on_the_venue_is_resolved_from_the_dialog_with_mine(
    pair: tuple[WindowDesk, Desk], owner: psycopg.Connection
) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    office.round()
    # Both desks change the venue offline; the laptop's arrives first.
    _edit(laptop, meeting.id, venue="公民館")
    _edit(office.desk, meeting.id, venue="市民センター 3階")
    laptop.sync()
    office.round()
    state = office.sync.controller.state
    assert state.conflicts == 1
    assert "競合 1件" in office.sync.status.open_button.text()
    assert office.desk.meeting(meeting.id).venue == "公民館"  # the server's value, kept

    dialog = office.sync.open_conflicts()
    assert isinstance(dialog, ConflictDialog)
    office.qtbot.waitUntil(lambda: "現在の値(" + laptop.user[0] in dialog.diff.right_title.text())
    assert dialog.diff.left.toPlainText() == "市民センター 3階"
    assert dialog.diff.right.toPlainText() == "公民館"
    assert dialog.diff.base.toPlainText() == "会議室A"
    conflict_id = dialog.current.id if dialog.current else ""

    with office.qtbot.waitSignal(office.sync.controller.round_finished, timeout=60_000):
        office.qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    office.qtbot.waitUntil(lambda: office.sync.controller.state.busy is False)
    assert dialog.list.count() == 0
    assert office.desk.meeting(meeting.id).venue == "市民センター 3階"
    assert office.desk.outbox_size() == 0  # the decision went out with the round
    assert office.sync.controller.state.conflicts == 0
    assert not office.sync.status.open_button.isVisible()
    resolved = owner.execute(
        "SELECT resolved_at FROM conflict WHERE id = %s", [conflict_id]
    ).fetchone()
    assert resolved is not None and resolved[0] is not None
    laptop.sync()
    assert laptop.meeting(meeting.id).venue == "市民センター 3階"


def test_the_diff_marks_only_what_differs_and_shows_markup_as_typed(qtbot: QtBot) -> None:
    ours, theirs = changed_ranges("<b>会場</b>は公民館です", "<b>会場</b>は市役所の会議室です")
    assert ours == [(10, 13)] and theirs == [(10, 17)]
    view = DiffView()
    qtbot.addWidget(view)
    view.show_texts("あなた", "<b>太字</b>", "現在", "&amp;")
    assert view.left.toPlainText() == "<b>太字</b>"
    assert view.right.toPlainText() == "&amp;"
    assert len(view.left.extraSelections()) == 1


def test_a_refused_change_is_listed_with_the_reason_until_dealt_with(
    qtbot: QtBot, tmp_path: Path, api: str, admin: Client
) -> None:
    office = Desk(tmp_path / "office.sqlite3", api, new_user(admin, "coordinator"))
    meeting = _new_meeting(office)
    office.sync()
    city = Desk(tmp_path / "city-hall.sqlite3", api, new_user(admin, "supervisor"))
    shown = WindowDesk(qtbot, city, tmp_path / "city.ini")
    try:
        assert city.meeting(meeting.id).title == "第1層協議体"
        # Logged in as a supervisor, the window's services refuse the edit themselves.
        with pytest.raises(AccessDenied):
            _edit(city, meeting.id, title="上司が書き換えた題名")
        # Another writer of the file (a script, an import) is not held back: the server
        # refuses what it wrote. A save starts a round by itself shortly after.
        script = Services.create(city.db)
        with qtbot.waitSignal(shown.sync.controller.round_finished, timeout=60_000):
            edited = script.meetings.get(meeting.id)
            edited.title = "上司が書き換えた題名"
            script.meetings.save(edited)
        assert shown.sync.controller.state.refused == 1
        assert "送信できなかった変更 1件" in shown.sync.status.open_button.text()
        dialog = shown.sync.open_conflicts()
        assert isinstance(dialog, ConflictDialog)
        assert dialog.refused_table.rowCount() == 1
        assert "上司" in dialog.refused_table.item(0, 2).text()
        assert dialog.refused_table.item(0, 1).text() == "会議"
        dialog.tabs.setCurrentIndex(1)
        qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
        assert dialog.refused_table.rowCount() == 0
        with city.db.engine.connect() as conn:
            assert (
                conn.exec_driver_sql(
                    "SELECT count(*) FROM sync_refused WHERE dismissed_at IS NULL"
                ).scalar_one()
                == 0
            )
        assert shown.sync.controller.state.refused == 0
        assert not shown.sync.status.open_button.isVisible()
    finally:
        shown.close()
        city.db.close()
        office.db.close()


def test_login_from_the_settings_keeps_no_password(
    qtbot: QtBot, tmp_path: Path, api: str, admin: Client
) -> None:
    desk = Desk(tmp_path / "desk.sqlite3", api, new_user(admin, "coordinator"))
    ini = tmp_path / "desk.ini"
    ctx = UiContext.create(
        services=desk.services, prompts=FakePrompts(), settings=AppSettings(settings_store(ini))
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sync = install_sync(window)
    try:
        assert sync.status.label.text() == "同期: 未接続(この端末だけで使用中)"
        settings = window.open_settings()
        assert settings.sync_button is not None
        qtbot.mouseClick(settings.sync_button, Qt.MouseButton.LeftButton)
        login = sync.dialog
        assert isinstance(login, SyncLoginDialog)
        user, password = desk.user
        enter(qtbot, login.server_edit, api)
        enter(qtbot, login.user_edit, user)
        enter(qtbot, login.password_edit, "wrong-password")
        with qtbot.waitSignal(sync.controller.logged_in, timeout=60_000):
            qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
        assert login.isVisible() and "ログインできませんでした" in login.error_label.text()
        assert not sync.controller.state.logged_in
        enter(qtbot, login.password_edit, password)
        with qtbot.waitSignals(
            [login.accepted, sync.controller.logged_in, sync.controller.round_finished],
            timeout=60_000,
        ):
            qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
        assert sync.status.label.text().startswith("接続中")
        ctx.settings.sync()
        stored = ini.read_text(encoding="utf-8")
        assert user in stored and password not in stored and "wrong-password" not in stored
    finally:
        sync.controller.stop()
        desk.db.close()


def test_a_record_deleted_on_another_desk_leaves_the_clean_form_with_a_notice(
    pair: tuple[WindowDesk, Desk],
) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    office.round()
    page = office.meetings()
    assert page.select_record(meeting.id)
    laptop.services.meetings.soft_delete(meeting.id)
    laptop.sync()
    office.round()
    office.qtbot.waitUntil(lambda: page.editor.sync_notice.isVisible())
    assert "削除" in page.editor.sync_notice.text()
    assert page.editor.current_id is None
    assert not office.ctx.prompts.warnings  # type: ignore[attr-defined]
