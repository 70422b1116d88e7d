"""Confirmations, messages and file pickers as an injectable service.

Views never call QMessageBox or QFileDialog directly: they ask the
:class:`Prompts` object they were given. The app passes :class:`DialogPrompts`;
tests pass a fake that answers and records what was asked.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))}
_RESERVED |= {f"LPT{i}" for i in range(1, 10)}


def safe_file_name(name: str, *, limit: int = 80) -> str:
    """``name`` usable as a file name on Windows, macOS and Linux.

    Separators, reserved marks and control characters become ``_``; leading
    and trailing dots and spaces go; Windows device names get a ``_``. The
    suffix (``.pdf``) is kept when the name is shortened.
    """
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    if not suffix or len(suffix) > 5 or not suffix.isascii():
        stem, dot, suffix = name, "", ""
    cleaned = _UNSAFE.sub("_", stem).strip(" ._")[:limit] or QCoreApplication.translate(
        "DialogPrompts", "名称なし"
    )
    if cleaned.upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned + dot + _UNSAFE.sub("_", suffix)


def documents_folder() -> Path:
    """The user's documents folder (home when the system names none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def save_file_dialog(
    parent: QWidget | None, *, title: str, suggested: str, filters: str
) -> Path | None:
    """Ask where to save: Japanese labels, the documents folder, a safe suggested name.

    On Linux the desktop's own picker (GTK, portal) ignores the app's language,
    so Qt's own dialog is used there; it speaks Japanese through Qt's catalogue
    (loaded at start) and the labels set here. Windows and macOS keep theirs.
    """
    dialog = QFileDialog(parent, title, str(documents_folder()), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if sys.platform.startswith("linux"):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    for label, text in (
        (
            QFileDialog.DialogLabel.LookIn,
            QCoreApplication.translate("DialogPrompts", "保存する場所:"),
        ),
        (
            QFileDialog.DialogLabel.FileName,
            QCoreApplication.translate("DialogPrompts", "ファイル名:"),
        ),
        (
            QFileDialog.DialogLabel.FileType,
            QCoreApplication.translate("DialogPrompts", "ファイルの種類:"),
        ),
        (QFileDialog.DialogLabel.Accept, QCoreApplication.translate("DialogPrompts", "保存")),
        (QFileDialog.DialogLabel.Reject, QCoreApplication.translate("DialogPrompts", "キャンセル")),
    ):
        dialog.setLabelText(label, text)
    dialog.selectFile(safe_file_name(suggested))
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def saved_message(path: Path) -> str:
    """``保存しました: …`` naming the file and its folder."""
    return QCoreApplication.translate(
        "DialogPrompts", "保存しました。\n\nファイル: {name}\n場所: {folder}"
    ).format(name=path.name, folder=path.parent)


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

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        """A file to write, starting in the documents folder; None when cancelled."""
        ...

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        """Say where a file was saved, offering 開く and フォルダを開く; ``note``
        adds what the user should check (replaced characters, shortened text)."""
        ...


def announce_saved(
    prompts: object, parent: QWidget | None, *, title: str, path: Path, note: str = ""
) -> None:
    """``prompts.file_saved`` when it has one (the app's, a test's), else the real message."""
    method = getattr(prompts, "file_saved", None)
    if method is None:
        DialogPrompts().file_saved(parent, title=title, path=path, note=note)
    else:
        method(parent, title=title, path=path, note=note)


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

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        return save_file_dialog(parent, title=title, suggested=suggested, filters=filters)

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        text = saved_message(path) + (f"\n\n{note}" if note else "")
        icon = QMessageBox.Icon.Warning if note else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, parent=parent)
        open_file = box.addButton(
            QCoreApplication.translate("DialogPrompts", "開く"), QMessageBox.ButtonRole.ActionRole
        )
        open_folder = box.addButton(
            QCoreApplication.translate("DialogPrompts", "フォルダを開く"),
            QMessageBox.ButtonRole.ActionRole,
        )
        close = box.addButton(
            QCoreApplication.translate("DialogPrompts", "閉じる"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        box.exec()
        clicked = box.clickedButton()
        target = path if clicked is open_file else path.parent if clicked is open_folder else None
        if target is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.warn(
                parent,
                title=title,
                text=QCoreApplication.translate(
                    "DialogPrompts", "「{path}」を開けませんでした。"
                ).format(path=target),
            )

    @staticmethod
    def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = message_box(icon, title, text, parent)
        box.addButton(
            QCoreApplication.translate("DialogPrompts", "閉じる"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.exec()
