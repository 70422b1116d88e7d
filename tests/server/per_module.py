"""The throw-away server for one test module outside ``tests/server``: its own cluster
and API, started for the module's first test and stopped after its last.

A module's tests start from an empty municipality, and nothing of it keeps running
behind the modules that follow (a session fixture assigned into each module is a new
fixture in each, and none of them stopped before the session ended: by the GUI tests
twenty clusters and servers were running). Use: ``server_dir = per_module.server_dir``
and ``api = per_module.api`` at the module's top level.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from coordinator_app.server.config import ServerDir
from tests.server.conftest import fast_config, serving, throwaway_cluster


@pytest.fixture(scope="module")
def server_dir() -> Iterator[ServerDir]:
    with throwaway_cluster() as loaded:
        yield loaded


@pytest.fixture(scope="module")
def api(server_dir: ServerDir) -> Iterator[str]:
    """The base URL of the module's API (real HTTP on loopback)."""
    with serving(fast_config(server_dir)) as base:
        yield base
