"""確認済にする: the entries a supervisor marks as reviewed, with an optional comment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.models import ProgressEntry, Review
from coordinator_app.ui.common.form import ERROR_STYLE
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.common.saving import cannot_save, save_form
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import message_text
from coordinator_app.ui.profiles.current import current_profile


class ReviewDialog(QDialog):
    """Lists the entries, takes a comment, and marks them 確認済 on 確認済にする.

    On a refusal (not a supervisor's profile, an entry deleted meanwhile) the
    dialog stays open with the message and the comment kept.

    Attributes:
        reviews: the stored reviews after a successful save.
    """

    def __init__(
        self,
        ctx: UiContext,
        *,
        entries: Sequence[ProgressEntry],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries = list(entries)
        self.reviews: list[Review] = []
        self.setWindowTitle(self.tr("確認済にする"))
        heading = QLabel(
            self.tr("次の{count}件の進捗を確認済にします。", "", len(self.entries)).format(
                count=len(self.entries)
            ),
            self,
        )
        self.entry_list = QListWidget(self)
        self.entry_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.entry_list.setMaximumHeight(160)
        for entry in self.entries:
            first = entry.text.splitlines()[0] if entry.text else ""
            self.entry_list.addItem(f"{ctx.dates.format(entry.entry_date)}  {first}")
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setPlaceholderText(self.tr("コメント(任意): 担当者への助言や指示など"))
        self.comment_edit.setMaximumHeight(120)
        self.comment_edit.setTabChangesFocus(True)
        self.error_label = plain(QLabel(self))
        self.error_label.setObjectName("error_general")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("確認済にする"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("キャンセル"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Ctrl+Enter でも確認済にできます"))
        self.comment_edit.installEventFilter(self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.entry_list)
        layout.addWidget(QLabel(self.tr("コメント"), self))
        layout.addWidget(self.comment_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Enter in the comment box saves (Enter alone starts a new line).
        if (
            watched is self.comment_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.save():
            super().accept()

    def save(self) -> bool:
        """Store the reviews; False (with the reason shown) when the service refuses."""
        profile = current_profile(self.ctx)
        if profile is None:
            self._show(self.tr("利用者が選ばれていません。設定で利用者を選んでください。"))
            return False
        outcome = save_form(
            lambda: self.ctx.services.reviews.mark_reviewed(
                [e.id for e in self.entries], profile, self.comment_edit.toPlainText()
            ),
            show=lambda errors: self._show("\n".join(message_text(m) for m in errors.values())),
            warn=cannot_save(self.ctx.prompts, self),
        )
        if outcome.stored is not None:
            self.reviews = outcome.stored
        return outcome.ok

    def _show(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.comment_edit.setFocus(Qt.FocusReason.OtherFocusReason)
