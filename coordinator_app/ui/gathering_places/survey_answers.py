"""回答: a place's answers typed in a form, imported from a file, accepted into the place.

Keyboard first: ↑/↓ in the place list picks the place, Tab walks the answers,
Ctrl+S saves, Ctrl+Enter saves and moves to the next place.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.models import GatheringPlace, SurveyQuestion
from coordinator_app.domain.surveys import QuestionKind, options_from_json
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import ListQuery
from coordinator_app.services.storage_errors import WRITE_ERRORS, storage_message
from coordinator_app.services.surveys import answer_key
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.gathering_places.survey_accept_dialog import SurveyAcceptDialog
from coordinator_app.ui.labels import message_text

ANSWERED_MARK = "✓ "
ERROR_STYLE = "border: 1px solid #b00020;"


class AnswersTab(QWidget):
    """Places on the left (✓ = answered in this round), the round's questions on the right.

    Attributes:
        inputs: the answer widget of each question, by question id.
        accept_dialog: the accept dialog open now (tests answer it).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.round_id: uuid.UUID | None = None
        self.questions: list[SurveyQuestion] = []
        self.places: list[GatheringPlace] = []
        self.inputs: dict[uuid.UUID, QLineEdit | QComboBox] = {}
        self._loaded: dict[uuid.UUID, str] = {}
        self._shown_row = -1
        """The row of the place whose answers the form holds."""
        self.accept_dialog: SurveyAcceptDialog | None = None
        self.import_wizard: QWidget | None = None
        self.place_list = QListWidget(self)
        self.place_list.currentRowChanged.connect(self._place_changed)
        self.place_title = plain(QLabel(self))
        font = self.place_title.font()
        font.setBold(True)
        self.place_title.setFont(font)
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        self.error_label = plain(QLabel(self))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.next_button = QPushButton(self.tr("保存して次へ"), self)
        self.next_button.setToolTip(self.tr("保存して次の通いの場へ (Ctrl+Enter)"))
        # Shortcuts act at once (a button's own shortcut clicks it a moment later).
        for keys, slot in (
            ("Ctrl+S", lambda: self.save()),
            ("Ctrl+Return", self.save_and_next),
            ("Ctrl+Enter", self.save_and_next),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.accept_button = QPushButton(self.tr("通いの場に反映…"), self)
        self.accept_button.setToolTip(
            self.tr("反映先のある質問の回答で、通いの場の登録内容を書き換えます(変更点を先に表示)")
        )
        self.import_button = QPushButton(self.tr("Excel・CSVから取り込み…"), self)
        self.save_button.clicked.connect(lambda: self.save())
        self.next_button.clicked.connect(self.save_and_next)
        self.accept_button.clicked.connect(self.open_accept)
        self.import_button.clicked.connect(self.open_import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.place_title)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.error_label)
        right_layout.addLayout(buttons)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.place_list, 1)
        left_layout.addWidget(self.import_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.set_round(None)

    # -- filling ---------------------------------------------------------------------

    def set_round(self, round_id: uuid.UUID | None) -> None:
        self.round_id = round_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the questions and places, keeping the chosen place and what was typed."""
        chosen = self.current_place()
        typed = {k: v for k, v in self.values().items() if v != self._loaded.get(k, "")}
        services = self.ctx.services
        self.questions = services.surveys.questions(self.round_id) if self.round_id else []
        self.places = services.gathering_places.list(ListQuery()).rows if self.round_id else []
        answered = services.surveys.answered_places(self.round_id) if self.round_id else set()
        self.place_list.blockSignals(True)
        self.place_list.clear()
        for place in self.places:
            mark = ANSWERED_MARK if place.id in answered else "　 "
            item = QListWidgetItem(mark + place.name)
            item.setData(Qt.ItemDataRole.UserRole, place.id)
            self.place_list.addItem(item)
        row = next((i for i, p in enumerate(self.places) if chosen and p.id == chosen.id), 0)
        self.place_list.setCurrentRow(row if self.places else -1)
        self.place_list.blockSignals(False)
        self._build_form()
        self.load_answers()
        still_chosen = self.current_place()
        if chosen is not None and still_chosen is not None and still_chosen.id == chosen.id:
            self._show_values(typed)

    def _build_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.inputs = {}
        for question in self.questions:
            widget: QLineEdit | QComboBox
            if question.kind == QuestionKind.CHOICE:
                widget = QComboBox(self.form_host)
                widget.addItem(self.tr("(未回答)"), "")
                for option in options_from_json(question.options):
                    widget.addItem(option, option)
            else:
                widget = QLineEdit(self.form_host)
                if question.kind == QuestionKind.NUMBER:
                    widget.setPlaceholderText(self.tr("数(例: 12)"))
                    widget.setMaximumWidth(160)
            label = plain(QLabel(f"{question.position}. {question.prompt}", self.form_host))
            label.setWordWrap(True)
            label.setBuddy(widget)
            self.form.addRow(label, widget)
            self.inputs[question.id] = widget
        # A supervisor's profile reads the answers and changes nothing.
        writable = self.ctx.services.actor.may_write
        has_form = bool(self.questions) and bool(self.places) and writable
        for button in (self.save_button, self.next_button, self.accept_button):
            button.setEnabled(has_form)
        self.import_button.setEnabled(bool(self.questions) and writable)

    def current_place(self) -> GatheringPlace | None:
        row = self.place_list.currentRow()
        return self.places[row] if 0 <= row < len(self.places) else None

    def dirty(self) -> bool:
        """True when the form holds answers not yet saved."""
        return any(v != self._loaded.get(k, "") for k, v in self.values().items())

    def _place_changed(self, row: int) -> None:
        # Moving on saves what was typed for the place left (as 保存して次へ does);
        # answers that cannot be saved keep the user on that place, with the reasons.
        left = self._shown_row
        moved = 0 <= left < len(self.places) and row != left
        if moved and self.dirty() and not self.save(left):
            self.place_list.blockSignals(True)
            self.place_list.setCurrentRow(left)
            self.place_list.blockSignals(False)
            return
        self.load_answers()

    def load_answers(self) -> None:
        place = self.current_place()
        self._shown_row = self.place_list.currentRow()
        self.error_label.clear()
        self.place_title.setText(place.name if place else self.tr("通いの場がありません"))
        answers = (
            self.ctx.services.surveys.answers(self.round_id, place.id)
            if place and self.round_id
            else {}
        )
        for widget in self.inputs.values():
            widget.setStyleSheet("")
        self._show_values({q: answers.get(q, "") for q in self.inputs})
        self._loaded = self.values()

    def _show_values(self, values: dict[uuid.UUID, str]) -> None:
        for question_id, value in values.items():
            widget = self.inputs.get(question_id)
            if isinstance(widget, QComboBox):
                index = widget.findData(value)
                if index < 0 and value:  # an answer no longer among the options: keep it
                    widget.addItem(value, value)
                    index = widget.count() - 1
                widget.setCurrentIndex(max(0, index))
            elif widget is not None:
                widget.setText(value)

    def values(self) -> dict[uuid.UUID, str]:
        return {
            question_id: str(widget.currentData() or "")
            if isinstance(widget, QComboBox)
            else widget.text()
            for question_id, widget in self.inputs.items()
        }

    # -- actions -----------------------------------------------------------------------

    def save(self, row: int | None = None) -> bool:
        """Store the form's answers (for the place at ``row``, default the chosen one);
        on errors say which and keep what was typed."""
        row = self.place_list.currentRow() if row is None else row
        place = self.places[row] if 0 <= row < len(self.places) else None
        if place is None or self.round_id is None:
            return False
        try:
            self.ctx.services.surveys.save_answers(self.round_id, place.id, self.values())
        except ValidationError as exc:
            for question_id, widget in self.inputs.items():
                bad = answer_key(question_id) in exc.errors
                widget.setStyleSheet(ERROR_STYLE if bad else "")
            numbers = {answer_key(q.id): q.position for q in self.questions}
            self.error_label.setText(
                "\n".join(
                    self.tr("問{number}: {message}").format(number=numbers[k], message=v)
                    if k in numbers
                    else v
                    for k, v in exc.errors.items()
                )
            )
            return False
        except WRITE_ERRORS as exc:  # disk full, locked …: what was typed stays
            self.error_label.setText(message_text(storage_message(exc)))
            return False
        self.error_label.clear()
        self._loaded = self.values()
        item = self.place_list.item(row)
        answered = bool(self.ctx.services.surveys.answers(self.round_id, place.id))
        item.setText((ANSWERED_MARK if answered else "　 ") + place.name)
        return True

    def save_and_next(self) -> None:
        if self.save() and self.place_list.currentRow() < self.place_list.count() - 1:
            self.place_list.setCurrentRow(self.place_list.currentRow() + 1)
            first = next(iter(self.inputs.values()), None)
            if first is not None:
                first.setFocus()

    def open_accept(self) -> SurveyAcceptDialog | None:
        place = self.current_place()
        if place is None or self.round_id is None or not self.save():
            return None
        self.accept_dialog = SurveyAcceptDialog(self.ctx, self.round_id, place.id, self)
        self.accept_dialog.open()
        return self.accept_dialog

    def open_import(self) -> QWidget | None:
        from coordinator_app.ui.gathering_places.survey_import_wizard import SurveyImportWizard

        if self.round_id is None:
            return None
        wizard = SurveyImportWizard(self.ctx, self.round_id, self)
        wizard.imported.connect(lambda *_a: self.refresh())
        wizard.open()
        self.import_wizard = wizard
        return wizard
