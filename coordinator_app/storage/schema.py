"""Schema versions: create, upgrade (with a backup first) or refuse a newer file."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (with Mako and Pygments behind it) is imported only to migrate: a
# file already at the head revision opens without it, so the command line
# (``coordinator-app flyer``) and the app's start do not pay for it.


class SchemaTooNewError(RuntimeError):
    """The file was written by a newer version of the app."""

    def __init__(self, path: Path, revision: str) -> None:
        super().__init__(
            f"データベース「{path.name}」はこのアプリより新しい版で作成されています"
            f"(スキーマ版 {revision})。アプリを更新してから開いてください。"
            "ファイルは変更していません。"
        )
        self.path = path
        self.revision = revision


@dataclass(frozen=True)
class SchemaReport:
    """What opening did to the schema."""

    created: bool
    upgraded_from: str | None
    backup_path: Path | None


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    location = resources.files("coordinator_app.storage") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*['"]?([\w]+)['"]?""", re.M)


@cache
def _revision_links() -> dict[str, str | None]:
    """Each migration's revision and the one it follows, read from the files' text.

    The same two assignments Alembic reads (it would import every migration);
    ``tests/storage/test_analyze.py`` checks both agree.
    """
    links: dict[str, str | None] = {}
    versions = resources.files("coordinator_app.storage") / "migrations" / "versions"
    for entry in versions.iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("__"):
            continue
        text = entry.read_text(encoding="utf-8")
        found: dict[str, str] = {m[1]: m[2] for m in _REVISION.finditer(text)}
        if "revision" in found:
            down = found.get("down_revision")
            links[found["revision"]] = None if down in (None, "None") else down
    return links


def head_revision() -> str:
    """The newest migration: the one no other follows."""
    links = _revision_links()
    heads = set(links) - {down for down in links.values() if down is not None}
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        if conn.dialect.name != "sqlite":  # the desk chain tested on PostgreSQL
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()
        found = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if found is None:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return str(row[0]) if row else None


def _known_revisions() -> set[str]:
    return set(_revision_links())


def _backup_before_upgrade(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


class NotOurDatabaseError(RuntimeError):
    """A SQLite file with tables but no schema version of this app."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"「{path.name}」はこのアプリのデータベースではありません(版情報がありません)。"
            "ファイルは変更していません。"
        )
        self.path = path


def _has_tables(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' LIMIT 1").fetchone()
        is not None
    )


def stored_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read without writing to it."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def refuse_if_too_new(path: Path) -> None:
    """Refuse a file of a newer app or of another program before anything writes to it.

    Raises:
        SchemaTooNewError: written by a newer version of the app.
        NotOurDatabaseError: a SQLite file of something else.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    revision = stored_revision(path)
    if revision is not None and revision not in _known_revisions():
        raise SchemaTooNewError(path, revision)
    if revision is None:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            foreign = _has_tables(conn)
        finally:
            conn.close()
        if foreign:
            raise NotOurDatabaseError(path)


class UpgradeBrokeLinksError(RuntimeError):
    """An upgrade left rows pointing at rows that do not exist; it was rolled back."""


def _foreign_key_problems(conn: sa.Connection) -> int:
    return len(conn.exec_driver_sql("PRAGMA foreign_key_check").all())


def upgrade_to(engine: sa.Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction.

    On SQLite, foreign keys are off while the migrations run: a batch
    migration recreates a table (copy, drop, rename), and dropping a table
    that other rows point to fails with foreign keys on (an old file with
    meetings and their action items could not be upgraded). The links are
    checked before the commit instead.

    Raises:
        UpgradeBrokeLinksError: the upgrade left dangling links; nothing changed.
    """
    from alembic import command

    config = alembic_config()
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Outside any transaction (SQLite ignores the pragma inside one); the raw
            # connection, so that SQLAlchemy does not begin one first.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                before = _foreign_key_problems(conn) if sqlite else 0
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
                if sqlite and _foreign_key_problems(conn) > before:
                    raise UpgradeBrokeLinksError(
                        "データベースの更新でデータ同士のつながりが壊れるため、更新を"
                        "取りやめました。ファイルは変更していません。"
                    )
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def ensure_schema(engine: sa.Engine, path: Path | None) -> SchemaReport:
    """Bring the database to the head revision.

    A file from an older revision is first copied (SQLite backup API) next to
    itself. A file from a newer app is refused and left untouched.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return SchemaReport(created=False, upgraded_from=None, backup_path=None)
    if current is not None and current not in _known_revisions():
        raise SchemaTooNewError(path or Path(":memory:"), current)
    if current is None:
        with engine.connect() as conn:
            has_tables = bool(sa.inspect(conn).get_table_names())
        if has_tables:
            raise NotOurDatabaseError(path or Path(":memory:"))
        upgrade_to(engine)
        return SchemaReport(created=True, upgraded_from=None, backup_path=None)
    backup = _backup_before_upgrade(path, current) if path is not None else None
    upgrade_to(engine)
    return SchemaReport(created=False, upgraded_from=current, backup_path=backup)
