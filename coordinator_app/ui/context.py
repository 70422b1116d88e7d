"""What every view is given: services, event hub, prompts, settings, undo stack, drafts.

Built once by the composition root (``app.py``) or a test and passed down
through constructors; nothing here is global.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from coordinator_app.services.drafts import DraftStore, draft_directory_for
from coordinator_app.services.registry import Services
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.events import EventHub
from coordinator_app.ui.prompts import Prompts
from coordinator_app.ui.settings import AppSettings


@dataclass(frozen=True)
class UiContext:
    """The dependencies shared by the main window and its pages.

    Attributes:
        services: all services of the open database.
        events: the event hub (see :class:`EventHub` for its signals).
        prompts: confirmations, messages and file pickers.
        settings: per-user preferences and window layout.
        undo_stack: undoable actions (soft deletes) of this session.
        dates: how dates are shown (ISO or 和暦).
        drafts: where forms keep their unsaved edits (beside the database file).
    """

    services: Services
    events: EventHub
    prompts: Prompts
    settings: AppSettings
    undo_stack: QUndoStack
    dates: DateFormat
    drafts: DraftStore

    @classmethod
    def create(
        cls,
        *,
        services: Services,
        prompts: Prompts,
        settings: AppSettings,
        drafts: DraftStore | None = None,
    ) -> UiContext:
        """A context with a fresh event hub and undo stack; the services' writes are
        checked against the profile chosen in ``settings`` from now on.

        The composition root passes the ``drafts`` store it built; without one
        (tests that never write a draft) it is the store beside the database.
        """
        from coordinator_app.ui.profiles.current import follow_profile

        follow_profile(settings, services)
        events = EventHub()
        events.follow(services.db.changes)
        return cls(
            services=services,
            events=events,
            prompts=prompts,
            settings=settings,
            undo_stack=QUndoStack(),
            dates=DateFormat(wareki=settings.wareki),
            drafts=drafts or DraftStore(draft_directory_for(services.db.path)),
        )
