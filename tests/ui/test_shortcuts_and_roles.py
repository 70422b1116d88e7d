"""One meaning per shortcut (README, tooltips and the window agree), and a
supervisor's window greys out every command that writes."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import Organisation, UserProfile
from coordinator_app.services.access import SUPERVISOR_READ_ONLY
from coordinator_app.services.registry import Services
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.profiles.current import read_only_tip, set_current_profile
from coordinator_app.ui.sync.install import install_sync
from tests.conftest import Factory
from tests.ui.conftest import enter

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
README = Path(__file__).resolve().parents[2] / "README.md"


def _portable(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.PortableText)


def readme_shortcuts() -> dict[str, str]:
    """``{keys: command}`` from the README's "Keyboard shortcuts" table."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Keyboard shortcuts", 1)[1].split("\n#", 1)[0]
    found: dict[str, str] = {}
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        keys_cell, command, description = (c.strip() for c in line.strip("|").split("|"))
        keys = re.findall(r"`([^`]+)`", keys_cell)
        if "…" in keys_cell:  # `Ctrl+1` … `Ctrl+6`, the commands listed in parentheses
            first, last = (int(k.rsplit("+", 1)[1]) for k in keys)
            prefix = keys[0].rsplit("+", 1)[0]
            names = description.split("(", 1)[1].rstrip(")").split(", ")
            keys = [f"{prefix}+{n}" for n in range(first, last + 1)]
            assert len(names) == len(keys)
            for key, name in zip(keys, names, strict=True):
                found[_portable(key)] = name
        else:
            for key in keys:
                found[_portable(key)] = command
    return found


def window_shortcuts(window: MainWindow) -> dict[str, str]:
    found: dict[str, str] = {}
    for action in window.actions():
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in found, f"{key} has two meanings: {found[key]}, {action.text()}"
            found[key] = action.text().removesuffix("…")
    return found


def test_readme_lists_exactly_the_window_shortcuts(window: MainWindow) -> None:
    # The window as the app builds it: with sync (F9, Ctrl+Shift+K) installed.
    install_sync(window)
    assert readme_shortcuts() == window_shortcuts(window)
    assert window_shortcuts(window)["F9"] == "今すぐ同期"
    assert window_shortcuts(window)["Ctrl+Shift+K"] == "競合の確認"
    assert window_shortcuts(window)["Ctrl+N"] == "新規"
    assert window_shortcuts(window)["Ctrl+Shift+M"] == "会議を記録"


def test_tooltips_name_the_same_shortcut(window: MainWindow) -> None:
    for action in window.actions():
        if action.shortcuts():
            native = action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText)
            assert action.toolTip().endswith(f"({native})"), action.text()
    page = window.current_page
    new_keys = window.action_new.shortcuts()[0].toString()
    assert page.new_button.toolTip() == f"新規 ({new_keys})"


def test_ctrl_n_starts_a_record_of_the_page_not_a_meeting(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.current_page
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert not [d for d in window.findChildren(MeetingDialog) if d.isVisible()]
    focused = QApplication.focusWidget()
    assert focused is page.editor.first_field
    enter(qtbot, page.editor.name_edit, "福生市社会福祉協議会")  # type: ignore[attr-defined]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    assert [o.name for o in services.organisations.list().rows] == ["福生市社会福祉協議会"]
    assert services.meetings.list().total == 0


def _profile(services: Services, role: ProfileRole, name: str) -> UserProfile:
    return services.profiles.save(UserProfile(name=name, kana="なまえ", role=role))


def test_a_supervisor_sees_every_write_greyed_out_and_cannot_save(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    org = make.organisation()
    coordinator = _profile(services, ProfileRole.COORDINATOR, "高橋 美咲")
    supervisor = _profile(services, ProfileRole.SUPERVISOR, "山本 健")
    set_current_profile(window.ctx, supervisor.id)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    page = window.current_page
    page.select_record(org.id)
    writing = (
        window.action_new,
        window.action_save,
        window.action_delete,
        window.action_import,
        window.features.action_new_meeting,
    )
    for control in (*writing, page.new_button, page.save_button, page.delete_button):
        assert control is not None
        assert not control.isEnabled()
        assert control.toolTip() == read_only_tip()
    assert window.read_only_label.isVisibleTo(window)
    name_edit = page.editor.name_edit  # type: ignore[attr-defined]
    assert isinstance(name_edit, QLineEdit) and name_edit.isReadOnly()
    contacts = page.editor.contacts  # type: ignore[attr-defined]
    assert not contacts.add_button.isEnabled()

    # Shortcuts do nothing; a save forced past the greyed-out button is refused.
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL | SHIFT)
    assert not [d for d in window.findChildren(MeetingDialog) if d.isVisible()]
    name_edit.setReadOnly(False)
    enter(qtbot, name_edit, "書き換えた名前")
    assert page.save_record() is False
    assert page.editor.forms[0].error_text("general") == SUPERVISOR_READ_ONLY
    assert name_edit.text() == "書き換えた名前"  # what was typed is kept
    assert services.organisations.get(org.id).name == org.name
    page.editor.load(org.id)

    # Switching to a coordinator gives everything back, tooltips included.
    set_current_profile(window.ctx, coordinator.id)
    for control in (*writing, page.new_button, page.save_button, page.delete_button):
        assert control is not None
        assert control.isEnabled()
        assert control.toolTip() != read_only_tip()
    assert not window.read_only_label.isVisibleTo(window)
    assert not name_edit.isReadOnly()
    assert contacts.add_button.isEnabled()
    window.grab().save("/tmp/ux-coordinator.png")
    set_current_profile(window.ctx, supervisor.id)
    window.grab().save("/tmp/ux-supervisor.png")
    assert Organisation  # the page shows organisations


def test_a_supervisor_cannot_record_a_meeting_from_the_meeting_window(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    meeting = make.meeting(title="連絡会")
    supervisor = _profile(services, ProfileRole.SUPERVISOR, "山本 健")
    set_current_profile(window.ctx, supervisor.id)
    page = window.pages[4]
    assert not page.series_button.isEnabled()  # type: ignore[attr-defined]
    assert page.pdf_button.isEnabled()  # type: ignore[attr-defined]  # reading stays
    dialog = window.features.new_meeting()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, MeetingDialog)
    assert not dialog.save_button.isEnabled() and not dialog.series_button.isEnabled()
    title = dialog.editor.title_edit  # type: ignore[attr-defined]
    assert title.isReadOnly()
    title.setReadOnly(False)  # even past the greyed-out form…
    enter(qtbot, title, "上司が書いた会議")
    assert dialog.save() is False  # …the save (what Ctrl+S calls) is refused by the service
    assert dialog.editor.forms[0].error_text("general") == SUPERVISOR_READ_ONLY
    assert title.text() == "上司が書いた会議"
    assert [m.title for m in services.meetings.list().rows] == [meeting.title]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.editor._set_dirty(False)
    dialog.hide()


def test_a_supervisor_sees_the_municipality_profile_read_only(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    supervisor = _profile(services, ProfileRole.SUPERVISOR, "山本 健")
    set_current_profile(window.ctx, supervisor.id)
    dialog = window.open_municipality()
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip() == read_only_tip()
    name = dialog.edits["name"]
    assert isinstance(name, QLineEdit) and name.isReadOnly()
    dialog.reject()

    coordinator = _profile(services, ProfileRole.COORDINATOR, "高橋 美咲")
    set_current_profile(window.ctx, coordinator.id)
    dialog = window.open_municipality()
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()
    assert not dialog.edits["name"].isReadOnly()  # type: ignore[attr-defined]
    dialog.reject()
