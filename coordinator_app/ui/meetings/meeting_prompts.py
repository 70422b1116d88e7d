"""What the meeting log asks the user, as an injectable service.

:class:`MeetingPrompts` adds to the app's prompts (confirm, inform, warn) a
question with several answers (保存 / 破棄 / キャンセル), save and open file
pickers and opening a file with the system's viewer. :func:`meeting_prompts`
wraps the app's :class:`~coordinator_app.ui.prompts.Prompts` with the real
dialogs unless the object given already does everything (a test's fake).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coordinator_app.ui.prompts import DialogPrompts, announce_saved, message_box, save_file_dialog


class GeneralPrompts(Protocol):
    """The app's prompts, as far as the meeting log uses them."""

    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool: ...

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None: ...

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None: ...


@runtime_checkable
class MeetingPrompts(Protocol):
    """Everything the meeting views may ask."""

    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool:
        """Ask a yes/no question; True when the user accepts."""
        ...

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        """Tell the user something."""
        ...

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        """Tell the user that something went wrong."""
        ...

    def ask(self, parent: QWidget | None, *, title: str, text: str, choices: Sequence[str]) -> int:
        """Offer several answers; the last one is what Esc means.

        Returns:
            The index of the answer chosen; the last index when the question
            was closed without an answer.
        """
        ...

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        """A file to write (the dialog asks before overwriting); None when cancelled."""
        ...

    def choose_open_files(self, parent: QWidget | None, *, title: str, filters: str) -> list[Path]:
        """Files to read; empty when cancelled."""
        ...

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        """Say where a file was saved, offering 開く and フォルダを開く."""
        ...

    def open_file(self, path: Path) -> bool:
        """Open ``path`` with the system's viewer; False when that failed."""
        ...


class DialogMeetingPrompts:
    """The real prompts: the app's messages plus message boxes and native file dialogs.

    The three-way question is a message box when ``base`` is the app's
    :class:`DialogPrompts`; other prompts get it as their yes/no question.
    """

    def __init__(self, base: GeneralPrompts) -> None:
        self._base = base

    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool:
        return self._base.confirm(parent, title=title, text=text, accept_text=accept_text)

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self._base.inform(parent, title=title, text=text)

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self._base.warn(parent, title=title, text=text)

    def ask(self, parent: QWidget | None, *, title: str, text: str, choices: Sequence[str]) -> int:
        if not isinstance(self._base, DialogPrompts):
            # Prompts that only answer yes/no (a test's, a script's): yes is the first
            # answer, no the last (for 保存/破棄/キャンセル: save or keep editing).
            accepted = self._base.confirm(parent, title=title, text=text, accept_text=choices[0])
            return 0 if accepted else len(choices) - 1
        box = message_box(QMessageBox.Icon.Question, title, text, parent)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
        box.setDefaultButton(buttons[0])
        box.setEscapeButton(buttons[-1])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else len(buttons) - 1

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        return save_file_dialog(parent, title=title, suggested=suggested, filters=filters)

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        announce_saved(self._base, parent, title=title, path=path, note=note)

    def choose_open_files(self, parent: QWidget | None, *, title: str, filters: str) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return [Path(name) for name in names]

    def open_file(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def meeting_prompts(prompts: object) -> MeetingPrompts:
    """``prompts`` itself when it can do everything, else wrapped with the real dialogs."""
    if isinstance(prompts, MeetingPrompts):
        return prompts
    return DialogMeetingPrompts(prompts)  # type: ignore[arg-type]


def unsaved_choices() -> list[str]:
    """The answers to "save your changes?": 保存する, 破棄する, キャンセル (in that order)."""
    return [
        QCoreApplication.translate("MeetingPrompts", "保存する"),
        QCoreApplication.translate("MeetingPrompts", "破棄する"),
        QCoreApplication.translate("MeetingPrompts", "キャンセル"),
    ]


SAVE, DISCARD, CANCEL = range(3)
"""Indexes of :func:`unsaved_choices`."""
