"""The 確認 tab: who reviewed which progress entry when, with their comments."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.list_table import list_table, size_columns
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import names_text
from coordinator_app.ui.review.review_history_model import ReviewHistoryModel


class ReviewHistoryPanel(QWidget):
    """A project's reviews, newest first, under a count of reviews and reviewers."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ReviewHistoryModel(ctx.services.reviews, ctx.dates, self)
        self.summary = plain(QLabel(self))
        self.summary.setWordWrap(True)
        self.table = list_table(self.model, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self.model.redisplay)
        self.set_owner(None)

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        self.model.load(owner_id)
        self._after_load()

    def _after_load(self) -> None:
        size_columns(self.table)
        reviewers = {
            self.model.index(r, ReviewHistoryModel.REVIEWER).data()
            for r in range(self.model.rowCount())
        }
        if self.model.owner_id is None:
            self.summary.clear()
        elif self.model.rowCount() == 0:
            self.summary.setText(self.tr("このプロジェクトの進捗はまだ確認されていません。"))
        else:
            self.summary.setText(
                self.tr("確認 {count}件(確認者: {names})", "", self.model.rowCount()).format(
                    count=self.model.rowCount(), names=names_text(sorted(n for n in reviewers if n))
                )
            )

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.PROGRESS_ENTRY, RecordKind.REVIEW):
            self.model.refresh()
            self._after_load()
