"""gathering places (通いの場)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

- gathering_place: name and reading, kind (the municipality's list, setting
  ``gathering_places.kinds``), area, address and meeting place, the schedule
  as typed, as rules and as a label (with a weekday mask for filtering), fee,
  capacity, usual attendance, who may join, accessibility, the running
  organisation and contact (and whether it may be printed), photo, status
  with dates, notes. New records only: nothing to index in search yet.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import coordinator_app.domain.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

STATUSES = ("active", "paused", "ended")


def _text(length: int | None = None) -> sa.types.TypeEngine:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "gathering_place",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", coordinator_app.domain.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", coordinator_app.domain.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", coordinator_app.domain.types.UTCDateTime(), nullable=True),
        sa.Column("name", _text(200), nullable=False),
        sa.Column("kana", _text(200), nullable=False),
        sa.Column("sort_kana", _text(200), nullable=False),
        sa.Column("kind", _text(50), nullable=False),
        sa.Column("area_id", sa.Uuid(), nullable=True),
        sa.Column("address", _text(300), nullable=False),
        sa.Column("meeting_place", _text(300), nullable=False),
        sa.Column("schedule_text", _text(500), nullable=False),
        sa.Column("schedule_rules", _text(), nullable=False),
        sa.Column("schedule_label", _text(500), nullable=False),
        sa.Column("weekday_mask", sa.Integer(), nullable=False),
        sa.Column("fee", _text(100), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("usual_attendance", sa.Integer(), nullable=True),
        sa.Column("eligibility", _text(300), nullable=False),
        sa.Column("barrier_free", sa.Boolean(), nullable=False),
        sa.Column("transport", sa.Boolean(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("contact_name", _text(200), nullable=False),
        sa.Column("contact_phone", _text(40), nullable=False),
        sa.Column("contact_printable", sa.Boolean(), nullable=False),
        sa.Column("website", _text(500), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(*STATUSES, name="gatheringplacestatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("status_since", sa.Date(), nullable=True),
        sa.Column("notes", _text(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"]),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("gathering_place", schema=None) as batch_op:
        for column in ("deleted_at", "sort_kana", "kind", "area_id", "organisation_id", "status"):
            batch_op.create_index(
                batch_op.f(f"ix_gathering_place_{column}"), [column], unique=False
            )


def downgrade() -> None:
    op.drop_table("gathering_place")
