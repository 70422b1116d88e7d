"""The settings dialog: 和暦 dates apply at once, the language after a restart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.settings import AppSettings, settings_store
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter


def test_wareki_dates_and_language(
    qtbot: QtBot, window: MainWindow, make: Factory, settings_path: Path
) -> None:
    make.meeting(title="連絡会", held_on=date(2019, 5, 1))
    page = window.pages[4]
    page.model.refresh()
    window.show_page(4)
    assert page.model.index(0, page.model.DATE).data() == "2019-05-01"

    dialog = window.open_settings()
    assert "再起動" in dialog.language_note.text()
    qtbot.keyClick(dialog.wareki_check, Qt.Key.Key_Space)
    choose(dialog.language_combo, "English")
    accept(qtbot, dialog, dialog.ok_button)

    assert window.ctx.dates.wareki
    assert page.model.index(0, page.model.DATE).data() == "令和元年5月1日"
    stored = AppSettings(settings_store(settings_path))
    assert stored.wareki is True
    assert stored.language == "en"
    # The UI language itself changes only after a restart.
    assert window.nav.item(0).text() == "地域"


def test_wareki_input_is_read_back(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    window.ctx.dates.wareki = True
    window.show_page(4)
    page = window.pages[4]
    page.new_record()
    editor = page.editor
    assert "令和" in editor.date_field.placeholderText()  # type: ignore[attr-defined]
    enter(qtbot, editor.title_edit, "平成最後の会議")  # type: ignore[attr-defined]
    enter(qtbot, editor.date_field, "平成31年4月30日")  # type: ignore[attr-defined]
    assert page.save_record()
    assert make.s.meetings.get(editor.current_id).held_on == date(2019, 4, 30)  # type: ignore[arg-type]
    assert editor.date_field.text() == "平成31年4月30日"  # type: ignore[attr-defined]
