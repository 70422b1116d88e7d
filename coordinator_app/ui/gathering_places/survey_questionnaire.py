"""質問票: the round's questions in order, added, changed, moved and removed."""

from __future__ import annotations

import uuid

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.models import SurveyQuestion
from coordinator_app.domain.surveys import options_from_json
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.ui.common.list_table import SelectionMode, list_table
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.gathering_places.survey_labels import (
    place_field_labels,
    question_kind_labels,
)
from coordinator_app.ui.gathering_places.survey_question_dialog import SurveyQuestionDialog
from coordinator_app.ui.labels import error_text, message_text
from coordinator_app.ui.reports.report_table_model import ReportTableModel


class QuestionnaireTab(QWidget):
    """The questions of one round (Insert adds, Enter changes, Ctrl+↑/↓ moves, Delete removes).

    Attributes:
        questions: the questions shown, in order.
        dialog: the question dialog open now (tests answer it).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id: uuid.UUID | None = None
        self.questions: list[SurveyQuestion] = []
        self.dialog: SurveyQuestionDialog | None = None
        self.view = list_table(
            ReportTableModel([], [], self),
            self,
            selection=SelectionMode.SingleSelection,
            alternating=False,
            stretch_last=False,
        )
        self.view.doubleClicked.connect(lambda _i: self.edit_question())
        self.view.activated.connect(lambda _i: self.edit_question())
        self.add_button = QPushButton(self.tr("質問を追加…"), self)
        self.add_button.setShortcut(QKeySequence("Insert"))
        self.add_button.setToolTip(self.tr("質問を追加 (Insert)"))
        self.edit_button = QPushButton(self.tr("編集…"), self)
        self.up_button = QPushButton(self.tr("上へ"), self)
        self.up_button.setShortcut(QKeySequence("Ctrl+Up"))
        self.up_button.setToolTip(self.tr("上へ (Ctrl+↑)"))
        self.down_button = QPushButton(self.tr("下へ"), self)
        self.down_button.setShortcut(QKeySequence("Ctrl+Down"))
        self.down_button.setToolTip(self.tr("下へ (Ctrl+↓)"))
        self.remove_button = QPushButton(self.tr("削除"), self)
        self.remove_button.setShortcut(QKeySequence("Delete"))
        self.remove_button.setToolTip(self.tr("削除 (Delete)"))
        self.add_button.clicked.connect(self.add_question)
        self.edit_button.clicked.connect(self.edit_question)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove_question)
        row = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.set_round(None)

    def set_round(self, round_id: uuid.UUID | None) -> None:
        self.round_id = round_id
        self.refresh()

    def refresh(self, select_id: uuid.UUID | None = None) -> None:
        kinds = question_kind_labels()
        fields = place_field_labels()
        self.questions = self.ctx.services.surveys.questions(self.round_id) if self.round_id else []
        rows = [
            [
                q.position,
                q.prompt,
                kinds[q.kind],
                "・".join(options_from_json(q.options)),
                fields.get(q.place_field, ""),
            ]
            for q in self.questions
        ]
        headers = [
            self.tr("番号"),
            self.tr("質問"),
            self.tr("種類"),
            self.tr("選択肢"),
            self.tr("反映先"),
        ]
        self.view.setModel(ReportTableModel(headers, rows, self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        writable = self.ctx.services.actor.may_write  # a supervisor's profile only reads
        self.add_button.setEnabled(self.round_id is not None and writable)
        for button in (self.edit_button, self.up_button, self.down_button, self.remove_button):
            button.setEnabled(bool(self.questions) and writable)
        index = next((i for i, q in enumerate(self.questions) if q.id == select_id), 0)
        if self.questions:
            self.view.selectRow(index)

    def current(self) -> SurveyQuestion | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.questions):
            return None
        return self.questions[rows[0].row()]

    def open_dialog(self, question: SurveyQuestion | None) -> SurveyQuestionDialog | None:
        if self.round_id is None:
            return None
        self.dialog = SurveyQuestionDialog(self.ctx, self.round_id, question, self)
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def _saved(self) -> None:
        saved = self.dialog.saved if self.dialog else None
        self.refresh(saved.id if saved else None)

    def add_question(self) -> SurveyQuestionDialog | None:
        return self.open_dialog(None)

    def edit_question(self) -> SurveyQuestionDialog | None:
        question = self.current()
        return self.open_dialog(question) if question else None

    def move(self, offset: int) -> None:
        question = self.current()
        if question is None:
            return
        self._run(lambda: self.ctx.services.surveys.move_question(question.id, offset))
        self.refresh(question.id)

    def remove_question(self) -> None:
        question = self.current()
        if question is None:
            return
        if not self.ctx.prompts.confirm(
            self,
            title=self.tr("質問の削除"),
            text=self.tr(
                "問{number}「{prompt}」を削除しますか。\n"
                "この質問への回答は、質問文とともに集計に残ります。"
            ).format(number=question.position, prompt=question.prompt),
            accept_text=self.tr("削除"),
        ):
            return
        self._run(lambda: self.ctx.services.surveys.remove_question(question.id))
        self.refresh()

    def _run(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except (ValidationError, LookupError) as exc:
            text = error_text(exc)
            self.ctx.prompts.warn(self, title=self.tr("質問票"), text=text)
        except WRITE_ERRORS as exc:
            self.ctx.prompts.warn(
                self,
                title=self.tr("質問票"),
                text=message_text(storage_message(exc, action="変更")),
            )
