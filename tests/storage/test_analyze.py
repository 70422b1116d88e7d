"""Issue 16: the query planner has statistics (ANALYZE after migrations, optimize on close).

Without ``sqlite_stat1`` SQLite takes the ``deleted_at`` index for the
attendance of a page of meetings (``meeting_id IN (...) AND deleted_at IS
NULL``), a walk over every live link; with statistics it seeks the meeting ids.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from coordinator_app.storage import planner_stats
from coordinator_app.storage.database import open_database
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.read_only import open_read_only
from coordinator_app.storage.schema import alembic_config, head_revision, upgrade_to
from tests.conftest import Factory

ATTENDANCE = (
    "SELECT meeting_id, coordinator_id FROM meeting_coordinator "
    "WHERE meeting_id IN (?, ?) AND deleted_at IS NULL"
)


def _has_stats(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).fetchone()
        return found is not None and bool(
            conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0]
        )
    finally:
        conn.close()


def _plan(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(f"EXPLAIN QUERY PLAN {ATTENDANCE}", ("a", "b")).fetchall()
        return " / ".join(row[3] for row in rows)
    finally:
        conn.close()


def _forget_stats(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
        conn.commit()
    finally:
        conn.close()


def _fill(path: Path) -> None:
    """Meetings, each attended by two coordinators, through the services."""
    from coordinator_app.services.registry import Services

    db = open_database(path)
    try:
        make = Factory(Services.create(db))
        people = [make.coordinator(name=f"佐藤 {i}", kana=f"さとう {i}") for i in range(4)]
        for i in range(40):
            meeting = make.meeting(title=f"連絡会{i}")
            make.s.meetings.save(
                meeting, coordinator_ids=[people[i % 4].id, people[(i + 1) % 4].id]
            )
    finally:
        db.close()


def test_a_file_never_analysed_is_analysed_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "city.sqlite3"
    _fill(path)
    _forget_stats(path)
    assert "ix_meeting_coordinator_deleted_at" in _plan(path)  # what SQLite guesses
    open_database(path).close()
    assert _has_stats(path)
    plan = _plan(path)
    assert "ix_meeting_coordinator_meeting_id" in plan and "deleted_at" not in plan, plan


def test_a_migrated_file_is_analysed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    upgrade_to(engine, "0011")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO area (id, name, kana, sort_kana, kind, notes, created_at, updated_at) "
            "VALUES ('a1', '福生市', 'ふっさし', 'ふっさし', 'municipality', '', "
            "'2024-01-01', '2024-01-01')"
        )
    engine.dispose()
    db = open_database(path)
    try:
        assert db.schema.upgraded_from == "0011"
        with db.engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT tbl FROM sqlite_stat1").all()}
        assert "area" in tables
    finally:
        db.close()


def test_a_new_file_is_not_analysed_empty(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = open_database(path)
    try:
        assert not planner_stats.is_analysed(db.engine)
    finally:
        db.close()


def test_closing_optimises_and_a_read_only_close_does_not_fail(tmp_path: Path) -> None:
    path = tmp_path / "city.sqlite3"
    _fill(path)
    _forget_stats(path)
    db = open_database(path)  # analyses
    db.close()
    read_only = open_read_only(path)
    read_only.close()
    assert _has_stats(path)


def test_the_light_head_revision_is_alembics() -> None:
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
