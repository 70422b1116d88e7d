"""反映: a place's answers into the place, shown as before -> after first."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.services.surveys import FieldChange
from coordinator_app.ui.common.list_table import list_table
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text, message_text
from coordinator_app.ui.reports.report_table_model import ReportTableModel


class SurveyAcceptDialog(QDialog):
    """The fields that change (今の値 -> 回答の値); 反映する stores them all at once.

    Attributes:
        changes: what is shown (and what 反映する writes).
        accepted_changes: what was written, once accepted.
    """

    def __init__(
        self,
        ctx: UiContext,
        round_id: uuid.UUID,
        place_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id = round_id
        self.place_id = place_id
        self.accepted_changes: list[FieldChange] = []
        place = ctx.services.gathering_places.get(place_id)
        self.setWindowTitle(self.tr("回答を通いの場に反映"))
        self.changes = ctx.services.surveys.acceptance(round_id, place_id)
        self.summary = plain(QLabel())
        self.summary.setWordWrap(True)
        if self.changes:
            self.summary.setText(
                self.tr("「{name}」の次の項目を、調査の回答で書き換えます。").format(
                    name=place.name
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "「{name}」に反映する変更はありません(回答と登録内容が同じか、"
                    "反映先のある質問に回答がありません)。"
                ).format(name=place.name)
            )
        self.view = list_table(
            ReportTableModel(
                [self.tr("項目"), self.tr("今の値"), self.tr("回答の値")],
                [[c.label, c.before or self.tr("(空欄)"), c.after] for c in self.changes],
                self,
            ),
            rows=False,
            alternating=False,
            resize=QHeaderView.ResizeMode.Stretch,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.accept_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.accept_button.setText(self.tr("反映する"))
        self.accept_button.setEnabled(bool(self.changes))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(620, 300)

    def apply(self) -> None:
        try:
            self.accepted_changes = self.ctx.services.surveys.accept(self.round_id, self.place_id)
        except ValidationError as exc:
            self.ctx.prompts.warn(self, title=self.tr("反映できませんでした"), text=error_text(exc))
            return
        except WRITE_ERRORS as exc:
            self.ctx.prompts.warn(
                self,
                title=self.tr("反映できませんでした"),
                text=message_text(storage_message(exc, action="反映")),
            )
            return
        self.accept()
