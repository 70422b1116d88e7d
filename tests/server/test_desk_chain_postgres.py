"""The desk's migration chain runs on PostgreSQL: its SQLite-only parts (the FTS5 search
index, PRAGMAs, sqlite_master) are skipped there, so nothing stops the chain."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import SQLModel

import coordinator_app.domain.models  # noqa: F401  (registers the tables)
from coordinator_app.storage.schema import current_revision, head_revision, upgrade_to
from coordinator_app.storage.search_schema import SEARCH_TABLES


def test_the_desk_chain_upgrades_to_head_on_postgresql(desk_schema: sa.Engine) -> None:
    upgrade_to(desk_schema)
    assert current_revision(desk_schema) == head_revision()
    with desk_schema.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert not tables & SEARCH_TABLES  # the FTS5 index is the desk's alone
