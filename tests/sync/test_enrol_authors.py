"""A desk that kept years of progress entries alone joins the municipality: the
entries keep the authors the desk recorded (its own profiles, a typed name, none),
on the server, on that desk and on a new desk; the server's history says who
uploaded them (throw-away PostgreSQL, the real API on loopback)."""

from __future__ import annotations

import io
import shutil
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg

from coordinator_app import cli
from coordinator_app.domain.enums import ProfileRole, ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ProgressEntry, Project, UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import ADMIN, ADMIN_PASSWORD, Client, new_user
from tests.sync.test_rounds import Desk

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner


@pytest.fixture
def veteran(tmp_path: Path, api: str, admin: Client) -> Iterator[Desk]:
    """A desk used alone for years by two coordinators (its own picker's profiles)."""
    desk = Desk(tmp_path / "veteran.sqlite3", api, new_user(admin, "coordinator"))
    try:
        yield desk
    finally:
        desk.db.close()


def _entry(services: Services, project: Project, day: int, text: str, by: Any) -> ProgressEntry:
    entry = ProgressEntry(project_id=project.id, entry_date=date(2021, 4, day), text=text)
    if isinstance(by, UserProfile) or by is None:
        return services.progress.save_by(entry, by)
    entry.author = by  # no profile chosen: the name typed into 記入者
    return services.progress.save_by(entry, None)


def _authors(services: Services, project_id: uuid.UUID) -> dict[str, str]:
    return {e.text: e.author for e in services.progress.log(project_id)}


def test_old_entries_keep_their_authors_and_the_history_names_the_uploader(
    veteran: Desk,
    tmp_path: Path,
    api: str,
    admin: Client,
    owner: psycopg.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = veteran.services
    tanaka = s.profiles.save(UserProfile(name="田中 一郎", role=ProfileRole.COORDINATOR))
    sato = s.profiles.save(UserProfile(name="佐藤 花子", role=ProfileRole.COORDINATOR))
    project = s.projects.save(
        Project(
            title=f"買い物支援{uuid.uuid4().hex[:6]}",
            program=ProjectProgram.PROBLEM_SOLVING_SHARING,
            status=ProjectStatus.IN_PROGRESS,
        )
    )
    old = {
        "町会長に相談": tanaka,
        "スーパーと打合せ": sato,
        "試行を開始": tanaka,
        "前任者の記録": "山田 太郎(前任)",
        "記入者のない古い記録": None,
    }
    for day, (text, by) in enumerate(old.items(), start=1):
        _entry(s, project, day, text, by)
    expected = {
        "町会長に相談": "田中 一郎",
        "スーパーと打合せ": "佐藤 花子",
        "試行を開始": "田中 一郎",
        "前任者の記録": "山田 太郎(前任)",
        "記入者のない古い記録": "",
    }
    assert _authors(s, project.id) == expected

    # The first sync uploads the whole file, as the coordinator who logs in.
    uploader = veteran.user[0]
    assert veteran.sync().exit_code == 0
    on_server = dict(
        owner.execute(
            "SELECT text, author FROM progress_entry WHERE project_id = %s", [project.id]
        ).fetchall()
    )
    assert on_server == expected
    # The desk's own profiles never reach the server: no entry links to one there.
    links = owner.execute(
        "SELECT DISTINCT author_profile_id FROM progress_entry WHERE project_id = %s",
        [project.id],
    ).fetchall()
    assert links == [(None,)]
    # The uploading desk pulled its own upload back and still shows the authors.
    assert _authors(s, project.id) == expected

    # Who uploaded is in the history of every entry: every field, by the uploader,
    # from this desk.
    with veteran.db.engine.connect() as conn:
        device = conn.exec_driver_sql("SELECT device_id FROM sync_state").scalar_one()
    auditor = Client(api)
    assert auditor.login(ADMIN, ADMIN_PASSWORD).status == 200
    for entry in s.progress.log(project.id):
        changes = auditor.call("GET", f"/v1/history/progress_entry/{entry.id}").body["changes"]
        assert changes and {(c["actor"], c["device"]) for c in changes} == {(uploader, device)}
        assert {c["field"]: c["new"] for c in changes}["author"] == expected[entry.text]

    # An entry written after joining is the logged-in user's, linked to the account.
    me = Client(api)
    assert me.login(*veteran.user).status == 200
    profile_id = uuid.UUID(me.call("GET", "/v1/me").body["profile_id"])
    account_profile = s.profiles.get(profile_id)
    fresh = s.progress.save_by(
        ProgressEntry(project_id=project.id, entry_date=date(2026, 5, 1), text="参加後の記録"),
        account_profile,
    )
    assert veteran.sync().exit_code == 0
    row = owner.execute(
        "SELECT author, author_profile_id FROM progress_entry WHERE id = %s", [fresh.id]
    ).fetchone()
    assert row == (uploader, profile_id)
    expected["参加後の記録"] = uploader

    # A colleague's new desk (the old way, and from the snapshot) shows the same authors.
    colleague = Desk(tmp_path / "colleague.sqlite3", api, new_user(admin, "coordinator"))
    try:
        assert colleague.sync().exit_code == 0
        assert _authors(colleague.services, project.id) == expected
    finally:
        colleague.db.close()
    newcomer = new_user(admin, "supervisor")
    path = tmp_path / "new" / "desk.sqlite3"
    monkeypatch.setattr("sys.stdin", io.StringIO(newcomer[1] + "\n"))
    code = cli.main(
        ["--db", str(path), "sync", "--server", api, "--user", newcomer[0], "--password-stdin"]
    )
    assert code == 0
    bootstrapped = open_database(path)
    try:
        assert _authors(Services.create(bootstrapped), project.id) == expected
    finally:
        bootstrapped.close()


def test_a_copy_of_the_same_file_joining_later_keeps_the_authors_and_is_not_refused(
    veteran: Desk, tmp_path: Path, api: str, admin: Client, owner: psycopg.Connection
) -> None:
    """Two laptops were given copies of one file years ago: both join, by different users."""
    s = veteran.services
    tanaka = s.profiles.save(UserProfile(name="田中 一郎", role=ProfileRole.COORDINATOR))
    project = s.projects.save(
        Project(
            title=f"見守り{uuid.uuid4().hex[:6]}",
            program=ProjectProgram.PROBLEM_SOLVING_SHARING,
            status=ProjectStatus.IN_PROGRESS,
        )
    )
    _entry(s, project, 1, "訪問を開始", tanaka)
    _entry(s, project, 2, "前任者のメモ", "山田 太郎(前任)")
    veteran.db.close()
    shutil.copy(tmp_path / "veteran.sqlite3", tmp_path / "copy.sqlite3")
    veteran.db = open_database(tmp_path / "veteran.sqlite3")
    veteran.services = Services.create(veteran.db)
    copy = Desk(tmp_path / "copy.sqlite3", api, new_user(admin, "coordinator"))
    try:
        assert veteran.sync().exit_code == 0
        result = copy.sync()
        assert (result.exit_code, result.refused_open) == (0, 0), result.line()
        expected = {"訪問を開始": "田中 一郎", "前任者のメモ": "山田 太郎(前任)"}
        for desk in (veteran, copy):
            assert _authors(desk.services, project.id) == expected
        on_server = dict(
            owner.execute(
                "SELECT text, author FROM progress_entry WHERE project_id = %s", [project.id]
            ).fetchall()
        )
        assert on_server == expected
    finally:
        copy.db.close()
