"""The full-text search index: derived data, rebuilt from the records at will.

``search_entry`` holds one row per searchable record with its text already
folded (NFKC, katakana -> hiragana, lower case; fields joined by U+001F so a
term split across two fields never matches). ``search_trigram`` is an FTS5
external-content index over it with the trigram tokenizer: substring search
for terms of three characters or more. Shorter terms use ``search_bigram``, a
contentless FTS5 index of the text's overlapping character pairs (kept up to
date by :mod:`coordinator_app.storage.search_index`, which computes the pairs), so
one- and two-character terms (社協, 町会, 包括) are index lookups too.

These tables are not SQLModel tables (FTS5 is virtual and the index is keyed
by an integer rowid), so Alembic autogenerate ignores them (see
:data:`SEARCH_TABLES`).
"""

from __future__ import annotations

SEARCH_TABLES = frozenset(
    {
        "search_entry",
        "search_trigram",
        "search_trigram_data",
        "search_trigram_idx",
        "search_trigram_content",
        "search_trigram_docsize",
        "search_trigram_config",
        "search_bigram",
        "search_bigram_data",
        "search_bigram_idx",
        "search_bigram_content",
        "search_bigram_docsize",
        "search_bigram_config",
    }
)

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
