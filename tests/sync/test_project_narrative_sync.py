"""A project page's 紹介文 is project data: the coordinator who keeps the project
writes it through the server like the project itself, a supervisor is refused."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Project
from coordinator_app.services.project_pages import NARRATIVE_KEY
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.server.conftest import Client, logged_in, update
from tests.sync.test_rounds import Desk

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
owner = server_fixtures.owner


def test_a_coordinators_narrative_reaches_the_server_and_a_supervisors_is_refused(
    tmp_path: Path, api: str, admin: Client, owner: psycopg.Connection
) -> None:
    desk = Desk(tmp_path / "office.sqlite3", api, server_fixtures.new_user(admin, "coordinator"))
    try:
        desk.sync()
        project = desk.services.projects.save(
            Project(
                title="居場所づくり",
                program=ProjectProgram.INDEPENDENT,
                status=ProjectStatus.IN_PROGRESS,
            )
        )
        desk.services.project_pages.save_narrative(project.id, "毎週水曜の昼に集まります。")
        result = desk.sync()
        assert result.refused_open == 0
        key = NARRATIVE_KEY + str(project.id)
        row = owner.execute("SELECT id, text_value FROM setting WHERE key = %s", [key]).fetchone()
        assert row is not None and row[1] == "毎週水曜の昼に集まります。"
        assert uuid.UUID(str(row[0])) == setting_id(key)

        supervisor = logged_in(api, admin, "supervisor")
        refused = supervisor.push(
            update(
                "setting",
                str(row[0]),
                text_value=["毎週水曜の昼に集まります。", "上司の書き換え"],
            )
        )
        assert refused["status"] == "refused"
        assert refused["error"]["code"] == "role_forbidden"
        again = owner.execute("SELECT text_value FROM setting WHERE key = %s", [key]).fetchone()
        assert again is not None and again[0] == "毎週水曜の昼に集まります。"
    finally:
        desk.db.close()
