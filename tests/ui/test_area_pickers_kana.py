"""Area pickers that say 名前・ふりがなで検索 find areas by their reading too: the
assignment dialog, the project's 地域 and the activity report's 地域 filter."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import Area
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.common.pickers import RecordCombo
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.projects.project_editor import ProjectEditor
from coordinator_app.ui.reports.report_window import ActivityReportWindow
from tests.conftest import Factory
from tests.ui.conftest import accept, reopened


def _kiso(services: Services, make: Factory) -> Area:
    city = make.city("倉敷市")
    return services.areas.save(
        Area(name="児島", kana="こじま", kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id)
    )


def _find(qtbot: QtBot, combo: RecordCombo, area: Area) -> None:
    for reading in ("こじま", "コジマ", "ｺｼﾞﾏ"):
        row = combo.search(reading)
        assert row >= 0, f"{reading} found nothing"
        assert combo.itemData(row) == str(area.id)
    combo.setCurrentIndex(combo.search("こじま"))


def test_assignment_dialog_finds_the_area_by_reading(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory, db: Database
) -> None:
    area = _kiso(services, make)
    person = make.coordinator()
    dialog = AssignmentDialog(ctx, owner_id=person.id, record=None)
    qtbot.addWidget(dialog)
    _find(qtbot, dialog.area_combo, area)
    accept(qtbot, dialog, dialog.save_button)
    with reopened(db) as stored:
        assert [a.area_id for a, _area, _org in stored.assignments.history(person.id)] == [area.id]


def test_project_area_and_report_filter_find_the_area_by_reading(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    area = _kiso(services, make)
    editor = ProjectEditor(ctx)
    qtbot.addWidget(editor)
    editor.load(None)
    _find(qtbot, editor.area_combo, area)
    report = ActivityReportWindow(ctx)
    qtbot.addWidget(report)
    _find(qtbot, report.area_combo, area)
