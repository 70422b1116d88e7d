"""The list side of every entity service: pages, counts, keys, positions.

:class:`ListedService` is the part of
:class:`~coordinator_app.services.base.EntityService` that reads a list: a
keyset page (:meth:`ListedService.list`, :meth:`ListedService.list_light`),
the keys a jumping list seeks from (:meth:`ListedService.list_ladder`), a
count, and where one record lies in the list (:meth:`ListedService.position`).
The filters themselves are the entity service's ``_filtered``.
"""

from __future__ import annotations

import builtins
import uuid
from typing import Any, ClassVar, Generic, TypeVar

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.domain.models import Record
from coordinator_app.services import listing
from coordinator_app.services.access import reads
from coordinator_app.services.list_position import position_in_list
from coordinator_app.services.listing import ListQuery, Page, Row
from coordinator_app.storage.database import Database

T = TypeVar("T", bound=Record)


def live_unindexed(model: type[Record]) -> Any:
    """:func:`live` that keeps the planner off the deleted_at index: nearly every
    row is live, so that index only hides the index that orders or bounds a list
    (a scan and a temporary B-tree instead of a seek)."""
    return sa.func.ifnull(model.deleted_at, None).is_(None)


class ListedService(Generic[T]):
    """Listing for a service of ``model`` records (see the module docstring)."""

    model: ClassVar[type[Record]]
    sort_keys: ClassVar[dict[str, str]]
    default_sort: ClassVar[str]
    db: Database

    def _filtered(self, stmt: Any, query: ListQuery) -> Any:
        raise NotImplementedError

    @reads
    def list(self, query: ListQuery | None = None) -> Page[T]:
        query = query or ListQuery()
        with self.db.reading() as session:
            total = self._count(session, query) if query.with_total else -1
            found, keys = self._keyset_page(session, query, [self.model])
            return Page(rows=[row[0] for row in found], total=total, keys=keys)

    list_columns: ClassVar[tuple[str, ...] | None] = None  # shown or decorated (None: all)

    @reads
    def list_light(self, query: ListQuery) -> Page[Row[Any]]:
        """:meth:`list_rows` with named tuples of :attr:`list_columns` (one session, one
        statement for the page with :meth:`_light_extras`; see :func:`listing.light_page`)."""
        return (
            self.list_rows(query) if self.list_columns is None else listing.light_page(self, query)
        )

    def _light_extras(self) -> listing.LightExtras | None:
        """:meth:`decorate`'s values as columns of :meth:`list_light`'s page (None: decorate)."""
        return None

    @reads
    def list_ladder(self, query: ListQuery, every: int) -> builtins.list[tuple[Any, ...]]:
        """Keys of rows ``offset + every - 1``, ``offset + 2 * every - 1``... (ladder_statement)."""
        parts, live = self._sort_parts(query), (live_unindexed(self.model), self.model.__table__)
        stmt = listing.ladder_statement(
            lambda s: self._filtered(s, query), parts, query, every, live
        )
        with self.db.reading() as session:
            return [tuple(row) for row in session.execute(stmt).all()]

    def _count(self, session: Session, query: ListQuery) -> int:
        stmt = self._filtered(sa.select(self._rowid()).select_from(self.model), query)
        alive = None if query.include_deleted else live_unindexed(self.model)
        count = listing.count_statement(stmt, self.model.__table__, alive)
        return int(session.execute(count).scalar_one())

    def _keyset_page(
        self, session: Session, query: ListQuery, selected: builtins.list[Any]
    ) -> tuple[builtins.list[Any], builtins.list[tuple[Any, ...]]]:
        parts = self._sort_parts(query)
        base = self._filtered(sa.select(*selected, *(p.column for p in parts)), query)
        return listing.read_page(session, base, parts, query, width=len(selected))

    def _sort_parts(self, query: ListQuery) -> builtins.list[listing.SortPart]:
        columns = [*self._sort_columns(query), self._rowid()]
        return [listing.SortPart(c, bool(getattr(c, "nullable", False))) for c in columns]

    def _rowid(self) -> Any:
        return sa.literal_column(f"{self.model.__tablename__}.rowid", type_=sa.Integer)

    def _sort_columns(self, query: ListQuery) -> builtins.list[Any]:
        key = query.sort or self.default_sort
        column_names = self.sort_keys.get(key)
        if column_names is None:
            raise ValueError(f"unknown sort key {key!r} for {self.model.__name__}")
        table = self.model.__table__
        return [table.c[name] for name in column_names.split(",")]

    @reads
    def list_rows(self, query: ListQuery | None = None) -> Page[Row[T]]:
        """Like :meth:`list`, each record with the display values of ``decorate``."""
        query = query or ListQuery()
        page = self.list(query)
        with self.db.reading() as session:
            extras = self.decorate(session, page.rows)
        rows = [Row(record=r, extra=extras.get(r.id, {})) for r in page.rows]
        return Page(rows=rows, total=page.total, keys=page.keys)

    def decorate(
        self, session: Session, records: builtins.list[T]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        """Display values for list rows, keyed by record id (one query per join)."""
        return {}

    def _sorted(self, stmt: Any, query: ListQuery) -> Any:
        """Order by the sort key, ties by rowid (the end of every index) alike."""
        return listing.ordered(stmt, self._sort_parts(query), query.descending)

    @reads
    def position(
        self, query: ListQuery, record_id: uuid.UUID, *, limit: int | None = None
    ) -> int | None:
        """How many rows of the list ``query`` asks for come before the record (None:
        not in it); at most ``limit`` counted (see :func:`position_in_list`)."""
        return position_in_list(self, query, record_id, limit=limit)
