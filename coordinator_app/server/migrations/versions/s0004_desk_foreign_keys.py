"""server 0004: the desk's foreign keys that 0002 and 0003 left out

Revision ID: s0004
Revises: s0003
Create Date: 2026-11-30

Runs ``0004_desk_foreign_keys.sql`` (beside ``env.py``).
"""

from __future__ import annotations

from coordinator_app.server.migrations import run_sql_file

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file("0004_desk_foreign_keys.sql")


def downgrade() -> None:
    raise NotImplementedError("the server's schema only moves forward")
