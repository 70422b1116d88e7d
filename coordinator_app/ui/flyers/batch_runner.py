"""Running a flyer batch under a progress dialog that can cancel it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from coordinator_app.documents.batch import BatchResult, FlyerBatch
from coordinator_app.documents.data.flyer import FlyerOverrides


class BatchRunner(QObject):
    """Runs :class:`FlyerBatch` with a modal :class:`QProgressDialog`.

    Signals:
        progressed(done, total): after each step (building, then writing).
    """

    progressed = Signal(int, int)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.progress_dialog: QProgressDialog | None = None

    def run(
        self,
        batch: FlyerBatch,
        coordinator_ids: Sequence[uuid.UUID],
        target: Path,
        *,
        separate: bool,
        overrides: Mapping[uuid.UUID, FlyerOverrides] | None = None,
    ) -> BatchResult:
        dialog = QProgressDialog(
            self.tr("チラシを作成しています…"),
            self.tr("中止"),
            0,
            2 * len(coordinator_ids),
            self._parent,
        )
        dialog.setWindowTitle(self.tr("一括作成"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.progress_dialog = dialog
        n = len(coordinator_ids)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            if done <= n:
                dialog.setLabelText(
                    self.tr("データを確認しています… (%1 / %2)")
                    .replace("%1", str(done))
                    .replace("%2", str(n))
                )
            else:
                dialog.setLabelText(
                    self.tr("PDFを作成しています… (%1 / %2)")
                    .replace("%1", str(done - n))
                    .replace("%2", str(n))
                )
            self.progressed.emit(done, total)
            QCoreApplication.processEvents()
            return not dialog.wasCanceled()

        dialog.show()
        try:
            return batch.run(
                coordinator_ids, target, separate=separate, overrides=overrides, progress=progress
            )
        finally:
            dialog.close()
            dialog.deleteLater()
            self.progress_dialog = None
