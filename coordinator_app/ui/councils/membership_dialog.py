"""The dialog that adds or edits a council member (an organisation or a contact)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QComboBox, QGridLayout, QRadioButton, QWidget

from coordinator_app.domain.models import CouncilMembership, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.councils import CouncilMembershipService
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.pickers import ContactOptions, RecordCombo, options_of
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.context import UiContext

ROLES = ("座長", "副座長", "委員", "事務局", "オブザーバー")
"""Usual roles. They are data (stored as typed), so they stay Japanese in every UI language."""


class MembershipDialog(RecordDialog):
    """Member (organisation or contact), role, from and to."""

    kind = RecordKind.COUNCIL_MEMBERSHIP
    field_groups = (frozenset({"organisation_id", "contact_id"}),)

    def __init__(
        self,
        ctx: UiContext,
        *,
        owner_id: uuid.UUID,
        record: Record | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, owner_id=owner_id, record=record, parent=parent)
        self.setWindowTitle(self.tr("委員を追加") if self.is_new else self.tr("委員を編集"))
        self.organisation_radio = QRadioButton(self.tr("関係機関"))
        self.contact_radio = QRadioButton(self.tr("担当者(個人)"))
        self.organisation_combo = RecordCombo()
        self.contact_combo = RecordCombo()
        member = QWidget()
        grid = QGridLayout(member)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.organisation_radio, 0, 0)
        grid.addWidget(self.organisation_combo, 0, 1)
        grid.addWidget(self.contact_radio, 1, 0)
        grid.addWidget(self.contact_combo, 1, 1)
        grid.setColumnStretch(1, 1)
        self.role_combo = QComboBox()
        self.role_combo.setEditable(True)
        self.role_combo.addItems(ROLES)
        self.start_field = DateField(ctx.dates)
        self.end_field = DateField(ctx.dates)
        self.organisation_combo.set_options(options_of(ctx.services.organisations))
        self.contact_combo.set_options(ContactOptions(ctx.services))
        self.form.add_field("member", self.tr("委員"), member, required=True)
        self.form.add_field("role", self.tr("役割"), self.role_combo, required=True)
        self.form.add_field("start_date", self.tr("開始日"), self.start_field)
        self.form.add_field("end_date", self.tr("終了日"), self.end_field)
        self.organisation_radio.toggled.connect(self._member_kind_changed)
        self.finish_setup()

    @property
    def service(self) -> CouncilMembershipService:
        return self.ctx.services.council_members

    def blank(self) -> Record:
        return CouncilMembership(council_id=self.owner_id, role="委員")

    def form_field(self, name: str) -> str:
        return "member" if name in ("organisation_id", "contact_id") else name

    def fill(self, record: Any) -> None:
        member: CouncilMembership = record
        is_contact = member.contact_id is not None
        self.contact_radio.setChecked(is_contact)
        self.organisation_radio.setChecked(not is_contact)
        if member.organisation_id is not None:
            self.organisation_combo.set_current_value(member.organisation_id)
        if member.contact_id is not None:
            self.contact_combo.set_current_value(member.contact_id)
        self.role_combo.setCurrentText(member.role)
        self.start_field.set_date(member.start_date)
        self.end_field.set_date(member.end_date)
        self._member_kind_changed()

    def apply(self, record: Any) -> None:
        member: CouncilMembership = record
        if self.contact_radio.isChecked():
            member.organisation_id = None
            member.contact_id = self.contact_combo.current_value()  # type: ignore[assignment]
        else:
            member.organisation_id = self.organisation_combo.current_value()  # type: ignore[assignment]
            member.contact_id = None
        member.role = self.role_combo.currentText()
        member.start_date = self.start_field.date()
        member.end_date = self.end_field.date()

    def _member_kind_changed(self, *_args: object) -> None:
        self.organisation_combo.setEnabled(self.organisation_radio.isChecked())
        self.contact_combo.setEnabled(self.contact_radio.isChecked())
