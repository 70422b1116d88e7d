"""gathering place surveys (通いの場調査)

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30

- survey_round: a survey round (name, fiscal year, dates, status, notes);
- survey_question: its questionnaire, ordered (number / choice / text, the
  options of a choice, the place field an accepted answer updates);
- survey_answer: a place's answer to a question, with the question's wording
  when answered, and when it was accepted into the place.
- the three tables' sync capture triggers (the 0010 generator, frozen in
  ``storage/migrations/capture_v1.py``; SQLite only).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import coordinator_app.domain.types
from coordinator_app.storage.migrations.capture_v1 import capture_triggers

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SURVEY_STATUSES = ("planning", "open", "closed")
QUESTION_KINDS = ("number", "choice", "text")
_STAMPS = ("created_at", "updated_at", "deleted_at")
SYNCED: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "survey_round",
        (*_STAMPS, "name", "fiscal_year", "starts_on", "ends_on", "status", "notes"),
        (),
    ),
    (
        "survey_question",
        (*_STAMPS, "round_id", "position", "prompt", "kind", "options", "place_field"),
        (),
    ),
    (
        "survey_answer",
        (*_STAMPS, "round_id", "place_id", "question_id", "question_text", "value", "accepted_at"),
        (),
    ),
)


def _text(length: int | None = None) -> sa.types.TypeEngine:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", coordinator_app.domain.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", coordinator_app.domain.types.UTCDateTime(), nullable=False),
        sa.Column("deleted_at", coordinator_app.domain.types.UTCDateTime(), nullable=True),
    ]


def _indexes(table: str, columns: tuple[str, ...]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "survey_round",
        *_record_columns(),
        sa.Column("name", _text(200), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(*SURVEY_STATUSES, name="surveystatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("notes", _text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("survey_round", ("deleted_at", "fiscal_year"))
    op.create_table(
        "survey_question",
        *_record_columns(),
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("prompt", _text(300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(*QUESTION_KINDS, name="questionkind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("options", _text(), nullable=False),
        sa.Column("place_field", _text(40), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["survey_round.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("survey_question", ("deleted_at", "round_id"))
    op.create_table(
        "survey_answer",
        *_record_columns(),
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("place_id", sa.Uuid(), nullable=False),
        sa.Column("question_id", sa.Uuid(), nullable=False),
        sa.Column("question_text", _text(300), nullable=False),
        sa.Column("value", _text(), nullable=False),
        sa.Column("accepted_at", coordinator_app.domain.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["round_id"], ["survey_round.id"]),
        sa.ForeignKeyConstraint(["place_id"], ["gathering_place.id"]),
        sa.ForeignKeyConstraint(["question_id"], ["survey_question.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    _indexes("survey_answer", ("deleted_at", "round_id", "place_id", "question_id"))
    if op.get_bind().dialect.name == "sqlite":
        for statement in capture_triggers(SYNCED):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, _columns, _blobs in SYNCED:
            for suffix in ("insert", "update", "no_delete", "no_rekey"):
                op.execute(f"DROP TRIGGER IF EXISTS sync_{name}_{suffix}")
    op.drop_table("survey_answer")
    op.drop_table("survey_question")
    op.drop_table("survey_round")
