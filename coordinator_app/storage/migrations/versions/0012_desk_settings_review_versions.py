"""desk settings stay on the desk; reviews keep the entry's server version

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30

A ``setting`` row whose key belongs to this desk — ``backup.*`` (the rotation
of this file's own backups) and ``import.mapping.*`` (the import wizard's
remembered column mappings) — is no longer captured for sync: the
``setting`` capture triggers are recreated with a condition on the key (the
0010 generator, frozen in ``storage/migrations/capture_v1.py``, plus that
condition), and such rows already waiting in the outbox are taken out of it
(the server lets only an admin write settings, so they would only have come
back as refused changes). SQLite only.

``review.entry_version`` (nullable) keeps the server version of the entry a
review saw, and ``sync_version`` (desk bookkeeping, SQLite only) the server
version of each progress entry as last pulled: an entry changed after its
review is 要再確認 by version, whatever the desks' clocks say. The review
capture triggers are recreated with the new column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from coordinator_app.storage.migrations.capture_v1 import capture_triggers

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SETTING = (
    "setting",
    ("created_at", "updated_at", "deleted_at", "key", "text_value", "blob_value"),
    ("blob_value",),
)
REVIEW = (
    "review",
    (
        "created_at",
        "updated_at",
        "deleted_at",
        "progress_entry_id",
        "reviewer_profile_id",
        "comment",
        "reviewed_at",
        "entry_updated_at",
        "entry_version",
    ),
    (),
)
VERSION_TABLE = """
    CREATE TABLE sync_version (
        table_name VARCHAR(63) NOT NULL,
        row_id VARCHAR(36) NOT NULL,
        version BIGINT NOT NULL,
        PRIMARY KEY (table_name, row_id)
    )
    """
DESK_PREFIXES = ("backup.", "import.mapping.")
_WHEN = "WHEN (SELECT capture FROM sync_state) = 1"


def _condition(ref: str) -> str:
    return " AND ".join(f"NOT ({ref}.key GLOB '{prefix}*')" for prefix in DESK_PREFIXES)


def _statements(filtered: bool) -> list[str]:
    statements = [s for s in capture_triggers([SETTING]) if "_insert " in s or "_update " in s]
    if not filtered:
        return statements
    return [s.replace(_WHEN, f"{_WHEN} AND {_condition('NEW')}", 1) for s in statements]


def _recreate(filtered: bool) -> None:
    for suffix in ("insert", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS sync_setting_{suffix}")
    for statement in _statements(filtered):
        op.execute(statement)


def _review_triggers(columns: tuple[str, ...]) -> None:
    for suffix in ("insert", "update", "no_delete", "no_rekey"):
        op.execute(f"DROP TRIGGER IF EXISTS sync_review_{suffix}")
    for statement in capture_triggers([(REVIEW[0], columns, REVIEW[2])]):
        op.execute(statement)


def upgrade() -> None:
    with op.batch_alter_table("review") as batch_op:
        batch_op.add_column(sa.Column("entry_version", sa.BigInteger(), nullable=True))
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(VERSION_TABLE)
    _review_triggers(REVIEW[1])
    _recreate(filtered=True)
    op.execute(
        "DELETE FROM sync_outbox WHERE table_name = 'setting' AND row_id IN"
        f" (SELECT id FROM setting AS r WHERE NOT ({_condition('r')}))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _recreate(filtered=False)
        for suffix in ("insert", "update", "no_delete", "no_rekey"):
            op.execute(f"DROP TRIGGER IF EXISTS sync_review_{suffix}")
        op.execute("DROP TABLE IF EXISTS sync_version")
    with op.batch_alter_table("review") as batch_op:
        batch_op.drop_column("entry_version")
    if op.get_bind().dialect.name == "sqlite":
        _review_triggers(REVIEW[1][:-1])
