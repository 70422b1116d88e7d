"""More rounds through the real server: a desk's own settings never come back refused,
and review staleness follows server versions, not the desks' clocks."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg

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
