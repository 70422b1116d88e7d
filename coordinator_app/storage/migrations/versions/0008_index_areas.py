"""areas in the search index (喜多見, 世田谷地域 are found by the global search)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

Frozen: the folding, the bigram tokens and the row-id layout are copied here as
they are at this revision (``services/search.py``), so later changes there do
not change what this migration writes. Areas are the ninth search kind.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

AREA_KIND_NUMBER = 9
KIND_SHIFT = 52
DAY_SHIFT = 20
SEPARATOR = "\x1f"


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


def _day_range(day: date) -> tuple[int, int]:
    base = AREA_KIND_NUMBER << KIND_SHIFT
    return base + (day.toordinal() << DAY_SHIFT), base + ((day.toordinal() + 1) << DAY_SHIFT) - 1


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # the search index is SQLite's FTS5 (see 0004)
    rows = bind.exec_driver_sql(
        "SELECT id, name, kana, notes, date(created_at) FROM area WHERE deleted_at IS NULL "
        "AND id NOT IN (SELECT record_id FROM search_entry WHERE kind = 'area')"
    ).all()
    for record_id, name, kana, notes, created in rows:
        body = SEPARATOR.join(_fold(f) for f in (name, kana, notes) if f)
        day = date.fromisoformat(str(created)[:10]) if created else date.today()
        low, high = _day_range(day)
        current = bind.exec_driver_sql(
            "SELECT max(id) FROM search_entry WHERE id BETWEEN ? AND ?", (low, high)
        ).scalar()
        rowid = low if current is None else current + 1
        bind.exec_driver_sql(
            "INSERT INTO search_entry (id, kind, record_id, title, body, held_on, area_id) "
            "VALUES (?, 'area', ?, ?, ?, NULL, ?)",
            (rowid, record_id, " ".join((name or "").split()), body, record_id),
        )
        bind.exec_driver_sql(
            "INSERT INTO search_bigram (rowid, bigrams) VALUES (?, ?)", (rowid, _bigrams(body))
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for rowid, body in bind.exec_driver_sql(
        "SELECT id, body FROM search_entry WHERE kind = 'area'"
    ).all():
        bind.exec_driver_sql(
            "INSERT INTO search_bigram (search_bigram, rowid, bigrams) VALUES ('delete', ?, ?)",
            (rowid, _bigrams(body)),
        )
        bind.exec_driver_sql("DELETE FROM search_entry WHERE id = ?", (rowid,))
