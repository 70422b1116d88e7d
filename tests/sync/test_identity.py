"""Deterministic ids for links and settings (also for rows made before 0010), and the
file's incarnation: renewed on restore, copy and a new device, kept otherwise."""

from __future__ import annotations

import shutil
import uuid
from datetime import date
from pathlib import Path

from sqlmodel import select

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.ids import link_id, setting_id
from coordinator_app.domain.models import (
    Coordinator,
    Meeting,
    MeetingCoordinator,
    OrganisationArea,
    Setting,
)
from coordinator_app.domain.tiers import LocalTier
from coordinator_app.services.registry import Services
from coordinator_app.storage import capture
from coordinator_app.storage.backup import BackupManager
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.schema import upgrade_to

STAMP = "'2020-01-01 00:00:00'"


def identity(db: Database) -> capture.SyncIdentity:
    with db.engine.connect() as conn:
        return capture.read_identity(conn)


def test_the_same_attendee_on_two_files_is_the_same_row(tmp_path: Path) -> None:
    meeting_id, coordinator_id = uuid.uuid4(), uuid.uuid4()
    found = []
    for name in ("office", "laptop"):
        db = open_database(tmp_path / f"{name}.sqlite3")
        try:
            services = Services.create(db)
            # The same meeting and coordinator (as after a sync), attended on each desk.
            services.coordinators.save(Coordinator(id=coordinator_id, name="佐藤 一郎"))
            meeting = Meeting(
                id=meeting_id,
                kind=MeetingKind.COUNCIL,
                title="協議体",
                held_on=date(2026, 5, 1),
                mode=MeetingMode.ON_SITE,
            )
            services.meetings.save(meeting, coordinator_ids=[coordinator_id])
            with db.reading() as session:
                found.append(session.exec(select(MeetingCoordinator)).one().id)
        finally:
            db.close()
    ends = {"meeting_id": meeting_id, "coordinator_id": coordinator_id}
    assert found == [link_id("meeting_coordinator", ends)] * 2
    # Which end a caller names first does not matter.
    assert link_id("t", {"a": meeting_id, "b": coordinator_id}) == link_id(
        "t", {"b": coordinator_id, "a": meeting_id}
    )


def test_a_setting_has_the_id_of_its_key(services: Services, db: Database) -> None:
    services.tiers.save_local_tiers([LocalTier("1.5層", 1)])
    with db.reading() as session:
        rows = session.exec(select(Setting)).all()
    assert rows
    assert all(row.id == setting_id(row.key) for row in rows)


def test_migration_0010_rekeys_links_and_merges_duplicates(db_path: Path) -> None:
    engine = create_sqlite_engine(db_path)
    upgrade_to(engine, "0009")
    org, north, south = "a" * 32, "b" * 32, "c" * 32
    with engine.begin() as conn:
        run = conn.exec_driver_sql
        for area_id, name in ((north, "北部"), (south, "南部")):
            run(
                "INSERT INTO area (id, created_at, updated_at, name, kana, sort_kana, kind, notes)"
                f" VALUES ('{area_id}', {STAMP}, {STAMP}, '{name}', '', '', 'district', '')"
            )
        run(
            "INSERT INTO organisation (id, created_at, updated_at, name, kana, sort_kana, kind,"
            " address, phone, email, website, notes) VALUES"
            f" ('{org}', {STAMP}, {STAMP}, '社協', '', '', 'social_welfare_council',"
            " '', '', '', '', '')"
        )
        # The same served area twice (one removed, one live) and another once, removed.
        links = [
            ("1" * 32, north, "'2021-01-01 00:00:00'"),
            ("2" * 32, north, "NULL"),
            ("3" * 32, south, "'2021-01-01 00:00:00'"),
        ]
        for link, area_id, deleted in links:
            run(
                "INSERT INTO organisation_area (id, created_at, updated_at, deleted_at,"
                f" organisation_id, area_id) VALUES ('{link}', {STAMP}, {STAMP}, {deleted},"
                f" '{org}', '{area_id}')"
            )
        run(
            "INSERT INTO setting (id, created_at, updated_at, key, text_value) VALUES"
            f" ('{'4' * 32}', {STAMP}, {STAMP}, 'municipality.name', '若葉台市')"
        )
    engine.dispose()

    db = open_database(db_path)
    try:
        with db.reading() as session:
            rows = session.exec(select(OrganisationArea)).all()
            setting = session.exec(select(Setting)).one()
        by_area = {row.area_id.hex: row for row in rows}
        assert len(rows) == 2
        ends = {"organisation_id": uuid.UUID(org)}
        assert by_area[north].id == link_id(
            "organisation_area", {**ends, "area_id": uuid.UUID(north)}
        )
        assert by_area[north].deleted_at is None  # the live one stood for the pair
        assert by_area[south].id == link_id(
            "organisation_area", {**ends, "area_id": uuid.UUID(south)}
        )
        assert by_area[south].deleted_at is not None
        assert setting.id == setting_id("municipality.name")
        with db.engine.connect() as conn:
            # The re-keying happened before capture: nothing to push yet.
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one() == 0
    finally:
        db.close()


def test_reopening_keeps_the_incarnation(db_path: Path) -> None:
    db = open_database(db_path)
    first = identity(db)
    db.close()
    db = open_database(db_path)
    try:
        assert identity(db) == first
    finally:
        db.close()


def test_a_copy_is_a_new_incarnation_and_a_new_device(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    original = identity(db)
    db.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db_path, copy)
    copied = open_database(copy)
    try:
        renewed = identity(copied)
    finally:
        copied.close()
    assert renewed.incarnation != original.incarnation
    assert renewed.device_id != original.device_id
    db = open_database(db_path)
    try:
        assert identity(db) == original  # the original stays what it was
    finally:
        db.close()


def test_a_restored_backup_gets_a_new_incarnation(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    original = identity(db)
    db.close()
    manager = BackupManager(db_path, tmp_path / "backups")
    backup = manager.backup_now()
    manager.restore(backup.path)
    db = open_database(db_path)
    try:
        restored = identity(db)
    finally:
        db.close()
    assert restored.incarnation != original.incarnation
    assert restored.device_id == original.device_id  # the same desk


def test_another_computer_is_a_new_device(db_path: Path) -> None:
    db = open_database(db_path)
    original = identity(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET machine = 'another-pc|123'")
    db.close()
    db = open_database(db_path)
    try:
        moved = identity(db)
    finally:
        db.close()
    assert moved.incarnation != original.incarnation
    assert moved.device_id != original.device_id
