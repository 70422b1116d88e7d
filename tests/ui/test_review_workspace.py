"""確認ワークスペース: the paged table, stalled projects, filters, threshold, opening."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProfileRole, ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ActionItem, ProgressEntry, UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.services.reviews import WorkspaceFilter
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.profiles.current import set_current_profile
from coordinator_app.ui.review.workspace_model import (
    STALLED_BACKGROUND,
    STALLED_ROLE,
    WorkspaceTableModel,
)
from coordinator_app.ui.review.workspace_view import ReviewWorkspace
from tests.conftest import Factory
from tests.ui.conftest import choose, enter


class SmallPages(WorkspaceTableModel):
    PAGE_SIZE = 3


def test_the_model_pages_through_many_projects(
    qtmodeltester: ModelTester, services: Services, make: Factory
) -> None:
    for i in range(8):
        make.project(title=f"プロジェクト{i:02d}")
    model = SmallPages(services.reviews, DateFormat(), stalled_days=30)
    model.refresh()
    assert (model.rowCount(), model.total) == (3, 8)
    assert model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    model.fetch_all()
    assert model.rowCount() == 8 and not model.canFetchMore()
    assert [model.index(r, 0).data() for r in (0, 7)] == ["プロジェクト00", "プロジェクト07"]
    # A refresh keeps what was loaded, so the view keeps its place.
    model.refresh()
    assert model.rowCount() == 8


def test_stalled_and_overdue_projects_stand_out(services: Services, make: Factory) -> None:
    today = date(2024, 6, 30)
    quiet = make.project(title="止まっている", status=ProjectStatus.IN_PROGRESS)
    busy = make.project(title="動いている", status=ProjectStatus.IN_PROGRESS)
    done = make.project(title="終わった", status=ProjectStatus.COMPLETED)
    for project, days_ago in ((quiet, 45), (busy, 3), (done, 200)):
        services.progress.save(
            ProgressEntry(
                project_id=project.id, entry_date=today - timedelta(days=days_ago), text="記録"
            )
        )
    meeting = make.meeting(project_id=busy.id, held_on=date(2024, 6, 1))
    services.action_items.save(
        ActionItem(meeting_id=meeting.id, text="資料を送る", due_date=date(2024, 6, 10))
    )
    model = WorkspaceTableModel(services.reviews, DateFormat(), stalled_days=30)
    model.refresh(today=today)
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    quiet_row, busy_row = rows["止まっている"], rows["動いている"]
    assert model.index(quiet_row, 0).data(STALLED_ROLE) is True
    background = model.index(quiet_row, 3).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == STALLED_BACKGROUND
    assert model.index(quiet_row, WorkspaceTableModel.DAYS).data() == "45"
    assert "45日間" in model.index(quiet_row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(busy_row, 0).data(STALLED_ROLE) is False
    assert model.index(rows["終わった"], 0).data(STALLED_ROLE) is False
    assert model.index(busy_row, WorkspaceTableModel.OPEN).data() == "1"
    assert model.index(busy_row, WorkspaceTableModel.OVERDUE).data() == "1"
    assert model.index(busy_row, WorkspaceTableModel.LAST_ENTRY).data() == "2024-06-27"
    model.set_stalled_days(60)
    model.refresh(today=today)
    assert model.index(quiet_row, 0).data(STALLED_ROLE) is False


def test_filters_narrow_the_table(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    city = make.city("若葉市")
    north = make.area("北部圏域", parent=city)
    lead = make.coordinator("高橋 美咲", "たかはし みさき")
    make.project(
        title="北部の伴走支援",
        program=ProjectProgram.ACCOMPANIMENT,
        area_id=north.id,
        lead_coordinator_id=lead.id,
        start_date=date(2023, 4, 1),
        end_date=date(2024, 3, 31),
    )
    make.project(title="市全域の独自事業", program=ProjectProgram.INDEPENDENT, area_id=city.id)
    make.project(title="中止した事業", status=ProjectStatus.CANCELLED)
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    assert workspace.model.total == 3
    choose(workspace.lead_filter, "高橋 美咲")
    assert workspace.model.total == 1
    choose(workspace.lead_filter, "すべての担当者")
    choose(workspace.area_filter, "若葉市")  # the area and every area below it
    assert workspace.model.total == 2
    choose(workspace.program_filter, "伴走支援")
    assert workspace.model.total == 1
    assert workspace.current_filter() == WorkspaceFilter(
        area_id=city.id, program=ProjectProgram.ACCOMPANIMENT
    )
    for combo in (workspace.area_filter, workspace.program_filter):
        combo.setCurrentIndex(0)
    choose(workspace.status_filter, "中止")
    assert workspace.model.total == 1
    workspace.status_filter.setCurrentIndex(0)
    workspace.year_filter.setCurrentIndex(workspace.year_filter.findData(2022))
    # Projects without dates run in every year; 北部 ran in 2023年度 only.
    assert workspace.model.total == 2
    assert workspace.count_label.text() == "2件のプロジェクト"


def test_threshold_from_settings_and_opening_a_project(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    project = make.project(title="止まっている")
    services.progress.save(
        ProgressEntry(
            project_id=project.id, entry_date=date.today() - timedelta(days=40), text="記録"
        )
    )
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    assert workspace.model.index(0, 0).data(STALLED_ROLE) is True
    assert "30日以上" in workspace.legend.text()
    ctx.settings.stalled_days = 50
    ctx.events.sig_display_changed.emit()
    assert workspace.model.index(0, 0).data(STALLED_ROLE) is False
    assert "50日以上" in workspace.legend.text()

    assert not workspace.open_button.isEnabled()
    workspace.table.selectRow(0)
    assert workspace.editor.current_id == project.id
    with qtbot.waitSignal(ctx.events.sig_open_record) as opened:
        qtbot.mouseClick(workspace.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == ["project", project.id]


def test_a_coordinator_can_edit_in_the_workspace(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    project = make.project(title="協議体の立上げ")
    profile = services.profiles.save(UserProfile(name="高橋 美咲", role=ProfileRole.COORDINATOR))
    set_current_profile(ctx, profile.id)
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    assert workspace.select_project(project.id)
    assert not workspace.save_button.isEnabled()
    editor = workspace.editor
    assert not editor.progress_log.review_button.isVisibleTo(editor.progress_log)
    enter(qtbot, editor.outcome_edit, "第1層協議体を設置した")
    assert workspace.save_button.isEnabled()
    qtbot.mouseClick(workspace.save_button, Qt.MouseButton.LeftButton)
    assert services.projects.get(project.id).outcome == "第1層協議体を設置した"
    # Hidden, the workspace does not recount at every change; shown, it catches up.
    make.project(title="通いの場ガイドブック")
    assert workspace.model.total == 1
    workspace.show()
    assert workspace.model.total == 2
