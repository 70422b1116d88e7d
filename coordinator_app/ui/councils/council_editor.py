"""The detail form of a council: data, members and meeting history."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from coordinator_app.domain.enums import CouncilStatus
from coordinator_app.domain.models import Council, CouncilMembership, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.councils import CouncilService
from coordinator_app.ui.common.child_panel import ChildPanel
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.linked_list import LinkedList
from coordinator_app.ui.common.pickers import EnumCombo, Option, RecordCombo
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.tier_field import TierField
from coordinator_app.ui.councils.council_meeting_model import CouncilMeetingModel
from coordinator_app.ui.councils.membership_dialog import MembershipDialog
from coordinator_app.ui.councils.membership_model import MembershipTableModel
from coordinator_app.ui.sync.history_tab import attach_record_sync


class CouncilEditor(RecordEditor):
    """Tabs: 基本情報, 委員, 会議履歴."""

    kind = RecordKind.COUNCIL

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.tier_field = TierField(ctx, load=False)  # filled by refresh_choices on load
        self.area_combo = RecordCombo(none_text=self.tr("(未設定)"))
        self.status_combo = EnumCombo(CouncilStatus)
        self.established_field = DateField(ctx.dates)
        self.venue_edit = QLineEdit()
        self.purpose_edit = QPlainTextEdit()
        self.purpose_edit.setMaximumHeight(110)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(80)
        form = self.add_form(FieldForm())
        form.add_field("name", self.tr("協議体名"), self.name_edit, required=True)
        form.add_field("kana", self.tr("ふりがな"), self.kana_edit)
        form.add_field(
            "tier", self.tr("層"), self.tier_field, required=True, aliases=("tier_label",)
        )
        form.add_field("area_id", self.tr("地域"), self.area_combo)
        form.add_field("status", self.tr("状況"), self.status_combo, required=True)
        form.add_field("established_on", self.tr("設置日"), self.established_field)
        form.add_field("usual_venue", self.tr("主な会場"), self.venue_edit)
        form.add_field("purpose", self.tr("目的"), self.purpose_edit)
        form.add_field("notes", self.tr("メモ"), self.notes_edit)
        self.add_tab(form, self.tr("基本情報"))
        self.first_field = self.name_edit

        self.members = ChildPanel(
            ctx,
            model=MembershipTableModel(ctx.services.council_members, ctx.dates),
            service=ctx.services.council_members,
            kind=RecordKind.COUNCIL_MEMBERSHIP,
            make_dialog=self._membership_dialog,
            watched=(RecordKind.ORGANISATION, RecordKind.CONTACT),
        )
        self.add_tab(self.members, self.tr("委員"), scroll=False)
        self.meetings = LinkedList(
            ctx,
            title=self.tr("この協議体の会議(新しい順)"),
            model=CouncilMeetingModel(ctx.services.councils, ctx.dates),
            opens=RecordKind.MEETING,
            watched=(RecordKind.MEETING,),
        )
        self.add_tab(self.meetings, self.tr("会議履歴"), scroll=False)
        attach_record_sync(self)

    @property
    def service(self) -> CouncilService:
        return self.ctx.services.councils

    def new_heading(self) -> str:
        return self.tr("新しい協議体")

    def blank(self) -> Record:
        return Council(name="", tier=2, status=CouncilStatus.PREPARING)

    def refresh_choices(self) -> None:
        self.tier_field.reload()
        self.area_combo.set_options(
            Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana)
            for node in self.ctx.services.areas.tree()
        )

    def fill(self, record: Any) -> None:
        council: Council = record
        self.name_edit.setText(council.name)
        self.kana_edit.setText(council.kana)
        self.tier_field.set_value(council.tier, council.tier_label)
        self.area_combo.set_current_value(council.area_id)
        self.status_combo.set_value(council.status)
        self.established_field.set_date(council.established_on)
        self.venue_edit.setText(council.usual_venue)
        self.purpose_edit.setPlainText(council.purpose)
        self.notes_edit.setPlainText(council.notes)

    def fill_related(self, record_id: uuid.UUID | None) -> None:
        self.members.set_owner(record_id)
        self.meetings.set_owner(record_id)

    def apply(self, record: Any) -> None:
        council: Council = record
        council.name = self.name_edit.text()
        council.kana = self.kana_edit.text()
        council.tier, council.tier_label = self.tier_field.value() or (0, "")
        council.area_id = self.area_combo.current_value()  # type: ignore[assignment]
        council.status = self.status_combo.value()
        council.established_on = self.established_field.date()
        council.usual_venue = self.venue_edit.text()
        council.purpose = self.purpose_edit.toPlainText()
        council.notes = self.notes_edit.toPlainText()

    def _membership_dialog(self, owner_id: uuid.UUID, record: Record | None) -> RecordDialog:
        assert record is None or isinstance(record, CouncilMembership)
        return MembershipDialog(self.ctx, owner_id=owner_id, record=record, parent=self)
