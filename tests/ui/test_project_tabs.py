"""The project tabs with the Setagaya project of the seed documents (伴走支援, 2017年度):
six dated entries from 2017-08-28 to 2017-11-28, status 完了, its course meetings."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import (
    AreaKind,
    MeetingKind,
    MeetingMode,
    OrgKind,
    ProjectProgram,
    ProjectStatus,
)
from coordinator_app.domain.models import (
    ActionItem,
    Area,
    Coordinator,
    Meeting,
    Organisation,
    ProgressEntry,
    Project,
)
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.projects.progress_log_model import ProgressLogModel
from coordinator_app.ui.projects.project_meeting_model import (
    ProjectActionItemModel,
    ProjectMeetingModel,
)
from coordinator_app.ui.projects.project_page import ProjectPage
from coordinator_app.ui.reports.report_window import ActivityReportWindow
from coordinator_app.ui.review.workspace_view import ReviewWorkspace

SETAGAYA_LOG = [
    (
        date(2017, 8, 28),
        "現状のヒアリングを行い、今後の方向性とスケジュールを確認しました。"
        "その後、9月から開催する講座について、内容の検討を行いました。",
    ),
    (
        date(2017, 9, 5),
        "前回の打合せを踏まえて、本講座の開催経緯、世田谷区および担当課の実施に向けた意向を"
        "再度確認し、講座内容の改善を行いました。また、講座に先立って開催された講演について、"
        "当日の様子を共有しました。",
    ),
    (
        date(2017, 9, 14),
        "第1回の講座に立ち合いました。講座終了後には振り返りと、"
        "次回の講座に向けた修正点などについて打ち合わせを行いました。",
    ),
    (date(2017, 9, 14), "第1回講座の様子(2)"),
    (
        date(2017, 11, 7),
        "第5回の講座に立ち合いました。第1回講座以降、随時電話やメール等でのやり取りを経て、"
        "内容や進行がとてもよいものになっていました。今回の様子を踏まえて、"
        "来年度以降にいかに続けるか、また日を改めて検討予定です。",
    ),
    (
        date(2017, 11, 28),
        "講座全5回が無事終了したところで、関係者で振り返りを行いました。"
        "これまで講座を実施してみての感想や反省点を出し合い、"
        "今年度の成果を来年度につなげるための方針を検討しました。",
    ),
]
GOAL = "初めて挑戦する参加型講座企画。地域活動の担い手発掘を目指す。"


@dataclass
class Setagaya:
    project: Project
    area: Area
    coordinator: Coordinator
    partner: Organisation
    meetings: list[Meeting]


def enter_setagaya(services: Services) -> Setagaya:
    """The seed's project, entered through the services as a coordinator would."""
    tokyo = services.areas.save(
        Area(name="世田谷区", kana="せたがやく", kind=AreaKind.MUNICIPALITY)
    )
    coordinator = services.coordinators.save(
        Coordinator(name="世田谷 太郎", kana="せたがや たろう")
    )
    partner = services.organisations.save(
        Organisation(
            name="世田谷区高齢福祉部介護予防・地域支援課",
            kana="せたがやくこうれいふくしぶ",
            kind=OrgKind.GOVERNMENT,
            address="〒154-8504 東京都世田谷区世田谷4-21-27",
        )
    )
    project = services.projects.save(
        Project(
            title="世田谷区 伴走支援 参加型講座",
            program=ProjectProgram.ACCOMPANIMENT,
            status=ProjectStatus.COMPLETED,
            progress=100,
            area_id=tokyo.id,
            lead_coordinator_id=coordinator.id,
            goal=GOAL,
            start_date=date(2017, 8, 28),
            end_date=date(2017, 11, 28),
            outcome="講座全5回を開催し、今年度の成果を来年度につなげる方針をまとめた。",
        ),
        partner_ids=[partner.id],
    )
    for day, text in SETAGAYA_LOG:
        services.progress.save(
            ProgressEntry(project_id=project.id, entry_date=day, text=text, author="アドバイザー")
        )
    meetings = [
        services.meetings.save(
            Meeting(
                kind=kind,
                title=title,
                held_on=day,
                mode=MeetingMode.ON_SITE,
                project_id=project.id,
            ),
            coordinator_ids=[coordinator.id],
        )
        for kind, title, day in (
            (MeetingKind.COURSE, "区民参加型講座 第1回", date(2017, 9, 14)),
            (MeetingKind.COURSE, "区民参加型講座 第5回", date(2017, 11, 7)),
            (MeetingKind.OTHER, "講座全5回の振り返り", date(2017, 11, 28)),
        )
    ]
    services.action_items.save(
        ActionItem(
            meeting_id=meetings[1].id,
            text="来年度以降にいかに続けるかを検討する",
            due_date=date(2017, 11, 28),
            done=True,
        )
    )
    return Setagaya(project, tokyo, coordinator, partner, meetings)


def sql(db: Database, query: str, *args: object) -> list[tuple[object, ...]]:
    """A direct SQL query on the database file (to check the figures independently)."""
    with sqlite3.connect(db.path) as connection:
        return connection.execute(query, args).fetchall()


def test_setagaya_project_shows_in_every_tab(
    qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    seed = enter_setagaya(services)
    ctx.settings.wareki = True
    ctx.dates.wareki = True
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    assert page.select_record(seed.project.id)
    editor = page.editor
    assert editor.tabs is not None
    assert [editor.tabs.tabText(i) for i in range(editor.tabs.count())] == [
        "概要",
        "進捗状況",
        "会議",
        "対応事項",
        "成果",
        "確認",
        "変更履歴",
    ]
    # 概要
    assert editor.title_edit.text() == "世田谷区 伴走支援 参加型講座"
    assert editor.program_combo.currentText() == "伴走支援"
    assert editor.status_combo.currentText() == "完了"
    assert editor.progress_spin.value() == 100
    assert editor.area_combo.currentText() == "世田谷区"
    assert editor.lead_combo.currentText() == "世田谷 太郎"
    assert editor.goal_edit.toPlainText() == GOAL
    assert editor.partner_list.checked_values() == [seed.partner.id]
    assert editor.summary_label.text().startswith("最終記録: 平成29年11月28日")
    assert "進捗6件(未確認6件)" in editor.summary_label.text()
    # 進捗状況: newest first, dates in 和暦
    editor.progress_log.show_table()
    log = editor.progress_log.model
    assert log.rowCount() == 6
    shown = [log.index(r, ProgressLogModel.DATE).data() for r in range(6)]
    assert shown == [
        "平成29年11月28日",
        "平成29年11月7日",
        "平成29年9月14日",
        "平成29年9月14日",
        "平成29年9月5日",
        "平成29年8月28日",
    ]
    assert log.index(0, ProgressLogModel.TEXT).data().startswith("講座全5回が無事終了")
    assert {log.index(r, ProgressLogModel.REVIEW).data() for r in range(6)} == {"未確認"}
    # 会議 and 対応事項
    meetings = editor.meetings.model
    assert [meetings.index(r, ProjectMeetingModel.TITLE).data() for r in range(3)] == [
        "講座全5回の振り返り",
        "区民参加型講座 第5回",
        "区民参加型講座 第1回",
    ]
    items = editor.action_items.model
    assert items.rowCount() == 1
    item_text = items.index(0, ProjectActionItemModel.TEXT).data()
    assert item_text == "来年度以降にいかに続けるかを検討する"
    assert items.index(0, ProjectActionItemModel.DONE).data() == "✓"
    # 成果 and 確認
    assert editor.outcome_edit.toPlainText().startswith("講座全5回を開催し")
    assert editor.reviews.model.rowCount() == 0
    assert editor.reviews.summary.text() == "このプロジェクトの進捗はまだ確認されていません。"


def test_double_click_on_a_meeting_opens_it(
    qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    seed = enter_setagaya(services)
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    page.select_record(seed.project.id)
    page.show()
    qtbot.waitExposed(page)
    page.editor.tabs.setCurrentIndex(2)  # type: ignore[union-attr]
    table = page.editor.meetings.table
    with qtbot.waitSignal(ctx.events.sig_open_record) as opened:
        rect = table.visualRect(table.model().index(2, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["meeting", seed.meetings[0].id]
    page.editor.tabs.setCurrentIndex(3)  # type: ignore[union-attr]
    table = page.editor.action_items.table
    with qtbot.waitSignal(ctx.events.sig_open_record) as opened:
        rect = table.visualRect(table.model().index(0, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["meeting", seed.meetings[1].id]


def test_setagaya_in_the_2017_report_window_and_the_workspace(
    qtbot: QtBot, ctx: UiContext, db: Database, services: Services
) -> None:
    seed = enter_setagaya(services)
    window = ActivityReportWindow(ctx, year=2017)
    qtbot.addWidget(window)
    assert window.year_combo.currentText() == "2017年度"
    assert window.title_label.text() == "2017年度 生活支援体制整備事業 実績報告"
    (meetings,) = sql(
        db,
        "SELECT COUNT(*) FROM meeting WHERE deleted_at IS NULL"
        " AND held_on BETWEEN '2017-04-01' AND '2018-03-31'",
    )[0]
    assert window.figures["会議の開催数"].text() == str(meetings) == "3"
    assert window.chart.values == [0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0]
    assert window.chart.labels[0] == "4月" and window.chart.labels[-1] == "3月"
    projects = window.tables["プロジェクト"].model()
    by_status = {
        projects.index(r, 0).data(): projects.index(r, 1).data() for r in range(projects.rowCount())
    }
    (completed,) = sql(
        db, "SELECT COUNT(*) FROM project WHERE deleted_at IS NULL AND status = 'completed'"
    )[0]
    assert by_status["完了"] == str(completed) == "1"
    kinds = window.tables["種類別"].model()
    assert [kinds.index(r, 0).data() for r in range(kinds.rowCount())] == ["講座", "その他", "合計"]
    assert kinds.index(0, 1).data() == "2"
    # Limited to the project's area and lead coordinator it is the same report.
    window.set_scope(year=2017, area_id=seed.area.id, coordinator_id=seed.coordinator.id)
    assert window.scope_label.text() == "対象: 世田谷区 / 世田谷 太郎"
    assert window.figures["会議の開催数"].text() == "3"
    # Another year has none of it.
    window.set_scope(year=2018)
    assert window.figures["会議の開催数"].text() == "0"

    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    workspace.year_filter.setCurrentIndex(workspace.year_filter.findData(2017))
    assert workspace.model.total == 1
    row = workspace.model.row_item(0)
    assert row is not None and row.project.id == seed.project.id
    assert (row.last_entry_date, row.unreviewed, row.stalled) == (date(2017, 11, 28), 6, False)
    workspace.year_filter.setCurrentIndex(workspace.year_filter.findData(2018))
    assert workspace.model.total == 0
