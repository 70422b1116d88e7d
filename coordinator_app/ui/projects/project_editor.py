"""The detail form of a project: data, partner organisations, progress log."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ProgressEntry, Project, Record
from coordinator_app.services.projects import ProjectService
from coordinator_app.ui.common.child_panel import ChildPanel
from coordinator_app.ui.common.fields import DateField
from coordinator_app.ui.common.form import FieldForm
from coordinator_app.ui.common.pickers import CheckList, EnumCombo, Option, RecordCombo, options_of
from coordinator_app.ui.common.record_dialog import RecordDialog
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.events import RecordKind
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from coordinator_app.ui.projects.progress_entry_model import ProgressEntryTableModel


class ProjectEditor(RecordEditor):
    """Tabs: 基本情報, 連携機関, 進捗状況."""

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
        self.outcome_edit.setMaximumHeight(110)
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
        form.add_field("outcome", self.tr("成果"), self.outcome_edit)
        self.add_tab(form, self.tr("基本情報"))
        self.first_field = self.title_edit

        self.partner_list = CheckList()
        partners = self.add_form(FieldForm())
        partners.add_field("partners", self.tr("連携機関"), self.partner_list)
        self.add_tab(partners, self.tr("連携機関"))

        self.progress_log = ChildPanel(
            ctx,
            model=ProgressEntryTableModel(ctx.services.progress, ctx.dates),
            service=ctx.services.progress,
            kind=RecordKind.PROGRESS_ENTRY,
            make_dialog=self._entry_dialog,
        )
        self.add_tab(self.progress_log, self.tr("進捗状況"), scroll=False)

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
        services = self.ctx.services
        self.area_combo.set_options(
            Option(node.area.id, "　" * node.depth + node.area.name)
            for node in services.areas.tree()
        )
        self.lead_combo.set_options(options_of(services.coordinators))
        self.partner_list.set_options(options_of(services.organisations))

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
        self.partner_list.set_checked_values(
            self.service.partner_ids(record_id) if record_id is not None else []
        )
        self.progress_log.set_owner(record_id)

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
        partner_ids = [v for v in self.partner_list.checked_values() if isinstance(v, uuid.UUID)]
        return self.service.save(record, partner_ids=partner_ids)

    def _entry_dialog(self, owner_id: uuid.UUID, record: Record | None) -> RecordDialog:
        assert record is None or isinstance(record, ProgressEntry)
        return ProgressEntryDialog(self.ctx, owner_id=owner_id, record=record, parent=self)
