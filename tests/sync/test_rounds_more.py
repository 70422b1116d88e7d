"""More rounds through the real server: a desk's own settings never come back refused,
and review staleness follows server versions, not the desks' clocks."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ProgressEntry, Project
from coordinator_app.services import base as services_base
from coordinator_app.services.settings import MunicipalityProfile
from coordinator_app.storage.backup_policy import BackupPolicy, load_policy, save_policy
from tests.server.conftest import Client, new_user
from tests.sync.test_rounds import Desk, admin, api, desks, owner, server_dir

__all__ = ["admin", "api", "desks", "owner", "server_dir"]  # the fixtures this module uses


def test_a_coordinator_desk_changing_its_backup_policy_syncs_without_refusal(
    desks: tuple[Desk, Desk], owner: psycopg.Connection, tmp_path: Path, api: str, admin: Client
) -> None:
    office, laptop = desks
    save_policy(office.db, BackupPolicy(daily=3))  # kept alone before the first sync
    assert office.sync().exit_code == 0
    save_policy(office.db, BackupPolicy(daily=14, weekly=8))
    result = office.sync()
    assert (result.exit_code, result.refused_open, office.outbox_size()) == (0, 0, 0)
    assert owner.execute("SELECT count(*) FROM setting WHERE key LIKE 'backup.%'").fetchone() == (
        0,
    )
    # The municipality's settings still travel: an admin's desk sets the name.
    city_hall = Desk(tmp_path / "admin.sqlite3", api, new_user(admin, "admin"))
    try:
        save_policy(city_hall.db, BackupPolicy(daily=1))
        city_hall.services.settings.save_municipality(MunicipalityProfile(name="若葉台市"))
        assert city_hall.sync().exit_code == 0
    finally:
        city_hall.db.close()
    laptop.sync()
    assert office.sync().exit_code == 0
    for desk in (office, laptop):
        assert desk.services.settings.municipality().name == "若葉台市"
    assert load_policy(office.db) == BackupPolicy(daily=14, weekly=8)
    assert load_policy(laptop.db) == BackupPolicy()


def _project_with_entry(desk: Desk) -> tuple[Project, ProgressEntry]:
    project = desk.services.projects.save(
        Project(
            title="見守りネットワーク",
            program=ProjectProgram.PROBLEM_SOLVING_SHARING,
            status=ProjectStatus.IN_PROGRESS,
        )
    )
    entry = desk.services.progress.save_by(
        ProgressEntry(project_id=project.id, entry_date=date(2026, 5, 1), text="初回の集まり"),
        None,
    )
    return project, entry


def _state(desk: Desk, project: Project) -> tuple[bool, bool]:
    (state,) = desk.services.reviews.entry_states(project.id)
    return state.reviewed, state.changed_since_review


def _unreviewed(desk: Desk) -> int:
    (row,) = desk.services.reviews.workspace()
    return row.unreviewed


def test_an_entry_edited_after_review_needs_a_new_one_though_the_editing_clock_is_behind(
    desks: tuple[Desk, Desk],
    tmp_path: Path,
    api: str,
    admin: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office, laptop = desks
    project, entry = _project_with_entry(office)
    assert office.sync().exit_code == 0
    laptop.sync()
    supervisor = Desk(tmp_path / "city-hall.sqlite3", api, new_user(admin, "supervisor"))
    try:
        supervisor.sync()
        me = supervisor.worker().client.request("GET", "/v1/me")
        reviewer = supervisor.services.profiles.get(uuid.UUID(me["profile_id"]))
        (review,) = supervisor.services.reviews.mark_reviewed([entry.id], reviewer, "確認しました")
        assert review.entry_version is not None  # the server version the supervisor saw
        assert _state(supervisor, project) == (True, False)
        assert supervisor.sync().exit_code == 0
        assert laptop.sync().exit_code == 0
        assert _state(laptop, project) == (True, False)

        # The laptop's clock is two hours behind: its edit looks older than the review.
        real_now = services_base.now
        with monkeypatch.context() as behind:
            behind.setattr(services_base, "now", lambda: real_now() - timedelta(hours=2))
            edited = laptop.services.progress.get(entry.id)
            edited.text = "初回の集まり(参加者 12名)"
            laptop.services.progress.save_by(edited, None)
        assert _state(laptop, project) == (False, True)  # waiting in the outbox: 要再確認
        assert _unreviewed(laptop) == 1
        assert laptop.sync().exit_code == 0
        for desk in (office, supervisor):
            desk.sync()
            stored = desk.services.progress.get(entry.id)
            assert stored.text == "初回の集まり(参加者 12名)"
            (last,) = [s.last_review for s in desk.services.reviews.entry_states(project.id)]
            assert last is not None
            # By the clocks the review is newer than the edit; by versions it is not.
            assert stored.updated_at <= last.entry_updated_at
            assert _state(desk, project) == (False, True)
            assert _unreviewed(desk) == 1
            (timeline,) = desk.services.timeline.page(project.id, offset=0, limit=10)
            assert not timeline.state.reviewed

        # A new review of the edited entry is current everywhere.
        supervisor.services.reviews.mark_reviewed([entry.id], reviewer)
        supervisor.sync()
        for desk in (office, laptop, supervisor):
            desk.sync()
            assert _state(desk, project) == (True, False)
            assert _unreviewed(desk) == 0
    finally:
        supervisor.db.close()
