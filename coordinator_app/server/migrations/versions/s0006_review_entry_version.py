"""server 0006: review.entry_version (desk 0012)

Revision ID: s0006
Revises: s0005
Create Date: 2026-11-30

Runs ``0006_review_entry_version.sql`` (beside ``env.py``).
"""

from __future__ import annotations

from coordinator_app.server.migrations import run_sql_file

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    run_sql_file("0006_review_entry_version.sql")


def downgrade() -> None:
    raise NotImplementedError("the server's schema only moves forward")
