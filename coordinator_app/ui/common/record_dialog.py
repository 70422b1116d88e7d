"""A dialog that edits one child record (a contact, an assignment, a member...).

Like the record forms (:class:`~coordinator_app.ui.common.record_editor.RecordEditor`),
a dialog open while its record changes underneath it (a pulled change from
another desk, another window of this desk) writes only the fields its user
changed, laid over the record as stored at the save; a field changed both
here and elsewhere is overwritten only when the user says so.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from coordinator_app.domain.models import Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import EntityService, NotFoundError
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.keyboard import make_keyboard_friendly
from coordinator_app.ui.common.saving import (
    changed_on_both_sides,
    clone,
    confirm_overwrite,
    edited_fields,
    field_caption,
    input_errors,
    onto_current,
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
    field_groups: ClassVar[tuple[frozenset[str], ...]] = ()
    """Record fields one widget edits together (a member that is an organisation or
    a contact): when the user changed one, all of them are saved from the dialog."""

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
        self._shown: Record | None = None
        """The form's values right after it was filled (None for a new record, or
        when a field could not be read back: then every field is saved)."""
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
        if not self.is_new and not input_errors([self.form]):
            shown = clone(self._record)
            self.apply(shown)
            self._shown = shown
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

    def form_field(self, name: str) -> str:
        """The form field that edits record field ``name`` (to name it in a question)."""
        return name

    # -- saving ------------------------------------------------------------------

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self) -> bool:
        original = self._record
        shown = self._shown
        if shown is not None and not self._may_overwrite(original, shown):
            return False

        def write() -> Record:
            record = clone(original)
            self.apply(record)
            if shown is not None:
                # Only what the user changed: a field changed elsewhere since the
                # dialog opened (a pulled change) keeps its new value.
                current = self.service.get(original.id)
                record = onto_current(current, self._edits(shown, record))
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

    def _may_overwrite(self, loaded: Record, shown: Record) -> bool:
        """False when the user declines to overwrite fields they changed that another
        desk (or window) changed too since the dialog opened; the dialog keeps the edits."""
        if input_errors([self.form]):
            return True  # the save stops on the unreadable field first
        edited = clone(loaded)
        self.apply(edited)
        try:
            current = self.service.get(loaded.id)
        except NotFoundError:
            return True  # the save says the record is gone
        clashes = changed_on_both_sides(loaded, current, self._edits(shown, edited))
        if not clashes:
            return True
        captions = (field_caption([self.form], self.form_field(n), n) for n in clashes)
        return confirm_overwrite(self.ctx.prompts, self, captions)

    def _edits(self, shown: Record, edited: Record) -> dict[str, object]:
        """The fields the user changed (with every field of a group one of them is in)."""
        edits = edited_fields(shown, edited)
        for group in self.field_groups:
            if group & edits.keys():
                edits.update({name: getattr(edited, name) for name in group})
        return edits

    def _show(self, errors: dict[str, str]) -> None:
        first = show_errors([self.form], errors)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
