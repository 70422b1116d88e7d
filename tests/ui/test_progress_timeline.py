"""The 進捗状況 timeline: a supervisor reviews by keyboard, a long log opens with the
same statements as a short one, photos open full size, next unreviewed across projects,
and the project page saved from its dialog."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ProgressEntry, Project, Review
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.profiles.current import set_current_profile
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from coordinator_app.ui.projects.progress_panel import ProgressLogPanel
from coordinator_app.ui.projects.project_page import ProjectPage
from coordinator_app.ui.projects.timeline_model import TimelineModel
from coordinator_app.ui.projects.timeline_photo_dialog import PhotoDialog
from coordinator_app.ui.review.review_dialog import ReviewDialog
from coordinator_app.ui.review.workspace_view import ReviewWorkspace
from coordinator_app.ui.settings import AppSettings
from tests.setagaya import ENTRIES, TITLE, Setagaya, make_setagaya, photo
from tests.statements import counting
from tests.ui.conftest import enter, reopened
from tests.ui.fake_prompts import FakePrompts

PROGRESS_TAB = 1


@pytest.fixture
def setagaya(services: Services) -> Setagaya:
    return make_setagaya(services, reviewed=False)


def _progress(qtbot: QtBot, ctx: UiContext, project_id: uuid.UUID) -> ProgressLogPanel:
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.model.refresh()
    page.select_record(project_id)
    assert page.editor.tabs is not None
    page.editor.tabs.setCurrentIndex(PROGRESS_TAB)
    return page.editor.progress_log


def test_timeline_is_the_default_and_shows_whole_entries(
    qtbot: QtBot, ctx: UiContext, setagaya: Setagaya
) -> None:
    set_current_profile(ctx, setagaya.coordinator.id)
    panel = _progress(qtbot, ctx, setagaya.project.id)
    assert panel.stack.currentWidget() is panel.timeline
    assert panel.timeline_button.isChecked()
    model = panel.timeline_model
    assert [model.item(r).entry.text for r in range(model.rowCount())] == [  # type: ignore[union-attr]
        t for _d, t in reversed(ENTRIES)
    ]
    assert panel.model.rowCount() == 0  # the table loads only when shown
    qtbot.mouseClick(panel.table_button, Qt.MouseButton.LeftButton)
    assert panel.stack.currentWidget() is panel.table and panel.model.rowCount() == 6
    qtbot.mouseClick(panel.timeline_button, Qt.MouseButton.LeftButton)
    panel.order_combo.setCurrentIndex(1)  # 古い順
    assert model.item(0).entry.entry_date == date(2017, 8, 28)  # type: ignore[union-attr]
    # Each card is tall enough for its wrapped text: the long entries are taller.
    option = panel.timeline.item_option(0)
    delegate = panel.timeline.timeline_delegate
    heights = [delegate.sizeHint(option, model.index(r, 0)).height() for r in range(6)]
    assert heights[3] > heights[0]  # the photo entry


def test_supervisor_reviews_three_entries_by_keyboard(
    qtbot: QtBot, ctx: UiContext, db: Database, setagaya: Setagaya
) -> None:
    set_current_profile(ctx, setagaya.supervisor.id)
    panel = _progress(qtbot, ctx, setagaya.project.id)
    timeline = panel.timeline
    timeline.setFocus()
    comments = ["全体の方向性を確認", "講座の改善点を確認", "写真を確認"]
    for comment in comments:
        qtbot.keyClick(timeline, Qt.Key.Key_Down)
        qtbot.keyClick(timeline, Qt.Key.Key_K)
        dialog = panel.review_dialog
        assert isinstance(dialog, ReviewDialog) and dialog.isVisible()
        assert len(dialog.entries) == 1
        enter(qtbot, dialog.comment_edit, comment)
        with qtbot.waitSignal(dialog.finished):
            qtbot.keyClick(
                dialog.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
            )
        assert dialog.result() == QDialog.DialogCode.Accepted
        qtbot.waitUntil(lambda: timeline.window().focusWidget() is timeline)
    assert panel.log_summary().unreviewed == 3
    oldest_first = sorted(setagaya.entries, key=lambda e: (e.entry_date, e.created_at))
    reviewed_ids = [e.id for e in reversed(oldest_first)][:3]
    assert [timeline.timeline.item(r).state.reviewed for r in range(6)] == [  # type: ignore[union-attr]
        True, True, True, False, False, False,
    ]  # fmt: skip

    with reopened(db) as services:
        with services.db.reading() as session:
            reviews = session.exec(sa.select(Review).order_by(Review.reviewed_at)).scalars().all()
        assert {r.progress_entry_id: r.comment for r in reviews} == dict(
            zip(reviewed_ids, comments, strict=True)
        )
        assert {r.reviewer_profile_id for r in reviews} == {setagaya.supervisor.id}


def test_enter_opens_the_entry_and_a_thumbnail_opens_the_photo(
    qtbot: QtBot, ctx: UiContext, services: Services, setagaya: Setagaya
) -> None:
    set_current_profile(ctx, setagaya.coordinator.id)
    big = photo(1600, 1200, "#d88a6a")
    services.attachments.add(
        filename="会場.jpg", content=big, progress_entry_id=setagaya.entries[5].id
    )
    panel = _progress(qtbot, ctx, setagaya.project.id)
    timeline = panel.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    dialog = panel.dialog
    assert isinstance(dialog, ProgressEntryDialog) and dialog.isVisible()
    assert dialog.text_edit.toPlainText() == ENTRIES[5][1]
    dialog.reject()
    # Click the thumbnail of the newest entry: the photo opens at full size.
    option = timeline.item_option(0)
    index = timeline.timeline.index(0, 0)
    (rect,) = timeline.timeline_delegate.photo_rects(option, index)
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    viewer = panel.photo_dialog
    assert isinstance(viewer, PhotoDialog)
    assert (viewer.image.width(), viewer.image.height()) == (1600, 1200)
    assert viewer.windowTitle() == "会場.jpg"
    viewer.reject()
    # Not a point on the card's text.
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))


def test_review_button_on_a_card_and_markup_kept_as_text(
    qtbot: QtBot, ctx: UiContext, db: Database, services: Services, setagaya: Setagaya
) -> None:
    markup = '<b>太字</b><script>alert("x")</script>'
    entry = services.progress.save_by(
        ProgressEntry(project_id=setagaya.project.id, entry_date=date(2018, 1, 10), text=markup),
        setagaya.coordinator,
    )
    services.attachments.add(
        filename="壊れた.jpg", content=b"not an image", progress_entry_id=entry.id
    )
    set_current_profile(ctx, setagaya.supervisor.id)
    panel = _progress(qtbot, ctx, setagaya.project.id)
    timeline = panel.timeline
    model = timeline.timeline
    assert model.index(0, 0).data() == markup  # the text as typed, drawn as plain text
    (broken,) = model.item(0).photos  # type: ignore[union-attr]
    assert model.thumbnail(broken.id, broken.size) is None  # drawn as "cannot show"
    good = model.item(model.row_of(setagaya.entries[3].id)).photos[0]  # type: ignore[union-attr]
    thumbnail = model.thumbnail(good.id, good.size)
    assert thumbnail is not None and thumbnail.width() <= 112 and thumbnail.height() <= 84
    button = timeline.timeline_delegate.button_rect(timeline.item_option(0), model.index(0, 0))
    assert button is not None
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=button.center())
    dialog = panel.review_dialog
    assert isinstance(dialog, ReviewDialog) and [e.id for e in dialog.entries] == [entry.id]
    enter(qtbot, dialog.comment_edit, "表記を確認")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert model.item(0).state.reviewed  # type: ignore[union-attr]
    assert (
        timeline.timeline_delegate.button_rect(timeline.item_option(0), model.index(0, 0)) is None
    )
    with reopened(db) as fresh, fresh.db.reading() as session:
        (review,) = session.exec(sa.select(Review)).scalars().all()
        assert (review.progress_entry_id, review.comment) == (entry.id, "表記を確認")


def _bulk_log(db: Database, project_id: uuid.UUID, count: int) -> None:
    """``count`` entries written directly (the service would take minutes for 2,000)."""
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with db.writing() as session:
        for i in range(count):
            stamp = start + timedelta(minutes=i)
            session.add(
                ProgressEntry(
                    project_id=project_id,
                    entry_date=date(2020, 1, 1) + timedelta(days=i // 3),
                    text=f"記録{i}: 会議の準備と連絡調整を行いました。" * (1 + i % 4),
                    author="担当",
                    created_at=stamp,
                    updated_at=stamp,
                )
            )


def test_a_long_log_opens_with_the_same_statements_as_a_short_one(
    qtbot: QtBot, ctx: UiContext, db: Database, services: Services, setagaya: Setagaya
) -> None:
    projects = {}
    for name, count in (("短い記録", 10), ("長い記録", 2000)):
        project = services.projects.save(
            Project(
                title=name, program=ProjectProgram.INDEPENDENT, status=ProjectStatus.IN_PROGRESS
            )
        )
        _bulk_log(db, project.id, count)
        projects[count] = project.id
    set_current_profile(ctx, setagaya.supervisor.id)  # a supervisor reads (set after the writes)
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.model.refresh()
    assert page.editor.tabs is not None
    page.editor.tabs.setCurrentIndex(PROGRESS_TAB)
    panel = page.editor.progress_log
    counts = {}
    for count, project_id in projects.items():
        page.select_record(setagaya.project.id)  # start from another project each time
        QApplication.processEvents()
        with counting(db) as statements:
            page.select_record(project_id)
            QApplication.processEvents()  # paint the visible cards
        counts[count] = len(statements)
        assert panel.log_summary().total == count
        assert panel.timeline_model.rowCount() == min(count, TimelineModel.PAGE_SIZE)
    assert counts[10] == counts[2000], counts
    # Scrolling to the end fetches further pages.
    panel.timeline.scrollToBottom()
    qtbot.waitUntil(lambda: panel.timeline_model.rowCount() > TimelineModel.PAGE_SIZE)


def test_next_unreviewed_jumps_across_projects(
    qtbot: QtBot, ctx: UiContext, services: Services, setagaya: Setagaya
) -> None:
    services.reviews.mark_reviewed([e.id for e in setagaya.entries[:2]], setagaya.supervisor)
    other = services.projects.save(
        Project(
            title="あおば台の通いの場",
            program=ProjectProgram.INDEPENDENT,
            status=ProjectStatus.IN_PROGRESS,
        )
    )
    late = services.progress.save_by(
        ProgressEntry(project_id=other.id, entry_date=date(2024, 5, 1), text="サロンの下見"),
        setagaya.coordinator,
    )
    done = services.projects.save(
        Project(
            title="いずみ地区の協議体",
            program=ProjectProgram.INDEPENDENT,
            status=ProjectStatus.IN_PROGRESS,
        )
    )
    checked = services.progress.save_by(
        ProgressEntry(project_id=done.id, entry_date=date(2024, 5, 2), text="確認済みの記録"),
        setagaya.coordinator,
    )
    services.reviews.mark_reviewed([checked.id], setagaya.supervisor)
    set_current_profile(ctx, setagaya.supervisor.id)
    workspace = ReviewWorkspace(ctx)
    qtbot.addWidget(workspace)
    workspace.show()
    # By title: あおば台 (unreviewed), いずみ (all reviewed: skipped), 世田谷 (unreviewed).
    assert workspace.next_button.shortcut() == QKeySequence(Qt.Key.Key_F8)
    qtbot.mouseClick(workspace.next_button, Qt.MouseButton.LeftButton)
    assert workspace.editor.current_id == other.id
    log = workspace.editor.progress_log
    assert log.selected_ids() == [late.id]
    assert log.timeline.window().focusWidget() is log.timeline
    qtbot.mouseClick(workspace.next_button, Qt.MouseButton.LeftButton)
    assert workspace.editor.current_id == setagaya.project.id
    assert log.selected_ids() == [setagaya.entries[2].id]  # its oldest unreviewed
    assert workspace.editor.tabs is not None
    assert workspace.editor.tabs.currentIndex() == PROGRESS_TAB
    # N moves to the next unreviewed entry within the project.
    qtbot.keyClick(log.timeline, Qt.Key.Key_N)
    assert log.selected_ids()[0] in {e.id for e in setagaya.entries[3:]}
    assert workspace.next_unreviewed() == late.id  # wraps round
    services.reviews.mark_reviewed(
        [late.id, *(e.id for e in setagaya.entries[2:])], setagaya.supervisor
    )
    assert workspace.next_unreviewed() is None
    assert ctx.prompts.infos[-1] == "表のプロジェクトに未確認の進捗はありません。"  # type: ignore[attr-defined]


@pytest.fixture
def file_prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def file_ctx(services: Services, file_prompts: FakePrompts, ui_settings: AppSettings) -> UiContext:
    return UiContext.create(services=services, prompts=file_prompts, settings=ui_settings)


def test_project_page_dialog_saves_the_chosen_entries(
    qtbot: QtBot,
    file_ctx: UiContext,
    file_prompts: FakePrompts,
    db: Database,
    services: Services,
    setagaya: Setagaya,
    tmp_path: Path,
) -> None:
    services.reviews.mark_reviewed([e.id for e in setagaya.entries[:5]], setagaya.supervisor)
    set_current_profile(file_ctx, setagaya.coordinator.id)
    panel = _progress(qtbot, file_ctx, setagaya.project.id)
    qtbot.mouseClick(panel.page_button, Qt.MouseButton.LeftButton)
    dialog = panel.page_dialog
    assert dialog is not None and dialog.isVisible()
    tree = dialog.tree
    assert tree.topLevelItemCount() == 6
    last = tree.topLevelItem(5)  # 11-28: unreviewed, left out unless asked
    assert last.isDisabled() and last.checkState(0) == Qt.CheckState.Unchecked
    tree.topLevelItem(1).setCheckState(0, Qt.CheckState.Unchecked)  # 09-05 left out
    enter(qtbot, dialog.narrative_edit, "区内5地域で参加型講座を開催。")
    pdf = tmp_path / "世田谷.pdf"
    file_prompts.save_files.append(pdf)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert file_prompts.suggested == [f"{TITLE}.pdf"]
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "2017年8月28日" in text and "2017年9月5日" not in text and "2017年11月28日" not in text
    assert "区内5地域で参加型講座を開催。" in text
    dialog.include_check.setChecked(True)
    html = tmp_path / "世田谷"
    file_prompts.save_files.append(html)
    qtbot.mouseClick(dialog.html_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "世田谷.html"
    assert dialog.written == [pdf, written]
    page = written.read_text(encoding="utf-8")
    assert "2017年11月28日" in page and "data:image/jpeg;base64," in page
    dialog.reject()
    with reopened(db) as fresh:
        assert fresh.project_pages.narrative(setagaya.project.id) == "区内5地域で参加型講座を開催。"


VERSION = sa.text("INSERT INTO sync_version (table_name, row_id, version) VALUES (:table, :id, :v)")


def test_changes_since_my_review_follow_the_servers_order_not_the_clocks(
    qtbot: QtBot, ctx: UiContext, db: Database, services: Services, setagaya: Setagaya
) -> None:
    """A synced desk: the supervisor's reviews were made on a clock a year ahead and
    reached the server as versions 100…; the coordinator later corrected one entry
    (server version 200) on a right clock. 前回の確認以降の変更だけを表示 lists that
    entry (the clocks say nothing changed after the review) and counts it."""
    services.reviews.mark_reviewed([e.id for e in setagaya.entries], setagaya.supervisor)
    ahead = datetime.now(UTC) + timedelta(days=365)
    corrected = setagaya.entries[2]
    with db.writing() as session:
        conn = session.connection()
        conn.execute(
            sa.text("UPDATE review SET reviewed_at = :at, entry_version = 1"), {"at": ahead}
        )
        for entry in setagaya.entries:
            conn.execute(VERSION, {"table": "progress_entry", "id": entry.id.hex, "v": 1})
        reviews = conn.execute(sa.text("SELECT id FROM review")).scalars().all()
        for n, review_id in enumerate(reviews):
            conn.execute(VERSION, {"table": "review", "id": review_id, "v": 100 + n})
        # The correction as a pull applies it: the entry's text and its new server version.
        conn.execute(
            sa.text("UPDATE progress_entry SET text = '講座の日程を訂正' WHERE id = :id"),
            {"id": corrected.id.hex},
        )
        conn.execute(
            sa.text("UPDATE sync_version SET version = 200 WHERE row_id = :id"),
            {"id": corrected.id.hex},
        )
    set_current_profile(ctx, setagaya.supervisor.id)
    panel = _progress(qtbot, ctx, setagaya.project.id)
    panel.changes_check.setChecked(True)
    model = panel.timeline_model
    assert [model.item(r).entry.id for r in range(model.rowCount())] == [corrected.id]  # type: ignore[union-attr]
    assert "進捗 1件" in panel.bar.changes_label.text()
