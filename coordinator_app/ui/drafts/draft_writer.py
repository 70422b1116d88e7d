"""Writing a form's draft while the user types: after a pause, at least every second
while the typing goes on, and at once when focus leaves a field.

The form decides what its state is (a JSON-able dict); :class:`DraftWriter`
decides when to write it and keeps one draft file per editing session.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from coordinator_app.services.drafts import DraftStore

DRAFT_DELAY_MS = 500
"""Quiet time after the last keystroke before the draft is written."""
DRAFT_MAX_WAIT_MS = 1000
"""Longest an edit waits while the user keeps typing: a crash loses at most this much."""


class DraftWriter(QObject):
    """Keeps a durable draft of one form while it has unsaved edits.

    Call :meth:`schedule` on every edit; the draft is written
    :data:`DRAFT_DELAY_MS` after the last one, but never later than
    :data:`DRAFT_MAX_WAIT_MS` after the first edit not yet written (steady
    typing never pauses), and at once when the keyboard focus leaves
    ``form``'s widgets. :meth:`discard` deletes it (saved or thrown away) and
    starts a new session.

    Attributes:
        clock: seconds, monotonic (``time.monotonic``; tests give their own,
            so that "a second of typing" does not depend on the machine).

    Signals:
        written(saved_at: datetime): the draft is on disk.
        failed(message: str): the draft could not be written (disk full…).
    """

    written = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        store: DraftStore,
        *,
        kind: str,
        form: QWidget,
        capture: Callable[[], dict[str, Any]],
        title: Callable[[], str],
        record_id: Callable[[], str | None],
        wanted: Callable[[], bool],
        delay_ms: int = DRAFT_DELAY_MS,
        max_wait_ms: int = DRAFT_MAX_WAIT_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(form)
        self.store = store
        self.kind = kind
        self._form = form
        self._capture = capture
        self._title = title
        self._record_id = record_id
        self._wanted = wanted
        self._draft_id = store.new_id()
        self._on_disk = False
        self.clock = clock
        self._delay_ms = delay_ms
        self._max_wait_ms = max_wait_ms
        self._waiting_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.write)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # A bound slot of a QObject: Qt drops the connection when this object goes.
            app.focusChanged.connect(self._focus_changed)

    @property
    def draft_id(self) -> str:
        return self._draft_id

    @property
    def pending(self) -> bool:
        """An edit is waiting to be written."""
        return self._timer.isActive()

    def schedule(self) -> None:
        """An edit happened: write the draft once the user pauses, or now when the
        oldest unwritten edit has waited :data:`DRAFT_MAX_WAIT_MS`."""
        now = self.clock()
        if self._waiting_since is None:
            self._waiting_since = now
        waited_ms = (now - self._waiting_since) * 1000
        if waited_ms >= self._max_wait_ms:
            self.write()
            return
        self._timer.start(int(min(self._delay_ms, self._max_wait_ms - waited_ms)))

    def flush(self) -> None:
        """Write now if an edit is waiting."""
        if self._timer.isActive():
            self.write()

    def write(self) -> None:
        """Write the draft now (nothing when the form has no unsaved edits)."""
        self._timer.stop()
        self._waiting_since = None
        if not self._wanted():
            return
        try:
            self.store.save(
                self._draft_id,
                kind=self.kind,
                title=self._title(),
                state=self._capture(),
                record_id=self._record_id(),
            )
        except (OSError, TypeError, ValueError) as exc:
            self.failed.emit(str(exc))
            return
        self._on_disk = True
        self.written.emit(datetime.now())

    def discard(self) -> None:
        """Delete the draft (saved or thrown away) and start a new session."""
        self._timer.stop()
        self._waiting_since = None
        if self._on_disk:
            self.store.discard(self._draft_id)
        self._draft_id = self.store.new_id()
        self._on_disk = False

    def adopt(self, draft_id: str) -> None:
        """Continue an existing draft (one restored after a crash) under its id."""
        self._timer.stop()
        self._waiting_since = None
        self._draft_id = draft_id
        self._on_disk = True

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if not shiboken6.isValid(self._form):
            return  # the form is being destroyed (at quit) before this object
        if old is not None and self._timer.isActive() and self._form.isAncestorOf(old):
            self.write()
