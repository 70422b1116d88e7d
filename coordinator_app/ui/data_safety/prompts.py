"""Questions, messages and file pickers of the data safety dialogs, as an injectable object.

The method names of ``confirm``/``inform``/``warn`` match the app's
``ui.prompts.Prompts``; the file pickers are the extra that importing,
exporting and restoring need. Tests pass a fake that answers from a queue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coordinator_app.ui.prompts import message_box


class SafetyPrompts(Protocol):
    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool:
        """Ask a yes/no question; True when the user accepts."""
        ...

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None: ...

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None: ...

    def choose_open_file(self, parent: QWidget | None, *, title: str, filters: str) -> Path | None:
        """A file to read; None when cancelled."""
        ...

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        """A file to write (the dialog asks before overwriting); None when cancelled."""
        ...


def _t(text: str) -> str:
    return QCoreApplication.translate("SafetyPrompts", text)


class DialogSafetyPrompts:
    """The real prompts: modal message boxes and native file dialogs."""

    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool:
        box = message_box(QMessageBox.Icon.Question, title, text, parent)
        yes = box.addButton(accept_text or _t("はい"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(_t("いいえ"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self._show(parent, QMessageBox.Icon.Information, title, text)

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self._show(parent, QMessageBox.Icon.Warning, title, text)

    def choose_open_file(self, parent: QWidget | None, *, title: str, filters: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        from coordinator_app.ui.prompts import save_file_dialog

        return save_file_dialog(parent, title=title, suggested=suggested, filters=filters)

    @staticmethod
    def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = message_box(icon, title, text, parent)
        box.addButton(_t("閉じる"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()


class _WithFilePickers:
    """Another prompts object's questions and messages, plus real file dialogs."""

    def __init__(self, prompts: object) -> None:
        self._prompts = prompts
        self._files = DialogSafetyPrompts()

    def confirm(
        self, parent: QWidget | None, *, title: str, text: str, accept_text: str = ""
    ) -> bool:
        return bool(
            self._prompts.confirm(parent, title=title, text=text, accept_text=accept_text)  # type: ignore[attr-defined]
        )

    def inform(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self._prompts.inform(parent, title=title, text=text)  # type: ignore[attr-defined]

    def warn(self, parent: QWidget | None, *, title: str, text: str) -> None:
        self._prompts.warn(parent, title=title, text=text)  # type: ignore[attr-defined]

    def choose_open_file(self, parent: QWidget | None, *, title: str, filters: str) -> Path | None:
        return self._files.choose_open_file(parent, title=title, filters=filters)

    def choose_save_file(
        self, parent: QWidget | None, *, title: str, suggested: str, filters: str
    ) -> Path | None:
        return self._files.choose_save_file(
            parent, title=title, suggested=suggested, filters=filters
        )


def with_file_pickers(prompts: object) -> SafetyPrompts:
    """``prompts`` itself if it can pick files, else it wrapped with real file dialogs.

    Lets the main window pass its own prompts (``ui.prompts.Prompts``) to these dialogs.
    """
    if hasattr(prompts, "choose_open_file") and hasattr(prompts, "choose_save_file"):
        return prompts  # type: ignore[return-value]
    return _WithFilePickers(prompts)
