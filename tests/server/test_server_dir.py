"""``ServerDir.load`` takes the server directory as a ``Path`` or as a string."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator_app.server.config import ConfigError, Municipality, ServerDir


def test_a_server_dir_loads_from_a_string_path_as_from_a_path(tmp_path: Path) -> None:
    saved = ServerDir(
        root=tmp_path,
        owner_dsn="host=/tmp/x dbname=coordinator user=owner",
        embedded=True,
        os_user="postgres",
        municipalities={"wakabadai": Municipality("wakabadai", "m_wakabadai", "secret")},
    )
    saved.save()
    by_string = ServerDir.load(str(tmp_path))
    assert by_string == ServerDir.load(tmp_path) == saved
    assert isinstance(by_string.root, Path) and by_string.path == tmp_path / "server.json"
    assert by_string.municipality("wakabadai").schema == "m_wakabadai"


def test_a_string_naming_no_server_dir_gets_the_japanese_message(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="サーバーのディレクトリではありません"):
        ServerDir.load(str(tmp_path / "missing"))
