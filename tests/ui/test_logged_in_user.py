"""The profile picker becomes "who is logged in": on a desk logged in to the server
(throw-away PostgreSQL, HTTP on loopback) the user is the server account with its
role, switching is off until the desk logs out, and the desk's own profiles are
never pushed (so nothing comes back refused)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.settings_dialog import SettingsDialog
from coordinator_app.ui.profiles.current import (
    current_profile,
    is_supervisor,
    may_write,
    set_current_profile,
)
from coordinator_app.ui.profiles.profile_picker import ProfilePickerDialog
from coordinator_app.ui.settings import AppSettings, settings_store
from coordinator_app.ui.sync.install import install_sync
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, new_user
from tests.sync.test_rounds import Desk
from tests.ui.fake_prompts import FakePrompts

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin


def test_a_logged_in_desk_is_its_server_account_and_offers_no_switching(
    qtbot: QtBot, tmp_path: Path, api: str, admin: Client
) -> None:
    desk = Desk(tmp_path / "city-hall.sqlite3", api, new_user(admin, "supervisor"))
    ctx = UiContext.create(
        services=desk.services,
        prompts=FakePrompts(),
        settings=AppSettings(settings_store(tmp_path / "desk.ini")),
    )
    # Before any server: the desk registered its own coordinator profile and uses it.
    mine = desk.services.profiles.save(UserProfile(name="高橋 美咲", role=ProfileRole.COORDINATOR))
    set_current_profile(ctx, mine.id)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sync = install_sync(window)
    try:
        window.show()
        assert may_write(ctx) and window.action_new.isEnabled()
        picker = ProfilePickerDialog(ctx, window)
        qtbot.addWidget(picker)
        assert picker.profile_list.isEnabled() and not picker.account_label.isVisible()
        picker.close()

        user, password = desk.user
        with qtbot.waitSignals(
            [sync.controller.logged_in, sync.controller.round_finished], timeout=60_000
        ):
            sync.controller.login(api, user, password)
        account = sync.controller.account
        assert account is not None and account.name == user
        assert account.role == ProfileRole.SUPERVISOR

        # The user is the account, with the server's role, mirrored by the window.
        profile = current_profile(ctx)
        assert profile is not None and profile.id == account.profile_id
        assert profile.role == ProfileRole.SUPERVISOR
        assert is_supervisor(ctx) and not may_write(ctx)
        assert not window.action_new.isEnabled()
        assert "ログイン中のアカウントは上司" in window.action_new.toolTip()
        assert window.read_only_label.isVisibleTo(window)

        # The picker shows who is logged in and lets nobody else be chosen.
        picker = ProfilePickerDialog(ctx, window)
        qtbot.addWidget(picker)
        picker.show()
        assert picker.account_label.isVisible()
        assert picker.account_label.text().startswith(
            f"同期サーバーにログイン中: {user} — 上司(確認者)"
        )
        assert not picker.profile_list.isEnabled() and not picker.new_box.isVisible()
        assert not picker.ok_button.isVisible()
        assert picker.selected_id() == account.profile_id
        picker.grab().save(str(tmp_path / "who-picker.png"))
        set_current_profile(ctx, mine.id)  # what the picker would do: refused
        assert current_profile(ctx).id == account.profile_id  # type: ignore[union-attr]
        qtbot.mouseClick(picker.cancel_button, Qt.MouseButton.LeftButton)

        settings = SettingsDialog(ctx.settings, window, services=ctx.services)
        qtbot.addWidget(settings)
        assert not settings.profile_combo.isEnabled()
        assert user in settings.profile_combo.toolTip()

        # The desk's own profile was never pushed: nothing came back refused.
        assert sync.controller.state.refused == 0
        with desk.db.engine.connect() as conn:
            queued = conn.exec_driver_sql(
                "SELECT count(*) FROM sync_outbox WHERE table_name = 'user_profile'"
            ).scalar_one()
        assert queued == 0
        assert ctx.settings.profile_id(desk.db.path) == account.profile_id

        # Logged out, the desk chooses again (and stays the account's user until it does).
        sync.controller.logout()
        assert sync.controller.account is None
        assert current_profile(ctx).id == account.profile_id  # type: ignore[union-attr]
        picker = ProfilePickerDialog(ctx, window)
        qtbot.addWidget(picker)
        assert picker.profile_list.isEnabled() and not picker.account_label.isVisible()
        for row in range(picker.profile_list.count()):
            item = picker.profile_list.item(row)
            if uuid.UUID(item.data(Qt.ItemDataRole.UserRole)) == mine.id:
                picker.profile_list.setCurrentItem(item)
        picker.accept()
        assert current_profile(ctx).id == mine.id  # type: ignore[union-attr]
        assert may_write(ctx) and window.action_new.isEnabled()
    finally:
        sync.controller.stop()
        desk.db.close()
