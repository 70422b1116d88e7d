"""server 0001: the first server schema of a municipality

Revision ID: s0001
Revises: None
Create Date: 2026-11-30

Runs ``0001_initial.sql`` (beside ``env.py``); a server created by the file-based
runner before Alembic is stamped at the revision of its last file.
"""

from __future__ import annotations

from coordinator_app.server.migrations import run_sql_file

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file("0001_initial.sql")


def downgrade() -> None:
    raise NotImplementedError("the server's schema only moves forward")
