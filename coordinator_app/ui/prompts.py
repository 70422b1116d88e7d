"""Confirmations, messages and file pickers as an injectable service.

Views never call QMessageBox or QFileDialog directly: they ask the
:class:`Prompts` object they were given. The app passes :class:`DialogPrompts`;
tests pass a fake that answers and records what was asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompts(Protocol):
    """What a view may ask the user."""

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

    def choose_image(self, parent: QWidget | None) -> Path | None:
        """Pick an image file to open; None when cancelled."""
        ...


def message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None
) -> QMessageBox:
    """A message box that shows ``text`` as plain text.

    Messages carry user data (a name in 「…」を削除しますか?); as rich text a
    name like ``<img src=…>`` or ``<font size=7>`` would render or forge the
    question, so every prompt box is built here.
    """
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


class DialogPrompts:
    """The real prompts: modal message boxes and native file dialogs."""

    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool:
        box = message_box(QMessageBox.Icon.Question, title, text, parent)
        yes = box.addButton(
            accept_text or QCoreApplication.translate("DialogPrompts", "はい"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        no = box.addButton(
            QCoreApplication.translate("DialogPrompts", "いいえ"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self._show(parent, QMessageBox.Icon.Information, title, text)

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self._show(parent, QMessageBox.Icon.Warning, title, text)

    def choose_image(self, parent: QWidget | None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("DialogPrompts", "写真を選ぶ"),
            "",
            QCoreApplication.translate("DialogPrompts", "画像 (*.png *.jpg *.jpeg *.bmp *.gif)"),
        )
        return Path(name) if name else None

    @staticmethod
    def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = message_box(icon, title, text, parent)
        box.addButton(
            QCoreApplication.translate("DialogPrompts", "閉じる"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.exec()
