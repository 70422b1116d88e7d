"""One path for changes: a save reaches every view through the hub, once."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.profiles.current import set_current_profile
from coordinator_app.ui.review.workspace_view import ReviewWorkspace
from tests.conftest import Factory
from tests.ui.conftest import choose, enter


def _announced(ctx: UiContext) -> list[Changes]:
    seen: list[Changes] = []
    ctx.events.sig_records_changed.connect(seen.append)
    return seen


def _count_loads(editor: object) -> list[uuid.UUID | None]:
    loads: list[uuid.UUID | None] = []
    original = editor.load  # type: ignore[attr-defined]

    def counting(record_id: uuid.UUID | None) -> None:
        loads.append(record_id)
        original(record_id)

    editor.load = counting  # type: ignore[attr-defined]
    return loads


def test_saving_in_one_page_refreshes_another_through_the_hub_once(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    make.city("若葉市")
    window.show_page(2)  # 関係機関: its 対象地域 list shows the areas
    organisations = window.pages[2]
    names = organisations.editor.areas_list  # type: ignore[attr-defined]
    assert "北部圏域" not in [
        names.list.item(i).text().strip("　") for i in range(names.list.count())
    ]
    window.show_page(0)  # 地域
    areas = window.pages[0]
    announced = _announced(window.ctx)
    areas.new_record()
    editor = areas.editor
    loads = _count_loads(editor)
    enter(qtbot, editor.name_edit, "北部圏域")  # type: ignore[attr-defined]
    enter(qtbot, editor.kana_edit, "ほくぶけんいき")  # type: ignore[attr-defined]
    choose(editor.parent_combo, "若葉市")  # type: ignore[attr-defined]
    qtbot.mouseClick(areas.save_button, Qt.MouseButton.LeftButton)
    stored = [a for a in services.areas.list().rows if a.name == "北部圏域"]
    assert len(stored) == 1, editor.forms[0].error_text("general")
    # One announcement, naming the saved area; nobody announced it by hand.
    assert [(c.kinds, c.ids(RecordKind.AREA)) for c in announced] == [
        ({RecordKind.AREA}, {stored[0].id})
    ]
    assert loads == [stored[0].id]  # the editor shows the stored record once
    window.show_page(2)
    assert "北部圏域" in [names.list.item(i).text().strip("　") for i in range(names.list.count())]


def test_a_write_outside_the_window_reaches_its_views(window: MainWindow, make: Factory) -> None:
    window.show_page(2)
    page = window.pages[2]
    announced = _announced(window.ctx)
    org = make.organisation("若葉台町会", kana="わかばだいちょうかい")
    assert [c.ids(RecordKind.ORGANISATION) for c in announced] == [{org.id}]
    assert page.model.rowCount() == 1


def test_the_workspace_editor_reloads_once_per_save(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    project = make.project(title="協議体の立上げ")
    profile = services.profiles.save(UserProfile(name="高橋 美咲", role=ProfileRole.COORDINATOR))
    set_current_profile(ctx, profile.id)
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    workspace.show()
    assert workspace.select_project(project.id)
    editor = workspace.editor
    loads = _count_loads(editor)
    announced = _announced(ctx)
    enter(qtbot, editor.outcome_edit, "第1層協議体を設置した")
    qtbot.mouseClick(workspace.save_button, Qt.MouseButton.LeftButton)
    assert services.projects.get(project.id).outcome == "第1層協議体を設置した"
    assert loads == [project.id]
    assert [c.ids(RecordKind.PROJECT) for c in announced] == [{project.id}]
