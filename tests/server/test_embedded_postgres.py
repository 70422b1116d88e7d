"""Where the machine has no PostgreSQL, ``init`` uses the pip-installed build (extra
``server-embedded``), copied into the server directory, and the cluster starts from there."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from coordinator_app.server.cli import cluster_of, initialise, owner_connection
from coordinator_app.server.cluster import (
    PRIVATE_COPY,
    SOURCE_ENV,
    find_bindir,
    is_private_copy,
    packaged_install,
)
from coordinator_app.server.config import ServerDir
from coordinator_app.server.schema import head_revision
from tests.server.conftest import TEST_PG_OPTIONS


@pytest.fixture
def packaged() -> Path:
    tree = packaged_install()
    if tree is None:
        pytest.skip(
            'the pip-installed PostgreSQL is not installed (pip install ".[server-embedded]")'
        )
    return tree


@pytest.fixture
def root() -> Iterator[Path]:
    # Not tmp_path: as root the postgres user must be able to enter it.
    path = Path(tempfile.mkdtemp(prefix="cs-emb-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_the_sources_can_be_kept_apart(packaged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_bindir("package") == packaged / "bin"
    monkeypatch.setenv(SOURCE_ENV, "package")
    assert find_bindir() == packaged / "bin"
    system = find_bindir("system")
    assert system is None or system != packaged / "bin"


def test_without_system_binaries_init_copies_the_pip_build_and_the_cluster_runs(
    packaged: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SOURCE_ENV, "package")  # as if the machine had no PostgreSQL
    initialise(root, municipality="hikari", admin="admin", password="admin-password-1")
    server_dir = ServerDir.load(root)
    bindir = Path(server_dir.bindir or "")
    assert bindir == root / PRIVATE_COPY / "bin"
    assert is_private_copy(bindir)
    # Readable and runnable by the cluster's user (as root: postgres), not only by us.
    for name in ("initdb", "pg_ctl", "postgres"):
        assert os.stat(bindir / name).st_mode & 0o005 == 0o005
    cluster = cluster_of(server_dir)
    assert cluster.bindir == bindir
    cluster.start(options=TEST_PG_OPTIONS)
    try:
        with owner_connection(server_dir) as conn:
            version = conn.execute("SHOW server_version").fetchone()
            assert version is not None
            built = subprocess.run(
                [str(packaged / "bin" / "postgres"), "--version"],
                capture_output=True,
                text=True,
                check=True,
                timeout=60,
            ).stdout
            assert built.split()[-1] == version[0]  # the pip build answers, not the machine's
            schema = server_dir.municipality("hikari").schema
            stamp = conn.execute(f"SELECT version_num FROM {schema}.alembic_version").fetchone()
            assert stamp == (head_revision(),)
            admins = conn.execute(f"SELECT name FROM {schema}.user_account").fetchall()
            assert admins == [("admin",)]
    finally:
        cluster.stop(mode="immediate")
    assert not cluster.is_running()
