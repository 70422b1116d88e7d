"""minutes fields: 記録者, 欠席者, 承認 on meetings; when and where an action item was completed

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 23:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recorder', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('absentees', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('approved_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('approved_on', sa.Date(), nullable=True))

    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('completed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('completed_meeting_id', sa.Uuid(), nullable=True))
        batch_op.create_foreign_key('fk_action_item_completed_meeting_id', 'meeting', ['completed_meeting_id'], ['id'])

    # Items already done before this revision: their day is unknown; leave it empty.


def downgrade() -> None:
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.drop_constraint('fk_action_item_completed_meeting_id', type_='foreignkey')
        batch_op.drop_column('completed_meeting_id')
        batch_op.drop_column('completed_on')

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('approved_on')
        batch_op.drop_column('approved_by')
        batch_op.drop_column('absentees')
        batch_op.drop_column('recorder')
