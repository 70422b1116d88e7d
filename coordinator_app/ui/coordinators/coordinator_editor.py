"""The detail form of a coordinator: profile, photo, consult topics, assignment history."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QWidget

from coordinator_app.domain.models import Assignment, Coordinator, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.coordinators import CoordinatorService
from coordinator_app.ui.common.child_panel import ChildPanel
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.photo_field import PhotoField
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.coordinators.assignment_model import AssignmentTableModel
from coordinator_app.ui.sync.history_tab import attach_record_sync


class CoordinatorEditor(RecordEditor):
    """Tabs: 基本情報 (profile used by flyers) and 担当履歴 (posts over time)."""

    kind = RecordKind.COORDINATOR

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.office_hours_edit = QLineEdit()
        self.office_hours_edit.setPlaceholderText(self.tr("例: 平日 9:00〜17:00"))
        self.photo_field = PhotoField(ctx.prompts)
        self.message_edit = QPlainTextEdit()
        self.message_edit.setMaximumHeight(100)
        self.topics_edit = QPlainTextEdit()
        self.topics_edit.setMaximumHeight(110)
        self.topics_edit.setPlaceholderText(
            self.tr("1行に1つずつ(チラシの「こんな時にご相談ください」)")
        )
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(80)
        form = self.add_form(FieldForm())
        form.add_field("name", self.tr("氏名"), self.name_edit, required=True)
        form.add_field("kana", self.tr("ふりがな"), self.kana_edit)
        form.add_field("phone", self.tr("電話番号"), self.phone_edit)
        form.add_field("email", self.tr("メールアドレス"), self.email_edit)
        form.add_field("office_hours", self.tr("相談受付時間"), self.office_hours_edit)
        form.add_field("photo", self.tr("写真"), self.photo_field)
        form.add_field("message", self.tr("メッセージ"), self.message_edit)
        form.add_field("consult_topics", self.tr("相談できること"), self.topics_edit)
        form.add_field("notes", self.tr("メモ"), self.notes_edit)
        self.add_tab(form, self.tr("基本情報"))
        self.first_field = self.name_edit

        self.assignments = ChildPanel(
            ctx,
            model=AssignmentTableModel(ctx.services.assignments, ctx.dates),
            service=ctx.services.assignments,
            kind=RecordKind.ASSIGNMENT,
            make_dialog=self._assignment_dialog,
            watched=(RecordKind.AREA, RecordKind.ORGANISATION),
        )
        self.end_button = QPushButton(icon("end"), self.tr("担当を終了…"))
        self.end_button.clicked.connect(self.end_assignment)
        self.assignments.buttons.insertWidget(2, self.end_button)
        self.assignments.table.selectionModel().selectionChanged.connect(self._update_end)
        self.add_tab(self.assignments, self.tr("担当履歴"), scroll=False)
        attach_record_sync(self)
        self._update_end()

    @property
    def service(self) -> CoordinatorService:
        return self.ctx.services.coordinators

    def new_heading(self) -> str:
        return self.tr("新しいコーディネーター")

    def blank(self) -> Record:
        return Coordinator(name="")

    def fill(self, record: Any) -> None:
        person: Coordinator = record
        self.name_edit.setText(person.name)
        self.kana_edit.setText(person.kana)
        self.phone_edit.setText(person.phone)
        self.email_edit.setText(person.email)
        self.office_hours_edit.setText(person.office_hours)
        self.photo_field.set_photo(person.photo)
        self.message_edit.setPlainText(person.message)
        self.topics_edit.setPlainText(person.consult_topics)
        self.notes_edit.setPlainText(person.notes)

    def fill_related(self, record_id: uuid.UUID | None) -> None:
        self.assignments.set_owner(record_id)
        self._update_end()

    def apply(self, record: Any) -> None:
        person: Coordinator = record
        person.name = self.name_edit.text()
        person.kana = self.kana_edit.text()
        person.phone = self.phone_edit.text()
        person.email = self.email_edit.text()
        person.office_hours = self.office_hours_edit.text()
        person.photo = self.photo_field.photo()
        person.message = self.message_edit.toPlainText()
        person.consult_topics = self.topics_edit.toPlainText()
        person.notes = self.notes_edit.toPlainText()

    def end_assignment(self) -> RecordDialog | None:
        """Open the selected assignment with its end date set to today."""
        record_id = self.assignments.selected_id()
        owner_id = self.assignments.owner_id
        if record_id is None or owner_id is None:
            return None
        post = self.ctx.services.assignments.get(record_id)
        dialog = AssignmentDialog(
            self.ctx, owner_id=owner_id, record=post, ending=True, parent=self
        )
        dialog.finished.connect(dialog.deleteLater)
        self.assignments.dialog = dialog
        dialog.open()
        return dialog

    def _assignment_dialog(self, owner_id: uuid.UUID, record: Record | None) -> RecordDialog:
        assert record is None or isinstance(record, Assignment)
        return AssignmentDialog(self.ctx, owner_id=owner_id, record=record, parent=self)

    def _update_end(self, *_args: object) -> None:
        self.end_button.setEnabled(self.assignments.selected_id() is not None)
