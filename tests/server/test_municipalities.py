"""``--dsn``: an existing PostgreSQL holding several municipalities, each walled off."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from coordinator_app.server.cli import initialise
from coordinator_app.server.config import ServerDir
from tests.server.conftest import (
    ADMIN,
    ADMIN_PASSWORD,
    MUNICIPALITY,
    Client,
    fast_config,
    insert,
    serving,
)


@pytest.fixture(scope="module")
def second(server_dir: ServerDir) -> Iterator[ServerDir]:
    """A second municipality, initialised with --dsn against the session's PostgreSQL."""
    root = Path(tempfile.mkdtemp(prefix="cs-dsn-"))
    try:
        initialise(
            root,
            municipality="minato",
            admin="港区管理者",
            password="minato-password-1",
            dsn=server_dir.owner_dsn,
        )
        yield ServerDir.load(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_init_with_a_dsn_records_no_cluster(second: ServerDir) -> None:
    assert second.embedded is False
    assert not (second.root / "pgdata").exists()
    assert set(second.municipalities) == {"minato"}


def test_each_municipality_sees_only_its_own_data(server_dir: ServerDir, second: ServerDir) -> None:
    both = replace(
        fast_config(server_dir),
        municipality_dsns={
            **fast_config(server_dir).municipality_dsns,
            **fast_config(second).municipality_dsns,
        },
    )
    with serving(both) as base:
        anonymous = Client(base)
        reply = anonymous.login(ADMIN, ADMIN_PASSWORD)  # which municipality?
        assert (reply.status, reply.code) == (400, "municipality_required")
        minato = Client(base)
        assert minato.login("港区管理者", "minato-password-1", municipality="minato").status == 200
        wakabadai = Client(base)
        assert wakabadai.login(ADMIN, ADMIN_PASSWORD, municipality=MUNICIPALITY).status == 200
        # The other municipality's admin is unknown here.
        wrong = Client(base).login("港区管理者", "minato-password-1", municipality=MUNICIPALITY)
        assert wrong.code == "bad_credentials"

        area = insert("area", name="芝浦地区", kind="district")
        assert minato.push(area)["status"] == "applied"
        pulled = wakabadai.call("GET", "/v1/pull?after=0&limit=5000").body
        ids = {c["id"] for tx in pulled["transactions"] for c in tx["changes"]}
        assert area["id"] not in ids
        history = minato.call("GET", f"/v1/history/area/{area['id']}").body["changes"]
        assert {c["field"] for c in history} >= {"name", "kind"}
        # A token names its municipality: another's prefix does not open this one.
        assert minato.token is not None
        forged = Client(base, token="wakabadai." + minato.token.partition(".")[2])
        assert forged.call("GET", "/v1/me").code == "token_invalid"

    # In the database too: minato's API role cannot read wakabadai's schema.
    municipality = second.municipality("minato")
    with psycopg.connect(second.api_dsn(municipality), autocommit=True) as conn:
        conn.execute(f"SET search_path TO {municipality.schema}")
        assert conn.execute(
            "SELECT count(*) FROM area WHERE id = %s", [uuid.UUID(area["id"])]
        ).fetchone() == (1,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM m_wakabadai.meeting")
