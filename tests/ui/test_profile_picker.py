"""利用者: the first-start profile picker, the settings rows, the per-database choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.settings_dialog import SettingsDialog
from coordinator_app.ui.profiles.current import current_profile, is_supervisor, needs_profile
from coordinator_app.ui.profiles.profile_picker import ProfilePickerDialog
from coordinator_app.ui.settings import AppSettings
from tests.conftest import Factory
from tests.ui.conftest import choose, enter, reopened


def _dialog(qtbot: QtBot, ctx: UiContext) -> ProfilePickerDialog:
    dialog = ProfilePickerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_first_start_registers_a_supervisor_and_uses_it(
    qtbot: QtBot, ctx: UiContext, db: Database, ui_settings: AppSettings
) -> None:
    assert needs_profile(ctx)
    dialog = _dialog(qtbot, ctx)
    assert dialog.profile_list.count() == 0
    assert not dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_text("name") == "氏名を入力してください"

    enter(qtbot, dialog.name_edit, "山本 健")
    enter(qtbot, dialog.kana_edit, "やまもと けん")
    choose(dialog.role_combo, "上司(確認者)")
    assert not dialog.coordinator_combo.isEnabled()
    enter(qtbot, dialog.title_edit, "係長")
    # 登録して選ぶ registers the profile and starts with it: no second click.
    with qtbot.waitSignal(ctx.events.sig_display_changed):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.profile_list.currentItem().text() == "山本 健 — 係長・上司(確認者)"
    assert dialog.chosen is not None and dialog.chosen.name == "山本 健"
    assert not needs_profile(ctx) and is_supervisor(ctx)
    chosen_id = dialog.chosen.id

    with reopened(db) as stored:
        profile = stored.profiles.get(chosen_id)
        assert (profile.name, profile.kana, profile.role, profile.title) == (
            "山本 健",
            "やまもと けん",
            ProfileRole.SUPERVISOR,
            "係長",
        )
        assert profile.coordinator_id is None
    # The choice is kept in the settings file, for this database.
    assert AppSettings(ui_settings.store).profile_id(db.path) == chosen_id
    assert ui_settings.profile_id(db.path.with_name("other.sqlite3")) is None


def test_a_coordinator_profile_links_a_coordinator(
    qtbot: QtBot, ctx: UiContext, make: Factory, services: Services
) -> None:
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    other = services.profiles.save(UserProfile(name="佐藤 課長", role=ProfileRole.SUPERVISOR))
    dialog = _dialog(qtbot, ctx)
    assert dialog.profile_list.count() == 1
    enter(qtbot, dialog.name_edit, "高橋 美咲")
    choose(dialog.role_combo, "コーディネーター")
    choose(dialog.coordinator_combo, "高橋 美咲")
    enter(qtbot, dialog.title_edit, "第1層コーディネーター")
    created = dialog.create_profile()
    assert created is not None and dialog.result() == QDialog.DialogCode.Accepted
    # The title already says コーディネーター: the label does not say it twice.
    assert dialog.profile_list.currentItem().text() == "高橋 美咲 — 第1層コーディネーター"
    profile = current_profile(ctx)
    assert profile is not None and profile.id != other.id
    stored = services.profiles.get(created.id)
    assert (stored.role, stored.coordinator_id) == (ProfileRole.COORDINATOR, person.id)
    assert not is_supervisor(ctx)


def test_a_deleted_profile_asks_again(ctx: UiContext, services: Services) -> None:
    profile = services.profiles.save(UserProfile(name="山本 健", role=ProfileRole.SUPERVISOR))
    ctx.settings.set_profile_id(ctx.services.db.path, profile.id)
    assert not needs_profile(ctx)
    services.profiles.soft_delete(profile.id)
    assert needs_profile(ctx) and not is_supervisor(ctx)


def test_settings_change_the_profile_and_the_stalled_threshold(
    qtbot: QtBot, services: Services, ui_settings: AppSettings, settings_path: Path
) -> None:
    coordinator = services.profiles.save(
        UserProfile(name="高橋 美咲", kana="たかはし", role=ProfileRole.COORDINATOR)
    )
    supervisor = services.profiles.save(
        UserProfile(name="山本 健", kana="やまもと", role=ProfileRole.SUPERVISOR)
    )
    ui_settings.set_profile_id(services.db.path, coordinator.id)
    dialog = SettingsDialog(ui_settings, services=services)
    qtbot.addWidget(dialog)
    assert dialog.profile_combo.currentText() == "高橋 美咲 — コーディネーター"
    assert dialog.stalled_spin.value() == 30
    choose(dialog.profile_combo, "山本 健 — 上司(確認者)")
    enter(qtbot, dialog.stalled_spin.lineEdit(), "45")
    dialog.apply()
    assert dialog.review_changed
    fresh = AppSettings(type(ui_settings.store)(str(settings_path), ui_settings.store.format()))
    assert fresh.profile_id(services.db.path) == supervisor.id
    assert fresh.stalled_days == 45
    # Without services (as before) the dialog has no 利用者 row and changes nothing there.
    plain = SettingsDialog(ui_settings)
    qtbot.addWidget(plain)
    plain.apply()
    assert not plain.review_changed
    assert ui_settings.profile_id(services.db.path) == supervisor.id


def test_settings_link_and_unlink_the_profile_to_a_coordinator(
    qtbot: QtBot, services: Services, ui_settings: AppSettings, make: Factory
) -> None:
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    mine = services.profiles.save(
        UserProfile(name="高橋 美咲", kana="たかはし", role=ProfileRole.COORDINATOR)
    )
    boss = services.profiles.save(
        UserProfile(name="山本 健", kana="やまもと", role=ProfileRole.SUPERVISOR)
    )
    ui_settings.set_profile_id(services.db.path, mine.id)

    dialog = SettingsDialog(ui_settings, services=services)
    qtbot.addWidget(dialog)
    assert dialog.coordinator_combo.isEnabled()
    assert dialog.coordinator_combo.currentText() == "(紐づけない)"
    choose(dialog.coordinator_combo, "高橋 美咲")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    dialog.apply()
    assert dialog.review_changed, "views are told the profile changed"
    assert services.profiles.get(mine.id).coordinator_id == person.id

    again = SettingsDialog(ui_settings, services=services)
    qtbot.addWidget(again)
    assert again.coordinator_combo.currentText() == "高橋 美咲", "the link is shown"
    choose(again.profile_combo, "山本 健 — 上司(確認者)")
    assert not again.coordinator_combo.isEnabled(), "a supervisor's profile is not linked"
    choose(again.profile_combo, "高橋 美咲 — コーディネーター")
    choose(again.coordinator_combo, "(紐づけない)")
    with qtbot.waitSignal(again.accepted):
        qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert services.profiles.get(mine.id).coordinator_id is None
    assert services.profiles.get(boss.id).coordinator_id is None


def test_settings_keep_the_dialog_open_when_the_coordinator_is_gone(
    qtbot: QtBot, services: Services, ui_settings: AppSettings, make: Factory
) -> None:
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    mine = services.profiles.save(UserProfile(name="高橋 美咲", role=ProfileRole.COORDINATOR))
    ui_settings.set_profile_id(services.db.path, mine.id)
    dialog = SettingsDialog(ui_settings, services=services)
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.coordinator_combo, "高橋 美咲")
    services.coordinators.soft_delete(person.id)  # deleted elsewhere meanwhile
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "コーディネーターが見つかりません" in dialog.link_error.text()
    assert services.profiles.get(mine.id).coordinator_id is None


def test_profile_service_refuses_to_link_a_supervisor(services: Services, make: Factory) -> None:
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    boss = services.profiles.save(UserProfile(name="山本 健", role=ProfileRole.SUPERVISOR))
    with pytest.raises(ValidationError) as refused:
        services.profiles.link_coordinator(boss.id, person.id)
    assert "紐づけられません" in refused.value.errors["coordinator_id"]
    assert services.profiles.get(boss.id).coordinator_id is None
