"""The detail form of a meeting: data, attendance, record, action items and attachments.

Fast entry (kind first, council defaults, last time slot, venue completion,
前回をコピー) is :class:`FastEntry`; the draft written while the user types
is :class:`DraftWriter` over :mod:`meeting_draft`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QWidget,
)

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.drafts import Draft
from coordinator_app.services.meetings import MeetingService
from coordinator_app.ui.areas.area_options import area_options
from coordinator_app.ui.common.attachment_panel import AttachmentPanel, size_limit
from coordinator_app.ui.common.fields import NumberField, TimeField
from coordinator_app.ui.common.form import FieldForm, left_aligned
from coordinator_app.ui.common.option_sources import as_ids
from coordinator_app.ui.common.pickers import (
    CheckList,
    ContactOptions,
    EnumCombo,
    RecordCombo,
    options_of,
)
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.common.saving import clone, save_form
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.drafts.draft_writer import DraftWriter
from coordinator_app.ui.meetings import meeting_draft
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.action_item_model import ActionItemTableModel
from coordinator_app.ui.meetings.action_item_panel import ActionItemPanel, CarriedOverPanel
from coordinator_app.ui.meetings.fast_entry import FastEntry
from coordinator_app.ui.meetings.keyboard import MinutesCursor, make_keyboard_friendly
from coordinator_app.ui.meetings.meeting_fields import (
    AttendeePicker,
    CapacityNote,
    DeferredOptions,
    MeetingDateField,
    MinutesRecordFields,
)
from coordinator_app.ui.meetings.minutes_template import (
    MinutesTemplateSetting,
    is_bare_template,
    strip_empty_sections,
    template_text,
)
from coordinator_app.ui.sync.history_tab import attach_record_sync

HINT_STYLE = "background: #fff8e1; border: 1px solid #ffe082; padding: 4px;"
STATUS_STYLE = "color: #666666;"


class MeetingEditor(RecordEditor):
    """Tabs: 基本情報, 出席, 記録 (agenda, minutes, decisions), 対応事項, 添付 (Alt+1 … Alt+5).
    Attributes:
        prompts: the meeting log's prompts (the app's, plus file pickers and
            a three-way question).
        fast_entry: defaults and 前回をコピー.
        draft_writer: keeps the draft of unsaved edits on disk.
    """

    kind = RecordKind.MEETING

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.prompts = ctx.prompts
        self.template_setting = MinutesTemplateSetting(ctx.settings)
        self._restoring = False
        self.kind_combo = EnumCombo(MeetingKind)
        self.title_edit = QLineEdit()
        self.date_field = MeetingDateField(ctx.dates)
        self.start_field = TimeField()
        self.end_field = TimeField()
        self.venue_edit = QLineEdit()
        self.mode_combo = EnumCombo(MeetingMode)
        self.capacity_on_site = NumberField()
        self.capacity_online = NumberField()
        self.council_combo = RecordCombo(none_text=self.tr("(なし)"))
        self.project_combo = RecordCombo(none_text=self.tr("(なし)"))
        self.area_combo = RecordCombo(none_text=self.tr("(なし)"))
        self.participants_on_site = NumberField()
        self.participants_online = NumberField()
        self.copy_button = QPushButton(self.tr("前回をコピー(&P)"))
        self.copy_button.setToolTip(
            self.tr("同じシリーズ・協議体・プロジェクト・種類の直近の会議から入力を始めます")
        )
        self.copy_button.setAutoDefault(False)
        form = self.add_form(FieldForm())
        form.add_field("kind", self.tr("種類"), self.kind_combo, required=True)
        form.add_field("council_id", self.tr("協議体"), self.council_combo)
        form.add_row("", left_aligned(self.copy_button))
        form.add_field("title", self.tr("会議名"), self.title_edit, required=True)
        form.add_field("held_on", self.tr("開催日"), self.date_field, required=True)
        form.add_field("start_time", self.tr("開始時刻"), self.start_field)
        form.add_field("end_time", self.tr("終了時刻"), self.end_field)
        form.add_field("venue", self.tr("会場"), self.venue_edit)
        form.add_field("mode", self.tr("開催方法"), self.mode_combo, required=True)
        form.add_field("capacity_on_site", self.tr("定員(会場)"), self.capacity_on_site)
        form.add_field("capacity_online", self.tr("定員(オンライン)"), self.capacity_online)
        form.add_field("project_id", self.tr("プロジェクト"), self.project_combo)
        form.add_field("area_id", self.tr("地域"), self.area_combo)
        self.add_tab(form, self.tr("基本情報"))
        self.first_field = self.kind_combo

        self.coordinator_list = CheckList()
        self.organisation_list = CheckList()
        self.contact_list = CheckList()
        self.attendees = AttendeePicker(
            self.coordinator_list, self.organisation_list, self.contact_list
        )
        self.capacity_note = CapacityNote(
            on_site=self.participants_on_site,
            capacity_on_site=self.capacity_on_site,
            online=self.participants_online,
            capacity_online=self.capacity_online,
        )
        attendance = self.add_form(FieldForm())
        attendance.add_field(
            "attendees",
            self.tr("出席"),
            self.attendees,
            aliases=("coordinators", "organisations", "contacts"),
        )
        attendance.add_field(
            "participants_on_site", self.tr("参加者数(会場)"), self.participants_on_site
        )
        attendance.add_field(
            "participants_online", self.tr("参加者数(オンライン)"), self.participants_online
        )
        attendance.add_row("", self.capacity_note)
        self.add_tab(attendance, self.tr("出席"))

        self.agenda_edit = QPlainTextEdit()
        self.minutes_edit = QPlainTextEdit()
        self.decisions_edit = QPlainTextEdit()
        self.minutes_edit.setMinimumHeight(200)
        for edit in (self.agenda_edit, self.minutes_edit, self.decisions_edit):
            edit.setTabChangesFocus(True)  # Tab moves on; Enter is a new line
        self.agenda_edit.setMaximumHeight(110)
        self.decisions_edit.setMaximumHeight(110)
        self.template_check = QCheckBox(self.tr("議事録に見出しを入れる"))
        self.template_check.setToolTip(  # the headings are named here: the box stays narrow
            self.tr(
                "報告事項・協議事項・次回予定の見出しを入れます。何も書かなかった見出しは保存するときに取り除かれます"
            )
        )
        notes = self.add_form(FieldForm())
        notes.add_field("agenda", self.tr("議題"), self.agenda_edit)
        notes.add_field("minutes", self.tr("議事録"), self.minutes_edit)
        notes.add_field("decisions", self.tr("決定事項"), self.decisions_edit)
        notes.add_row("", self.template_check)
        self.record_fields = MinutesRecordFields(notes, ctx.dates)
        self.absentees_edit = self.record_fields.absentees_edit
        self.recorder_edit = self.record_fields.recorder_edit
        self.approved_by_edit = self.record_fields.approved_by_edit
        self.approved_on_field = self.record_fields.approved_on_field
        self.add_tab(notes, self.tr("記録"))

        self.action_items = ActionItemPanel(
            ctx,
            model=ActionItemTableModel(ctx.services.action_items, ctx.dates),
            make_dialog=self._action_item_dialog,
            ensure_saved=self.ensure_saved,
        )
        self.carried_over = CarriedOverPanel(ctx)
        items = QSplitter(Qt.Orientation.Vertical)
        items.addWidget(self.action_items)
        items.addWidget(self.carried_over)
        items.setChildrenCollapsible(False)
        self.add_tab(items, self.tr("対応事項"), scroll=False)
        self.attachments = AttachmentPanel(
            ctx,
            owner="meeting_id",
            prompts=self.prompts,
            title=self.tr("写真や配布資料を会議に添付します(1ファイル{limit}まで)。").format(
                limit=size_limit()
            ),
            ensure_saved=self.ensure_saved,
        )
        self.add_tab(self.attachments, self.tr("添付"), scroll=False)
        attach_record_sync(self)
        self._build_status()

        self.fast_entry = FastEntry(self)
        self.draft_writer = DraftWriter(
            ctx.drafts,
            kind=meeting_draft.DRAFT_KIND,
            form=self,
            capture=lambda: meeting_draft.capture(self),
            title=lambda: meeting_draft.draft_title(self),
            record_id=lambda: str(self.current_id) if self.current_id else None,
            wanted=lambda: self.is_dirty,
        )
        self.draft_writer.written.connect(self._draft_written)
        self.draft_writer.failed.connect(self._draft_failed)
        for each in self.forms:
            each.changed.connect(self._edited)
        self.loaded.connect(self._loaded)
        self.copy_button.clicked.connect(self.fast_entry.copy_previous)
        self.template_check.toggled.connect(self._template_toggled)
        self.council_combo.currentIndexChanged.connect(self.carried_over_changed)
        self.date_field.editingFinished.connect(self.carried_over_changed)
        self._tab_targets: list[QWidget] = [
            self.kind_combo,
            self.coordinator_list.filter,
            self.agenda_edit,
            self.action_items.add_button,
            self.attachments.add_button,
        ]
        for number in range(1, len(self._tab_targets) + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.show_tab(n - 1))
            assert self.tabs is not None
            self.tabs.setTabToolTip(number - 1, f"Alt+{number}")
        make_keyboard_friendly(self, style=False)  # frames: the page's or window's parent
        self.minutes_cursor = MinutesCursor(self.minutes_edit)

    def _build_status(self) -> None:
        self.hint_label = plain(QLabel(self))
        self.hint_label.setObjectName("meeting_hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.hide()
        self.body.insertWidget(1, self.hint_label)
        self.draft_label = plain(QLabel(self))
        self.draft_label.setObjectName("draft_status")
        self.draft_label.setStyleSheet(STATUS_STYLE)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.draft_label)
        self.body.addLayout(row)

    @property
    def service(self) -> MeetingService:
        return self.ctx.services.meetings

    def new_heading(self) -> str:
        return self.tr("新しい会議")

    def default_meeting(self) -> Meeting:
        """The plain defaults: a 協議体 on site, today."""
        return Meeting(
            kind=MeetingKind.COUNCIL, title="", held_on=date.today(), mode=MeetingMode.ON_SITE
        )

    def blank(self) -> Record:
        return self.fast_entry.blank()

    def refresh_choices(self) -> None:  # each picker searches when the user reaches it
        services = self.ctx.services
        self.council_combo.set_options(options_of(services.councils), lazy=True)
        self.project_combo.set_options(options_of(services.projects), lazy=True)
        areas = DeferredOptions(lambda: area_options(services.areas))
        self.area_combo.set_options(areas, lazy=True)
        self.coordinator_list.set_options(options_of(services.coordinators), lazy=True)
        self.organisation_list.set_options(options_of(services.organisations), lazy=True)

    def refresh_contact_choices(self) -> None:
        """Contacts as attendees, labelled with their organisation (searched when shown)."""
        self.contact_list.set_options(ContactOptions(self.ctx.services), lazy=True)

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
        self.area_combo.set_current_value(meeting.area_id)
        self.agenda_edit.setPlainText(meeting.agenda)
        use_template = self.template_setting.enabled
        self.template_check.blockSignals(True)
        self.template_check.setChecked(use_template)
        self.template_check.blockSignals(False)
        self.minutes_edit.setPlainText(meeting.minutes or (template_text() if use_template else ""))
        self.decisions_edit.setPlainText(meeting.decisions)
        self.record_fields.fill(meeting)

    def fill_related(self, record_id: uuid.UUID | None) -> None:
        self.refresh_contact_choices()
        attendance = self.service.full_attendance(record_id) if record_id is not None else None
        self.attended = attendance  # as loaded: a save changes only what the user changed
        self.coordinator_list.set_checked_values(attendance.coordinator_ids if attendance else [])
        self.organisation_list.set_checked_values(attendance.organisation_ids if attendance else [])
        self.contact_list.set_checked_values(attendance.contact_ids if attendance else [])
        self.attendees.update_total()
        self.action_items.set_owner(record_id)
        self.attachments.set_owner(record_id)
        self.carried_over_changed()

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
        meeting.area_id = self.area_combo.current_value()  # type: ignore[assignment]
        meeting.agenda = self.agenda_edit.toPlainText()
        meeting.minutes = strip_empty_sections(self.minutes_edit.toPlainText())
        meeting.decisions = self.decisions_edit.toPlainText()
        self.record_fields.apply(meeting)

    def store(self, record: Record) -> Record:
        assert isinstance(record, Meeting)
        return self.service.save(record, attendance_shown=self.attended, **self._attendance())

    def _attendance(self) -> dict[str, list[uuid.UUID]]:
        return {
            "coordinator_ids": as_ids(self.coordinator_list.checked_values()),
            "organisation_ids": as_ids(self.organisation_list.checked_values()),
            "contact_ids": as_ids(self.contact_list.checked_values()),
        }

    # -- state -------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """True while the form is being filled by code, not typed into."""
        return self._loading

    @contextmanager
    def programmatic(self) -> Iterator[None]:
        """Fill widgets from code without counting it as typing (call :meth:`touched` after)."""
        before = self._loading
        self._loading = True
        try:
            yield
        finally:
            self._loading = before

    def touched(self) -> None:
        """Code changed the form on the user's behalf: it is unsaved, keep a draft."""
        self.mark_dirty()
        self.draft_writer.schedule()

    def show_hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))

    def show_tab(self, index: int) -> None:
        """Switch to tab ``index`` and put the cursor in its first field (Alt+1 …)."""
        if self.tabs is not None and 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            self._tab_targets[index].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def carried_over_changed(self) -> None:
        """The council or the date may have changed: show what carries over to this meeting."""
        council_id = self.council_combo.current_value()
        try:
            held_on = self.date_field.date()
        except ValueError:
            held_on = None
        self.carried_over.set_context(
            meeting_id=self.current_id,
            council_id=council_id if isinstance(council_id, uuid.UUID) else None,
            held_on=held_on,
        )

    # -- actions -----------------------------------------------------------------

    def ensure_saved(self) -> uuid.UUID | None:
        """The stored meeting's id, saving a new one first; None when saving failed."""
        if self.current_id is not None:
            return self.current_id
        return self.current_id if self.save() else None

    def restore_draft(self, draft: Draft) -> None:
        """Show ``draft`` exactly as it was typed (over its stored meeting, if any)."""
        self._restoring = True
        try:
            self.load(meeting_draft.uuid_or_none(draft.record_id))
        finally:
            self._restoring = False
        with self.programmatic():
            meeting_draft.restore(self, draft.state)
        self.attendees.update_total()
        self.carried_over_changed()
        self.draft_writer.adopt(draft.draft_id)
        self.mark_dirty()
        self.show_hint(
            self.tr("{time}の下書きを復元しました。内容を確認して保存してください。").format(
                time=draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            )
        )

    def discard_draft(self) -> None:
        """The user threw the edits away: the draft goes too."""
        self.draft_writer.discard()

    def save_as_series(self, dates: list[date]) -> tuple[list[Meeting], dict[str, str]]:
        """Store the form as a series of sessions on ``dates``, all or nothing.

        Returns:
            The sessions (the form then shows the first) and no errors; or no
            sessions and the errors, which the form also shows by their fields.
        """
        if self._record is None:
            self.load(None)
        original = self._record

        def write() -> list[Meeting]:
            record = clone(original)
            self.apply(record)
            assert isinstance(record, Meeting)
            # A stored meeting becomes the first session instead of staying beside the series.
            keep_id = self.current_id if record.series_id is None else None
            _series, meetings = self.service.create_series(
                record, dates, keep_id=keep_id, **self._attendance()
            )
            return meetings

        outcome = save_form(
            write,
            forms=self.forms,
            show=self._show_errors,
            warn=self._warn,
            then=lambda meetings: self.load(meetings[0].id),
        )
        if outcome.stored is None:
            return [], outcome.errors
        self.saved.emit(outcome.stored[0].id)
        return outcome.stored, {}

    # -- internals ---------------------------------------------------------------

    def _edited(self) -> None:
        if not self._loading:
            self.draft_writer.schedule()

    def _loaded(self, _record_id: uuid.UUID | None) -> None:
        if not self._restoring:
            self.draft_writer.discard()
        self.fast_entry.reset()
        self.show_hint("")
        self.draft_label.clear()

    def _template_toggled(self, on: bool) -> None:
        self.template_setting.enabled = on
        text = self.minutes_edit.toPlainText()
        with self.programmatic():
            if on and not text.strip():
                self.minutes_edit.setPlainText(template_text())
            elif not on and is_bare_template(text):
                self.minutes_edit.clear()

    def _draft_written(self, when: datetime) -> None:
        self.draft_label.setStyleSheet(STATUS_STYLE)
        self.draft_label.setText(
            self.tr("下書きを自動保存しました({time})").format(time=when.strftime("%H:%M:%S"))
        )

    def _draft_failed(self, message: str) -> None:
        self.draft_label.setStyleSheet("color: #c62828;")
        self.draft_label.setText(self.tr("下書きを保存できません: {error}").format(error=message))

    def _action_item_dialog(self, owner_id: uuid.UUID, record: Record | None) -> RecordDialog:
        assert record is None or isinstance(record, ActionItem)
        return ActionItemDialog(self.ctx, owner_id=owner_id, record=record, parent=self)
