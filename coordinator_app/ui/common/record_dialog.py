"""A dialog that edits one child record (a contact, an assignment, a member...)."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from coordinator_app.domain.models import Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import EntityService
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.keyboard import make_keyboard_friendly
from coordinator_app.ui.common.saving import (
    clone,
    save_form,
    show_errors,
)
from coordinator_app.ui.context import UiContext


class RecordDialog(QDialog):
    """Base of the child-record dialogs: a form, 保存 and キャンセル.

    Saving calls the service; on a validation error the dialog stays open with
    each message under its field and everything typed kept.

    Attributes:
        stored: the saved record after a successful save.
    """

    kind: ClassVar[RecordKind]

    def __init__(
        self,
        ctx: UiContext,
        *,
        owner_id: uuid.UUID,
        record: Record | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner_id = owner_id
        self.stored: Record | None = None
        self._record = record if record is not None else self.blank()
        self.is_new = record is None
        self.form = FieldForm(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            QCoreApplication.translate("RecordDialog", "保存"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.cancel_button = self.buttons.addButton(
            QCoreApplication.translate("RecordDialog", "キャンセル"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def finish_setup(self) -> None:
        """Call at the end of a subclass constructor, once its fields exist."""
        self.fill(self._record)
        make_keyboard_friendly(self)  # Tab leaves multi-line boxes; a visible focus frame

    # -- hooks -------------------------------------------------------------------

    @property
    def service(self) -> EntityService[Any]:
        raise NotImplementedError

    def blank(self) -> Record:
        raise NotImplementedError

    def fill(self, record: Record) -> None:
        raise NotImplementedError

    def apply(self, record: Record) -> None:
        raise NotImplementedError

    # -- saving ------------------------------------------------------------------

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self) -> bool:
        original = self._record

        def write() -> Record:
            record = clone(original)
            self.apply(record)
            return self.service.save(record)

        outcome = save_form(
            write,
            forms=[self.form],
            show=self._show,
            warn=lambda text: self.ctx.prompts.warn(
                self, title=QCoreApplication.translate("RecordDialog", "保存できません"), text=text
            ),
        )
        if outcome.ok:
            self.stored = outcome.stored
        return outcome.ok

    def _show(self, errors: dict[str, str]) -> None:
        first = show_errors([self.form], errors)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
