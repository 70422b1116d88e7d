"""First start through the composition root: window, user profile, municipality profile
(skippable), then the demo offer, in that order; and the municipality profile dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from coordinator_app.app import StartedApp, first_start, start
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.i18n import remove_translators
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.municipality_dialog import MunicipalityDialog
from coordinator_app.ui.profiles.profile_picker import ProfilePickerDialog
from coordinator_app.ui.settings import AppSettings
from tests.ui.conftest import enter, reopened
from tests.ui.fake_prompts import FakePrompts

Handler = Callable[[QWidget], None]


@pytest.fixture
def started_apps(qapp: QApplication) -> Iterator[list[StartedApp]]:
    apps: list[StartedApp] = []
    yield apps
    for started in apps:
        started.window.close()
        started.close()
        remove_translators(qapp, started.translators)


def _start(
    qapp: QApplication,
    apps: list[StartedApp],
    path: Path,
    prompts: FakePrompts,
    settings: AppSettings,
) -> StartedApp:
    started = start(qapp, db_path=path, demo=False, lang="ja", prompts=prompts, settings=settings)
    assert started is not None
    apps.append(started)
    started.window.show()
    return started


class ModalAnswerer:
    """Answers each modal dialog that opens, in turn, with the next handler
    (polls for the next dialog; records the kinds of dialog seen)."""

    def __init__(self, handlers: list[Handler]) -> None:
        self.handlers = list(handlers)
        self.seen: list[str] = []
        self._current: QWidget | None = None
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(10)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is self._current or not self.handlers:
            return
        self._current = dialog
        self.seen.append(type(dialog).__name__)
        self.handlers.pop(0)(dialog)

    def stop(self) -> None:
        self.timer.stop()


def _register_user(qtbot: QtBot) -> Handler:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, ProfilePickerDialog)
        enter(qtbot, dialog.name_edit, "高橋 美咲")
        enter(qtbot, dialog.title_edit, "第1層コーディネーター")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    return handle


def _fill_municipality(qtbot: QtBot, name: str) -> Handler:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, MunicipalityDialog)
        assert dialog.cancel_button.text() == "あとで入力する"
        enter(qtbot, dialog.edits["name"], name)
        enter(qtbot, dialog.edits["phone"], "042-551-1511")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    return handle


def _skip(qtbot: QtBot) -> Handler:
    def handle(dialog: QWidget) -> None:
        assert isinstance(dialog, MunicipalityDialog)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    return handle


def test_first_start_asks_user_then_municipality_then_demo(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    prompts: FakePrompts,
    ui_settings: AppSettings,
    started_apps: list[StartedApp],
) -> None:
    path = tmp_path / "missing" / "folders" / "new.sqlite3"
    started = _start(qapp, started_apps, path, prompts, ui_settings)
    assert path.exists() and started.fresh
    assert prompts.questions == [], "nothing is asked before the window is up"
    prompts.answers.append(False)  # no demo
    answerer = ModalAnswerer([_register_user(qtbot), _fill_municipality(qtbot, "福生市")])
    try:
        first_start(started)
    finally:
        answerer.stop()
    assert answerer.seen == ["ProfilePickerDialog", "MunicipalityDialog"]
    assert len(prompts.questions) == 1 and "デモデータ" in prompts.questions[0]
    services = started.ctx.services
    assert services.is_empty()
    assert services.settings.municipality().name == "福生市"
    assert [p.name for p in services.profiles.list().rows] == ["高橋 美咲"]
    started.close()

    # The next start asks no dialog (a profile is chosen, the municipality is stored);
    # the database is still empty, so the demo is offered again.
    again = _start(qapp, started_apps, path, prompts, ui_settings)
    prompts.answers.append(True)
    answerer = ModalAnswerer([])
    try:
        first_start(again)
    finally:
        answerer.stop()
    assert answerer.seen == [] and len(prompts.questions) == 2
    assert not again.ctx.services.is_empty()
    assert again.ctx.services.settings.municipality().name == "福生市"


def test_the_municipality_can_be_skipped_and_the_demo_loaded(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    prompts: FakePrompts,
    ui_settings: AppSettings,
    started_apps: list[StartedApp],
) -> None:
    started = _start(qapp, started_apps, tmp_path / "new.sqlite3", prompts, ui_settings)
    prompts.answers.append(True)
    answerer = ModalAnswerer([_register_user(qtbot), _skip(qtbot)])
    try:
        first_start(started)
    finally:
        answerer.stop()
    assert answerer.seen == ["ProfilePickerDialog", "MunicipalityDialog"]
    assert not started.ctx.services.is_empty()
    # The open window shows the demo at once (the pages were told everything changed).
    assert started.window.pages[1].model.total >= 4


def test_a_municipality_entered_first_survives_the_demo(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    prompts: FakePrompts,
    ui_settings: AppSettings,
    started_apps: list[StartedApp],
) -> None:
    started = _start(qapp, started_apps, tmp_path / "new.sqlite3", prompts, ui_settings)
    prompts.answers.append(True)
    answerer = ModalAnswerer([_register_user(qtbot), _fill_municipality(qtbot, "世田谷区")])
    try:
        first_start(started)
    finally:
        answerer.stop()
    assert not started.ctx.services.is_empty()
    assert started.ctx.services.settings.municipality().name == "世田谷区"


# -- the municipality profile dialog -----------------------------------------------


def _png(path: Path) -> Path:
    image = QImage(60, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor("#1565c0"))
    assert image.save(str(path), "PNG")
    return path


def test_municipality_dialog_from_the_menu_stores_every_field(
    qtbot: QtBot,
    window: MainWindow,
    ctx: UiContext,
    prompts: FakePrompts,
    db: Database,
    tmp_path: Path,
) -> None:
    assert window.action_municipality in window.file_menu.actions()
    dialog = window.open_municipality()
    qtbot.addWidget(dialog)
    values = {
        "name": "福生市",
        "department": "福祉保健部 介護福祉課",
        "address": "東京都福生市本町5番地",
        "phone": "042-551-1511",
        "fax": "042-530-5800",
        "email": "not-an-address",
        "website": "https://www.city.fussa.tokyo.jp/",
        "reception_hours": "平日 8時30分〜17時15分",
    }
    for name, text in values.items():
        enter(qtbot, dialog.edits[name], text)
    # A file that is not an image is refused under the logo field; nothing else changes.
    not_image = tmp_path / "logo.png"
    not_image.write_text("これは画像ではありません", encoding="utf-8")
    prompts.open_files.append(not_image)
    qtbot.mouseClick(dialog.logo_field.choose_button, Qt.MouseButton.LeftButton)
    assert "画像として読めません" in dialog.form.error_text("logo")
    assert dialog.logo_field.logo() is None
    prompts.open_files.append(_png(tmp_path / "real.png"))
    qtbot.mouseClick(dialog.logo_field.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.form.error_text("logo") == ""
    assert dialog.logo_field.logo() is not None

    # A refused save keeps the form and says why next to the field.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.error_text("email") != ""
    assert dialog.edits["name"].text() == "福生市"
    assert ctx.services.settings.municipality().name == ""

    enter(qtbot, dialog.edits["email"], "chiiki@city.fussa.example.jp")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with reopened(db) as stored:
        profile = stored.settings.municipality()
    expected = values | {"email": "chiiki@city.fussa.example.jp"}
    assert {name: getattr(profile, name) for name in expected} == expected
    assert profile.logo == (tmp_path / "real.png").read_bytes()


def test_municipality_dialog_shows_what_is_stored(
    qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    profile = services.settings.municipality()
    profile.name, profile.fax, profile.reception_hours = "狛江市", "03-3430-1111", "平日 9時〜17時"
    services.settings.save_municipality(profile)
    dialog = MunicipalityDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.edits["name"].text() == "狛江市"
    assert dialog.edits["fax"].text() == "03-3430-1111"
    assert dialog.edits["reception_hours"].text() == "平日 9時〜17時"
    assert dialog.cancel_button.text() == "キャンセル"
