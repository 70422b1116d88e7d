"""The detail form of an organisation: data, areas served, contacts, participation."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from coordinator_app.domain.enums import OrgKind, SupportCenterOperation
from coordinator_app.domain.models import Contact, Organisation, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.organisations import OrganisationService
from coordinator_app.ui.common.child_panel import ChildPanel
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.linked_list import LinkedList
from coordinator_app.ui.common.pickers import CheckList, EnumCombo, Option
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.organisations.contact_dialog import ContactDialog
from coordinator_app.ui.organisations.contact_model import ContactTableModel
from coordinator_app.ui.organisations.participation_model import (
    CouncilParticipationModel,
    MeetingParticipationModel,
)
from coordinator_app.ui.sync.history_tab import attach_record_sync


class OrganisationEditor(RecordEditor):
    """Tabs: 基本情報, 担当地域, 担当者, 参加状況."""

    kind = RecordKind.ORGANISATION

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.kind_combo = EnumCombo(OrgKind)
        self.operation_combo = EnumCombo(SupportCenterOperation, none_text="—")
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.website_edit = QLineEdit()
        self.established_field = DateField(ctx.dates)
        self.established_field.setToolTip(
            self.tr(
                "活動を始めた日・設立日。実績報告の「新規の関係機関」はこの日の年度で数えます"
                "(空欄なら登録した日)"
            )
        )
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(110)
        form = self.add_form(FieldForm())
        form.add_field("name", self.tr("名称"), self.name_edit, required=True)
        form.add_field("kana", self.tr("ふりがな"), self.kana_edit)
        form.add_field("kind", self.tr("種別"), self.kind_combo, required=True)
        form.add_field("operation", self.tr("運営形態"), self.operation_combo)
        form.add_field("address", self.tr("住所"), self.address_edit)
        form.add_field("phone", self.tr("電話番号"), self.phone_edit)
        form.add_field("email", self.tr("メールアドレス"), self.email_edit)
        form.add_field("website", self.tr("ウェブサイト"), self.website_edit)
        form.add_field("established_on", self.tr("設立日"), self.established_field)
        form.add_field("notes", self.tr("メモ"), self.notes_edit)
        self.add_tab(form, self.tr("基本情報"))
        self.first_field = self.name_edit
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

        self.areas_list = CheckList()
        areas_form = self.add_form(FieldForm())
        areas_form.add_field("areas", self.tr("担当地域"), self.areas_list)
        self.add_tab(areas_form, self.tr("担当地域"))

        self.contacts = ChildPanel(
            ctx,
            model=ContactTableModel(ctx.services.contacts, ctx.dates),
            service=ctx.services.contacts,
            kind=RecordKind.CONTACT,
            make_dialog=self._contact_dialog,
        )
        self.add_tab(self.contacts, self.tr("担当者"), scroll=False)

        participation = QWidget()
        column = QVBoxLayout(participation)
        self.councils = LinkedList(
            ctx,
            title=self.tr("参加している協議体"),
            model=CouncilParticipationModel(ctx.services.organisations, ctx.dates),
            opens=RecordKind.COUNCIL,
            watched=(RecordKind.COUNCIL, RecordKind.COUNCIL_MEMBERSHIP, RecordKind.CONTACT),
        )
        self.meetings = LinkedList(
            ctx,
            title=self.tr("出席した会議"),
            model=MeetingParticipationModel(ctx.services.organisations, ctx.dates),
            opens=RecordKind.MEETING,
            watched=(RecordKind.MEETING,),
        )
        column.addWidget(self.councils)
        column.addWidget(self.meetings)
        self.add_tab(participation, self.tr("参加状況"), scroll=False)
        attach_record_sync(self)

    @property
    def service(self) -> OrganisationService:
        return self.ctx.services.organisations

    def new_heading(self) -> str:
        return self.tr("新しい関係機関")

    def blank(self) -> Record:
        return Organisation(name="", kind=OrgKind.NPO)

    def refresh_choices(self) -> None:
        self.areas_list.set_options(
            [
                Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana)
                for node in self.ctx.services.areas.tree()
            ]
        )

    def fill(self, record: Any) -> None:
        org: Organisation = record
        self.name_edit.setText(org.name)
        self.kana_edit.setText(org.kana)
        self.kind_combo.set_value(org.kind)
        self.operation_combo.set_value(org.operation)
        self.address_edit.setText(org.address)
        self.phone_edit.setText(org.phone)
        self.email_edit.setText(org.email)
        self.website_edit.setText(org.website)
        self.established_field.set_date(org.established_on)
        self.notes_edit.setPlainText(org.notes)
        self._kind_changed()

    def fill_related(self, record_id: uuid.UUID | None) -> None:
        self.areas_list.set_checked_values(
            self.service.area_ids(record_id) if record_id is not None else []
        )
        self.contacts.set_owner(record_id)
        self.councils.set_owner(record_id)
        self.meetings.set_owner(record_id)

    def apply(self, record: Any) -> None:
        org: Organisation = record
        org.name = self.name_edit.text()
        org.kana = self.kana_edit.text()
        org.kind = self.kind_combo.value()
        org.operation = self.operation_combo.value()
        org.address = self.address_edit.text()
        org.phone = self.phone_edit.text()
        org.email = self.email_edit.text()
        org.website = self.website_edit.text()
        org.established_on = self.established_field.date()
        org.notes = self.notes_edit.toPlainText()

    def store(self, record: Record) -> Record:
        assert isinstance(record, Organisation)
        area_ids = [v for v in self.areas_list.checked_values() if isinstance(v, uuid.UUID)]
        return self.service.save(record, area_ids=area_ids)

    def _kind_changed(self, *_args: object) -> None:
        is_center = self.kind_combo.value() == OrgKind.SUPPORT_CENTER
        self.operation_combo.setEnabled(is_center)
        if not is_center:
            self.operation_combo.set_value(None)

    def _contact_dialog(self, owner_id: uuid.UUID, record: Record | None) -> RecordDialog:
        assert record is None or isinstance(record, Contact)
        return ContactDialog(self.ctx, owner_id=owner_id, record=record, parent=self)
