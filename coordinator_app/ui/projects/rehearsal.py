"""Opening a project, rehearsed once while the window is idle.

SQLAlchemy compiles each statement the first time a process executes it (1-3 ms
each); opening a project issues about twenty it has not seen before, so the first
project opened after the start took twice as long as the next one (on the big
city 95-125 ms against 42 ms, benchmarks/README.md). The project page runs the
same reads once, in the event-loop turn after
the list painted (for projects with entries and meetings), and drops
their results: nothing shown changes and nothing is
written. The next open finds every statement compiled (``test_project_rehearsal``).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.sync_conflicts import SyncConflictService

if TYPE_CHECKING:
    from coordinator_app.ui.projects.project_editor import ProjectEditor
    from coordinator_app.ui.projects.project_model import ProjectTableModel


def rehearse_open(
    editor: ProjectEditor,
    model: ProjectTableModel,
    record_id: uuid.UUID,
    *,
    max_rows: int,
    with_meetings: uuid.UUID | None = None,
) -> None:
    """Issue the reads of showing project ``record_id`` in ``editor`` (and finding it in
    ``model``'s list), in the shapes the form uses, and forget the results; the 会議 and
    対応事項 tabs' for project ``with_meetings`` when given (their rows' names are read
    only when there are rows)."""
    services = editor.ctx.services
    projects = services.projects
    # RecordPage.select_record: where the project lies in the list (ProjectTableModel).
    projects.position(model.query, record_id, limit=max_rows)
    # RecordEditor.load and ProjectEditor.fill: the record, the lead's name.
    project = projects.get(record_id)
    lead = project.lead_coordinator_id or project.id  # an id that names nobody: same shape
    editor.lead_combo.source.lookup([lead])
    editor.area_combo.source.lookup([project.area_id or project.id])
    # ProjectEditor.fill_related, tab by tab.
    projects.members(record_id)
    projects.partner_ids(record_id)
    timeline = editor.progress_log.timeline_model
    summary = services.timeline.summary(record_id)
    services.timeline.page(
        record_id,
        offset=0,
        limit=max(min(timeline.PAGE_SIZE, summary.total), 1),
        oldest_first=timeline.oldest_first,
    )
    for tab in (editor.meetings, editor.action_items):
        tab.model.fetch(with_meetings or record_id)
    editor.reviews.model.fetch(record_id)
    editor.outcome_files.model.fetch(record_id)
    SyncConflictService(services.db).open_count(RecordKind.PROJECT.table, record_id)


def rehearse_sample(editor: ProjectEditor, model: ProjectTableModel, *, max_rows: int) -> bool:
    """Rehearse opening a project with data (see ``ReviewService.sample_projects``), else
    the list's first; False when there is no project."""
    entered, met = editor.ctx.services.reviews.sample_projects()
    record_id = entered or met or model.id_at(0)
    if record_id is None:
        return False
    rehearse_open(editor, model, record_id, max_rows=max_rows, with_meetings=met)
    return True
