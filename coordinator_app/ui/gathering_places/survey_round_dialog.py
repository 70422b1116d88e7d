"""A survey round's details: name, 年度, dates, status, notes."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from coordinator_app.domain.fiscal import fiscal_year
from coordinator_app.domain.models import SurveyRound
from coordinator_app.domain.surveys import SurveyStatus
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.gathering_places.survey_form_dialog import SurveyFormDialog
from coordinator_app.ui.gathering_places.survey_labels import survey_status_labels


class SurveyRoundDialog(SurveyFormDialog):
    """Create or change a round; 保存 keeps the dialog open (and what was typed) on errors.

    Attributes:
        saved: the stored round once 保存 succeeded.
    """

    def __init__(
        self, ctx: UiContext, survey: SurveyRound | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.survey = survey
        self.saved: SurveyRound | None = None
        self.setWindowTitle(self.tr("調査の設定") if survey else self.tr("新しい調査"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("例: 令和6年度 通いの場調査"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1989, 2200)
        self.year_spin.setSuffix(self.tr("年度"))
        self.starts_field = DateField(ctx.dates)
        self.ends_field = DateField(ctx.dates)
        self.status_combo = QComboBox()
        for status, text in survey_status_labels().items():
            self.status_combo.addItem(text, status.value)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(70)
        form = self.form
        form.addRow(self.tr("調査名(&N)"), self.name_edit)
        form.addRow(self.tr("年度(&Y)"), self.year_spin)
        form.addRow(self.tr("開始日"), self.starts_field)
        form.addRow(self.tr("締切日"), self.ends_field)
        form.addRow(self.tr("状況"), self.status_combo)
        form.addRow(self.tr("メモ"), self.notes_edit)
        if survey is not None:
            self.name_edit.setText(survey.name)
            self.year_spin.setValue(survey.fiscal_year)
            self.starts_field.set_date(survey.starts_on)
            self.ends_field.set_date(survey.ends_on)
            self.status_combo.setCurrentIndex(self.status_combo.findData(survey.status.value))
            self.notes_edit.setPlainText(survey.notes)
        else:
            self.year_spin.setValue(fiscal_year(date.today()))
        self.finish_setup(self.name_edit)

    def save(self) -> None:
        problems = [
            f"{label}: {error}"
            for label, field in (
                (self.tr("開始日"), self.starts_field),
                (self.tr("締切日"), self.ends_field),
            )
            if (error := field.input_error())
        ]
        if problems:
            self.error_label.setText("\n".join(problems))
            return
        survey = SurveyRound(
            name=self.name_edit.text(),
            fiscal_year=self.year_spin.value(),
            starts_on=self.starts_field.date(),
            ends_on=self.ends_field.date(),
            status=SurveyStatus(str(self.status_combo.currentData())),
            notes=self.notes_edit.toPlainText(),
        )
        if self.survey is not None:
            survey.id = self.survey.id
        self.saved = self.store(lambda: self.ctx.services.surveys.save_round(survey))
        if self.saved is not None:
            self.accept()
