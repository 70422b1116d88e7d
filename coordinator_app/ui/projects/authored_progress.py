"""The progress log as the current user writes it: author recorded, supervisors refused."""

from __future__ import annotations

import uuid

from coordinator_app.domain.models import ProgressEntry
from coordinator_app.services.profiles import require_editor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.profiles.current import current_profile


class AuthoredProgress:
    """Adapts :class:`~coordinator_app.services.projects.ProgressEntryService` to the
    current profile, with the ``get``/``save``/``soft_delete``/``restore`` shape that
    :class:`~coordinator_app.ui.common.child_panel.ChildPanel`, the dialogs and the
    undo stack expect.

    With a profile, saving goes through ``save_by`` (a new entry records its
    author; a supervisor's profile is refused) and deleting through
    ``delete_by``. Without one (no profile was chosen) the author is the text
    typed in the form.
    """

    def __init__(self, ctx: UiContext) -> None:
        self.ctx = ctx
        self.service = ctx.services.progress

    def get(self, record_id: uuid.UUID, *, include_deleted: bool = False) -> ProgressEntry:
        return self.service.get(record_id, include_deleted=include_deleted)

    def save(self, entry: ProgressEntry) -> ProgressEntry:
        profile = current_profile(self.ctx)
        if profile is None:
            return self.service.save(entry)
        return self.service.save_by(entry, profile)

    def soft_delete(self, record_id: uuid.UUID) -> ProgressEntry:
        return self.service.delete_by(record_id, current_profile(self.ctx))

    def restore(self, record_id: uuid.UUID) -> ProgressEntry:
        require_editor(current_profile(self.ctx))
        return self.service.restore(record_id)
