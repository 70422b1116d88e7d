"""The bar above the progress log: timeline or table, order, and a supervisor's
"changes since my last review" figures and filter."""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from coordinator_app.ui.context import UiContext
from coordinator_app.ui.profiles.current import current_profile
from coordinator_app.ui.projects.display import format_stamp


class LogBar(QWidget):
    """View buttons (ids 0 = timeline, 1 = table), the order, and the review figures."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.timeline_button = QToolButton(self)
        self.timeline_button.setText(self.tr("タイムライン"))
        self.table_button = QToolButton(self)
        self.table_button.setText(self.tr("表"))
        self.view_group = QButtonGroup(self)
        for mode, button in enumerate((self.timeline_button, self.table_button)):
            button.setCheckable(True)
            button.setAutoRaise(True)
            self.view_group.addButton(button, mode)
        self.timeline_button.setChecked(True)
        self.timeline_button.setToolTip(self.tr("進捗を全文・写真つきで日付順に表示します"))
        self.table_button.setToolTip(self.tr("進捗を1行ずつの表で表示します"))
        self.order_combo = QComboBox(self)
        self.order_combo.addItem(self.tr("新しい順"), False)
        self.order_combo.addItem(self.tr("古い順"), True)
        self.changes_label = QLabel(self)
        self.changes_label.setWordWrap(True)
        self.changes_check = QCheckBox(self.tr("前回の確認以降の変更だけを表示"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.timeline_button)
        row.addWidget(self.table_button)
        row.addWidget(self.order_combo)
        row.addSpacing(12)
        row.addWidget(self.changes_label, 1)
        row.addWidget(self.changes_check)

    def set_supervisor(self, supervisor: bool) -> None:
        self.changes_check.setVisible(supervisor)
        self.changes_label.setVisible(supervisor)

    def reset_changes(self) -> None:
        """Untick the changes filter without announcing it (another project is shown)."""
        self.changes_check.blockSignals(True)
        self.changes_check.setChecked(False)
        self.changes_check.blockSignals(False)

    # -- the current supervisor's reviews ----------------------------------------------

    def changed_ids(self, owner_id: uuid.UUID | None) -> set[uuid.UUID] | None:
        """Entries added or edited since the current profile last reviewed the project."""
        profile = current_profile(self.ctx)
        if owner_id is None or profile is None:
            return None
        changed = self.ctx.services.reviews.changed_since_last_review(owner_id, profile)
        return {e.id for e in changed}

    def my_last_review(self, owner_id: uuid.UUID | None) -> datetime | None:
        profile = current_profile(self.ctx)
        if owner_id is None or profile is None:
            return None
        return max(
            (
                r.review.reviewed_at
                for r in self.ctx.services.reviews.history(owner_id)
                if r.review.reviewer_profile_id == profile.id
            ),
            default=None,
        )

    def update_changes(self, owner_id: uuid.UUID | None, *, unreviewed: int, shown: bool) -> None:
        """``未確認 3件・前回の確認(…)以降に追加・変更された進捗 2件``."""
        if not shown or owner_id is None:
            self.changes_label.clear()
            return
        last = self.my_last_review(owner_id)
        if last is None:
            text = self.tr("未確認 {unreviewed}件(このプロジェクトはまだ確認していません)").format(
                unreviewed=unreviewed
            )
        else:
            changed = len(self.changed_ids(owner_id) or ())  # by server order, not clocks
            text = self.tr(
                "未確認 {unreviewed}件・前回の確認({stamp})以降に追加・変更された進捗 {count}件"
            ).format(unreviewed=unreviewed, stamp=format_stamp(self.ctx.dates, last), count=changed)
        self.changes_label.setText(text)
