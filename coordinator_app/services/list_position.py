"""Where a record lies in a list: the rows of the list's order before it.

A list shows an opened record selected when it is among its first rows; asking
where it lies first (two statements) spares reading those rows only to find it
is not among them.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from coordinator_app.services import listing
from coordinator_app.services.listing import ListQuery


def position_in_list(
    service: Any, query: ListQuery, record_id: uuid.UUID, *, limit: int | None = None
) -> int | None:
    """How many rows of ``query``'s list (of ``service``, an EntityService) come before
    ``record_id`` (None: it is not in the list), counting at most ``limit`` (then
    ``limit`` means "that many or more": a scan in table order stops there).

    Two statements: the record's sort key, then a count of the rows before it (the
    keyset seeks of the reversed order), whatever its depth. The list's filters are
    built once, before the session opens (a text filter may ask the search index
    for its candidates: one more statement, see ``text_filter``).
    """
    parts = service._sort_parts(query)
    model = service.model
    filtered = service._filtered(sa.select(*(p.column for p in parts)), query)
    with service.db.reading() as session:
        key = session.execute(filtered.where(model.id == record_id)).first()
        if key is None:
            return None
        before = listing.keyset_segments(parts, tuple(key), descending=not query.descending)
        if not before or limit == 0:
            return 0
        rows = filtered.with_only_columns(service._rowid(), maintain_column_froms=True)
        rows = rows.where(sa.or_(*(sa.and_(*segment) for segment in before)))
        if limit is not None:
            rows = rows.limit(limit)
        count = sa.select(sa.func.count()).select_from(rows.subquery())
        return int(session.execute(count).scalar_one())
