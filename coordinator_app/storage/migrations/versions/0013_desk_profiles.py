"""user profiles stay on the desk that registered them

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30

A profile registered in a desk's picker names who uses that desk; on a desk
logged in to a server the user is the server account, whose profile the
admin made on the server and every desk receives by pull. A desk's own
profiles were captured and pushed, and the server refused them (only an
admin writes user profiles): the ``user_profile`` insert and update capture
triggers are recreated with a condition that is never true (the 0010
generator, frozen in ``storage/migrations/capture_v1.py``, plus ``AND 0``),
profile rows waiting in the outbox are taken out of it, and refused changes
that held nothing but profiles are set aside. Pulled profile rows are applied
as before; hard deletes and new ids stay refused. SQLite only.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from alembic import op

from coordinator_app.storage.migrations.capture_v1 import capture_triggers

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

USER_PROFILE = (
    "user_profile",
    (
        "created_at",
        "updated_at",
        "deleted_at",
        "name",
        "kana",
        "sort_kana",
        "role",
        "title",
        "coordinator_id",
    ),
    (),
)
_WHEN = "WHEN (SELECT capture FROM sync_state) = 1"


def _recreate(desk_only: bool) -> None:
    for suffix in ("insert", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS sync_user_profile_{suffix}")
    for statement in capture_triggers([USER_PROFILE]):
        if "_insert " not in statement and "_update " not in statement:
            continue
        op.execute(statement.replace(_WHEN, f"{_WHEN} AND 0", 1) if desk_only else statement)


def _set_aside_refused_profiles() -> None:
    bind = op.get_bind()
    rows = bind.exec_driver_sql(
        "SELECT id, changes FROM sync_refused WHERE dismissed_at IS NULL"
    ).fetchall()
    for row_id, changes in rows:
        try:
            tables = {change.get("table") for change in json.loads(changes)}
        except (ValueError, AttributeError, TypeError):
            continue
        if tables == {"user_profile"}:
            bind.exec_driver_sql(
                "UPDATE sync_refused SET dismissed_at = ? WHERE id = ?",
                (datetime.now(UTC).isoformat(timespec="seconds"), row_id),
            )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _recreate(desk_only=True)
    op.execute("DELETE FROM sync_outbox WHERE table_name = 'user_profile'")
    _set_aside_refused_profiles()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _recreate(desk_only=False)
