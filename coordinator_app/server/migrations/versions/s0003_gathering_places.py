"""server 0003: the desk's revision 0009 (gathering places)

Revision ID: s0003
Revises: s0002
Create Date: 2026-11-30

Runs ``0003_gathering_places.sql`` (beside ``env.py``); a server created by the file-based
runner before Alembic is stamped at the revision of its last file.
"""

from __future__ import annotations

from coordinator_app.server.migrations import run_sql_file

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file("0003_gathering_places.sql")


def downgrade() -> None:
    raise NotImplementedError("the server's schema only moves forward")
