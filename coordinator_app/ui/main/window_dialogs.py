"""The dialogs the main window opens from its menus, each imported when first opened.

The flyer dialog brings in reportlab and QtPdf, import and export bring in
openpyxl: none of that is loaded before the user asks for it. Dialogs open
window-modal without blocking (``open()``); :attr:`WindowDialogs.last` is the
one opened last.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QWidget

from coordinator_app.domain.changes import Changes, Origin
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext

if TYPE_CHECKING:
    from coordinator_app.services.data_safety import DataSafetyService

LIST_KEYS = {
    RecordKind.AREA: "areas",
    RecordKind.COORDINATOR: "coordinators",
    RecordKind.ORGANISATION: "organisations",
    RecordKind.COUNCIL: "councils",
    RecordKind.MEETING: "meetings",
    RecordKind.PROJECT: "projects",
}
"""Page kind -> the export list (and import kind) of the same records."""
IMPORT_KINDS = ("organisations", "contacts", "coordinators", "areas")


class WindowDialogs:
    """チラシ作成, 取り込み, 書き出し and バックアップと復元 for one main window.

    Args:
        ctx: the window's context.
        parent: the main window, as the dialogs' parent.
        current_page: the page shown (what the dialogs start from).
        safety: the data safety service of the open file (None for the demo copy).
    """

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget,
        *,
        current_page: Callable[[], RecordPage],
        safety: DataSafetyService | None,
    ) -> None:
        self.ctx = ctx
        self.window = parent
        self._current_page = current_page
        self.safety = safety
        self.last: QDialog | None = None

    def _page_kind(self) -> str:
        return str(getattr(self._current_page(), "kind", ""))

    def _current_id(self, kind: str) -> uuid.UUID | None:
        if self._page_kind() != kind:
            return None
        return self._current_page().editor.current_id

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        self.last = dialog
        dialog.open()
        return dialog

    def _prompts(self) -> Any:
        return self.ctx.prompts

    # -- flyers -------------------------------------------------------------------

    def open_flyer(self) -> QDialog:
        """チラシ作成 for the coordinators selected on the coordinator page (else a team flyer)."""
        page = self._current_page()
        selected = getattr(page, "selected_ids", None)
        if self._page_kind() == RecordKind.COORDINATOR and selected is not None:
            return self._flyer(selected(), area_id=None)
        coordinator = self._current_id(RecordKind.COORDINATOR)
        return self._flyer([coordinator] if coordinator else [], area_id=None)

    def open_team_flyer(self) -> QDialog:
        """The team flyer of the area shown on the area page (else the dialog asks)."""
        return self._flyer([], area_id=self._current_id(RecordKind.AREA))

    def _flyer(self, coordinator_ids: list[uuid.UUID], *, area_id: uuid.UUID | None) -> QDialog:
        from coordinator_app.ui.flyers.flyer_dialog import FlyerDialog

        dialog = FlyerDialog(
            self.ctx.services,
            coordinator_ids,
            parent=self.window,
            prompts=self.ctx.prompts,
            area_id=area_id,
            wareki=self.ctx.dates.wareki,
        )
        return self._open(dialog)

    # -- data safety --------------------------------------------------------------

    def open_import(self) -> QDialog:
        from coordinator_app.ui.data_safety.import_wizard import ImportWizard

        kind = LIST_KEYS.get(self._page_kind(), "")
        wizard = ImportWizard(
            self.ctx.services,
            self._prompts(),
            initial_kind=kind if kind in IMPORT_KINDS else "organisations",
            parent=self.window,
        )
        return self._open(wizard)

    def open_export(self) -> QDialog:
        from coordinator_app.ui.data_safety.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.ctx.services,
            self._prompts(),
            initial_list=LIST_KEYS.get(self._page_kind()),
            parent=self.window,
        )
        return self._open(dialog)

    def open_backup(self) -> QDialog | None:
        """バックアップと復元; None for the demo copy, which has no backups."""
        safety = self.safety
        if safety is None:
            return None
        from coordinator_app.ui.data_safety.backup_dialog import BackupDialog

        dialog = BackupDialog(
            safety,
            self._prompts(),
            current_services=lambda: self.ctx.services,
            close_database=self._close_database,
            reopen_database=self._reopen_database,
            parent=self.window,
        )
        return self._open(dialog)

    def _close_database(self) -> None:
        # The same Database reconnects to the restored file on next use.
        self.ctx.services.db.close()

    def _reopen_database(self) -> None:
        self.ctx.undo_stack.clear()  # its commands name records of the replaced file
        self.ctx.events.records_changed(Changes.everything(origin=Origin.RESTORE))
