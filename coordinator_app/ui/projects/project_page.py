"""The プロジェクト page: the project list and the project form."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.profiles import require_editor
from coordinator_app.ui.common.lazy_pages import after_first_paint
from coordinator_app.ui.common.record_page import SELECT_SEARCH_ROWS, RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_choices, error_text
from coordinator_app.ui.profiles.current import current_profile, is_supervisor
from coordinator_app.ui.projects.project_editor import ProjectEditor
from coordinator_app.ui.projects.project_model import ProjectTableModel
from coordinator_app.ui.projects.rehearsal import rehearse_sample


class ProjectPage(RecordPage):
    """Projects with filters by status and program.

    In a supervisor's profile 新規, 保存 and 削除 are disabled and refused
    (reviews are made in the 進捗状況 tab).
    """

    kind = RecordKind.PROJECT
    watched = frozenset(
        {
            RecordKind.AREA,
            RecordKind.COORDINATOR,
            RecordKind.ORGANISATION,
            RecordKind.PROGRESS_ENTRY,
        }
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=ProjectTableModel(ctx.services.projects, ctx.dates),
            editor=ProjectEditor(ctx),
            parent=parent,
        )
        self.setObjectName("project_page")
        self.status_filter = self.add_filter_combo(
            "status",
            self.tr("すべての状況"),
            [(m.value, t) for m, t in enum_choices(ProjectStatus)],
        )
        self.program_filter = self.add_filter_combo(
            "program",
            self.tr("すべてのプログラム"),
            [(m.value, t) for m, t in enum_choices(ProjectProgram)],
        )
        ctx.events.sig_display_changed.connect(self._update_buttons)
        self._update_buttons()
        self.rehearsed = False
        """The reads of opening a project ran once while idle (see rehearsal.py)."""
        after_first_paint(self.table.viewport(), self._rehearse_open)

    def _rehearse_open(self) -> None:
        """Run the reads of opening a project once, after the list painted and before
        the user opens one, so that the first open finds its statements compiled."""
        if self.rehearsed or self.editor.current_id is not None:
            return
        self.rehearsed = True
        with suppress(NotFoundError):  # deleted in between: the next open compiles as before
            rehearse_sample(self.editor, self.model, max_rows=SELECT_SEARCH_ROWS)

    def filter_placeholder(self) -> str:
        return self.tr("プロジェクト名・目標で絞り込み (Ctrl+F)")

    def filter_value(self, key: str, data: object) -> object:
        if data is None:
            return None
        return ProjectStatus(data) if key == "status" else ProjectProgram(data)

    # -- a supervisor's profile is read-only ---------------------------------------

    def new_record(self) -> None:
        if is_supervisor(self.ctx):
            return
        super().new_record()

    def delete_record(self) -> bool:
        try:
            require_editor(current_profile(self.ctx))
        except ValidationError as exc:
            self._warn(self.tr("削除できません"), error_text(exc))
            return False
        return super().delete_record()

    def _update_buttons(self, *_args: object) -> None:
        super()._update_buttons()
        if is_supervisor(self.ctx):
            for button in (self.new_button, self.save_button, self.delete_button):
                button.setEnabled(False)
        else:
            self.new_button.setEnabled(True)
            self.save_button.setEnabled(True)
