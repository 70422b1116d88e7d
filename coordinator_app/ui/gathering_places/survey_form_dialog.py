"""The frame the survey's small dialogs share: a form, a red message line, 保存/キャンセル.

A refused save (validation, a full or locked disk) shows its reason in the
message line and keeps the dialog open with everything typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.ui.common.keyboard import make_keyboard_friendly
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text, message_text

T = TypeVar("T")


class SurveyFormDialog(QDialog):
    """Subclasses add rows to :attr:`form`, call :meth:`finish_setup` with the first
    field, and implement :meth:`save` with :meth:`store`."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = QFormLayout()
        self.error_label = plain(QLabel())
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("SurveyFormDialog", "保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("SurveyFormDialog", "キャンセル")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def finish_setup(self, first: QWidget) -> None:
        """Call at the end of a subclass constructor: keyboard-friendly fields, the
        cursor in ``first``."""
        make_keyboard_friendly(self)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        raise NotImplementedError

    def store(self, write: Callable[[], T]) -> T | None:
        """Run ``write`` (one service save); its result, or None with the reason shown."""
        try:
            return write()
        except ValidationError as exc:
            self.error_label.setText(error_text(exc))
        except WRITE_ERRORS as exc:  # disk full, locked …: what was typed stays
            self.error_label.setText(message_text(storage_message(exc)))
        return None
