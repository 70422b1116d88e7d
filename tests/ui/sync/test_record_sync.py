"""A record's window and sync, against the real server (throw-away PostgreSQL,
HTTP on loopback): the banner of a record with an open conflict (live, only on
that record, gone once resolved from it) and the 変更履歴 tab."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.meeting_dialog import open_meeting_dialog
from coordinator_app.ui.settings import AppSettings, settings_store
from coordinator_app.ui.sync.conflict_banner import ConflictBanner
from coordinator_app.ui.sync.conflict_dialog import ConflictDialog
from coordinator_app.ui.sync.history_tab import HistoryModel, HistoryTab
from coordinator_app.ui.sync.install import install_sync
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, new_user
from tests.sync.test_rounds import Desk, _edit, _new_meeting
from tests.ui.conftest import enter
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_sync_window import WindowDesk, pair

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
__all__ = ["admin", "api", "pair", "server_dir"]  # fixtures this module uses

LONG_MINUTES = "第1回の議事録です。" * 8 + "\n2行目: 次回は公民館で開催する。"


def _banner(widget: object) -> ConflictBanner:
    found = widget.findChild(ConflictBanner)  # type: ignore[attr-defined]
    assert isinstance(found, ConflictBanner)
    return found


def _history(widget: object) -> HistoryTab:
    found = widget.findChild(HistoryTab)  # type: ignore[attr-defined]
    assert isinstance(found, HistoryTab)
    return found


def test_a_conflict_shows_a_banner_on_that_meeting_only_until_resolved_from_it(
    pair: tuple[WindowDesk, Desk],
) -> None:
    office, laptop = pair
    disputed = _new_meeting(laptop, title="第1層協議体 5月")
    other = _new_meeting(laptop, title="第2層協議体 5月")
    laptop.sync()
    office.round()
    page = office.meetings()
    assert page.select_record(disputed.id)
    banner = _banner(page.editor)
    assert not banner.isVisible()
    other_window = open_meeting_dialog(office.ctx, office.window, meeting_id=other.id)
    office.qtbot.waitExposed(other_window)
    other_banner = _banner(other_window)

    # Both desks change the venue; the laptop's arrives first: a conflict on the office.
    _edit(laptop, disputed.id, venue="公民館")
    _edit(office.desk, disputed.id, venue="市民センター 3階")
    laptop.sync()
    office.round()
    assert office.sync.controller.state.conflicts == 1
    office.qtbot.waitUntil(banner.isVisible)  # live: through the event hub
    assert banner.label.text() == "この記録には未解決の競合があります（1件）"
    assert banner.label.textFormat() == Qt.TextFormat.PlainText
    assert not other_banner.isVisible()
    disputed_window = open_meeting_dialog(office.ctx, office.window, meeting_id=disputed.id)
    office.qtbot.waitExposed(disputed_window)
    assert _banner(disputed_window).isVisible()

    # 競合を確認… opens 競合の確認 with this meeting's conflicts only.
    office.qtbot.mouseClick(banner.button, Qt.MouseButton.LeftButton)
    dialog = banner.dialog
    assert isinstance(dialog, ConflictDialog)
    assert dialog.list.count() == 1
    assert dialog.windowTitle() == "競合の確認 — 会議"
    assert dialog.current is not None and dialog.current.row_id == disputed.id
    with office.qtbot.waitSignal(office.sync.controller.round_finished, timeout=60_000):
        office.qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    office.qtbot.waitUntil(lambda: not banner.isVisible())
    office.qtbot.waitUntil(lambda: not _banner(disputed_window).isVisible())
    assert office.desk.meeting(disputed.id).venue == "市民センター 3階"
    assert office.desk.open_conflicts() == []
    assert office.sync.controller.state.conflicts == 0
    dialog.close()


def test_a_conflict_kept_as_is_also_hides_the_banner(pair: tuple[WindowDesk, Desk]) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    office.round()
    page = office.meetings()
    assert page.select_record(meeting.id)
    banner = _banner(page.editor)
    _edit(laptop, meeting.id, venue="公民館")
    _edit(office.desk, meeting.id, venue="市民センター")
    laptop.sync()
    office.round()
    office.qtbot.waitUntil(banner.isVisible)
    dialog = banner.open_conflicts()
    assert isinstance(dialog, ConflictDialog)
    # 現在の値のままにする edits nothing: the banner still hears the conflict is gone.
    office.qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    office.qtbot.waitUntil(lambda: not banner.isVisible())
    assert office.desk.meeting(meeting.id).venue == "公民館"
    office.qtbot.waitUntil(lambda: not office.sync.controller.state.busy, timeout=60_000)
    dialog.close()


def test_the_history_tab_lists_the_edits_of_two_users_newest_first(
    pair: tuple[WindowDesk, Desk],
) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    _edit(laptop, meeting.id, venue="公民館", minutes=LONG_MINUTES)
    laptop.sync()
    office.round()
    page = office.meetings()
    assert page.select_record(meeting.id)
    editor = page.editor
    # The office's user renames the meeting in the form and saves; the round sends it.
    enter(office.qtbot, editor.title_edit, "第1層協議体 定例会")
    assert editor.save()
    office.round()
    assert office.desk.outbox_size() == 0
    assert office.desk.meeting(meeting.id).title == "第1層協議体 定例会"

    tab = _history(editor)
    assert editor.tabs is not None
    editor.tabs.setCurrentWidget(tab)
    office.qtbot.waitUntil(lambda: tab.model.rowCount() == 4, timeout=60_000)
    model = tab.model
    office_user, laptop_user = office.desk.user[0], laptop.user[0]

    def cell(row: int, column: int) -> str:
        return str(model.data(model.index(row, column)))

    assert cell(0, HistoryModel.FIELD) == "会議名"
    assert cell(0, HistoryModel.ACTOR).startswith(office_user + "(")  # user(desk)
    assert cell(0, HistoryModel.CHANGE) == "第1層協議体 → 第1層協議体 定例会"
    laptop_rows = {cell(r, HistoryModel.FIELD): r for r in (1, 2)}
    assert set(laptop_rows) == {"会場", "議事録"}
    assert all(cell(r, HistoryModel.ACTOR).startswith(laptop_user + "(") for r in (1, 2, 3))
    assert cell(laptop_rows["会場"], HistoryModel.CHANGE) == "会議室A → 公民館"
    assert cell(3, HistoryModel.FIELD) == "(新規作成)"
    created = model.row_item(3)
    assert created is not None and "会議名: 第1層協議体\n" in created.new
    assert cell(3, HistoryModel.CHANGE) == "種類: 協議体…"  # the first of its values
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", cell(0, HistoryModel.AT))

    # Long text: one shortened line in the list, the whole text below it.
    minutes_row = laptop_rows["議事録"]
    shown = cell(minutes_row, HistoryModel.CHANGE)
    assert shown.startswith("(空欄) → 第1回の議事録です。") and shown.endswith("…")
    assert len(shown) < 45
    tab.table.selectRow(minutes_row)
    assert tab.new_view.toPlainText() == LONG_MINUTES
    assert tab.old_view.toPlainText() == "(空欄)"
    assert tab.status.text() == "4件の変更(新しい順)"


def test_the_history_tab_says_the_desk_is_not_connected(
    qtbot: QtBot, tmp_path: Path, api: str, admin: Client
) -> None:
    desk = Desk(tmp_path / "alone.sqlite3", api, new_user(admin, "coordinator"))
    ctx = UiContext.create(
        services=desk.services,
        prompts=FakePrompts(),
        settings=AppSettings(settings_store(tmp_path / "alone.ini")),
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sync = install_sync(window)  # installed as the app does, but never logged in
    try:
        meeting = _new_meeting(desk)
        window.show()
        qtbot.waitExposed(window)
        dialog = open_meeting_dialog(ctx, window, meeting_id=meeting.id)
        qtbot.waitExposed(dialog)
        tab = _history(dialog)
        assert dialog.editor.tabs is not None
        dialog.editor.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        assert tab.status.text().startswith("サーバーに接続していません")
        assert tab.model.rowCount() == 0
        assert not _banner(dialog).isVisible()
        dialog.close()
    finally:
        sync.controller.stop()
        desk.db.close()


def test_the_history_tab_says_why_when_the_server_cannot_answer(
    pair: tuple[WindowDesk, Desk],
) -> None:
    office, laptop = pair
    meeting = _new_meeting(laptop)
    laptop.sync()
    office.round()
    page = office.meetings()
    assert page.select_record(meeting.id)
    editor = page.editor
    tab = _history(editor)
    assert editor.tabs is not None
    editor.tabs.setCurrentWidget(tab)
    office.qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=60_000)
    controller = office.sync.controller

    def run_on_the_sync_thread(action: object) -> None:
        with office.qtbot.waitSignal(controller.call_finished, timeout=60_000):
            controller.call("test", action)  # type: ignore[arg-type]

    # The server refuses (a token it no longer knows): its Japanese reason is shown.
    run_on_the_sync_thread(lambda worker: setattr(worker.client, "token", "expired"))
    office.qtbot.mouseClick(tab.reload_button, Qt.MouseButton.LeftButton)
    office.qtbot.waitUntil(lambda: "読み込めませんでした" in tab.status.text(), timeout=60_000)
    reason = tab.status.text().split(": ", 1)[1]
    assert reason and re.search(r"[ぁ-んァ-ン一-龥]", reason)
    assert tab.model.rowCount() == 1  # what was read before stays, under the message

    # The network is gone: 「サーバーに接続していません」 and why.
    run_on_the_sync_thread(lambda worker: setattr(worker.client, "base_url", "http://127.0.0.1:9"))
    office.qtbot.mouseClick(tab.reload_button, Qt.MouseButton.LeftButton)
    office.qtbot.waitUntil(
        lambda: tab.status.text().startswith("サーバーに接続していません。\n"), timeout=60_000
    )
    assert "サーバーに接続できません" in tab.status.text()
