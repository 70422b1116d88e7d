"""Confirmations, messages and file pickers as an injectable service.

Views never call QMessageBox or QFileDialog directly: they ask the
:class:`Prompts` object they were given. The app passes :class:`DialogPrompts`;
tests pass a fake that answers and records what was asked.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # QtPrintSupport loads only when something is printed
    from PySide6.QtPrintSupport import QPrinter

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
    """Everything a view may ask the user: the app's one prompts service.

    The app passes :class:`DialogPrompts`; tests pass one fake
    (``tests/ui/fake_prompts.py``) that answers from queues and records
    what was asked.
    """

    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool:
        """Ask a yes/no question; True when the user accepts."""
        ...

    def ask(self, parent: QWidget | None, *, title: str, text: str, choices: Sequence[str]) -> int:
        """Offer several answers; the last one is what Esc means.

        Returns:
            The index of the answer chosen; the last index when the question
            was closed without an answer.
        """
        ...

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        """Tell the user something."""
        ...

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        """Tell the user that something went wrong."""
        ...

    def choose_open_file(self, parent: QWidget | None, *, title: str, filters: str) -> Path | None:
        """A file to read; None when cancelled."""
        ...

    def choose_open_files(self, parent: QWidget | None, *, title: str, filters: str) -> list[Path]:
        """Files to read; empty when cancelled."""
        ...

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        """A file to write, starting in the documents folder (the dialog asks
        before overwriting); None when cancelled."""
        ...

    def choose_folder(self, parent: QWidget | None, *, title: str) -> Path | None:
        """A folder; None when cancelled."""
        ...

    def setup_printer(self, parent: QWidget | None, printer: QPrinter, *, title: str) -> bool:
        """Let the user choose printer and options; False when cancelled."""
        ...

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        """Say where a file was saved, offering 開く and フォルダを開く; ``note``
        adds what the user should check (replaced characters, shortened text)."""
        ...

    def open_file(self, path: Path) -> bool:
        """Open ``path`` with the system's viewer; False when that failed."""
        ...


def choose_image(prompts: Prompts, parent: QWidget | None) -> Path | None:
    """An image file to open (a photo, a logo); None when cancelled."""
    return prompts.choose_open_file(
        parent,
        title=QCoreApplication.translate("DialogPrompts", "写真を選ぶ"),
        filters=QCoreApplication.translate(
            "DialogPrompts", "画像 (*.png *.jpg *.jpeg *.bmp *.gif)"
        ),
    )


def choose_pdf(prompts: Prompts, parent: QWidget | None, *, suggested: str) -> Path | None:
    """Where to save a PDF, ending in ``.pdf`` whatever the user typed; None when cancelled."""
    path = prompts.choose_save_file(
        parent,
        title=QCoreApplication.translate("FlyerPrompts", "PDFを保存"),
        suggested=suggested,
        filters=QCoreApplication.translate("FlyerPrompts", "PDF (*.pdf)"),
    )
    if path is None:
        return None
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def unsaved_choices() -> list[str]:
    """The answers to "save your changes?": 保存する, 破棄する, キャンセル (in that order)."""
    return [
        QCoreApplication.translate("MeetingPrompts", "保存する"),
        QCoreApplication.translate("MeetingPrompts", "破棄する"),
        QCoreApplication.translate("MeetingPrompts", "キャンセル"),
    ]


SAVE, DISCARD, CANCEL = range(3)
"""Indexes of :func:`unsaved_choices`."""


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
    """The real prompts: plain-text message boxes with Japanese buttons, file dialogs
    (Qt's own, in Japanese, for saving on Linux) and the system print dialog."""

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

    def ask(self, parent: QWidget | None, *, title: str, text: str, choices: Sequence[str]) -> int:
        box = message_box(QMessageBox.Icon.Question, title, text, parent)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
        box.setDefaultButton(buttons[0])
        box.setEscapeButton(buttons[-1])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else len(buttons) - 1

    def choose_open_file(self, parent: QWidget | None, *, title: str, filters: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    def choose_open_files(self, parent: QWidget | None, *, title: str, filters: str) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return [Path(name) for name in names]

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        return save_file_dialog(parent, title=title, suggested=suggested, filters=filters)

    def choose_folder(self, parent: QWidget | None, *, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    def setup_printer(self, parent: QWidget | None, printer: QPrinter, *, title: str) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_file(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        text = saved_message(path) + (f"\n\n{note}" if note else "")
        icon = QMessageBox.Icon.Warning if note else QMessageBox.Icon.Information
        box = message_box(icon, title, text, parent)
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
        if target is not None and not self.open_file(target):
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
