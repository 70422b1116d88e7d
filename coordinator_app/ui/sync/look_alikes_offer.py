"""似ている記録 in the window: the ツール menu entry, and a status-bar notice after a
sync round that pulled records making new look-alike groups.

The notice is a flat button in the status bar (「似ている記録 n組を確認」): it
never interrupts what the person is doing, and opens the dialog when clicked
(then it goes away: the menu entry stays). It is offered only for groups that
contain a record the round just pulled and that were not offered before in
this session.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QPushButton

from coordinator_app.domain.changes import Changes, Origin
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.look_alikes import LOOK_ALIKE_MODELS
from coordinator_app.ui.sync.look_alikes_dialog import (
    LookAlikeDialog,
    look_alike_service,
    open_look_alikes,
)

if TYPE_CHECKING:
    from coordinator_app.ui.sync.install import SyncUi

LOOK_ALIKES_SHORTCUT = "Ctrl+Shift+L"


class LookAlikeOffer(QObject):
    """The menu entry and the status-bar notice of one main window."""

    def __init__(self, sync: SyncUi) -> None:
        super().__init__(sync.window)
        self.window = sync.window
        self.ctx = sync.window.ctx
        self.controller = sync.controller
        self.service = look_alike_service(self.ctx)
        self.pulled: set[uuid.UUID] = set()
        self.pulled_kinds: set[RecordKind] = set()
        self.offered: set[frozenset[uuid.UUID]] = set()
        self.dialog: LookAlikeDialog | None = None
        self.notice = QPushButton(self.window)
        self.notice.setObjectName("look_alike_notice")
        self.notice.setFlat(True)
        self.notice.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.notice.setToolTip(
            QCoreApplication.translate(
                "LookAlikeDialog", "同期で受け取った記録に、この端末の記録と似ているものがあります"
            )
        )
        self.notice.hide()
        self.notice.clicked.connect(self.open)
        self.window.statusBar().addPermanentWidget(self.notice)
        self.action = self.window.add_command(
            "tools",
            QCoreApplication.translate("SyncMenu", "似ている記録の確認…"),
            self.open,
            shortcuts=[LOOK_ALIKES_SHORTCUT],
        )
        self.ctx.events.sig_records_changed.connect(self._records_changed)
        self.controller.round_finished.connect(self._round_finished)

    def open(self) -> LookAlikeDialog:
        self.notice.hide()
        dialog = open_look_alikes(self.ctx, self.controller, self.window)
        self.dialog = dialog
        return dialog

    def _records_changed(self, changes: Changes) -> None:
        if changes.origin is not Origin.SYNC:
            return
        for kind in LOOK_ALIKE_MODELS:
            ids = changes.ids(kind)
            if ids:
                self.pulled |= ids
                self.pulled_kinds.add(kind)

    def _round_finished(self) -> None:
        if not self.pulled:
            return
        pulled, self.pulled = self.pulled, set()
        fresh = [
            g.ids for g in self.service.groups() if g.ids & pulled and g.ids not in self.offered
        ]
        if not fresh:
            return
        self.offered.update(fresh)
        self.notice.setText(
            QCoreApplication.translate("LookAlikeDialog", "似ている記録 {n}組を確認").format(
                n=len(fresh)
            )
        )
        self.notice.show()


def install_look_alikes(sync: SyncUi) -> LookAlikeOffer:
    """Add the menu entry and the notice to the window of ``sync``."""
    offer = LookAlikeOffer(sync)
    sync.look_alikes = offer  # type: ignore[attr-defined]
    return offer
