"""Sync rounds in the window: the worker runs on a thread of its own.

:class:`SyncController` owns one :class:`~coordinator_app.sync.worker.SyncWorker`
(and so the login token, kept in memory only: the password is never stored)
and a :class:`QThread` on which its rounds run, so the window never waits for
the network. A round runs shortly after a save on this desk (debounced), every
:data:`PERIOD_MS` and on demand. What a pulled page changes reaches the views
through the change feed and the event hub like any save (queued onto the GUI
thread by the hub). A desk that never logs in starts no thread and runs no
round at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from coordinator_app.domain.changes import Changes, Origin
from coordinator_app.domain.enums import ProfileRole
from coordinator_app.services.access import Account
from coordinator_app.services.registry import Services
from coordinator_app.services.sync_conflicts import SyncConflictService
from coordinator_app.sync.client import SyncError
from coordinator_app.sync.worker import SyncWorker
from coordinator_app.ui.events import EventHub
from coordinator_app.ui.labels import message_text

PERIOD_MS = 30_000
"""A round every 30 seconds while logged in."""
AFTER_SAVE_MS = 2_000
"""A save starts a round this long after the last of a burst of saves."""


@dataclass(frozen=True)
class SyncState:
    """What the status bar shows."""

    logged_in: bool = False
    online: bool = False
    busy: bool = False
    unsent: int = 0
    conflicts: int = 0
    refused: int = 0
    last_sync: datetime | None = None
    error: str = ""


class _Job(QObject):
    """Lives on the sync thread; every slot runs there."""

    done = Signal(object)
    """(kind, result or None, error message, error code)."""

    def __init__(self) -> None:
        super().__init__()
        self.worker: SyncWorker | None = None

    @Slot(object, str, str)
    def login(self, worker: SyncWorker, user: str, password: str) -> None:
        try:
            worker.login(user, password)
        except SyncError as error:
            self.done.emit(("login", None, error.message, error.code))
            return
        self.worker = worker
        self.done.emit(("login", dict(worker.client.account), "", ""))

    @Slot()
    def run_round(self) -> None:
        if self.worker is None:
            return
        try:
            result = self.worker.run_round()
        except SyncError as error:
            self.done.emit(("round", None, error.message, error.code))
            return
        except Exception as error:  # a database failure: say it, keep the outbox
            self.done.emit(("round", None, str(error), "error"))
            return
        self.done.emit(("round", result, "", ""))

    @Slot(str, object)
    def call(self, tag: str, action: Callable[[SyncWorker], object]) -> None:
        """Run ``action`` with the worker (a conflict resolved on the server…)."""
        if self.worker is None:
            why = QCoreApplication.translate("SyncController", "同期サーバーにログインしていません")
            self.done.emit(("call", (tag, None), why, "login"))
            return
        try:
            result = action(self.worker)
        except SyncError as error:
            self.done.emit(("call", (tag, None), error.message, error.code))
            return
        self.done.emit(("call", (tag, result), "", ""))


class SyncController(QObject):
    """Login, rounds and the state shown in the status bar.

    Signals:
        state_changed(SyncState): after a login, a round, a call.
        logged_in(str): the login answered ("" when it worked, else the message).
        account_changed(Account | None): who the desk is logged in as; emitted
            before ``logged_in`` (None after a logout).
        round_finished(): a round ended (well or not; see :attr:`state`).
        call_finished(tag, result, message): :meth:`call` ended (message "" when it
            worked, else why not).
    """

    state_changed = Signal(object)
    logged_in = Signal(str)
    account_changed = Signal(object)
    round_finished = Signal()
    call_finished = Signal(str, object, str)
    _sig_login = Signal(object, str, str)
    _sig_round = Signal()
    _sig_call = Signal(str, object)

    def __init__(self, services: Services, events: EventHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server_url = ""
        self.user = ""
        self.account: Account | None = None
        self.store = SyncConflictService(services.db)
        self.state = SyncState(unsent=self.unsent())
        self._thread = QThread(self)
        self._thread.setObjectName("sync")
        self._job = _Job()
        self._job.moveToThread(self._thread)
        self._sig_login.connect(self._job.login)
        self._sig_round.connect(self._job.run_round)
        self._sig_call.connect(self._job.call)
        self._job.done.connect(self._done)
        self._again = False
        self.period = QTimer(self)
        self.period.setInterval(PERIOD_MS)
        self.period.timeout.connect(self.sync_now)
        self.after_save = QTimer(self)
        self.after_save.setSingleShot(True)
        self.after_save.setInterval(AFTER_SAVE_MS)
        self.after_save.timeout.connect(self.sync_now)
        events.sig_records_changed.connect(self._records_changed)

    # -- login -------------------------------------------------------------------

    def login(self, server_url: str, user: str, password: str) -> None:
        """Log in (on the sync thread); :attr:`logged_in` tells how it went."""
        try:
            worker = self.store.new_worker(server_url)
        except SyncError as error:
            self.logged_in.emit(message_text(error.message))
            return
        self.server_url, self.user = server_url, user
        if not self._thread.isRunning():
            self._thread.start()  # only a desk that logs in runs a sync thread
        self._set(busy=True)
        self._sig_login.emit(worker, user, password)

    def logout(self) -> None:
        self.period.stop()
        self.after_save.stop()
        self._sig_call.emit("logout", _forget)
        self._set(logged_in=False, online=False, error="")
        if self.account is not None:
            self.account = None
            self.account_changed.emit(None)

    # -- rounds ------------------------------------------------------------------

    def sync_now(self) -> None:
        """Start a round (after the running one, when one runs)."""
        if not self.state.logged_in:
            return
        if self.state.busy:
            self._again = True
            return
        self._set(busy=True)
        self._sig_round.emit()

    def call(self, tag: str, action: Callable[[SyncWorker], object]) -> None:
        """Run ``action(worker)`` on the sync thread; :attr:`call_finished` tells the end."""
        self._sig_call.emit(tag, action)

    def unsent(self) -> int:
        """Changes of this desk waiting to be sent (transactions in the outbox)."""
        return self.store.counts()[0]

    def refresh_counts(self) -> None:
        unsent, conflicts, refused = self.store.counts()
        self._set(unsent=unsent, conflicts=conflicts, refused=refused)

    def stop(self) -> None:
        """End the sync thread (the window closes); a running round finishes first."""
        self.period.stop()
        self.after_save.stop()
        self._thread.quit()
        self._thread.wait()

    # -- inside ------------------------------------------------------------------

    def _records_changed(self, changes: Changes) -> None:
        if changes.origin is not Origin.SYNC:
            self.refresh_counts()
            # A change that queued nothing (a desk setting, a profile) needs no round.
            if self.state.logged_in and self.state.unsent:
                self.after_save.start()

    @Slot(object)
    def _done(self, answer: tuple[str, object, str, str]) -> None:
        kind, result, made, code = answer
        message = message_text(made)  # the sync's messages in the window's language
        unsent, conflicts, refused = self.store.counts()
        common = {"unsent": unsent, "conflicts": conflicts, "refused": refused}
        if kind == "login":
            ok = not message
            self._set(busy=False, logged_in=ok, online=ok, error=message, **common)
            if ok:
                self.account = _account(result)
                self.account_changed.emit(self.account)
            self.logged_in.emit(message)
            if ok:
                self.period.start()
                self.sync_now()
            return
        if kind == "call":
            tag, value = result  # type: ignore[misc]
            self._set(**common)
            self.call_finished.emit(tag, value, message)
            return
        if message:
            online = code not in ("offline",)
            self._set(busy=False, online=online, error=message, **common)
        else:
            self._set(busy=False, online=True, error="", last_sync=datetime.now(), **common)
        self.round_finished.emit()
        if self._again:
            self._again = False
            self.sync_now()

    def _set(self, **values: object) -> None:
        self.state = SyncState(**{**self.state.__dict__, **values})  # type: ignore[arg-type]
        self.state_changed.emit(self.state)


def _account(answer: object) -> Account | None:
    """The login's ``user`` answer as an :class:`Account` (None when the server sent none)."""
    if not isinstance(answer, dict):
        return None
    try:
        return Account(
            name=str(answer["name"]),
            role=ProfileRole(answer["role"]),
            profile_id=uuid.UUID(str(answer["profile_id"])),
        )
    except (KeyError, ValueError):
        return None


def _forget(worker: SyncWorker) -> None:
    worker.client.token = None
