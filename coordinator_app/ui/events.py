"""The event hub: how one view learns that another changed data it shows.

A page that saves, deletes or restores a record announces it here; every
other page listens and refreshes only when the kind concerns it.
"""

from __future__ import annotations

import uuid
from typing import Final

from PySide6.QtCore import QObject, Signal


class RecordKind:
    """The ``kind`` strings carried by :attr:`EventHub.sig_records_changed`."""

    AREA: Final = "area"
    ORGANISATION: Final = "organisation"
    CONTACT: Final = "contact"
    COORDINATOR: Final = "coordinator"
    ASSIGNMENT: Final = "assignment"
    COUNCIL: Final = "council"
    COUNCIL_MEMBERSHIP: Final = "council_membership"
    MEETING: Final = "meeting"
    ACTION_ITEM: Final = "action_item"
    PROJECT: Final = "project"
    PROGRESS_ENTRY: Final = "progress_entry"
    GATHERING_PLACE: Final = "gathering_place"
    ALL: Final = "*"
    """Everything may have changed (e.g. demo data was loaded)."""


class EventHub(QObject):
    """Documented application-wide signals.

    Signals:
        sig_records_changed(kind: str): records of ``kind`` (a
            :class:`RecordKind` value) were created, edited, deleted or
            restored. ``"*"`` means anything may have changed.
        sig_display_changed(): a display preference changed (e.g. dates
            shown as 和暦); views re-render without reloading data.
        sig_open_record(kind: str, record_id: object): the user asked to open a
            record (e.g. a meeting from a council's history); the main window
            switches to the page of ``kind`` and selects ``record_id``.
    """

    sig_records_changed = Signal(str)
    sig_display_changed = Signal()
    sig_open_record = Signal(str, object)

    def records_changed(self, kind: str) -> None:
        """Announce that records of ``kind`` changed."""
        self.sig_records_changed.emit(kind)

    def open_record(self, kind: str, record_id: uuid.UUID) -> None:
        """Ask the main window to show a record."""
        self.sig_open_record.emit(kind, record_id)
