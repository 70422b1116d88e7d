"""One question of the questionnaire: wording, kind, options, the place field it updates."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from coordinator_app.domain.models import SurveyQuestion
from coordinator_app.domain.surveys import (
    STATUS_OPTIONS,
    QuestionKind,
    options_from_json,
    options_to_json,
    split_options,
)
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.gathering_places.survey_form_dialog import SurveyFormDialog
from coordinator_app.ui.gathering_places.survey_labels import (
    place_field_labels,
    question_kind_labels,
)


class SurveyQuestionDialog(SurveyFormDialog):
    """Add or change a question; errors (a kind locked by answers …) keep the dialog open.

    Attributes:
        saved: the stored question once 保存 succeeded.
    """

    def __init__(
        self,
        ctx: UiContext,
        round_id: uuid.UUID,
        question: SurveyQuestion | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.round_id = round_id
        self.question = question
        self.saved: SurveyQuestion | None = None
        self.setWindowTitle(self.tr("質問の編集") if question else self.tr("質問の追加"))
        self.prompt_edit = QLineEdit()
        self.prompt_edit.setPlaceholderText(self.tr("例: ふだんの参加者数は何人ですか"))
        self.kind_combo = QComboBox()
        for kind, text in question_kind_labels().items():
            self.kind_combo.addItem(text, kind.value)
        self.options_edit = QPlainTextEdit()
        self.options_edit.setPlaceholderText(self.tr("選択肢を1行に1つ"))
        self.options_edit.setFixedHeight(90)
        self.field_combo = QComboBox()
        self.field_combo.addItem(self.tr("(反映しない)"), "")
        for key, text in place_field_labels().items():
            self.field_combo.addItem(text, key)
        form = self.form
        form.addRow(self.tr("質問(&Q)"), self.prompt_edit)
        form.addRow(self.tr("種類(&K)"), self.kind_combo)
        form.addRow(self.tr("選択肢(&O)"), self.options_edit)
        form.addRow(self.tr("通いの場に反映(&F)"), self.field_combo)
        if question is not None:
            self.prompt_edit.setText(question.prompt)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(question.kind.value))
            self.options_edit.setPlainText("\n".join(options_from_json(question.options)))
            self.field_combo.setCurrentIndex(
                max(0, self.field_combo.findData(question.place_field))
            )
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        self._kind_changed()
        self.finish_setup(self.prompt_edit)

    def kind(self) -> QuestionKind:
        return QuestionKind(str(self.kind_combo.currentData()))

    def _kind_changed(self, *_args: object) -> None:
        self.options_edit.setEnabled(self.kind() == QuestionKind.CHOICE)

    def _field_changed(self, *_args: object) -> None:
        # The status takes the three statuses: offer them rather than make people type them.
        if self.field_combo.currentData() == "status":
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(QuestionKind.CHOICE.value))
            if not self.options_edit.toPlainText().strip():
                self.options_edit.setPlainText("\n".join(STATUS_OPTIONS))

    def save(self) -> None:
        options = split_options(self.options_edit.toPlainText())
        question = SurveyQuestion(
            round_id=self.round_id,
            prompt=self.prompt_edit.text(),
            kind=self.kind(),
            options=options_to_json(options) if self.kind() == QuestionKind.CHOICE else "",
            place_field=str(self.field_combo.currentData() or ""),
        )
        if self.question is not None:
            question.id = self.question.id
            question.position = self.question.position
        self.saved = self.store(lambda: self.ctx.services.surveys.save_question(question))
        if self.saved is not None:
            self.accept()
