"""Translations: the English catalogue is complete, current, and covers every widget."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.councils.membership_dialog import MembershipDialog
from coordinator_app.ui.i18n import install_translators, remove_translators, translation_file
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.settings_dialog import SettingsDialog
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.organisations.contact_dialog import ContactDialog
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from coordinator_app.ui.settings import AppSettings
from tests.ui.fake_prompts import FakePrompts

ROOT = Path(__file__).parents[2]
TS = ROOT / "resources" / "translations" / "coordinator_app_en.ts"
OWN_SOURCES = [
    p
    for p in sorted((ROOT / "coordinator_app" / "ui").rglob("*.py"))
    if not {"flyers", "data_safety"} & set(p.relative_to(ROOT / "coordinator_app" / "ui").parts)
] + [ROOT / "coordinator_app" / "app.py"]
# The domain's and the services' texts marked for lupdate (domain/texts.py explains).
OWN_SOURCES += sorted(
    p
    for folder in ("domain", "services", "sync")
    for p in (ROOT / "coordinator_app" / folder).rglob("*.py")
    if "QT_TRANSLATE_NOOP" in p.read_text(encoding="utf-8")
)
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _translated(translation: ET.Element) -> bool:
    """A text, or every plural form of a counted text (``<numerusform>``), filled in."""
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return all(f.strip() for f in forms) if forms else bool((translation.text or "").strip())


def test_every_message_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) > 250
    unfinished = [
        key
        for key, message in messages.items()
        if (t := message.find("translation")) is None
        or t.get("type") in ("unfinished", "vanished", "obsolete")
        or not _translated(t)
    ]
    assert not unfinished


def test_catalogue_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not on PATH")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, "-silent", "-source-language", "ja", "-target-language", "en"]
        + [str(p) for p in OWN_SOURCES]
        + ["-ts", str(fresh)],
        check=True,
    )
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert not missing, "run .ci/translations and translate: " + repr(sorted(missing))


def test_the_compiled_catalogue_loads() -> None:
    path = translation_file("en")
    assert path is not None and path.stat().st_mtime >= TS.stat().st_mtime - 1
    translator = QTranslator()
    assert translator.load(str(path))
    assert translator.translate("RecordKind", "地域") == "Areas"
    assert translator.translate("labels", "地域包括支援センター") == (
        "Community general support centre"
    )


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def _texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """Every text a widget tree shows as interface (not as data)."""
    for child in [widget, *widget.findChildren(QWidget)]:
        name = type(child).__name__
        if isinstance(child, QLabel):
            yield name, child.text()
        elif isinstance(child, QAbstractButton):
            yield name, child.text()
            yield name, child.toolTip()
        elif isinstance(child, QLineEdit):
            yield name, child.placeholderText()
        elif isinstance(child, QComboBox) and not child.isEditable():
            for i in range(child.count()):
                yield name, child.itemText(i)
        elif isinstance(child, QTabWidget):
            for i in range(child.count()):
                yield name, child.tabText(i)
        elif isinstance(child, QTableView) and child.model() is not None:
            model = child.model()
            for column in range(model.columnCount()):
                yield name, str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    if isinstance(widget, MainWindow):
        for action in widget.findChildren(type(widget.action_new)):
            yield "QAction", action.text()
        for menu in (widget.file_menu, widget.edit_menu, widget.view_menu, widget.help_menu):
            yield "QMenu", menu.title()


def test_no_japanese_left_in_the_english_interface(
    english: None, qtbot: object, services: Services, prompts: FakePrompts, ui_settings: AppSettings
) -> None:
    ctx = UiContext.create(services=services, prompts=prompts, settings=ui_settings)
    window = MainWindow(ctx)
    owner = uuid.uuid4()
    dialogs = [
        ContactDialog(ctx, owner_id=owner, record=None),
        AssignmentDialog(ctx, owner_id=owner, record=None),
        MembershipDialog(ctx, owner_id=owner, record=None),
        ActionItemDialog(ctx, owner_id=owner, record=None),
        ProgressEntryDialog(ctx, owner_id=owner, record=None),
    ]
    settings_dialog = SettingsDialog(ui_settings)
    leftovers = []
    for widget in [window, *dialogs]:
        leftovers += [(kind, text) for kind, text in _texts(widget) if JAPANESE.search(text)]
    # The language list names each language in itself; the date example is Japanese on purpose.
    leftovers += [
        (kind, text)
        for kind, text in _texts(settings_dialog)
        if JAPANESE.search(text) and text != "日本語" and "令和" not in text
    ]
    assert not leftovers
    assert QCoreApplication.translate("labels", "第1層") == "Tier 1"
    for widget in [window, *dialogs, settings_dialog]:
        widget.deleteLater()
