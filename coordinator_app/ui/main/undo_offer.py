"""The status bar's 元に戻す offer: shown after an undoable action, briefly.

An offer to undo something is only useful while the user still has it in
mind. The status bar shows 「…を行いました [元に戻す]」 after an action and
takes it away after :data:`UNDO_OFFER_MS` or at the user's next action (any
record saved or changed other than by the undo stack itself), whichever
comes first. Ctrl+Z and 編集 > 元に戻す keep working from the undo stack: only
the one-click offer expires, so that a click ten minutes later cannot silently
reopen an action item the user completed and forgot.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QPushButton

from coordinator_app.domain.changes import Changes, Origin
from coordinator_app.ui.events import EventHub

UNDO_OFFER_MS = 30_000
"""How long the status bar offers 元に戻す after an action (30 seconds)."""


class UndoOffer(QObject):
    """Drives the status bar's label and 元に戻す button from the undo stack.

    Attributes:
        timer: expires the offer (single shot, :data:`UNDO_OFFER_MS`; tests fire
            its ``timeout`` instead of waiting).
    """

    def __init__(
        self,
        stack: QUndoStack,
        events: EventHub,
        label: QLabel,
        button: QPushButton,
        *,
        lifetime_ms: int = UNDO_OFFER_MS,
    ) -> None:
        super().__init__(label)
        self._stack = stack
        self._label = label
        self._button = button
        self._settling = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(lifetime_ms)
        self.timer.timeout.connect(self.expire)
        button.clicked.connect(stack.undo)
        stack.indexChanged.connect(self._index_changed)
        events.sig_records_changed.connect(self._records_changed)

    @property
    def offered(self) -> bool:
        """True while the 元に戻す button is offered."""
        return not self._button.isHidden() and self._button.isEnabled()

    def expire(self) -> None:
        """Take the offer away (the undo stack keeps the action for Ctrl+Z)."""
        self.timer.stop()
        if shiboken6.isValid(self._label):
            self._label.clear()
            self._button.hide()
            self._button.setEnabled(False)  # not clickable while hidden either

    def _index_changed(self, _index: int) -> None:
        stack = self._stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self._label):
            return  # the stack clears itself while being destroyed at shutdown
        # The action's own change signals arrive in this same turn of the event
        # loop: they are part of it, not the user's next action.
        self._settling = True
        QTimer.singleShot(0, self._settled)
        if stack.canUndo():
            self._label.setText(self.tr("{action}を行いました").format(action=stack.undoText()))
            self._button.setEnabled(True)
            self._button.show()
            self.timer.start()
        else:
            self._label.setText(
                self.tr("{action}を取り消しました").format(action=stack.redoText())
                if stack.canRedo()
                else ""
            )
            self._button.hide()
            self._button.setEnabled(False)
            self.timer.start()

    def _settled(self) -> None:
        self._settling = False

    def _records_changed(self, changes: Changes) -> None:
        if changes.origin == Origin.UNDO:
            return  # the undo stack's own action, not the user's next one
        if not self._settling and (self.offered or self._label.text()):
            self.expire()
