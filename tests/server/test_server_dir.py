"""``ServerDir.load`` takes the server directory as a ``Path`` or as a string."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator_app.server.config import ConfigError, Municipality, ServerConfig, ServerDir


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


def test_the_api_tuning_in_server_json_reaches_the_config_and_survives_a_save(
    tmp_path: Path,
) -> None:
    server_dir = ServerDir(root=tmp_path, owner_dsn="host=/tmp/x dbname=c", embedded=False)
    server_dir.save()
    defaults = ServerConfig.from_dir(ServerDir.load(tmp_path))
    assert (defaults.snapshot_reuse_rows, defaults.snapshot_requests_per_account) == (10_000, 6)
    server_dir.api = {"snapshot_reuse_rows": 20_000, "snapshot_reuse_seconds": 1800}
    server_dir.save()
    loaded = ServerDir.load(str(tmp_path))
    assert loaded.api == server_dir.api
    config = ServerConfig.from_dir(loaded, snapshot_requests_per_account=10)
    assert (config.snapshot_reuse_rows, config.snapshot_reuse_seconds) == (20_000, 1800)
    assert config.snapshot_requests_per_account == 10


@pytest.mark.parametrize(
    ("api", "says"),
    [
        ({"snapshot_reuse_row": 5}, "snapshot_reuse_row という設定はありません"),
        ({"snapshot_reuse_rows": "many"}, "0 以上の数"),
        ({"snapshot_reuse_rows": 1.5}, "整数"),
        ({"pool_size": -1}, "0 以上の数"),
    ],
)
def test_a_wrong_api_setting_is_named(tmp_path: Path, api: dict[str, object], says: str) -> None:
    ServerDir(root=tmp_path, owner_dsn="host=/tmp/x", embedded=False, api=api).save()
    with pytest.raises(ConfigError, match=says):
        ServerDir.load(tmp_path)
