"""Issue 18: what the sync server says (a refused change, a failed login) reads in
English in the English window and stays the server's Japanese in the Japanese one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.domain.texts import from_server, wire_form
from coordinator_app.server.errors import CATALOGUE, ApiError
from coordinator_app.server.limits import RateLimit, snapshot_rate_limited
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.labels import message_text
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.settings import AppSettings, settings_store
from coordinator_app.ui.sync.conflict_dialog import ConflictDialog, tables_text
from coordinator_app.ui.sync.install import install_sync
from coordinator_app.ui.sync.login_dialog import SyncLoginDialog
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, new_user
from tests.sync.test_rounds import Desk, _new_meeting
from tests.ui.conftest import enter
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_sync_window import WindowDesk

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, "en") if request.param == "en" else []
    yield request.param
    remove_translators(qapp, translators)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def test_a_change_the_server_refused_is_listed_in_the_windows_language(
    language: str, qtbot: QtBot, tmp_path: Path, api: str, admin: Client
) -> None:
    office = Desk(tmp_path / "office.sqlite3", api, new_user(admin, "coordinator"))
    meeting = _new_meeting(office)
    office.sync()
    city = Desk(tmp_path / "city-hall.sqlite3", api, new_user(admin, "supervisor"))
    shown = WindowDesk(qtbot, city, tmp_path / "city.ini")
    try:
        # A script writing the supervisor's file: the server refuses (role_forbidden).
        script = Services.create(city.db)
        with qtbot.waitSignal(shown.sync.controller.round_finished, timeout=60_000):
            edited = script.meetings.get(meeting.id)
            edited.title = "上司が書き換えた題名"
            script.meetings.save(edited)
        with city.db.engine.connect() as conn:
            code, stored = conn.exec_driver_sql(
                "SELECT code, message FROM sync_refused WHERE dismissed_at IS NULL"
            ).one()
        assert code == "role_forbidden"
        assert "上司(確認者)は会議・プロジェクトなどの記録を変更できません" in stored
        dialog = shown.sync.open_conflicts()
        assert isinstance(dialog, ConflictDialog)
        assert dialog.refused_table.rowCount() == 1
        reason = dialog.refused_table.item(0, 2).text()
        if language == "en":
            assert reason == (
                "A supervisor (reviewer) cannot change meetings, projects or other records"
            )
            assert dialog.refused_table.item(0, 1).text() == "Meetings"
            for row in range(dialog.refused_table.rowCount()):
                for column in range(dialog.refused_table.columnCount()):
                    assert not JAPANESE.search(dialog.refused_table.item(row, column).text())
        else:
            assert reason == "上司(確認者)は会議・プロジェクトなどの記録を変更できません"
        dialog.tabs.setCurrentIndex(1)
        dialog.grab().save(str(tmp_path / f"refused-{language}.png"))
        dialog.close()
    finally:
        shown.close()
        city.db.close()
        office.db.close()


def test_a_failed_login_says_why_in_the_windows_language(
    language: str, qtbot: QtBot, tmp_path: Path, api: str, admin: Client
) -> None:
    desk = Desk(tmp_path / "desk.sqlite3", api, new_user(admin, "coordinator"))
    ctx = UiContext.create(
        services=desk.services,
        prompts=FakePrompts(),
        settings=AppSettings(settings_store(tmp_path / "desk.ini")),
    )
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sync = install_sync(window)
    try:
        settings = window.open_settings()
        assert settings.sync_button is not None
        qtbot.mouseClick(settings.sync_button, Qt.MouseButton.LeftButton)
        login = sync.dialog
        assert isinstance(login, SyncLoginDialog)
        enter(qtbot, login.server_edit, api)
        enter(qtbot, login.user_edit, desk.user[0])
        enter(qtbot, login.password_edit, "wrong-password")
        with qtbot.waitSignal(sync.controller.logged_in, timeout=60_000):
            qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
        said = login.error_label.text()
        assert not sync.controller.state.logged_in
        if language == "en":
            assert "The user name or password is incorrect" in said
            assert not JAPANESE.search(said)
            assert not JAPANESE.search(sync.controller.state.error)
        else:
            assert "ユーザー名またはパスワードが違います" in said
        login.grab().save(str(tmp_path / f"login-{language}.png"))
        login.close()
    finally:
        sync.controller.stop()
        desk.db.close()


def test_every_coded_server_error_reads_in_english(english: None) -> None:
    for code in CATALOGUE:
        error = ApiError(code).body()["error"]
        text = message_text(from_server(error["message"], error["template"], error["values"]))
        assert text and not JAPANESE.search(text), (code, text)
    refusal, _headers = snapshot_rate_limited(RateLimit(count=3, window=3600), 1800)
    form = wire_form(refusal.message)
    text = message_text(from_server(form["message"], form["template"], form["values"]))
    assert text == (
        "The initial data (snapshot) can be fetched at most 3 times per 1 hour(s). "
        "Please try again in about 30 minute(s)"
    )


def test_the_kinds_of_a_refused_change_are_listed_in_the_windows_language(
    language: str,
) -> None:
    shown = tables_text(("meeting", "progress_entry", "no_such_table"))
    if language == "en":
        assert shown == "Meetings, Progress entries, no_such_table"
    else:
        assert shown == "会議、進捗、no_such_table"


def test_every_server_text_keeps_its_values_in_english() -> None:
    """Each server template's English names the same values (author_locked, role_forbidden…)."""
    catalogue = Path(__file__).parents[2] / "resources/translations/coordinator_app_en.ts"
    tree = ElementTree.parse(catalogue)
    (server,) = [c for c in tree.getroot() if c.findtext("name") == "server"]
    pairs = {m.findtext("source"): m.findtext("translation") for m in server.iter("message")}
    assert "進捗の記入者は変更できません" in pairs  # policy.py's refusals are in the catalogue
    placeholder = re.compile(r"\{(\w+)\}")
    for source, english in pairs.items():
        assert source and english and not JAPANESE.search(english), source
        assert set(placeholder.findall(source)) == set(placeholder.findall(english)), source
