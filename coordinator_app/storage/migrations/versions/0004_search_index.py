"""full-text search index (trigram + bigram FTS5), filled from existing records

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

Frozen: the tables, the folding, the bigram tokens, the row-id layout and the
query of each of the eight search kinds of this revision are written out here
(as ``services/search.py`` and ``storage/search_schema.py`` have them), so a
later change there (a new indexed column, a new kind) cannot break upgrading an
old file or change what this migration writes. Areas, the ninth kind, are
indexed by 0008; a change to what is indexed comes with its own migration.

SQLite only: the index is FTS5. On another database (the chain run on
PostgreSQL) this revision creates nothing.
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date
from typing import Any

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

KIND_SHIFT = 52
DAY_SHIFT = 20
SEPARATOR = "\x1f"

CREATE_STATEMENTS = (
    """
    CREATE TABLE search_entry (
        id INTEGER PRIMARY KEY,
        kind VARCHAR(20) NOT NULL,
        record_id CHAR(32) NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        held_on DATE,
        area_id CHAR(32),
        UNIQUE (kind, record_id)
    )
    """,
    """
    CREATE VIRTUAL TABLE search_trigram USING fts5(
        body, content='search_entry', content_rowid='id', tokenize='trigram', detail='none'
    )
    """,
    """
    CREATE VIRTUAL TABLE search_bigram USING fts5(
        bigrams, content='', tokenize='unicode61 remove_diacritics 0', detail='none',
        prefix='1'
    )
    """,
    """
    CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
        INSERT INTO search_trigram(rowid, body) VALUES (new.id, new.body);
    END
    """,
    """
    CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
        INSERT INTO search_trigram(search_trigram, rowid, body) VALUES ('delete', old.id, old.body);
    END
    """,
    """
    CREATE TRIGGER search_entry_au AFTER UPDATE OF body ON search_entry BEGIN
        INSERT INTO search_trigram(search_trigram, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO search_trigram(rowid, body) VALUES (new.id, new.body);
    END
    """,
)

DROP_STATEMENTS = (
    "DROP TRIGGER IF EXISTS search_entry_au",
    "DROP TRIGGER IF EXISTS search_entry_ad",
    "DROP TRIGGER IF EXISTS search_entry_ai",
    "DROP TABLE IF EXISTS search_bigram",
    "DROP TABLE IF EXISTS search_trigram",
    "DROP TABLE IF EXISTS search_entry",
)

# kind -> (its number in the row id, its query). Columns: id, title, date (or NULL),
# sort day, area id, then the searchable fields.
KIND_QUERIES: dict[str, tuple[int, str]] = {
    "coordinator": (
        8,
        "SELECT id, name, NULL, date(created_at), NULL, name, kana, message, consult_topics, "
        "office_hours FROM coordinator WHERE deleted_at IS NULL",
    ),
    "contact": (
        7,
        "SELECT c.id, c.name, NULL, date(c.created_at), NULL, c.name, c.kana, c.role, o.name "
        "FROM contact c "
        "LEFT JOIN organisation o ON o.id = c.organisation_id WHERE c.deleted_at IS NULL",
    ),
    "organisation": (
        6,
        "SELECT id, name, NULL, date(created_at), NULL, name, kana, address, notes "
        "FROM organisation WHERE deleted_at IS NULL",
    ),
    "council": (
        5,
        "SELECT id, name, established_on, coalesce(established_on, date(created_at)), area_id, "
        "name, kana, purpose, usual_venue FROM council WHERE deleted_at IS NULL",
    ),
    "meeting": (
        1,
        "SELECT m.id, m.title, m.held_on, m.held_on, coalesce(c.area_id, p.area_id), m.title, "
        "m.venue, m.agenda, m.minutes, m.decisions FROM meeting m "
        "LEFT JOIN council c ON c.id = m.council_id LEFT JOIN project p ON p.id = m.project_id "
        "WHERE m.deleted_at IS NULL",
    ),
    "action_item": (
        3,
        "SELECT a.id, a.text, m.held_on, m.held_on, coalesce(c.area_id, p.area_id), a.text "
        "FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
        "LEFT JOIN council c ON c.id = m.council_id LEFT JOIN project p ON p.id = m.project_id "
        "WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL",
    ),
    "project": (
        4,
        "SELECT id, title, start_date, coalesce(start_date, date(created_at)), area_id, title, "
        "goal, outcome FROM project WHERE deleted_at IS NULL",
    ),
    "progress_entry": (
        2,
        "SELECT e.id, substr(e.text, 1, 80), e.entry_date, e.entry_date, p.area_id, e.text "
        "FROM progress_entry e JOIN project p ON p.id = e.project_id "
        "WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL",
    ),
}


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    folded = "".join(chr(ord(ch) - 0x60) if 0x30A1 <= ord(ch) <= 0x30F6 else ch for ch in folded)
    return " ".join(folded.lower().split())


def _bigrams(body: str) -> str:
    tokens: list[str] = []
    for part in body.split(SEPARATOR):
        for word in part.split():
            tokens.extend(word[i : i + 2] for i in range(len(word) - 1))
            tokens.append(word[-1])
    return " ".join(tokens)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_hex(value: Any) -> str | None:
    return None if value is None else uuid.UUID(str(value)).hex


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in CREATE_STATEMENTS:
        bind.exec_driver_sql(statement)
    # The index starts empty: the next free row id of each (kind, day) is counted here.
    next_id: dict[tuple[int, date], int] = {}
    for kind, (number, sql) in KIND_QUERIES.items():
        for row in bind.exec_driver_sql(sql).all():
            held_on = _as_date(row[2])
            day = _as_date(row[3]) or held_on or date.today()
            rowid = next_id.get(
                (number, day), (number << KIND_SHIFT) + (day.toordinal() << DAY_SHIFT)
            )
            next_id[(number, day)] = rowid + 1
            body = SEPARATOR.join(_fold(f) for f in (v or "" for v in row[5:]) if f)
            bind.exec_driver_sql(
                "INSERT INTO search_entry (id, kind, record_id, title, body, held_on, area_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    rowid,
                    kind,
                    _as_hex(row[0]),
                    " ".join((row[1] or "").split()),
                    body,
                    held_on.isoformat() if held_on else None,
                    _as_hex(row[4]),
                ),
            )
            bind.exec_driver_sql(
                "INSERT INTO search_bigram (rowid, bigrams) VALUES (?, ?)", (rowid, _bigrams(body))
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in DROP_STATEMENTS:
        bind.exec_driver_sql(statement)
