"""The dialog that edits a contact person of an organisation."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from coordinator_app.domain.models import Contact, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.organisations import ContactService
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.context import UiContext


class ContactDialog(RecordDialog):
    """Name, reading, role, phone, email and notes of a contact."""

    kind = RecordKind.CONTACT

    def __init__(
        self,
        ctx: UiContext,
        *,
        owner_id: uuid.UUID,
        record: Record | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, owner_id=owner_id, record=record, parent=parent)
        self.setWindowTitle(self.tr("担当者を追加") if self.is_new else self.tr("担当者を編集"))
        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.role_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(90)
        self.form.add_field("name", self.tr("氏名"), self.name_edit, required=True)
        self.form.add_field("kana", self.tr("ふりがな"), self.kana_edit)
        self.form.add_field("role", self.tr("役職"), self.role_edit)
        self.form.add_field("phone", self.tr("電話番号"), self.phone_edit)
        self.form.add_field("email", self.tr("メールアドレス"), self.email_edit)
        self.form.add_field("notes", self.tr("メモ"), self.notes_edit)
        self.finish_setup()

    @property
    def service(self) -> ContactService:
        return self.ctx.services.contacts

    def blank(self) -> Record:
        return Contact(organisation_id=self.owner_id, name="")

    def fill(self, record: Any) -> None:
        contact: Contact = record
        self.name_edit.setText(contact.name)
        self.kana_edit.setText(contact.kana)
        self.role_edit.setText(contact.role)
        self.phone_edit.setText(contact.phone)
        self.email_edit.setText(contact.email)
        self.notes_edit.setPlainText(contact.notes)

    def apply(self, record: Any) -> None:
        contact: Contact = record
        contact.name = self.name_edit.text()
        contact.kana = self.kana_edit.text()
        contact.role = self.role_edit.text()
        contact.phone = self.phone_edit.text()
        contact.email = self.email_edit.text()
        contact.notes = self.notes_edit.toPlainText()
