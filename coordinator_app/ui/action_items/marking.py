"""Marking action items done (or open again) as one undoable action."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from coordinator_app.domain.changes import Origin, acting
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.action_items import ActionItemService
from coordinator_app.services.base import NotFoundError
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import counted, error_text


def set_done(
    service: ActionItemService,
    item_ids: Sequence[uuid.UUID],
    done: bool,
    *,
    meeting_id: uuid.UUID | None = None,
) -> list[str]:
    """Set the done flag of each item; returns the messages of those that failed.

    ``meeting_id``: the meeting in whose window the items were completed (its
    minutes then show them as completed there); the service dates the completion.
    """
    problems = []
    with service.db.changes.batch():  # the views refresh once, after the last item
        for item_id in item_ids:
            try:
                item = service.get(item_id)
                if item.done != done:
                    item.done = done
                    item.completed_meeting_id = meeting_id if done else None
                    service.save(item)
            except (ValidationError, NotFoundError) as exc:
                problems.append(error_text(exc))
    return problems


class DoneCommand(QUndoCommand):
    """Items already marked done (or open); undo flips them back, redo again."""

    def __init__(
        self,
        *,
        service: ActionItemService,
        item_ids: Sequence[uuid.UUID],
        done: bool,
        on_error: Callable[[str], None],
        meeting_id: uuid.UUID | None = None,
    ) -> None:
        text = (
            counted("対応事項{count}件の完了", len(item_ids))
            if done
            else counted("対応事項{count}件の未完了への戻し", len(item_ids))
        )
        super().__init__(text.format(count=len(item_ids)))
        self._service = service
        self._ids = list(item_ids)
        self._done = done
        self._meeting_id = meeting_id
        self._on_error = on_error
        self._first = True

    def undo(self) -> None:
        self._apply(not self._done)

    def redo(self) -> None:
        if self._first:  # already done before the push
            self._first = False
            return
        self._apply(self._done)

    def _apply(self, done: bool) -> None:
        with acting(Origin.UNDO):
            problems = set_done(self._service, self._ids, done, meeting_id=self._meeting_id)
        if problems:
            self._on_error("\n".join(problems))


def mark_done(
    ctx: UiContext,
    item_ids: Sequence[uuid.UUID],
    *,
    on_error: Callable[[str], None],
    meeting_id: uuid.UUID | None = None,
) -> bool:
    """Mark ``item_ids`` done now and put the action on the undo stack (Ctrl+Z).

    ``meeting_id``: the meeting in which they were completed, when known.
    """
    if not item_ids:
        return False
    problems = set_done(ctx.services.action_items, item_ids, True, meeting_id=meeting_id)
    if problems:
        on_error("\n".join(problems))
        return False
    ctx.undo_stack.push(
        DoneCommand(
            service=ctx.services.action_items,
            item_ids=item_ids,
            done=True,
            on_error=on_error,
            meeting_id=meeting_id,
        )
    )
    return True
