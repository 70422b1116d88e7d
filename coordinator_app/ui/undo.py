"""Undoable actions: a soft delete that ``restore`` takes back."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.ui.events import EventHub


class SoftDeletable(Protocol):
    def soft_delete(self, record_id: uuid.UUID) -> Any: ...

    def restore(self, record_id: uuid.UUID) -> Any: ...


class SoftDeleteCommand(QUndoCommand):
    """A soft delete that has already happened; undo restores, redo deletes again.

    The delete is done before the command is pushed (so a refusal, e.g. an
    area that still has sub-areas, never enters the stack); the first
    ``redo`` that QUndoStack.push calls is therefore skipped.
    """

    def __init__(
        self,
        *,
        service: SoftDeletable,
        record_id: uuid.UUID,
        kind: str,
        text: str,
        events: EventHub,
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._service = service
        self._record_id = record_id
        self._kind = kind
        self._events = events
        self._on_error = on_error
        self._done = True

    def undo(self) -> None:
        try:
            self._service.restore(self._record_id)
        except (ValidationError, NotFoundError) as exc:
            self._on_error(str(exc))
            self.setObsolete(True)
            return
        self._done = False
        self._events.records_changed(self._kind)

    def redo(self) -> None:
        if self._done:
            return
        try:
            self._service.soft_delete(self._record_id)
        except (ValidationError, NotFoundError) as exc:
            self._on_error(str(exc))
            self.setObsolete(True)
            return
        self._done = True
        self._events.records_changed(self._kind)
