"""Undoable actions: a soft delete that ``restore`` takes back."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from coordinator_app.domain.changes import Origin, acting
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.ui.labels import error_text, message_text
from coordinator_app.ui.prompts import Prompts


class SoftDeletable(Protocol):
    def soft_delete(self, record_id: uuid.UUID) -> Any: ...

    def restore(self, record_id: uuid.UUID) -> Any: ...


class SoftDeleteCommand(QUndoCommand):
    """A soft delete that has already happened; undo restores, redo deletes again.

    The delete is done before the command is pushed (so a refusal, e.g. an
    area that still has sub-areas, never enters the stack); the first
    ``redo`` that QUndoStack.push calls is therefore skipped. The views learn
    of the restore or delete from the change it publishes (origin: undo).
    """

    def __init__(
        self,
        *,
        service: SoftDeletable,
        record_id: uuid.UUID,
        text: str,
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._service = service
        self._record_id = record_id
        self._on_error = on_error
        self._done = True

    def undo(self) -> None:
        try:
            with acting(Origin.UNDO):
                self._service.restore(self._record_id)
        except (ValidationError, NotFoundError) as exc:
            self._on_error(error_text(exc))
            self.setObsolete(True)
            return
        except WRITE_ERRORS as exc:
            self._on_error(message_text(storage_message(exc, action="変更")))
            self.setObsolete(True)
            return
        self._done = False

    def redo(self) -> None:
        if self._done:
            return
        try:
            with acting(Origin.UNDO):
                self._service.soft_delete(self._record_id)
        except (ValidationError, NotFoundError) as exc:
            self._on_error(error_text(exc))
            self.setObsolete(True)
            return
        except WRITE_ERRORS as exc:
            self._on_error(message_text(storage_message(exc, action="変更")))
            self.setObsolete(True)
            return
        self._done = True


def delete_with_undo(
    *,
    parent: QWidget,
    prompts: Prompts,
    undo_stack: QUndoStack,
    service: SoftDeletable,
    record_id: uuid.UUID,
    name: str,
    on_refused: Callable[[str], None],
    on_undo_error: Callable[[str], None],
) -> bool:
    """Confirm, soft-delete and push the undo command (Ctrl+Z restores).

    Returns:
        False when the user cancelled or the service refused (``on_refused``
        gets the service's message); nothing is pushed then.
    """
    if not prompts.confirm(
        parent,
        title=QCoreApplication.translate("delete", "削除の確認"),
        text=QCoreApplication.translate(
            "delete", "「{name}」を削除しますか?\n(Ctrl+Z で元に戻せます)"
        ).format(name=name),
        accept_text=QCoreApplication.translate("delete", "削除する"),
    ):
        return False
    try:
        service.soft_delete(record_id)
    except (ValidationError, NotFoundError) as exc:
        on_refused(error_text(exc))
        return False
    except WRITE_ERRORS as exc:
        on_refused(message_text(storage_message(exc, action="削除")))
        return False
    undo_stack.push(
        SoftDeleteCommand(
            service=service,
            record_id=record_id,
            text=QCoreApplication.translate("delete", "「{name}」の削除").format(name=name),
            on_error=on_undo_error,
        )
    )
    return True
