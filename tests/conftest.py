"""Shared fixtures: a fresh SQLite file per test and small factories."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coordinator_app.domain.enums import (
    AreaKind,
    CouncilStatus,
    MeetingKind,
    MeetingMode,
    OrgKind,
    ProjectProgram,
    ProjectStatus,
)
from coordinator_app.domain.models import (
    Area,
    Assignment,
    Contact,
    Coordinator,
    Council,
    Meeting,
    Organisation,
    Project,
)
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database, open_database
from coordinator_app.sync import client as sync_client

# The desk's requests wait as long as a busy CI box needs (the product's 60 s is a
# user's patience, not a property under test; a large body gets more on top).
sync_client.DEFAULT_TIMEOUT = 600.0


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture(scope="session")
def new_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database file, created and migrated once a session: the migrations take a
    quarter of a second (more on a busy box), and most tests start from a new file."""
    path = tmp_path_factory.mktemp("new-database") / "new.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture
def db(db_path: Path, new_database_file: Path) -> Iterator[Database]:
    """A new database at ``db_path``: a copy of the session's new file, opened as the app
    opens a file (the copy gets its own device and incarnation, as a copied file does)."""
    shutil.copyfile(new_database_file, db_path)
    database = open_database(db_path)
    # Opened as an existing file, the copy was given planner statistics (of empty
    # tables) that a new file does not have: without them it is the file the app creates.
    with database.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat1")
    yield database
    database.close()


@pytest.fixture
def services(db: Database) -> Services:
    return Services.create(db)


class Factory:
    """Small builders that store valid records through the services."""

    def __init__(self, services: Services) -> None:
        self.s = services

    def city(self, name: str = "福生市") -> Area:
        return self.s.areas.save(Area(name=name, kana="ふっさし", kind=AreaKind.MUNICIPALITY))

    def area(self, name: str = "北部圏域", parent: Area | None = None) -> Area:
        parent = parent or self.city()
        return self.s.areas.save(
            Area(
                name=name, kana="ほくぶけんいき", kind=AreaKind.DAILY_LIFE_AREA, parent_id=parent.id
            )
        )

    def organisation(self, name: str = "福生市社会福祉協議会", **kw: object) -> Organisation:
        kw.setdefault("kind", OrgKind.SOCIAL_WELFARE_COUNCIL)
        kw.setdefault("kana", "ふっさししゃかいふくしきょうぎかい")
        return self.s.organisations.save(Organisation(name=name, **kw))

    def contact(self, org: Organisation | None = None, name: str = "山田 花子") -> Contact:
        org = org or self.organisation()
        return self.s.contacts.save(
            Contact(organisation_id=org.id, name=name, kana="やまだ はなこ", role="事務局長")
        )

    def coordinator(self, name: str = "佐藤 一郎", kana: str = "さとう いちろう") -> Coordinator:
        return self.s.coordinators.save(Coordinator(name=name, kana=kana, phone="042-551-1511"))

    def assignment(self, coordinator: Coordinator, area: Area, tier: int = 2) -> Assignment:
        return self.s.assignments.save(
            Assignment(
                coordinator_id=coordinator.id,
                tier=tier,
                area_id=area.id,
                start_date=date(2022, 4, 1),
            )
        )

    def council(self, area: Area | None = None, **kw: object) -> Council:
        area = area or self.city()
        kw.setdefault("status", CouncilStatus.PREPARING)
        kw.setdefault("tier", 1)
        return self.s.councils.save(Council(name="第1層協議体", area_id=area.id, **kw))

    def meeting(self, **kw: object) -> Meeting:
        kw.setdefault("kind", MeetingKind.LIAISON)
        kw.setdefault("title", "生活支援コーディネーター連絡会")
        kw.setdefault("held_on", date(2022, 6, 15))
        kw.setdefault("mode", MeetingMode.ON_SITE)
        return self.s.meetings.save(Meeting(**kw))

    def project(self, **kw: object) -> Project:
        kw.setdefault("title", "協議体の立上げ")
        kw.setdefault("program", ProjectProgram.PROBLEM_SOLVING_SHARING)
        kw.setdefault("status", ProjectStatus.IN_PROGRESS)
        return self.s.projects.save(Project(**kw))


@pytest.fixture
def make(services: Services) -> Factory:
    return Factory(services)
