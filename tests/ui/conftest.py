"""GUI fixtures: the fake prompts service (``fake_prompts.py``), a temporary settings
file, the main window, and helpers that type like a user (IME commits for Japanese,
key clicks for ASCII)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database, open_database
from coordinator_app.ui.common.pickers import RecordCombo
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.settings import AppSettings, settings_store
from tests.ui.fake_prompts import FakePrompts
from tests.ui.keyboard_walk import release_modifiers


@pytest.fixture(autouse=True)
def _japanese_locale_as_the_app_sets_it() -> None:
    """The app sets the UI language's locale at start (``i18n.install_translators``);
    a window built without the start path would otherwise follow the machine's
    locale (C.UTF-8 gives "Apr" for 4月)."""
    QLocale.setDefault(QLocale("ja"))


@pytest.fixture(autouse=True)
def _closed_widgets_deleted(qtbot: QtBot) -> Iterator[None]:
    """The widgets a test made are deleted when it ends, not some tests later: qtbot asks
    for their deletion (``deleteLater``), which only an event loop's turn carries out, and
    a window held in a cycle through its own signal connections otherwise lives on (by the
    end of the GUI tests thousands of widgets did, and every test paid for them)."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_key_held(qtbot: QtBot) -> Iterator[None]:
    """Each GUI test starts and ends with no modifier key held: a Shift+Tab whose release
    reached another widget, or a key click with a modifier, leaves Qt believing the key
    is down (see keyboard_walk), and a later ``selectRow`` then selects nothing (seen in
    CI: which test ran before decided it)."""
    release_modifiers(qtbot)
    yield
    release_modifiers(qtbot)


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "ui-settings.ini"


@pytest.fixture
def ui_settings(settings_path: Path) -> AppSettings:
    return AppSettings(settings_store(settings_path))


@pytest.fixture
def ctx(services: Services, prompts: FakePrompts, ui_settings: AppSettings) -> UiContext:
    return UiContext.create(services=services, prompts=prompts, settings=ui_settings)


@pytest.fixture
def window(qtbot: QtBot, ctx: UiContext) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


# -- typing like a user ---------------------------------------------------------

_CHUNKS = re.compile(r"[\x20-\x7e]+|[^\x20-\x7e]+")


def commit_text(widget: QWidget, text: str) -> None:
    """What an input method (IME) does when the user confirms Japanese text."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def clear_field(qtbot: QtBot, widget: QWidget) -> None:
    """Select all and delete, as a user would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)


def enter(qtbot: QtBot, widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Type ``text`` into a line edit or plain-text edit.

    QTest cannot click non-ASCII keys, so Japanese arrives the way an IME
    delivers it (a commit string); ASCII goes through real key clicks.
    Newlines are Return key presses.
    """
    assert isinstance(widget, QLineEdit | QPlainTextEdit)
    if replace:
        clear_field(qtbot, widget)
    widget.setFocus()
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        for chunk in _CHUNKS.findall(line):
            if chunk.isascii():
                qtbot.keyClicks(widget, chunk)
            else:
                commit_text(widget, chunk)


def accept(qtbot: QtBot, dialog: QDialog, button: QPushButton) -> None:
    """Click the dialog's save button and check that it closed accepted.

    Accepting is synchronous: by the time the click returns the record is stored.
    """
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, "the dialog refused to save"


def choose(combo: QComboBox, text: str) -> None:
    """Pick the item showing ``text`` (stripped of tree indentation), once the combo
    has searched as it does when the user reaches it (a lazy picker's first focus)."""
    if isinstance(combo, RecordCombo):
        combo.ensure_searched()
    for i in range(combo.count()):
        if combo.itemText(i).strip("　 ") == text:
            combo.setCurrentIndex(i)
            return
    raise AssertionError(f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


@contextmanager
def reopened(db: Database) -> Iterator[Services]:
    """Close ``db`` and open the same file again: what is there was really stored."""
    db.close()
    fresh = open_database(db.path)
    try:
        yield Services.create(fresh)
    finally:
        fresh.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot pass size hints to a window system and says
    # so at WARNING level whenever a window gets a minimum size (or is raised);
    # that is not an error of the app.
    marker = pytest.mark.qt_log_ignore(
        "This plugin does not support propagateSizeHints", "This plugin does not support raise"
    )
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(marker)
