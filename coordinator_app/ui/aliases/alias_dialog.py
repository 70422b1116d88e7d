"""The 検索の言い換え dialog: the alias list as text, one group of words per line.

Saving checks every line first (a line needs two words); a refused save shows
the message under the text and keeps what was typed. 既定に戻す puts the
default list into the editor, to be saved or not. A supervisor's profile sees
the list read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.services.search_aliases import DEFAULT_ALIASES
from coordinator_app.ui.common.form import ERROR_STYLE
from coordinator_app.ui.common.saving import cannot_save, save_form
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import message_text
from coordinator_app.ui.profiles.current import gate_writes, may_write


class SearchAliasDialog(QDialog):
    """Edit the words the global search treats as the same (社協 = 社会福祉協議会).

    Signals:
        saved(): the list was stored (open searches should run again).
    """

    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("検索の言い換え"))
        self.resize(520, 460)
        intro = QLabel(
            self.tr(
                "検索で同じものとして探す言葉を、1行に1組ずつ「=」で区切って書きます。\n"
                "例: 社協 = 社会福祉協議会 / 町会 = 町内会 = 自治会\n"
                "どの言葉で検索しても、組のほかの言葉を含む記録も見つかります。"
            ),
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("alias_editor")
        self.editor.setPlainText(ctx.services.aliases.text())
        self.error_label = QLabel(self)
        self.error_label.setObjectName("alias_error")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.defaults_button = QPushButton(self.tr("既定に戻す"), self)
        self.buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.save_button.clicked.connect(self.save)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        writable = may_write(ctx)
        self.editor.setReadOnly(not writable)
        gate_writes(ctx, (self.save_button, self.defaults_button), enabled=True)

    def _show(self, errors: dict[str, str]) -> None:
        self.error_label.setText("\n".join(message_text(m) for m in errors.values()))
        self.error_label.setVisible(bool(errors))

    def restore_defaults(self) -> None:
        """Put the default list into the editor (saved only by 保存)."""
        self.editor.setPlainText(DEFAULT_ALIASES)
        self.error_label.hide()

    def save(self) -> bool:
        """Store the list; on a refusal show why and keep the text."""
        outcome = save_form(
            lambda: self.ctx.services.aliases.save(self.editor.toPlainText()),
            show=self._show,
            warn=cannot_save(self.ctx.prompts, self),
        )
        if not outcome.ok:
            return False
        self.saved.emit()
        self.accept()
        return True
