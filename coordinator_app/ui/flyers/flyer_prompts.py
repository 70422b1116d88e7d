"""What the flyer dialog asks the user, as an injectable service.

:class:`FlyerPrompts` adds a PDF save picker, a folder picker and the
system print dialog to the app's general prompts (confirm, inform, warn).
:class:`DialogFlyerPrompts` is the real one and can wrap the app's
:class:`~coordinator_app.ui.prompts.Prompts`, so the main window passes
what it already has.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from coordinator_app.ui.prompts import announce_saved, message_box, save_file_dialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("FlyerPrompts", text)


class GeneralPrompts(Protocol):
    """The part of the app's prompts the flyer dialog uses."""

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None: ...

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None: ...


@runtime_checkable
class FlyerPrompts(Protocol):
    """Everything the flyer dialog may ask."""

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        """Tell the user something."""
        ...

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        """Tell the user that something went wrong."""
        ...

    def save_pdf(self, parent: QWidget | None, *, suggested: str) -> Path | None:
        """Pick where to save a PDF; None when cancelled."""
        ...

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        """Say where the PDF was saved, offering 開く and フォルダを開く."""
        ...

    def choose_folder(self, parent: QWidget | None, *, title: str) -> Path | None:
        """Pick a folder; None when cancelled."""
        ...

    def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """Let the user choose printer and options; False when cancelled."""
        ...


class DialogFlyerPrompts:
    """The real flyer prompts: native file dialogs and the system print dialog.

    Args:
        base: the app's prompts for messages; message boxes when omitted.
    """

    def __init__(self, base: GeneralPrompts | None = None) -> None:
        self._base = base

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        if self._base is not None:
            self._base.inform(parent, title=title, text=text)
        else:
            message_box(QMessageBox.Icon.Information, title, text, parent).exec()

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        if self._base is not None:
            self._base.warn(parent, title=title, text=text)
        else:
            message_box(QMessageBox.Icon.Warning, title, text, parent).exec()

    def save_pdf(self, parent: QWidget | None, *, suggested: str) -> Path | None:
        path = save_file_dialog(
            parent, title=_tr("PDFを保存"), suggested=suggested, filters=_tr("PDF (*.pdf)")
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def file_saved(self, parent: QWidget | None, *, title: str, path: Path, note: str = "") -> None:
        announce_saved(self._base, parent, title=title, path=path, note=note)

    def choose_folder(self, parent: QWidget | None, *, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_tr("チラシを印刷"))
        return dialog.exec() == QDialog.DialogCode.Accepted


def flyer_prompts(prompts: object | None) -> FlyerPrompts:
    """``prompts`` itself when it can do everything, else wrapped for the pickers."""
    if isinstance(prompts, FlyerPrompts):
        return prompts
    return DialogFlyerPrompts(prompts)  # type: ignore[arg-type]
