"""full-text search index (trigram + bigram FTS5), filled from existing records

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

from coordinator_app.storage.search_schema import CREATE_STATEMENTS, DROP_STATEMENTS

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from coordinator_app.services.search import rebuild_index

    bind = op.get_bind()
    for statement in CREATE_STATEMENTS:
        bind.exec_driver_sql(statement)
    rebuild_index(bind)


def downgrade() -> None:
    bind = op.get_bind()
    for statement in DROP_STATEMENTS:
        bind.exec_driver_sql(statement)
