"""sync capture: outbox, state, conflicts, refused changes; capture triggers; link ids

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30

- ``sync_state`` (one row: capture switch, open sync transaction number, the
  file's incarnation and device, where the file was, the pull cursor),
  ``sync_outbox``, ``sync_conflict``, ``sync_refused``, ``sync_blob``.
- Capture triggers on every synced table, switched off (``capture`` 0) until
  the desk first syncs: a desk that never connects captures nothing (``coordinator_app.storage.capture``
  explains them). The statements are generated here from a frozen copy of the
  column lists of revision 0010: a later migration that adds a column drops
  and recreates the two capture triggers of its table (a test compares a
  migrated file with the triggers the models ask for).
- Link rows get the id derived from what they join, and settings the id
  derived from their key (``coordinator_app.domain.ids``, the formula copied
  here); two live or dead links joining the same pair become one (the live
  one, else the newest, is kept).

Imports nothing from the application but the frozen trigger generator of its own
package (``storage/migrations/capture_v1.py``): the formulas are frozen.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from coordinator_app.storage.migrations.capture_v1 import capture_triggers

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

NAMESPACE = uuid.UUID("6f0a3c1e-5b7d-4c52-9a53-2f7c0e6d8b41")

# (table, columns but id in the model's order, binary columns)
SYNCED = (
    (
        "area",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "name",
            "kana",
            "sort_kana",
            "kind",
            "parent_id",
            "notes",
            "population",
            "households",
            "aging_rate",
            "stats_as_of",
        ),
        (),
    ),
    (
        "organisation",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "name",
            "kana",
            "sort_kana",
            "kind",
            "operation",
            "address",
            "phone",
            "email",
            "website",
            "notes",
            "established_on",
        ),
        (),
    ),
    (
        "organisation_area",
        ("created_at", "updated_at", "deleted_at", "organisation_id", "area_id"),
        (),
    ),
    (
        "contact",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "organisation_id",
            "name",
            "kana",
            "sort_kana",
            "role",
            "phone",
            "email",
            "notes",
        ),
        (),
    ),
    (
        "coordinator",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "name",
            "kana",
            "sort_kana",
            "photo",
            "phone",
            "email",
            "office_hours",
            "message",
            "consult_topics",
            "notes",
        ),
        ("photo",),
    ),
    (
        "assignment",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "coordinator_id",
            "tier",
            "tier_label",
            "area_id",
            "organisation_id",
            "concurrent",
            "start_date",
            "end_date",
            "notes",
        ),
        (),
    ),
    (
        "council",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "name",
            "kana",
            "sort_kana",
            "tier",
            "tier_label",
            "area_id",
            "purpose",
            "status",
            "established_on",
            "usual_venue",
            "notes",
        ),
        (),
    ),
    (
        "council_membership",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "council_id",
            "organisation_id",
            "contact_id",
            "role",
            "start_date",
            "end_date",
        ),
        (),
    ),
    (
        "project",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "title",
            "program",
            "area_id",
            "lead_coordinator_id",
            "goal",
            "status",
            "progress",
            "start_date",
            "end_date",
            "outcome",
        ),
        (),
    ),
    (
        "project_organisation",
        ("created_at", "updated_at", "deleted_at", "project_id", "organisation_id"),
        (),
    ),
    (
        "progress_entry",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "project_id",
            "entry_date",
            "text",
            "author",
            "author_profile_id",
        ),
        (),
    ),
    (
        "meeting",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "kind",
            "title",
            "held_on",
            "start_time",
            "end_time",
            "venue",
            "mode",
            "capacity_on_site",
            "capacity_online",
            "council_id",
            "project_id",
            "area_id",
            "participants_on_site",
            "participants_online",
            "agenda",
            "minutes",
            "decisions",
            "series_id",
            "session_number",
            "recorder",
            "absentees",
            "approved_by",
            "approved_on",
        ),
        (),
    ),
    (
        "meeting_coordinator",
        ("created_at", "updated_at", "deleted_at", "meeting_id", "coordinator_id"),
        (),
    ),
    (
        "meeting_organisation",
        ("created_at", "updated_at", "deleted_at", "meeting_id", "organisation_id"),
        (),
    ),
    (
        "action_item",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "meeting_id",
            "text",
            "owner_coordinator_id",
            "owner_contact_id",
            "due_date",
            "done",
            "completed_on",
            "completed_meeting_id",
        ),
        (),
    ),
    (
        "attachment",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "progress_entry_id",
            "meeting_id",
            "project_id",
            "filename",
            "media_type",
            "size",
            "content",
        ),
        ("content",),
    ),
    (
        "setting",
        ("created_at", "updated_at", "deleted_at", "key", "text_value", "blob_value"),
        ("blob_value",),
    ),
    (
        "meeting_series",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "title",
            "kind",
            "council_id",
            "project_id",
            "notes",
        ),
        (),
    ),
    ("meeting_contact", ("created_at", "updated_at", "deleted_at", "meeting_id", "contact_id"), ()),
    (
        "user_profile",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "name",
            "kana",
            "sort_kana",
            "role",
            "title",
            "coordinator_id",
        ),
        (),
    ),
    (
        "review",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "progress_entry_id",
            "reviewer_profile_id",
            "comment",
            "reviewed_at",
            "entry_updated_at",
        ),
        (),
    ),
    (
        "project_coordinator",
        ("created_at", "updated_at", "deleted_at", "project_id", "coordinator_id", "role"),
        (),
    ),
    (
        "project_contact",
        ("created_at", "updated_at", "deleted_at", "project_id", "contact_id", "role"),
        (),
    ),
    (
        "gathering_place",
        (
            "created_at",
            "updated_at",
            "deleted_at",
            "name",
            "kana",
            "sort_kana",
            "kind",
            "area_id",
            "address",
            "meeting_place",
            "schedule_text",
            "schedule_rules",
            "schedule_label",
            "weekday_mask",
            "fee",
            "capacity",
            "usual_attendance",
            "eligibility",
            "barrier_free",
            "transport",
            "organisation_id",
            "contact_name",
            "contact_phone",
            "contact_printable",
            "website",
            "photo",
            "status",
            "started_on",
            "status_since",
            "notes",
        ),
        ("photo",),
    ),
)

# link table -> the two columns it joins (ids derived from them)
LINKS = {
    "organisation_area": ("organisation_id", "area_id"),
    "project_organisation": ("project_id", "organisation_id"),
    "project_coordinator": ("project_id", "coordinator_id"),
    "project_contact": ("project_id", "contact_id"),
    "meeting_coordinator": ("meeting_id", "coordinator_id"),
    "meeting_organisation": ("meeting_id", "organisation_id"),
    "meeting_contact": ("meeting_id", "contact_id"),
}

TABLE_STATEMENTS = (
    """
    CREATE TABLE sync_state (
        id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
        capture INTEGER NOT NULL DEFAULT 0,
        open_tx INTEGER NOT NULL DEFAULT 1,
        incarnation VARCHAR(36) NOT NULL,
        device_id VARCHAR(36) NOT NULL,
        machine VARCHAR(300) NOT NULL DEFAULT '',
        file_path TEXT NOT NULL DEFAULT '',
        file_id VARCHAR(100) NOT NULL DEFAULT '',
        pull_cursor INTEGER NOT NULL DEFAULT 0,
        last_sync_at VARCHAR(40)
    )
    """,
    """
    CREATE TABLE sync_outbox (
        seq INTEGER NOT NULL PRIMARY KEY,
        tx INTEGER NOT NULL,
        table_name VARCHAR(63) NOT NULL,
        row_id VARCHAR(36) NOT NULL,
        op VARCHAR(10) NOT NULL,
        fields TEXT NOT NULL
    )
    """,
    "CREATE INDEX ix_sync_outbox_tx ON sync_outbox (tx)",
    """
    CREATE TABLE sync_conflict (
        id VARCHAR(36) NOT NULL PRIMARY KEY,
        table_name VARCHAR(63) NOT NULL,
        row_id VARCHAR(36) NOT NULL,
        field VARCHAR(63) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        base_value TEXT,
        pushed_value TEXT,
        current_value TEXT,
        client_tx INTEGER,
        user_name VARCHAR(100) NOT NULL DEFAULT '',
        at VARCHAR(40) NOT NULL,
        resolved_at VARCHAR(40)
    )
    """,
    "CREATE INDEX ix_sync_conflict_row ON sync_conflict (table_name, row_id)",
    """
    CREATE TABLE sync_refused (
        id INTEGER NOT NULL PRIMARY KEY,
        tx INTEGER NOT NULL,
        incarnation VARCHAR(36) NOT NULL,
        code VARCHAR(40) NOT NULL,
        message TEXT NOT NULL,
        change_index INTEGER,
        changes TEXT NOT NULL,
        at VARCHAR(40) NOT NULL,
        dismissed_at VARCHAR(40)
    )
    """,
    """
    CREATE TABLE sync_blob (
        table_name VARCHAR(63) NOT NULL,
        row_id VARCHAR(36) NOT NULL,
        column_name VARCHAR(63) NOT NULL,
        sha256 CHAR(64) NOT NULL,
        PRIMARY KEY (table_name, row_id, column_name)
    )
    """,
)


def trigger_statements() -> list[str]:
    return capture_triggers(SYNCED)


def _link_id(table: str, ends: dict[str, str]) -> str:
    name = ";".join(f"{column}={uuid.UUID(ends[column]).hex}" for column in sorted(ends))
    return uuid.uuid5(NAMESPACE, f"{table}:{name}").hex


def _rekey_links(bind: sa.Connection) -> None:
    for table, (first, second) in LINKS.items():
        rows = bind.exec_driver_sql(
            f"SELECT id, {first}, {second}, deleted_at, updated_at FROM {table}"
        ).fetchall()
        groups: dict[str, list[tuple[str, bool, str]]] = defaultdict(list)
        for row_id, a, b, deleted_at, updated_at in rows:
            new_id = _link_id(table, {first: a, second: b})
            groups[new_id].append((row_id, deleted_at is None, str(updated_at)))
        for new_id, members in groups.items():
            # The live one, else the most recently changed one, stands for the pair.
            members.sort(key=lambda m: (m[1], m[2]), reverse=True)
            keep, *merged = members
            for row_id, _live, _when in merged:
                bind.execute(sa.text(f"DELETE FROM {table} WHERE id = :id"), {"id": row_id})
            if keep[0] != new_id:
                bind.execute(
                    sa.text(f"UPDATE {table} SET id = :new WHERE id = :old"),
                    {"new": new_id, "old": keep[0]},
                )


def _rekey_settings(bind: sa.Connection) -> None:
    for row_id, key in bind.exec_driver_sql("SELECT id, key FROM setting").fetchall():
        new_id = uuid.uuid5(NAMESPACE, f"setting:{key}").hex
        if row_id != new_id:
            bind.execute(
                sa.text("UPDATE setting SET id = :new WHERE id = :old"),
                {"new": new_id, "old": row_id},
            )


def upgrade() -> None:
    bind = op.get_bind()
    _rekey_links(bind)
    _rekey_settings(bind)
    if bind.dialect.name != "sqlite":
        return  # the outbox and its capture triggers are the desk's alone (SQLite)
    for statement in TABLE_STATEMENTS:
        bind.exec_driver_sql(statement)
    bind.exec_driver_sql(
        "INSERT INTO sync_state (id, incarnation, device_id) VALUES (1, ?, ?)",
        (str(uuid.uuid4()), str(uuid.uuid4())),
    )
    for statement in trigger_statements():
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name, _columns, _blobs in SYNCED:
        for suffix in ("insert", "update", "no_delete", "no_rekey"):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS sync_{name}_{suffix}")
    for table in ("sync_blob", "sync_refused", "sync_conflict", "sync_outbox", "sync_state"):
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
