"""A statement counter for tests that prove structure by the SQL a view or service sends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from coordinator_app.storage.database import Database


@contextmanager
def counting(db: Database) -> Iterator[list[str]]:
    """Every statement sent to SQLite while the block runs."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
