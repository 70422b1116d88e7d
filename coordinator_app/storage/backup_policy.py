"""How many automatic backups rotation keeps, stored with the data it protects."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Setting
from coordinator_app.domain.types import utc_now
from coordinator_app.storage.database import Database


@dataclass(frozen=True)
class BackupPolicy:
    """How many automatic backups rotation keeps: the newest of each day/week/month."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def __post_init__(self) -> None:
        for name in ("daily", "weekly", "monthly"):
            value = getattr(self, name)
            if not 0 <= value <= 1000:
                raise ValueError(f"{name} must be between 0 and 1000, not {value}")


_POLICY_KEYS = {
    "daily": "backup.keep_daily",
    "weekly": "backup.keep_weekly",
    "monthly": "backup.keep_monthly",
}


def load_policy(db: Database) -> BackupPolicy:
    """The rotation policy saved in the database (the defaults when none is)."""
    with db.reading() as session:
        rows = session.exec(
            select(Setting).where(Setting.key.in_(list(_POLICY_KEYS.values())))  # type: ignore[attr-defined]
        ).all()
    stored = {row.key: row.text_value for row in rows if row.deleted_at is None}
    values: dict[str, int] = {}
    for name, key in _POLICY_KEYS.items():
        try:
            values[name] = int(stored[key])
        except (KeyError, ValueError):
            continue
    try:
        return BackupPolicy(**values)
    except ValueError:
        return BackupPolicy()


def save_policy(db: Database, policy: BackupPolicy) -> None:
    with db.writing() as session:
        existing = {
            row.key: row
            for row in session.exec(
                select(Setting).where(Setting.key.in_(list(_POLICY_KEYS.values())))  # type: ignore[attr-defined]
            ).all()
        }
        for name, key in _POLICY_KEYS.items():
            row = existing.get(key) or Setting(id=setting_id(key), key=key)
            row.text_value = str(getattr(policy, name))
            row.updated_at = utc_now()
            row.deleted_at = None
            session.add(row)
