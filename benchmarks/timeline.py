"""Benchmark: opening a project's 進捗状況 timeline, short log vs long log.

Builds a temporary database with one project per size (entries written
directly, a quarter of them reviewed, every tenth with a photo), then times
``ProgressLogPanel.set_owner`` (the timeline is the default view) shown
offscreen with its first paint, and counts the SQL statements it issued.
Prints a Markdown table; nothing is asserted (the tests assert the
statement counts).

Usage::

    QT_QPA_PLATFORM=offscreen python -m benchmarks.timeline [--sizes 10 2000 20000] [--runs 7]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from PIL import Image

from coordinator_app.domain.enums import ProfileRole, ProjectProgram, ProjectStatus
from coordinator_app.domain.models import Attachment, ProgressEntry, Project, Review, UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database, open_database


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), "#6a9fd8").save(out, "JPEG")
    return out.getvalue()


def _fill(db: Database, services: Services, size: int) -> uuid.UUID:
    project = services.projects.save(
        Project(
            title=f"記録{size}件", program=ProjectProgram.OTHER, status=ProjectStatus.IN_PROGRESS
        )
    )
    boss = services.profiles.save(UserProfile(name=f"確認者{size}", role=ProfileRole.SUPERVISOR))
    photo = _photo()
    start = datetime(2015, 4, 1, tzinfo=UTC)
    with db.writing() as session:
        for i in range(size):
            stamp = start + timedelta(hours=i)
            entry = ProgressEntry(
                project_id=project.id,
                entry_date=date(2015, 4, 1) + timedelta(days=i // 2),
                text="打合せを行い、次回の講座の内容と役割分担を確認しました。" * (1 + i % 5),
                author="担当",
                created_at=stamp,
                updated_at=stamp,
            )
            session.add(entry)
            session.flush()
            if i % 4 == 0:
                session.add(
                    Review(
                        progress_entry_id=entry.id,
                        reviewer_profile_id=boss.id,
                        entry_updated_at=stamp,
                    )
                )
            if i % 10 == 0:
                session.add(
                    Attachment(
                        progress_entry_id=entry.id,
                        filename=f"写真{i}.jpg",
                        media_type="image/jpeg",
                        size=len(photo),
                        content=photo,
                    )
                )
    return project.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 2000, 20000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from coordinator_app.ui.context import UiContext
    from coordinator_app.ui.projects.progress_panel import ProgressLogPanel
    from coordinator_app.ui.prompts import DialogPrompts
    from coordinator_app.ui.settings import AppSettings, settings_store

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "timeline.sqlite3")
        services = Services.create(db)
        projects = {size: _fill(db, services, size) for size in args.sizes}
        settings = AppSettings(settings_store(Path(folder) / "ui.ini"))
        ctx = UiContext.create(services=services, prompts=DialogPrompts(), settings=settings)
        panel = ProgressLogPanel(ctx)
        panel.resize(1000, 800)
        panel.show()
        statements: list[str] = []
        sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        print("| entries | open + first paint (median) | statements | rows loaded |")
        print("|---:|---:|---:|---:|")
        for size, project_id in projects.items():
            times = []
            for _ in range(args.runs):
                panel.set_owner(None)
                app.processEvents()
                statements.clear()
                began = time.perf_counter()
                panel.set_owner(project_id)
                panel.timeline.viewport().repaint()
                app.processEvents()
                times.append(time.perf_counter() - began)
                count = len(statements)
                # The next run decodes the thumbnails again, as a freshly opened project does.
                panel.timeline_model.load(None)
            loaded = panel.timeline_model.rowCount()
            panel.set_owner(project_id)
            loaded = panel.timeline_model.rowCount()
            print(f"| {size:,} | {statistics.median(times) * 1000:.1f} ms | {count} | {loaded} |")
        db.close()


if __name__ == "__main__":
    main()
