"""server 0002: the desk's revisions 0006 and 0007 (minutes, areas, tiers, members)

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-30

Runs ``0002_minutes_areas_tiers_members.sql`` (beside ``env.py``); a server created
by the file-based runner before Alembic is stamped at the revision of its last file.
"""

from __future__ import annotations

from coordinator_app.server.migrations import run_sql_file

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file("0002_minutes_areas_tiers_members.sql")


def downgrade() -> None:
    raise NotImplementedError("the server's schema only moves forward")
