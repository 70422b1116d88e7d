"""Finding one record in a keyset list without reading the rows before it.

A page opened on a record (a search hit, a link from another page) shows it
selected when it is among the list's first rows. Reading pages until it turns
up costs every page before it, and all of them when it is further down or
filtered out; :func:`locate` first asks the service where the record lies
(:meth:`~coordinator_app.services.listing_service.ListedService.position`: its
sort key, then a bounded count of the rows before it), then reads only as far
as that row, or nothing at all.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coordinator_app.ui.common.table_model import RecordTableModel


def locate(model: RecordTableModel, record_id: uuid.UUID, *, max_rows: int) -> int:
    """The row of ``record_id`` in ``model`` when it is among the first ``max_rows``
    rows of its list, loading the list as far as that row; else -1 (nothing read)."""
    row = model.row_of(record_id)
    if row >= 0 or (model.window is None and not model.canFetchMore()):
        return row  # loaded, or every row is and it is not among them
    position = model.service.position(model.query, record_id, limit=max_rows)
    if position is None or position >= max_rows:
        return -1
    if model.window is not None:  # one page read, where the row lies
        return position if model.record_id_at(position) == record_id else -1
    model.load_through(position)
    return model.row_of(record_id)
