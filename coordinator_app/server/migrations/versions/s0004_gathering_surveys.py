"""server 0004: the desk's revision 0011 (gathering place surveys)

Revision ID: s0004
Revises: s0003
Create Date: 2026-11-30

Runs ``0004_gathering_surveys.sql`` (beside ``env.py``); a server created by the file-based
runner before Alembic is stamped at the revision of its last file.
"""

from __future__ import annotations

from coordinator_app.server.migrations import run_sql_file

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file("0004_gathering_surveys.sql")


def downgrade() -> None:
    raise NotImplementedError("the server's schema only moves forward")
