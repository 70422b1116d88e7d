"""Settings: the server directory's ``server.json`` and the running server's config.

``server.json`` (mode 0600, it holds database passwords) records where the
database is — a private cluster in the directory or an existing PostgreSQL
(``--dsn``) — and each municipality's schema and API role. :class:`ServerConfig`
is built once at start and passed down; nothing here is global.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from coordinator_app.storage.atomic import write_atomically

CONFIG_NAME = "server.json"
_MUNICIPALITY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
# The oldest desk schema this server's tables can take pushes from.
MIN_CLIENT_REVISION = "0005"


class ConfigError(RuntimeError):
    """The server directory is missing or unusable; the message is Japanese."""


def check_municipality(name: str) -> str:
    if not _MUNICIPALITY.match(name):
        raise ConfigError(
            "自治体名は半角の英小文字・数字・-・_ で40文字以内にしてください"
            f"(例: wakabadai, 131001): {name!r}"
        )
    return name


def schema_for(municipality: str) -> str:
    return "m_" + check_municipality(municipality).replace("-", "_")


@dataclass
class Municipality:
    name: str
    schema: str
    api_password: str


@dataclass
class ServerDir:
    """The contents of ``DIR/server.json``."""

    root: Path
    owner_dsn: str
    """Owner connection (migrations, user administration); for a private cluster
    the host is the socket directory inside ``root``."""
    embedded: bool
    os_user: str | None = None
    bindir: str | None = None
    municipalities: dict[str, Municipality] = field(default_factory=dict)
    api: dict[str, Any] = field(default_factory=dict)
    """The API's tuning from ``server.json``'s ``"api"`` object (see :data:`TUNABLE`):
    the operator's overrides of :class:`ServerConfig`'s defaults, e.g.
    ``{"snapshot_reuse_rows": 20000, "snapshot_requests_per_account": 10}``."""

    @property
    def path(self) -> Path:
        return self.root / CONFIG_NAME

    def api_dsn(self, municipality: Municipality) -> str:
        params = conninfo_to_dict(self.owner_dsn)
        params.update(user=f"{municipality.schema}_api", password=municipality.api_password)
        return make_conninfo(**params)  # type: ignore[arg-type]

    def municipality(self, name: str | None) -> Municipality:
        if name is None:
            if len(self.municipalities) != 1:
                raise ConfigError(
                    "自治体が複数あります。--municipality で指定してください: "
                    + ", ".join(sorted(self.municipalities))
                )
            return next(iter(self.municipalities.values()))
        try:
            return self.municipalities[name]
        except KeyError:
            raise ConfigError(f"自治体 {name} はこのサーバーにありません") from None

    def save(self) -> None:
        data: dict[str, Any] = {
            "format": 1,
            "owner_dsn": self.owner_dsn,
            "embedded": self.embedded,
            "os_user": self.os_user,
            "bindir": self.bindir,
            "municipalities": {
                m.name: {"schema": m.schema, "api_password": m.api_password}
                for m in self.municipalities.values()
            },
        }
        if self.api:
            data["api"] = self.api
        text = json.dumps(data, ensure_ascii=False, indent=2)
        write_atomically(self.path, text.encode("utf-8"), mode=0o600)

    @classmethod
    def load(cls, root: Path | str) -> ServerDir:
        """Read ``root/server.json``; ``root`` may be a path or a string naming one."""
        root = Path(root)
        path = root / CONFIG_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(
                f"{root} はサーバーのディレクトリではありません(先に init を実行してください)"
            ) from None
        except (OSError, ValueError) as error:
            raise ConfigError(f"{path} を読めません: {error}") from error
        return cls(
            root=root,
            owner_dsn=data["owner_dsn"],
            embedded=bool(data["embedded"]),
            os_user=data.get("os_user"),
            bindir=data.get("bindir"),
            municipalities={
                name: Municipality(name, m["schema"], m["api_password"])
                for name, m in data["municipalities"].items()
            },
            api=_tuning(data.get("api") or {}, path),
        )


@cache
def desk_revisions() -> tuple[str, ...]:
    """The desk's Alembic revisions, oldest first (read from the packaged scripts)."""
    from importlib import resources

    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(resources.files("coordinator_app.storage.migrations")))
    return tuple(reversed([rev.revision for rev in scripts.walk_revisions()]))


def accepted_revisions(minimum: str = MIN_CLIENT_REVISION) -> frozenset[str]:
    """The window of desk schema revisions this server takes: ``minimum`` … head."""
    revisions = desk_revisions()
    start = revisions.index(minimum) if minimum in revisions else len(revisions) - 1
    return frozenset(revisions[start:])


@dataclass(frozen=True)
class ServerConfig:
    """Everything the API needs, built once at start."""

    municipality_dsns: dict[str, tuple[str, str]]
    """municipality -> (schema, API connection string)."""
    accepted_revisions: frozenset[str] = field(default_factory=accepted_revisions)
    max_request_bytes: int = 16 * 1024 * 1024
    max_blob_bytes: int = 64 * 1024 * 1024
    token_ttl_days: int = 180
    failed_login_delay: float = 1.0
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    pool_size: int = 10
    snapshot_reuse_rows: int = 10_000
    """A built snapshot is served again while at most this many change-log rows came
    after its cursor (the desk pulls them as the tail; 0: only while none did)."""
    snapshot_reuse_seconds: float = 3600.0
    """…and while it is younger than this (see ``snapshot.SnapshotCache``)."""
    snapshot_requests_per_account: int = 6
    """Snapshot answers per account per window (0: no limit); more get 429."""
    snapshot_rate_window_seconds: float = 3600.0

    @classmethod
    def from_dir(cls, server_dir: ServerDir, **overrides: Any) -> ServerConfig:
        dsns = {
            m.name: (m.schema, server_dir.api_dsn(m)) for m in server_dir.municipalities.values()
        }
        return cls(municipality_dsns=dsns, **{**server_dir.api, **overrides})


TUNABLE: dict[str, type] = {
    "max_request_bytes": int,
    "max_blob_bytes": int,
    "token_ttl_days": int,
    "failed_login_delay": float,
    "max_failed_logins": int,
    "lockout_minutes": int,
    "pool_size": int,
    "snapshot_reuse_rows": int,
    "snapshot_reuse_seconds": float,
    "snapshot_requests_per_account": int,
    "snapshot_rate_window_seconds": float,
}
"""The :class:`ServerConfig` settings ``server.json``'s ``"api"`` object may set."""


def _tuning(values: Any, path: Path) -> dict[str, Any]:
    if not isinstance(values, dict):
        raise ConfigError(f'{path} の api は {{"名前": 値}} の形で書いてください')
    for name, value in values.items():
        kind = TUNABLE.get(name)
        if kind is None:
            raise ConfigError(
                f"{path} の api に {name} という設定はありません(使える設定: "
                + ", ".join(TUNABLE)
                + ")"
            )
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ConfigError(f"{path} の api の {name} は 0 以上の数にしてください: {value!r}")
        if kind is int and not isinstance(value, int):
            raise ConfigError(f"{path} の api の {name} は整数にしてください: {value!r}")
    return dict(values)
