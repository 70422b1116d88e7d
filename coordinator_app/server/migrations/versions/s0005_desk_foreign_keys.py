"""server 0005: the desk's foreign keys that 0002, 0003 and 0004 left out

Revision ID: s0005
Revises: s0004
Create Date: 2026-11-30

Runs ``0005_desk_foreign_keys.sql`` (beside ``env.py``).
"""

from __future__ import annotations

from coordinator_app.server.migrations import run_sql_file

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file("0005_desk_foreign_keys.sql")


def downgrade() -> None:
    raise NotImplementedError("the server's schema only moves forward")
