"""通いの場調査: survey rounds, their questionnaire, answers per place and the results.

A window of its own, opened from the 通いの場 page (調査…). The rounds are on
the left; the tabs on the right work on the chosen round.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.models import SurveyRound
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.services.surveys import SurveyService
from coordinator_app.ui.common.keyboard import make_keyboard_friendly
from coordinator_app.ui.common.undo import SoftDeleteCommand
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.gathering_places.survey_answers import AnswersTab
from coordinator_app.ui.gathering_places.survey_labels import survey_status_labels
from coordinator_app.ui.gathering_places.survey_questionnaire import QuestionnaireTab
from coordinator_app.ui.gathering_places.survey_results_view import ResultsTab
from coordinator_app.ui.gathering_places.survey_round_dialog import SurveyRoundDialog
from coordinator_app.ui.labels import error_text, message_text

TAB_QUESTIONS, TAB_ANSWERS, TAB_RESULTS = range(3)


class SurveyWindow(QWidget):
    """Rounds (Ctrl+N new, F2 change, Delete remove) and the chosen round's three tabs.

    Attributes:
        rounds: the rounds listed, newest fiscal year first.
        round_dialog: the round dialog open now (tests answer it).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("survey_window")
        self.ctx = ctx
        self.rounds: list[SurveyRound] = []
        self.round_dialog: SurveyRoundDialog | None = None
        self.setWindowTitle(self.tr("通いの場調査"))
        self.round_list = QListWidget(self)
        self.round_list.currentRowChanged.connect(lambda _r: self._round_chosen())
        self.new_button = QPushButton(self.tr("新しい調査…"), self)
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip(self.tr("新しい調査 (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("設定…"), self)
        self.edit_button.setShortcut(QKeySequence("F2"))
        self.edit_button.setToolTip(self.tr("調査名・年度・期間・状況 (F2)"))
        self.delete_button = QPushButton(self.tr("削除"), self)
        self.new_button.clicked.connect(self.new_round)
        self.edit_button.clicked.connect(self.edit_round)
        self.delete_button.clicked.connect(self.delete_round)
        self.undo_action = QAction(self.tr("元に戻す"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(ctx.undo_stack.undo)
        self.addAction(self.undo_action)
        self.questionnaire = QuestionnaireTab(ctx, self)
        self.answers = AnswersTab(ctx, self)
        self.results = ResultsTab(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.questionnaire, self.tr("質問票(&1)"))
        self.tabs.addTab(self.answers, self.tr("回答(&2)"))
        self.tabs.addTab(self.results, self.tr("集計(&3)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("調査"), left))
        left_layout.addWidget(self.round_list, 1)
        left_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        ctx.events.sig_records_changed.connect(self._records_changed)
        self.refresh()
        make_keyboard_friendly(self)
        self.resize(1120, 680)

    # -- the rounds ----------------------------------------------------------------------

    def current_round(self) -> SurveyRound | None:
        row = self.round_list.currentRow()
        return self.rounds[row] if 0 <= row < len(self.rounds) else None

    def refresh(self, select_id: uuid.UUID | None = None) -> None:
        chosen = self.current_round()
        wanted = select_id or (chosen.id if chosen else None)
        statuses = survey_status_labels()
        self.rounds = self.ctx.services.surveys.rounds()
        self.round_list.blockSignals(True)
        self.round_list.clear()
        for survey in self.rounds:
            item = QListWidgetItem(f"{survey.name}({statuses[survey.status]})")
            item.setData(Qt.ItemDataRole.UserRole, survey.id)
            self.round_list.addItem(item)
        row = next((i for i, r in enumerate(self.rounds) if r.id == wanted), 0)
        self.round_list.setCurrentRow(row if self.rounds else -1)
        self.round_list.blockSignals(False)
        self._round_chosen()

    def _round_chosen(self) -> None:
        survey = self.current_round()
        round_id = survey.id if survey else None
        self.questionnaire.set_round(round_id)
        self.answers.set_round(round_id)
        self.results.set_round(round_id)
        self._apply_role()

    def _apply_role(self) -> None:
        """A supervisor's profile reads the surveys and their results; it changes nothing."""
        writable = self.ctx.services.actor.may_write
        why = "" if writable else self.tr("上司(確認者)のプロファイルでは閲覧だけができます")
        chosen = self.current_round() is not None
        self.new_button.setEnabled(writable)
        self.new_button.setToolTip(why or self.tr("新しい調査 (Ctrl+N)"))
        self.edit_button.setEnabled(writable and chosen)
        self.edit_button.setToolTip(why or self.tr("調査名・年度・期間・状況 (F2)"))
        self.delete_button.setEnabled(writable and chosen)
        self.delete_button.setToolTip(why)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # the profile in use may have changed while it was hidden

    def _tab_changed(self, index: int) -> None:
        # Questions edited on the first tab change the form and the results.
        if index == TAB_ANSWERS:
            self.answers.refresh()
        elif index == TAB_RESULTS:
            self.results.refresh()

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.GATHERING_PLACE, RecordKind.AREA, RecordKind.SURVEY_ROUND):
            self.refresh()  # a round brought back by Ctrl+Z, places renamed or removed

    def _open_round_dialog(self, survey: SurveyRound | None) -> SurveyRoundDialog:
        dialog = SurveyRoundDialog(self.ctx, survey, self)
        dialog.accepted.connect(lambda: self.refresh(dialog.saved.id if dialog.saved else None))
        dialog.open()
        self.round_dialog = dialog
        return dialog

    def new_round(self) -> SurveyRoundDialog:
        return self._open_round_dialog(None)

    def edit_round(self) -> SurveyRoundDialog | None:
        survey = self.current_round()
        return self._open_round_dialog(survey) if survey else None

    def delete_round(self) -> None:
        survey = self.current_round()
        if survey is None:
            return
        answered = len(self.ctx.services.surveys.answered_places(survey.id))
        if not self.ctx.prompts.confirm(
            self,
            title=self.tr("調査の削除"),
            text=self.tr(
                "「{name}」を削除しますか。質問票と {count} か所の回答も一緒に削除されます。"
                "(通いの場に反映済みの内容はそのまま残ります。Ctrl+Z で元に戻せます)",
                "",
                answered,
            ).format(name=survey.name, count=answered),
            accept_text=self.tr("削除"),
        ):
            return
        surveys = self.ctx.services.surveys
        try:
            surveys.delete_round(survey.id)
        except (ValidationError, LookupError) as exc:  # a supervisor's profile, gone meanwhile
            text = error_text(exc)
            self.ctx.prompts.warn(self, title=self.tr("削除できませんでした"), text=text)
            return
        except WRITE_ERRORS as exc:
            self.ctx.prompts.warn(
                self,
                title=self.tr("削除できませんでした"),
                text=message_text(storage_message(exc, action="削除")),
            )
            return
        self.ctx.undo_stack.push(
            SoftDeleteCommand(
                service=_RoundDeletion(surveys),
                record_id=survey.id,
                text=self.tr("調査「{name}」の削除").format(name=survey.name),
                on_error=lambda text: self.ctx.prompts.warn(
                    self, title=self.tr("元に戻せませんでした"), text=text
                ),
            )
        )
        self.refresh()


class _RoundDeletion:
    """A round's removal as the undo stack's soft delete (Ctrl+Z brings it back)."""

    def __init__(self, surveys: SurveyService) -> None:
        self.surveys = surveys

    def soft_delete(self, record_id: uuid.UUID) -> SurveyRound:
        return self.surveys.delete_round(record_id)

    def restore(self, record_id: uuid.UUID) -> SurveyRound:
        return self.surveys.restore_round(record_id)
