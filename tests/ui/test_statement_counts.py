"""Issue 16: opening a project issues a fixed number of statements, whatever its size.

A statement counter on the engine (``before_cursor_execute``) sees every query the
project page sends while a project is opened; a project with 10 entries (each with a
file and a review, and 10 meetings each with an action item and a file) and one with
200 of each must cost the same number, on every tab and in both views of 進捗状況.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode, ProjectProgram, ProjectStatus
from coordinator_app.domain.models import (
    ActionItem,
    Attachment,
    Meeting,
    ProgressEntry,
    Project,
    Review,
)
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.projects.project_page import ProjectPage
from tests.setagaya import Setagaya, make_setagaya
from tests.statements import counting


@pytest.fixture
def setagaya(services: Services) -> Setagaya:
    return make_setagaya(services)


def _project_of(
    db: Database, services: Services, title: str, count: int, reviewer: uuid.UUID
) -> uuid.UUID:
    """A project with ``count`` entries (a file and a review each) and ``count``
    meetings (an action item and a file each), written directly for speed."""
    project = services.projects.save(
        Project(title=title, program=ProjectProgram.INDEPENDENT, status=ProjectStatus.IN_PROGRESS)
    )
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with db.writing() as session:
        for i in range(count):
            stamp = start + timedelta(minutes=i)
            day = date(2020, 1, 1) + timedelta(days=i)
            entry = ProgressEntry(
                project_id=project.id,
                entry_date=day,
                text=f"記録{i}: 連絡調整を行いました。",
                author="担当",
                created_at=stamp,
                updated_at=stamp,
            )
            meeting = Meeting(
                kind=MeetingKind.OTHER,
                mode=MeetingMode.ON_SITE,
                title=f"打合せ{i}",
                held_on=day,
                project_id=project.id,
            )
            session.add_all([entry, meeting])
            session.flush()
            session.add_all(
                [
                    Attachment(
                        progress_entry_id=entry.id, filename=f"写真{i}.txt", content=b"x", size=1
                    ),
                    Attachment(
                        meeting_id=meeting.id, filename=f"資料{i}.txt", content=b"x", size=1
                    ),
                    Review(
                        progress_entry_id=entry.id,
                        reviewer_profile_id=reviewer,
                        entry_updated_at=stamp,
                    ),
                    ActionItem(meeting_id=meeting.id, text=f"対応{i}", due_date=day),
                ]
            )
    return project.id


def test_a_project_opens_with_the_same_statements_whatever_its_size(
    qtbot: QtBot, ctx: UiContext, db: Database, services: Services, setagaya: Setagaya
) -> None:
    small = _project_of(db, services, "小さなプロジェクト", 10, setagaya.supervisor.id)
    large = _project_of(db, services, "大きなプロジェクト", 200, setagaya.supervisor.id)
    page = ProjectPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.model.refresh()
    editor = page.editor
    assert editor.tabs is not None
    panel = editor.progress_log
    for view in (panel.show_table, panel.show_timeline):
        view()
        for tab in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(tab)
            counts = {}
            for size, project_id in ((10, small), (200, large)):
                page.select_record(setagaya.project.id)  # from another project each time
                QApplication.processEvents()
                with counting(db) as statements:
                    page.select_record(project_id)
                    QApplication.processEvents()  # paint what the tab shows
                counts[size] = len(statements)
                assert panel.log_summary().total == size
                assert editor.action_items.model.rowCount() == size
                assert editor.meetings.model.rowCount() == size
            assert counts[10] == counts[200], (view.__name__, tab, counts)
