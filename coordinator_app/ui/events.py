"""The event hub: how one view learns that another changed data it shows.

Every committed write publishes a :class:`~coordinator_app.domain.changes.Changes`
on its database's change feed; the hub follows that feed (:meth:`follow`), so a
save, an undo, an import and a sync reach the views through this one path.
Each view refreshes only when a kind it shows was touched.
"""

from __future__ import annotations

import uuid
import weakref

from PySide6.QtCore import QObject, Signal, Slot

from coordinator_app.domain.changes import ChangeFeed, Changes
from coordinator_app.domain.record_kind import RecordKind


class EventHub(QObject):
    """Documented application-wide signals.

    Signals:
        sig_records_changed(changes: Changes): records were created, edited,
            deleted or restored; ``changes.touches(kind)`` tells a view whether
            it concerns it (always true after ``Changes.everything()``).
        sig_display_changed(): a display preference changed (e.g. dates
            shown as 和暦); views re-render without reloading data.
        sig_open_record(kind: RecordKind, record_id: object): the user asked to
            open a record (e.g. a meeting from a council's history); the main
            window switches to the page of ``kind`` and selects ``record_id``.
    """

    sig_records_changed = Signal(object)
    sig_display_changed = Signal()
    sig_open_record = Signal(str, object)
    _sig_published = Signal(object)

    def follow(self, feed: ChangeFeed) -> None:
        """Announce every change ``feed`` publishes (until this hub is gone).

        A change published on another thread (a sync round in the background)
        reaches the views on the hub's own thread (a queued connection).
        """
        hub = weakref.ref(self)
        self._sig_published.connect(self.records_changed)

        def forward(changes: Changes) -> None:
            target = hub()
            if target is None:
                unsubscribe()
            else:
                target._sig_published.emit(changes)

        unsubscribe = feed.subscribe(forward)

    @Slot(object)
    def records_changed(self, changes: Changes) -> None:
        """Announce ``changes`` (writes reach here through :meth:`follow`; call this
        directly only for changes no write publishes, e.g. a restored backup)."""
        self.sig_records_changed.emit(changes)

    def open_record(self, kind: RecordKind, record_id: uuid.UUID) -> None:
        """Ask the main window to show a record."""
        self.sig_open_record.emit(kind, record_id)
