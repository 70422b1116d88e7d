"""The item models of the project tabs, the review views and the report pass Qt's model
tester; the new windows speak English when English is chosen."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.profiles.current import set_current_profile
from coordinator_app.ui.profiles.profile_picker import ProfilePickerDialog
from coordinator_app.ui.projects.progress_log_model import ProgressLogModel
from coordinator_app.ui.projects.project_meeting_model import (
    ProjectActionItemModel,
    ProjectMeetingModel,
)
from coordinator_app.ui.reports.report_table_model import ReportTableModel
from coordinator_app.ui.reports.report_window import ActivityReportWindow
from coordinator_app.ui.review.review_dialog import ReviewDialog
from coordinator_app.ui.review.review_history_model import ReviewHistoryModel
from coordinator_app.ui.review.workspace_view import ReviewWorkspace
from tests.ui.test_project_tabs import enter_setagaya
from tests.ui.test_ui_translations import _texts

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def test_the_models_pass_the_model_tester(qtmodeltester: ModelTester, services: Services) -> None:
    seed = enter_setagaya(services)
    boss = services.profiles.save(UserProfile(name="山本 健", role=ProfileRole.SUPERVISOR))
    log = services.progress.log(seed.project.id)
    services.reviews.mark_reviewed([log[0].id], boss, "確認しました")
    dates = DateFormat(wareki=True)
    models = [
        ProgressLogModel(services, dates),
        ProjectMeetingModel(services, dates),
        ProjectActionItemModel(services, dates),
        ReviewHistoryModel(services.reviews, dates),
    ]
    for model in models:
        model.load(seed.project.id)
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)
    table = ReportTableModel(["月", "開催数"], [["2017年9月", 1], ["合計", 1_234]])
    qtmodeltester.check(table, force_py=True)
    assert table.index(1, 1).data() == "1,234"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def _leftovers(widget: QWidget) -> list[tuple[str, str]]:
    return [(kind, text) for kind, text in _texts(widget) if JAPANESE.search(text)]


def test_the_new_windows_speak_english(
    english: None, qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    boss = services.profiles.save(UserProfile(name="Ken", role=ProfileRole.SUPERVISOR))
    set_current_profile(ctx, boss.id)
    workspace = ReviewWorkspace(ctx)
    picker = ProfilePickerDialog(ctx)
    review = ReviewDialog(ctx, entries=[])
    report = ActivityReportWindow(ctx)
    for widget in (workspace, picker, review, report):
        qtbot.addWidget(widget)
    assert workspace.windowTitle() == "Review workspace"
    assert not _leftovers(workspace)
    assert not _leftovers(picker)
    assert not _leftovers(review)
    # The report's title, scope and tables are the document's own (Japanese, as exported).
    document = {report.title_label, report.scope_label, *report.findChildren(QTableView)}
    controls = [
        item
        for item in _leftovers(report)
        if not any(item[1] in (w.text() if hasattr(w, "text") else "") for w in document)
    ]
    assert [text for kind, text in controls if kind != "QTableView" and kind != "QTabWidget"] == []
