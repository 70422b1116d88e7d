"""The detail form of a meeting: data, attendance, record and action items."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting, Record
from coordinator_app.services.meetings import MeetingService
from coordinator_app.ui.common.child_panel import ChildPanel
from coordinator_app.ui.common.fields import DateField, NumberField, TimeField
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.pickers import CheckList, EnumCombo, RecordCombo, options_of
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.events import RecordKind
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.action_item_model import ActionItemTableModel


def _pair(first: QWidget, between: str, second: QWidget) -> QWidget:
    """Two short fields on one line (e.g. start 〜 end)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first)
    layout.addWidget(QLabel(between))
    layout.addWidget(second)
    layout.addStretch(1)
    return row


class MeetingEditor(RecordEditor):
    """Tabs: 基本情報, 出席, 記録 (agenda, minutes, decisions), 対応事項."""

    kind = RecordKind.MEETING

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind_combo = EnumCombo(MeetingKind)
        self.title_edit = QLineEdit()
        self.date_field = DateField(ctx.dates)
        self.start_field = TimeField()
        self.end_field = TimeField()
        self.venue_edit = QLineEdit()
        self.mode_combo = EnumCombo(MeetingMode)
        self.capacity_on_site = NumberField()
        self.capacity_online = NumberField()
        self.council_combo = RecordCombo(none_text=self.tr("(なし)"))
        self.project_combo = RecordCombo(none_text=self.tr("(なし)"))
        self.participants_on_site = NumberField()
        self.participants_online = NumberField()
        form = self.add_form(FieldForm())
        form.add_field("kind", self.tr("種類"), self.kind_combo, required=True)
        form.add_field("title", self.tr("会議名"), self.title_edit, required=True)
        form.add_field("held_on", self.tr("開催日"), self.date_field, required=True)
        form.add_field("start_time", self.tr("開始時刻"), self.start_field)
        form.add_field("end_time", self.tr("終了時刻"), self.end_field)
        form.add_field("venue", self.tr("会場"), self.venue_edit)
        form.add_field("mode", self.tr("開催方法"), self.mode_combo, required=True)
        form.add_field("capacity_on_site", self.tr("定員(会場)"), self.capacity_on_site)
        form.add_field("capacity_online", self.tr("定員(オンライン)"), self.capacity_online)
        form.add_field("participants_on_site", self.tr("参加者数(会場)"), self.participants_on_site)
        form.add_field(
            "participants_online", self.tr("参加者数(オンライン)"), self.participants_online
        )
        form.add_field("council_id", self.tr("協議体"), self.council_combo)
        form.add_field("project_id", self.tr("プロジェクト"), self.project_combo)
        self.add_tab(form, self.tr("基本情報"))
        self.first_field = self.title_edit

        self.coordinator_list = CheckList()
        self.organisation_list = CheckList()
        attendance = self.add_form(FieldForm())
        attendance.add_field("coordinators", self.tr("コーディネーター"), self.coordinator_list)
        attendance.add_field("organisations", self.tr("関係機関"), self.organisation_list)
        self.add_tab(attendance, self.tr("出席"))

        self.agenda_edit = QPlainTextEdit()
        self.minutes_edit = QPlainTextEdit()
        self.decisions_edit = QPlainTextEdit()
        self.minutes_edit.setMinimumHeight(160)
        notes = self.add_form(FieldForm())
        notes.add_field("agenda", self.tr("議題"), self.agenda_edit)
        notes.add_field("minutes", self.tr("議事録"), self.minutes_edit)
        notes.add_field("decisions", self.tr("決定事項"), self.decisions_edit)
        self.add_tab(notes, self.tr("記録"))

        self.action_items = ChildPanel(
            ctx,
            model=ActionItemTableModel(ctx.services.action_items, ctx.dates),
            service=ctx.services.action_items,
            kind=RecordKind.ACTION_ITEM,
            make_dialog=self._action_item_dialog,
            watched=(RecordKind.COORDINATOR, RecordKind.CONTACT),
        )
        self.add_tab(self.action_items, self.tr("対応事項"), scroll=False)

    @property
    def service(self) -> MeetingService:
        return self.ctx.services.meetings

    def new_heading(self) -> str:
        return self.tr("新しい会議")

    def blank(self) -> Record:
        return Meeting(
            kind=MeetingKind.COUNCIL, title="", held_on=date.today(), mode=MeetingMode.ON_SITE
        )

    def refresh_choices(self) -> None:
        services = self.ctx.services
        self.council_combo.set_options(options_of(services.councils))
        self.project_combo.set_options(options_of(services.projects))
        self.coordinator_list.set_options(options_of(services.coordinators))
        self.organisation_list.set_options(options_of(services.organisations))

    def fill(self, record: Any) -> None:
        meeting: Meeting = record
        self.kind_combo.set_value(meeting.kind)
        self.title_edit.setText(meeting.title)
        self.date_field.set_date(meeting.held_on)
        self.start_field.set_time(meeting.start_time)
        self.end_field.set_time(meeting.end_time)
        self.venue_edit.setText(meeting.venue)
        self.mode_combo.set_value(meeting.mode)
        self.capacity_on_site.set_number(meeting.capacity_on_site)
        self.capacity_online.set_number(meeting.capacity_online)
        self.participants_on_site.set_number(meeting.participants_on_site)
        self.participants_online.set_number(meeting.participants_online)
        self.council_combo.set_current_value(meeting.council_id)
        self.project_combo.set_current_value(meeting.project_id)
        self.agenda_edit.setPlainText(meeting.agenda)
        self.minutes_edit.setPlainText(meeting.minutes)
        self.decisions_edit.setPlainText(meeting.decisions)

    def fill_related(self, record_id: uuid.UUID | None) -> None:
        coordinators, organisations = (
            self.service.attendance(record_id) if record_id is not None else ([], [])
        )
        self.coordinator_list.set_checked_values(coordinators)
        self.organisation_list.set_checked_values(organisations)
        self.action_items.set_owner(record_id)

    def apply(self, record: Any) -> None:
        meeting: Meeting = record
        meeting.kind = self.kind_combo.value()
        meeting.title = self.title_edit.text()
        meeting.held_on = self.date_field.date()  # type: ignore[assignment]
        meeting.start_time = self.start_field.time()
        meeting.end_time = self.end_field.time()
        meeting.venue = self.venue_edit.text()
        meeting.mode = self.mode_combo.value()
        meeting.capacity_on_site = self.capacity_on_site.number()
        meeting.capacity_online = self.capacity_online.number()
        meeting.participants_on_site = self.participants_on_site.number()
        meeting.participants_online = self.participants_online.number()
        meeting.council_id = self.council_combo.current_value()  # type: ignore[assignment]
        meeting.project_id = self.project_combo.current_value()  # type: ignore[assignment]
        meeting.agenda = self.agenda_edit.toPlainText()
        meeting.minutes = self.minutes_edit.toPlainText()
        meeting.decisions = self.decisions_edit.toPlainText()

    def store(self, record: Record) -> Record:
        assert isinstance(record, Meeting)
        return self.service.save(
            record,
            coordinator_ids=_ids(self.coordinator_list.checked_values()),
            organisation_ids=_ids(self.organisation_list.checked_values()),
        )

    def _action_item_dialog(self, owner_id: uuid.UUID, record: Record | None) -> RecordDialog:
        assert record is None or isinstance(record, ActionItem)
        return ActionItemDialog(self.ctx, owner_id=owner_id, record=record, parent=self)


def _ids(values: list[object]) -> list[uuid.UUID]:
    return [v for v in values if isinstance(v, uuid.UUID)]
