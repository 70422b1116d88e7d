"""The detail form of a project: 概要, 進捗状況, 会議, 対応事項, 成果 and 確認 tabs."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.models import Project, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.profiles import require_editor
from coordinator_app.services.projects import ProjectService
from coordinator_app.ui.areas.area_options import area_options
from coordinator_app.ui.common.attachment_panel import AttachmentPanel
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.linked_list import LinkedList
from coordinator_app.ui.common.pickers import CheckList, EnumCombo, RecordCombo, options_of
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.profiles.current import current_profile, is_supervisor
from coordinator_app.ui.projects.progress_panel import ProgressLogPanel
from coordinator_app.ui.projects.project_meeting_model import (
    ProjectActionItemModel,
    ProjectMeetingModel,
)
from coordinator_app.ui.projects.project_members import ProjectMemberPanel
from coordinator_app.ui.projects.project_summary import project_summary
from coordinator_app.ui.review.review_history_panel import ReviewHistoryPanel
from coordinator_app.ui.sync.history_tab import attach_record_sync

CHOICE_KINDS = (RecordKind.AREA, RecordKind.COORDINATOR, RecordKind.ORGANISATION)
"""Kinds whose records the editor's pickers offer."""


class ProjectEditor(RecordEditor):
    """Tabs: 概要, 進捗状況, 会議, 対応事項, 成果, 確認.

    In a supervisor's profile everything but reviewing is read-only: the
    widgets are disabled and :meth:`store` is refused as the service refuses
    progress edits.
    """

    kind = RecordKind.PROJECT

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title_edit = QLineEdit()
        self.program_combo = EnumCombo(ProjectProgram)
        self.status_combo = EnumCombo(ProjectStatus)
        self.progress_spin = QSpinBox()
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSuffix(" %")
        self.progress_spin.setMaximumWidth(120)
        self.area_combo = RecordCombo(none_text=self.tr("(未設定)"))
        self.lead_combo = RecordCombo(none_text=self.tr("(未設定)"))
        self.start_field = DateField(ctx.dates)
        self.end_field = DateField(ctx.dates)
        self.goal_edit = QPlainTextEdit()
        self.goal_edit.setMaximumHeight(110)
        self.outcome_edit = QPlainTextEdit()
        self.outcome_edit.setMinimumHeight(160)
        self.read_only_label = QLabel(
            self.tr("上司(確認者)のプロファイルでは、閲覧と確認(コメント)だけができます。")
        )
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet("color: #5d4037; background: #fff3e0; padding: 4px;")
        self.body.addWidget(self.read_only_label)
        self.summary_label = plain(QLabel())
        self.summary_label.setWordWrap(True)
        form = self.add_form(FieldForm())
        form.add_field("title", self.tr("プロジェクト名"), self.title_edit, required=True)
        form.add_field("program", self.tr("プログラム"), self.program_combo, required=True)
        form.add_field("status", self.tr("状況"), self.status_combo, required=True)
        form.add_field("progress", self.tr("進捗率"), self.progress_spin)
        form.add_field("area_id", self.tr("地域"), self.area_combo)
        form.add_field("lead_coordinator_id", self.tr("担当コーディネーター"), self.lead_combo)
        form.add_field("start_date", self.tr("開始日"), self.start_field)
        form.add_field("end_date", self.tr("終了日"), self.end_field)
        form.add_field("goal", self.tr("目標"), self.goal_edit)
        self.first_field = self.title_edit

        self.partner_list = CheckList()
        partners = self.add_form(FieldForm())
        partners.add_field("partners", self.tr("連携機関"), self.partner_list)
        self.member_panel = ProjectMemberPanel(ctx)
        team = self.team_form = self.add_form(FieldForm())
        team.add_field("members", self.tr("メンバー"), self.member_panel)
        overview = QWidget()
        column = QVBoxLayout(overview)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary_label)
        column.addWidget(form)
        column.addWidget(partners)
        column.addWidget(team)
        self.add_tab(overview, self.tr("概要"))

        self.progress_log = ProgressLogPanel(ctx)
        self.add_tab(self.progress_log, self.tr("進捗状況"), scroll=False)
        self.meetings = LinkedList(
            ctx,
            title=self.tr("このプロジェクトの会議(ダブルクリックで会議を開きます)"),
            model=ProjectMeetingModel(ctx.services, ctx.dates),
            opens=RecordKind.MEETING,
            watched=(RecordKind.MEETING,),
        )
        self.add_tab(self.meetings, self.tr("会議"), scroll=False)
        self.action_items = LinkedList(
            ctx,
            title=self.tr("会議で決まった対応事項(ダブルクリックでその会議を開きます)"),
            model=ProjectActionItemModel(ctx.services, ctx.dates),
            opens=RecordKind.MEETING,
            watched=(RecordKind.MEETING, RecordKind.ACTION_ITEM),
        )
        self.add_tab(self.action_items, self.tr("対応事項"), scroll=False)
        outcome = self.add_form(FieldForm())
        outcome.add_field("outcome", self.tr("成果"), self.outcome_edit)
        self.outcome_files = AttachmentPanel(
            ctx,
            owner="project_id",
            prompts=ctx.prompts,
            title=self.tr("成果物の添付ファイル(チラシ・報告書・写真など)"),
            preview=False,
        )
        outcome_page = QWidget()
        column = QVBoxLayout(outcome_page)
        column.addWidget(outcome)
        column.addWidget(self.outcome_files, 1)
        self.add_tab(outcome_page, self.tr("成果"), scroll=False)
        self.reviews = ReviewHistoryPanel(ctx)
        self.add_tab(self.reviews, self.tr("確認"), scroll=False)
        attach_record_sync(self)
        self._choices_stale = True
        ctx.events.sig_records_changed.connect(self._choices_changed)
        ctx.events.sig_display_changed.connect(self._choices_changed)
        ctx.events.sig_display_changed.connect(self.update_role)
        self.progress_log.summary_changed.connect(self.update_summary)
        self.action_items.model.modelReset.connect(self.update_summary)
        self.update_role()

    @property
    def service(self) -> ProjectService:
        return self.ctx.services.projects

    def new_heading(self) -> str:
        return self.tr("新しいプロジェクト")

    def blank(self) -> Record:
        return Project(
            title="", program=ProjectProgram.INDEPENDENT, status=ProjectStatus.NOT_STARTED
        )

    def refresh_choices(self) -> None:
        """Read the areas, coordinators and organisations offered: on the first load and
        after they changed, not each time another project is opened (the pickers look up
        a value they do not list, so a project never shows a wrong choice)."""
        if not self._choices_stale:
            return
        self._choices_stale = False
        services = self.ctx.services
        self.area_combo.set_options(area_options(services.areas))
        self.lead_combo.set_options(options_of(services.coordinators))
        self.partner_list.set_options(options_of(services.organisations))

    def _choices_changed(self, changes: Changes | None = None) -> None:
        if changes is None or changes.touches(*CHOICE_KINDS):
            self._choices_stale = True
            if self.current_id is not None and self.isVisible():
                self.refresh_choices()

    def fill(self, record: Any) -> None:
        project: Project = record
        self.title_edit.setText(project.title)
        self.program_combo.set_value(project.program)
        self.status_combo.set_value(project.status)
        self.progress_spin.setValue(project.progress)
        self.area_combo.set_current_value(project.area_id)
        self.lead_combo.set_current_value(project.lead_coordinator_id)
        self.start_field.set_date(project.start_date)
        self.end_field.set_date(project.end_date)
        self.goal_edit.setPlainText(project.goal)
        self.outcome_edit.setPlainText(project.outcome)

    def fill_related(self, record_id: uuid.UUID | None) -> None:
        self.member_panel.set_members(
            self.service.members(record_id) if record_id is not None else []
        )
        self.partner_list.set_checked_values(
            self.service.partner_ids(record_id) if record_id is not None else []
        )
        for tab in (self.progress_log, self.meetings, self.action_items, self.reviews):
            tab.set_owner(record_id)
        self.outcome_files.set_owner(record_id)
        self.update_summary()

    def apply(self, record: Any) -> None:
        project: Project = record
        project.title = self.title_edit.text()
        project.program = self.program_combo.value()
        project.status = self.status_combo.value()
        project.progress = self.progress_spin.value()
        project.area_id = self.area_combo.current_value()  # type: ignore[assignment]
        project.lead_coordinator_id = self.lead_combo.current_value()  # type: ignore[assignment]
        project.start_date = self.start_field.date()
        project.end_date = self.end_field.date()
        project.goal = self.goal_edit.toPlainText()
        project.outcome = self.outcome_edit.toPlainText()

    def store(self, record: Record) -> Record:
        assert isinstance(record, Project)
        require_editor(current_profile(self.ctx))
        partner_ids = [v for v in self.partner_list.checked_values() if isinstance(v, uuid.UUID)]
        return self.service.save(
            record, partner_ids=partner_ids, members=self.member_panel.members()
        )

    # -- role and summary ------------------------------------------------------

    def update_role(self) -> None:
        """Re-read the current profile: a supervisor's is read-only apart from reviews."""
        read_only = is_supervisor(self.ctx)
        self.read_only_label.setVisible(read_only)
        for edit in (self.title_edit, self.goal_edit, self.outcome_edit):
            edit.setReadOnly(read_only)
        for widget in (
            self.program_combo,
            self.status_combo,
            self.progress_spin,
            self.area_combo,
            self.lead_combo,
            self.start_field,
            self.end_field,
            self.partner_list,
        ):
            widget.setEnabled(not read_only)
        self.member_panel.set_editable(not read_only)
        self.progress_log.update_role()
        self.outcome_files.set_editable(not read_only)

    def update_summary(self) -> None:
        """The 概要 tab's first line: last entry, reviews, open action items."""
        record_id = self.current_id
        self.summary_label.setVisible(record_id is not None)
        if record_id is None:
            return
        items = self.action_items.model
        assert isinstance(items, ProjectActionItemModel)
        self.summary_label.setText(
            project_summary(
                self.ctx,
                log=self.progress_log.log_summary(),
                open_items=items.open_count(),
                overdue_items=items.overdue_count(),
            )
        )
