"""areas (statistics, meetings by area), local tiers, project members, start dates

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 23:10:00

- area: 人口, 世帯数, 高齢化率 and their 基準日
- organisation: 設立日 (the report counts new partners by it)
- council: the local tier label (0層, 1.5層 …) as assignments have
- meeting: the area it concerns
- project_coordinator, project_contact: a project's team with roles
- the free-text tier labels of existing assignments become the municipality's
  list of local tiers (setting ``tiers.local``), each counted as the tier it
  was stored with, so nothing is counted differently after the upgrade
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections import Counter
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

import coordinator_app.domain.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

LOCAL_TIERS_KEY = "tiers.local"


def _member_table(name: str, target: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", coordinator_app.domain.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", coordinator_app.domain.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", coordinator_app.domain.types.UTCDateTime(), nullable=True),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column(f"{target}_id", sa.Uuid(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.ForeignKeyConstraint([f"{target}_id"], [f"{target}.id"]),
        sa.ForeignKeyConstraint(["project_id"], ["project.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{name}_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(batch_op.f(f"ix_{name}_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f(f"ix_{name}_{target}_id"), [f"{target}_id"], unique=False)


def upgrade() -> None:
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.add_column(sa.Column("population", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("households", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("aging_rate", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("stats_as_of", sa.Date(), nullable=True))

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("established_on", sa.Date(), nullable=True))

    with op.batch_alter_table("council", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "tier_label",
                sqlmodel.sql.sqltypes.AutoString(length=40),
                nullable=False,
                server_default="",
            )
        )

    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("area_id", sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f("ix_meeting_area_id"), ["area_id"], unique=False)
        batch_op.create_foreign_key("fk_meeting_area_id_area", "area", ["area_id"], ["id"])

    _member_table("project_coordinator", "coordinator")
    _member_table("project_contact", "contact")

    _collect_local_tiers()


def _collect_local_tiers() -> None:
    """Turn the assignments' free-text tier labels into the list of local tiers."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, tier, tier_label, notes FROM assignment WHERE tier_label != ''")
    ).all()
    if not rows:
        return
    uses: dict[str, Counter[int]] = {}
    for _id, tier, text, _notes in rows:
        label = unicodedata.normalize("NFKC", text).strip()
        if label and label not in {"第1層", "第2層", "第3層"}:
            uses.setdefault(label, Counter())[int(tier)] += 1
    mapping = {label: counts.most_common(1)[0][0] for label, counts in uses.items()}
    for record_id, tier, text, notes in rows:
        label = unicodedata.normalize("NFKC", text).strip()
        if mapping.get(label) == int(tier):
            new_label, new_notes = label, notes
        else:
            # A label used with another tier elsewhere, or a national one: keep
            # the tier (what was counted) and the words (in the notes).
            new_label = ""
            new_notes = f"{notes}\n層の呼び名: {text}".strip()
        conn.execute(
            sa.text("UPDATE assignment SET tier_label = :label, notes = :notes WHERE id = :id"),
            {"label": new_label, "notes": new_notes, "id": record_id},
        )
    stamp = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    value = json.dumps(
        [{"label": label, "counts_as": tier} for label, tier in sorted(mapping.items())],
        ensure_ascii=False,
    )
    conn.execute(
        sa.text(
            "INSERT INTO setting (id, created_at, updated_at, key, text_value) "
            "VALUES (:id, :stamp, :stamp, :key, :value)"
        ),
        {"id": uuid.uuid4().hex, "stamp": stamp, "key": LOCAL_TIERS_KEY, "value": value},
    )


def downgrade() -> None:
    op.execute(sa.text(f"DELETE FROM setting WHERE key = '{LOCAL_TIERS_KEY}'"))
    with op.batch_alter_table("project_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_contact_contact_id"))
        batch_op.drop_index(batch_op.f("ix_project_contact_project_id"))
        batch_op.drop_index(batch_op.f("ix_project_contact_deleted_at"))
    op.drop_table("project_contact")
    with op.batch_alter_table("project_coordinator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_coordinator_coordinator_id"))
        batch_op.drop_index(batch_op.f("ix_project_coordinator_project_id"))
        batch_op.drop_index(batch_op.f("ix_project_coordinator_deleted_at"))
    op.drop_table("project_coordinator")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint("fk_meeting_area_id_area", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_meeting_area_id"))
        batch_op.drop_column("area_id")
    with op.batch_alter_table("council", schema=None) as batch_op:
        batch_op.drop_column("tier_label")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("established_on")
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_column("stats_as_of")
        batch_op.drop_column("aging_rate")
        batch_op.drop_column("households")
        batch_op.drop_column("population")
