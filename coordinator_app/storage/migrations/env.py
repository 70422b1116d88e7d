"""Alembic environment: runs on the connection handed over by storage.schema."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import coordinator_app.domain.models  # noqa: F401  (registers the tables)
from coordinator_app.storage.capture import SYNC_STATE_TABLES
from coordinator_app.storage.search_schema import SEARCH_TABLES

target_metadata = SQLModel.metadata


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """The search index and the sync tables are managed by hand-written migrations."""
    return not (type_ == "table" and (name in SEARCH_TABLES or name in SYNC_STATE_TABLES))


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations run through coordinator_app.storage.schema only")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
