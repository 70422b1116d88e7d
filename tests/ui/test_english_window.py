"""Issue 18.11: the English window is English end to end.

The app's English catalogue is installed as the user's choice would install
it; the test visits every page and opens the main dialogs and windows, makes a
form refuse a save, and reads every text the interface shows (labels, buttons,
placeholders, lists of choices, tab titles, headers, window titles). None may
hold Japanese, except what the user typed: the records here have English
names, and table cells (data) are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.validation import Errors, check_length, check_required
from coordinator_app.services.data_safety import DataSafetyService
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.data_safety.backup_dialog import BackupDialog
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.labels import message_text
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.organisations.contact_dialog import ContactDialog
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_meeting_log_support import OFFSCREEN_WINDOWS

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
ALLOWED = {"日本語"}
"""The language list names each language in itself."""


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def shown(english: None, qtbot: QtBot, ctx: UiContext) -> MainWindow:
    """The main window, built after the English catalogue is in place."""
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def interface_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the visible interface under ``widget`` shows,
    table and list cells included (the first rows of each)."""
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        where = f"{type(child).__name__} {child.objectName()}".strip()
        if child.isWindow() or isinstance(child, QDockWidget):
            yield where, child.windowTitle()
        if isinstance(child, QLabel):
            yield where, child.text()
        elif isinstance(child, QAbstractButton):
            yield where, child.text()
            yield where + " tooltip", child.toolTip()
        elif isinstance(child, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield where, child.placeholderText()
        elif isinstance(child, QComboBox) and not child.isEditable():
            for i in range(child.count()):
                yield where, child.itemText(i)
        elif isinstance(child, QTabWidget):
            for i in range(child.count()):
                yield where, child.tabText(i)
        elif isinstance(child, QGroupBox):
            yield where, child.title()
        elif (
            isinstance(child, QAbstractItemView)
            and not isinstance(child, QHeaderView)
            and child.model() is not None
        ):
            yield from _view_texts(where, child)


def _view_texts(where: str, view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    header = None
    if isinstance(view, QTreeView):
        header = view.header()
    elif isinstance(view, QTableView):
        header = view.horizontalHeader()
    try:
        columns: Iterable[int] = range(model.columnCount())
    except TypeError:  # a list model: columnCount is private there
        columns = [0]
    if header is not None and not header.isHidden():
        columns = [c for c in columns if not header.isSectionHidden(c)]
        for column in columns:
            text = model.headerData(column, Qt.Orientation.Horizontal)
            yield where + " header", str(text or "")
    for row in range(min(model.rowCount(), CELL_ROWS)):
        for column in columns:
            value = model.index(row, column).data()
            if isinstance(value, str):
                yield f"{where} cell {row},{column}", value


CELL_ROWS = 30
"""Rows of each table or list whose cells are read."""


def japanese_in(
    widget: QWidget, *, allowed: set[str] = ALLOWED, typed: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """Texts under ``widget`` that hold Japanese once what the user typed is taken out."""
    values = sorted({t for t in typed if t}, key=len, reverse=True)
    found = []
    for where, text in interface_texts(widget):
        if text in allowed or "令和" in text:
            continue
        rest = text
        for value in values:
            rest = rest.replace(value, "")
        if JAPANESE.search(rest):
            found.append((where, text))
    return found


def _records(make: Factory, services: Services) -> dict[str, object]:
    org = make.organisation(name="Fussa Welfare Council", kind=OrgKind.NPO)
    coordinator = make.coordinator(name="Ichiro Sato", kana="さとう いちろう")
    project = make.project(title="Walking Club")
    return {"org": org, "coordinator": coordinator, "project": project}


@OFFSCREEN_WINDOWS
def test_no_japanese_in_the_english_window(
    shown: MainWindow,
    qtbot: QtBot,
    make: Factory,
    services: Services,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    window = shown
    records = _records(make, services)
    found: list[tuple[str, str, str]] = []

    def scan(name: str, widget: QWidget) -> None:
        found.extend(
            (name, where, text) for where, text in japanese_in(widget, typed=["さとう いちろう"])
        )

    for index in range(len(window.pages)):
        window.show_page(index)
        page = window.current_page
        tabs = getattr(page.editor, "tabs", None)
        for tab in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            scan(f"page {index} tab {tab}", window)

    # A form that refuses a save says why in English.
    window.show_page(next(i for i in range(len(window.pages)) if _is_org_page(window, i)))
    window.action_new.trigger()
    assert not window.current_page.save_record()
    assert services.organisations.list().total == 1  # nothing was written
    scan("refused save", window)

    ctx = window.ctx
    dialogs: dict[str, QWidget] = {
        "contact": ContactDialog(ctx, owner_id=records["org"].id, record=None, parent=window),
        "assignment": AssignmentDialog(
            ctx, owner_id=records["coordinator"].id, record=None, parent=window
        ),
        "action item": ActionItemDialog(
            ctx, owner_id=make.meeting(title="Liaison meeting").id, record=None, parent=window
        ),
        "progress": ProgressEntryDialog(
            ctx, owner_id=records["project"].id, record=None, parent=window
        ),
        "settings": window.open_settings(),
        "import": window.dialogs.open_import(),
        "report": window.features.activity_report(),
        "action items": window.features.action_items(),
        "search": window.open_search("Sato"),
    }
    safety = DataSafetyService(tmp_path / "backup-test.sqlite3")
    backup_services = Services.create(safety.open().db)
    dialogs["backup"] = BackupDialog(
        safety,
        prompts,
        current_services=lambda: backup_services,
        close_database=lambda: None,
        reopen_database=lambda: None,
        parent=window,
    )
    for name, dialog in dialogs.items():
        dialog.show()
        scan(name, window if name == "search" else dialog)
        if name != "search":
            dialog.hide()
    safety.close(backup_services.db, backup=False)

    assert not found, "Japanese in the English window:\n" + "\n".join(
        f"{name} / {where}: {text!r}" for name, where, text in sorted(set(found))
    )


def _is_org_page(window: MainWindow, index: int) -> bool:
    return _page_named(window, index, "Organisation")


def test_service_messages_are_shown_in_english(english: None) -> None:
    errors = Errors()
    check_required(errors, "name", "氏名", "")
    check_length(errors, "kana", "ふりがな", "あ" * 201, 200)
    assert errors.errors["name"] == "氏名を入力してください"  # the Japanese stays as it was
    shown = [message_text(m) for m in errors.errors.values()]
    assert not any(JAPANESE.search(text) for text in shown), shown
    assert shown[1].count("200") == 1 and "201" in shown[1]
    assert message_text("山田 花子") == "山田 花子"  # what the user typed is shown as it is
    assert QCoreApplication.translate("validation", "{label}を入力してください") != (
        "{label}を入力してください"
    )


@OFFSCREEN_WINDOWS
def test_a_usual_kind_shows_in_english_and_is_stored_as_before(
    shown: MainWindow, qtbot: QtBot, services: Services
) -> None:
    window = shown
    window.show_page(
        next(i for i in range(len(window.pages)) if _page_named(window, i, "GatheringPlace"))
    )
    page = window.current_page
    page.new_record()
    editor = page.editor
    assert editor.kind_combo.currentText() == "Salon"
    editor.name_edit.setText("Sunny salon")
    assert page.save_record()
    kinds = editor.kind_combo
    assert "Exercise class" in [kinds.itemText(i) for i in range(kinds.count())]
    [place] = services.gathering_places.list().rows
    assert place.name == "Sunny salon" and place.kind == "サロン"  # the stored kind stays
    page.new_record()
    editor.name_edit.setText("Men's cooking")
    editor.kind_combo.setCurrentText("Cooking club")  # a kind the user types
    assert page.save_record()
    assert {p.kind for p in services.gathering_places.list().rows} == {"サロン", "Cooking club"}


def _page_named(window: MainWindow, index: int, prefix: str) -> bool:
    window.show_page(index)
    return type(window.current_page.editor).__name__.startswith(prefix)


def test_qt_own_buttons_and_file_dialog_speak_the_window_language(qapp: QApplication) -> None:
    """Qt's own texts (standard buttons, the file dialog) come from Qt's catalogue
    (qtbase_ja.qm, shipped in the PySide6 wheel): Japanese in the Japanese window,
    English in the English one."""
    shown: dict[str, tuple[list[str], list[str], str]] = {}
    for language in ("ja", "en"):
        translators = install_translators(qapp, language)
        try:
            buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
            )
            box = QMessageBox()
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            files = QFileDialog(None, "x")
            files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            file_name = " ".join(
                files.findChild(QLabel, name).text()
                for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel")
            )
            shown[language] = (
                sorted(b.text() for b in buttons.buttons()),
                sorted(b.text() for b in box.buttons()),
                file_name,
            )
            for widget in (buttons, box, files):
                widget.deleteLater()
        finally:
            remove_translators(qapp, translators)
    assert shown["ja"][0] == ["キャンセル", "開く"]
    assert shown["ja"][1] == ["いいえ(&N)", "はい(&Y)"]
    # qtbase_ja.qm lacks 場所 and ファイルの種類: ui.i18n.QtGapsJa adds them
    assert shown["ja"][2] == "場所(&L): ファイル名(&N): ファイルの種類(&T):"
    assert shown["en"] == (
        ["Cancel", "Open"],
        ["&No", "&Yes"],
        "&Look in: File &name: Files of &type:",
    )


def test_made_texts_carry_their_words_into_english(english: None) -> None:
    """Era errors, tier checks, storage failures with their verb, joined lists."""
    import sqlite3

    from coordinator_app.domain.era import EraError, parse_wareki
    from coordinator_app.domain.texts import joined
    from coordinator_app.domain.tiers import LocalTier, check_tier, national_label
    from coordinator_app.services.storage_errors import storage_message

    with pytest.raises(EraError) as era:
        parse_wareki("令和元年4月30日")
    assert str(era.value) == (
        "「令和元年4月30日」は令和の始まりより前です(令和は2019年5月1日から。この日は平成31年4月30日です)"
    )
    shown = message_text(era.value.args[0])
    assert "Reiwa began on 2019-05-01" in shown and "2019-04-30" in shown
    assert message_text(national_label(2)) == "Tier 2"
    problem = check_tier(2, "1.5層", [LocalTier("1.5層", 1)])
    assert problem is not None and message_text(problem) == "1.5層 is a name counted as Tier 1"
    full = sqlite3.OperationalError("database or disk is full")
    assert storage_message(full, action="削除").startswith("ディスクの空き容量が足りないため削除")
    assert message_text(storage_message(full, action="削除")).startswith("Could not delete:")
    assert message_text(storage_message(full)).startswith("Could not save:")
    posts = joined([national_label(1), national_label(2)])
    assert str(posts) == "第1層、第2層" and message_text(posts) == "Tier 1, Tier 2"
