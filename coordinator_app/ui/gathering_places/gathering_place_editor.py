"""The form of a gathering place: what, where, when, for whom, who runs it, status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.gathering_places import GatheringPlaceStatus, parse_schedule
from coordinator_app.domain.models import GatheringPlace, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.gathering_places import GatheringPlaceService
from coordinator_app.ui.common.fields import DateField, NumberField
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.option_sources import options_of
from coordinator_app.ui.common.photo_field import PhotoField
from coordinator_app.ui.common.pickers import Option, RecordCombo
from coordinator_app.ui.common.plain_text import plain, plain_tooltip
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.gathering_places.labels import status_labels
from coordinator_app.ui.labels import names_text


class GatheringPlaceEditor(RecordEditor):
    """Tabs: 基本情報 (name, kind, area, place, schedule, fee …), 運営・連絡先, 状況."""

    kind = RecordKind.GATHERING_PLACE

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.name_edit = QLineEdit()
        self.kana_edit = QLineEdit()
        self.kind_combo = QComboBox()
        self.kind_combo.setEditable(True)
        self.kind_combo.setToolTip(
            self.tr("一覧から選ぶか、新しい種類を入力します(入力した種類は一覧に加わります)")
        )
        self.area_combo = RecordCombo(none_text=self.tr("(未設定)"))
        self.address_edit = QLineEdit()
        self.meeting_place_edit = QLineEdit()
        self.meeting_place_edit.setPlaceholderText(self.tr("例: 中央公民館 2階和室"))
        self.schedule_edit = QLineEdit()
        self.schedule_edit.setPlaceholderText(
            self.tr("例: 毎週火曜 10:00〜12:00、第2・第4木曜、月1回")
        )
        self.schedule_reading = plain(QLabel())
        self.schedule_reading.setTextFormat(Qt.TextFormat.PlainText)
        # Unwrapped (a wrapped label in a form row gets too little height); a long
        # reading is cut at the form's edge and shown whole in the tooltip.
        self.schedule_reading.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        schedule_box = QWidget()
        column = QVBoxLayout(schedule_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.schedule_edit)
        column.addWidget(self.schedule_reading)
        self.fee_edit = QLineEdit()
        self.fee_edit.setPlaceholderText(self.tr("例: 100円(お茶代)、無料"))
        self.capacity_field = NumberField()
        self.attendance_field = NumberField()
        self.eligibility_edit = QLineEdit()
        self.eligibility_edit.setPlaceholderText(self.tr("例: 地域の65歳以上の方、どなたでも"))
        self.barrier_free_check = QCheckBox(self.tr("バリアフリー"))
        self.transport_check = QCheckBox(self.tr("送迎あり"))
        access = QWidget()
        row = QHBoxLayout(access)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.barrier_free_check)
        row.addWidget(self.transport_check)
        row.addStretch(1)
        self.photo_field = PhotoField(ctx.prompts)
        form = self.add_form(FieldForm())
        form.add_field("name", self.tr("名称"), self.name_edit, required=True)
        form.add_field("kana", self.tr("ふりがな"), self.kana_edit)
        form.add_field("kind", self.tr("種類"), self.kind_combo, required=True)
        form.add_field("area_id", self.tr("地域"), self.area_combo)
        form.add_field("meeting_place", self.tr("会場"), self.meeting_place_edit)
        form.add_field("address", self.tr("住所"), self.address_edit)
        form.add_field("schedule_text", self.tr("日時"), schedule_box)
        form.watch(self.schedule_edit)
        form.add_field("fee", self.tr("参加費"), self.fee_edit)
        form.add_field("capacity", self.tr("定員"), self.capacity_field)
        form.add_field("usual_attendance", self.tr("ふだんの参加者数"), self.attendance_field)
        form.add_field("eligibility", self.tr("対象"), self.eligibility_edit)
        form.add_field("access", self.tr("利用しやすさ"), access)
        form.watch(self.barrier_free_check)
        form.watch(self.transport_check)
        form.add_field("photo", self.tr("写真"), self.photo_field)
        self.add_tab(form, self.tr("基本情報"))
        self.first_field = self.name_edit

        self.organisation_combo = RecordCombo(
            none_text=self.tr("(未設定)"), source=options_of(ctx.services.organisations)
        )
        self.contact_name_edit = QLineEdit()
        self.contact_phone_edit = QLineEdit()
        self.contact_printable_check = QCheckBox(self.tr("連絡先をガイドブックに載せてよい"))
        self.website_edit = QLineEdit()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(110)
        contact_form = self.add_form(FieldForm())
        contact_form.add_field("organisation_id", self.tr("運営団体"), self.organisation_combo)
        contact_form.add_field("contact_name", self.tr("連絡先(代表者)"), self.contact_name_edit)
        contact_form.add_field("contact_phone", self.tr("電話番号"), self.contact_phone_edit)
        contact_form.add_field("contact_printable", "", self.contact_printable_check)
        contact_form.add_field("website", self.tr("ウェブページ"), self.website_edit)
        contact_form.add_field("notes", self.tr("メモ"), self.notes_edit)
        self.add_tab(contact_form, self.tr("運営・連絡先"))

        self.status_combo = QComboBox()
        for status, text in status_labels().items():
            self.status_combo.addItem(text, status.value)
        self.started_field = DateField(ctx.dates)
        self.status_since_field = DateField(ctx.dates)
        status_form = self.add_form(FieldForm())
        status_form.add_field("status", self.tr("状況"), self.status_combo, required=True)
        status_form.add_field("started_on", self.tr("活動開始日"), self.started_field)
        status_form.add_field("status_since", self.tr("休止・終了した日"), self.status_since_field)
        self.add_tab(status_form, self.tr("状況"))

        self.schedule_edit.textChanged.connect(self._show_reading)
        self.status_combo.currentIndexChanged.connect(self._status_changed)

    @property
    def service(self) -> GatheringPlaceService:
        return self.ctx.services.gathering_places

    def new_heading(self) -> str:
        return self.tr("新しい通いの場")

    def blank(self) -> Record:
        kinds = self.service.kinds()
        return GatheringPlace(name="", kind=kinds[0] if kinds else "")

    def refresh_choices(self) -> None:
        self.area_combo.set_options(
            Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana)
            for node in self.ctx.services.areas.tree()
        )
        self.organisation_combo.refresh()
        text = self.kind_combo.currentText()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for kind in self.service.kinds():
            # The usual kinds in the window's language; the record keeps the stored kind.
            self.kind_combo.addItem(QCoreApplication.translate("GatheringPlaceKind", kind), kind)
        self.kind_combo.setCurrentText(text)
        self.kind_combo.blockSignals(False)

    def fill(self, record: Any) -> None:
        place: GatheringPlace = record
        self.name_edit.setText(place.name)
        self.kana_edit.setText(place.kana)
        index = self.kind_combo.findData(place.kind)
        if index < 0 and place.kind:
            self.kind_combo.addItem(place.kind, place.kind)
            index = self.kind_combo.count() - 1
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)
        else:
            self.kind_combo.setCurrentText(place.kind)
        self.area_combo.set_current_value(place.area_id)
        self.address_edit.setText(place.address)
        self.meeting_place_edit.setText(place.meeting_place)
        self.schedule_edit.setText(place.schedule_text)
        self.fee_edit.setText(place.fee)
        self.capacity_field.set_number(place.capacity)
        self.attendance_field.set_number(place.usual_attendance)
        self.eligibility_edit.setText(place.eligibility)
        self.barrier_free_check.setChecked(place.barrier_free)
        self.transport_check.setChecked(place.transport)
        self.photo_field.set_photo(place.photo)
        self.organisation_combo.set_current_value(place.organisation_id)
        self.contact_name_edit.setText(place.contact_name)
        self.contact_phone_edit.setText(place.contact_phone)
        self.contact_printable_check.setChecked(place.contact_printable)
        self.website_edit.setText(place.website)
        self.notes_edit.setPlainText(place.notes)
        self.status_combo.setCurrentIndex(
            max(0, self.status_combo.findData(GatheringPlaceStatus(place.status).value))
        )
        self.started_field.set_date(place.started_on)
        self.status_since_field.set_date(place.status_since)
        self._show_reading()
        self._status_changed()

    def _kind(self) -> str:
        """The chosen kind as stored: a listed kind's own (Japanese) name, else what was typed."""
        text = self.kind_combo.currentText()
        index = self.kind_combo.findText(text)
        data = self.kind_combo.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def apply(self, record: Any) -> None:
        place: GatheringPlace = record
        place.name = self.name_edit.text()
        place.kana = self.kana_edit.text()
        place.kind = self._kind()
        place.area_id = self.area_combo.current_value()  # type: ignore[assignment]
        place.address = self.address_edit.text()
        place.meeting_place = self.meeting_place_edit.text()
        place.schedule_text = self.schedule_edit.text()
        place.fee = self.fee_edit.text()
        place.capacity = self.capacity_field.number()
        place.usual_attendance = self.attendance_field.number()
        place.eligibility = self.eligibility_edit.text()
        place.barrier_free = self.barrier_free_check.isChecked()
        place.transport = self.transport_check.isChecked()
        place.photo = self.photo_field.photo()
        place.organisation_id = self.organisation_combo.current_value()  # type: ignore[assignment]
        place.contact_name = self.contact_name_edit.text()
        place.contact_phone = self.contact_phone_edit.text()
        place.contact_printable = self.contact_printable_check.isChecked()
        place.website = self.website_edit.text()
        place.notes = self.notes_edit.toPlainText()
        place.status = GatheringPlaceStatus(self.status_combo.currentData())
        place.started_on = self.started_field.date()
        place.status_since = self.status_since_field.date()

    def _show_reading(self, *_args: object) -> None:
        text = self.schedule_edit.text().strip()
        if not text:
            self.schedule_reading.setText("")
            self.schedule_reading.setToolTip("")
            return
        schedule = parse_schedule(text)
        reading = (
            self.tr("→ {label}").format(label=" / ".join(r.label for r in schedule.rules))
            if schedule.rules
            else ""
        )
        note = (
            self.tr("※ そのまま残します: {text}").format(text=names_text(schedule.unread))
            if schedule.unread
            else ""
        )
        self.schedule_reading.setText("\n".join(t for t in (reading, note) if t))
        self.schedule_reading.setToolTip(plain_tooltip(schedule.note or schedule.label))

    def _status_changed(self, *_args: object) -> None:
        active = self.status_combo.currentData() == GatheringPlaceStatus.ACTIVE.value
        self.status_since_field.setEnabled(not active)
        if active:
            self.status_since_field.set_date(None)
