"""Waiting until the other instance closes the database (polled, cancellable)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

POLL_MS = 500


class WaitForCloseDialog(QProgressDialog):
    """A busy indicator that accepts as soon as ``try_lock`` succeeds.

    Args:
        try_lock: takes the instance lock if the other instance has closed.
        holder_text: who has the file open ("このパソコンの別のウィンドウ").
    """

    def __init__(
        self, try_lock: Callable[[], bool], holder_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("データベースが閉じられるのを待っています"))
        self.setLabelText(
            self.tr(
                "{holder}でデータベースが開かれています。\n"
                "そちらを閉じると、自動的にこのまま開きます。"
            ).format(holder=holder_text)
        )
        self.setCancelButtonText(self.tr("待つのをやめる"))
        self.setRange(0, 0)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.acquired = False
        self._try_lock = try_lock
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        if self._try_lock():
            self.acquired = True
            self.timer.stop()
            self.accept()
