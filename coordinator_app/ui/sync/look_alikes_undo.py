"""A look-alike merge on the undo stack: Ctrl+Z takes it back, Ctrl+Y merges again.

The merge is done before the command is pushed (a refusal never enters the
stack), so the first ``redo`` that QUndoStack.push calls is skipped. Undo asks
the service to take the merge back from what the merge recorded
(:class:`~coordinator_app.services.look_alike_merge.MergeLog`), as one
transaction; when a record the merge changed was changed again since (here
or by a pulled change), nothing is taken back and the user is told why.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from coordinator_app.domain.changes import Origin, acting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.look_alike_merge import MergeResult
from coordinator_app.services.look_alikes import LookAlikeService
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.ui.labels import error_text, message_text


class MergeCommand(QUndoCommand):
    """A merge of ``others`` into ``keep`` that has already happened."""

    def __init__(
        self,
        *,
        service: LookAlikeService,
        kind: RecordKind,
        keep: uuid.UUID,
        others: Sequence[uuid.UUID],
        results: Sequence[MergeResult],
        text: str,
        on_error: Callable[[str], None],
        on_done: Callable[[bool], None] | None = None,
    ) -> None:
        """``on_done(undone)``: after a successful undo (True) or redo (False)."""
        super().__init__(text)
        self._service = service
        self._kind = kind
        self._keep = keep
        self._others = list(others)
        self.results = list(results)
        self._on_error = on_error
        self._on_done = on_done
        self._first = True

    def undo(self) -> None:
        if self._run(lambda: self._service.undo_merge(self.results)) and self._on_done:
            self._on_done(True)

    def redo(self) -> None:
        if self._first:  # merged before the push
            self._first = False
            return

        def merge() -> None:
            self.results = self._service.merge_group(
                self._kind, keep=self._keep, others=self._others
            )

        if self._run(merge) and self._on_done:
            self._on_done(False)

    def _run(self, action: Callable[[], None]) -> bool:
        try:
            with acting(Origin.UNDO):
                action()
        except (ValidationError, NotFoundError) as exc:
            self._on_error(error_text(exc))
        except WRITE_ERRORS as exc:
            self._on_error(message_text(storage_message(exc, action="変更")))
        else:
            return True
        self.setObsolete(True)
        return False
