"""What a list asks for and gets back: the query, the page, a row, a picker's option.

(Split from :mod:`coordinator_app.services.base`, which re-exports them.)
"""

from __future__ import annotations

import uuid
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, TypeVar

import sqlalchemy as sa
from sqlalchemy.sql import visitors

T = TypeVar("T")
Item = TypeVar("Item")


@dataclass(frozen=True)
class ListQuery:
    """Filter, sort and page of a list.

    Attributes:
        text: a substring matched against the name (kanji) and the reading
            (kana, folded so that katakana/hiragana and widths do not matter).
        sort: a key of the service's ``sort_keys``.
        filters: service-specific equality filters, e.g. ``{"kind": OrgKind.NPO}``.
    """

    text: str = ""
    sort: str = ""
    descending: bool = False
    offset: int = 0
    limit: int | None = None
    include_deleted: bool = False
    filters: dict[str, Any] = field(default_factory=dict)
    with_total: bool = True
    """False skips counting all matches (``Page.total`` is then -1): a next
    page of a long list does not need the count again."""
    after: tuple[Any, ...] | None = None
    """Keyset paging: the ``Page.keys`` entry of the last row already read; the
    page starts right after it (an index seek, whatever the depth; ``offset``
    is then not used). Reversing ``descending`` with the same key reads the
    rows before it, nearest first (a list's end is one seek from the end)."""


@dataclass(frozen=True)
class Page(Generic[Item]):
    rows: list[Item]
    total: int
    keys: list[tuple[Any, ...]] | None = None
    """Each row's position in the sort (its sort values and rowid), for
    ``ListQuery.after`` (NULLs included: see :func:`keyset_segments`)."""


@dataclass(frozen=True)
class Choice:
    """A light option for pickers: no ORM object, just what a list shows."""

    id: uuid.UUID
    label: str
    reading: str = ""


@dataclass(frozen=True)
class Row(Generic[T]):
    """A list row: the record plus display values joined from other tables."""

    record: T
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LightExtras:
    """What a light list row shows beside its own columns, read by its page's statement.

    ``columns`` are correlated with the list's table (scalar subqueries over the
    row): the page is one walk of the sort's index and the rows it lists, not a
    second statement looking the page's rows up again by id (on a big file, an
    index page per row, scattered). ``values(record, found)`` turns a light record
    and its values of ``columns`` into its ``Row.extra``.
    """

    columns: tuple[Any, ...]
    values: Callable[[Any, tuple[Any, ...]], dict[str, Any]]


@dataclass(frozen=True)
class SortPart:
    """One column of a list's order: the column, whether it may hold NULL."""

    column: Any
    nullable: bool


def keyset_segments(
    parts: Sequence[SortPart], after: Sequence[Any], *, descending: bool
) -> list[list[Any]]:
    """The rows after ``after`` in the order of ``parts`` (all ascending or all
    descending, the rowid last), as index ranges to read one after the other.

    SQLite sorts NULL before every value, in its indexes too. A row-value
    comparison ``(a, b) > (x, y)`` is one index range but yields NULL, never
    true, where a NULL takes part, so a nullable key is split where it matters:
    after a NULL, ascending, come the rest of the NULLs, then ``a IS NOT NULL``;
    descending, after a value come the smaller values, then the NULLs. Each
    returned list of conditions is one seek on the index of the sort columns
    (equalities, then one range); reading them in order until the page is full
    gives exactly the rows ``ORDER BY`` would list after ``after``. Without
    NULLs in the key this is one range (one statement), as before.
    """
    segments: list[list[Any]] = []
    chain: tuple[int, int] | None = None
    """The positions (first, last) the last segment compares as one row value."""
    for i in range(len(parts) - 1, -1, -1):
        part, value = parts[i], after[i]
        prefix = [_equal(parts[j], after[j]) for j in range(i)]
        if value is not None and not (descending and part.nullable):
            last = chain[1] if chain is not None and chain[0] == i + 1 else i
            columns = [p.column for p in parts[i : last + 1]]
            values = [
                _bind(p, v) for p, v in zip(parts[i : last + 1], after[i : last + 1], strict=True)
            ]
            left = columns[0] if len(columns) == 1 else sa.tuple_(*columns)
            right = values[0] if len(values) == 1 else sa.tuple_(*values)
            clause = left < right if descending else left > right
            if last != i:
                segments[-1] = [*prefix, clause]
            else:
                segments.append([*prefix, clause])
            chain = (i, last)
            continue
        chain = None
        if value is None and not descending:
            segments.append([*prefix, part.column.is_not(None)])
        elif value is not None:  # descending on a nullable column: smaller values, then NULLs
            segments.append([*prefix, part.column < _bind(part, value)])
            segments.append([*prefix, part.column.is_(None)])
        # (descending after a NULL: nothing comes after it at this column)
    return segments


def _bind(part: SortPart, value: Any) -> Any:
    return sa.bindparam(None, value, type_=part.column.type)


def _equal(part: SortPart, value: Any) -> Any:
    return part.column.is_(None) if value is None else part.column == _bind(part, value)


def ordered(stmt: Any, parts: Sequence[SortPart], descending: bool) -> Any:
    """``stmt`` in the list's order: every part in the same direction."""
    return stmt.order_by(*(p.column.desc() if descending else p.column.asc() for p in parts))


def read_page(
    session: Any, base: Any, parts: Sequence[SortPart], query: ListQuery, *, width: int
) -> tuple[list[Any], list[tuple[Any, ...]]]:
    """The page of ``base`` (a filtered select of ``width`` columns, then the
    ``parts``) that ``query`` asks for, and each row's key.

    With ``query.after`` the rows come from the seeks of :func:`keyset_segments`
    (one statement unless the key crosses NULLs), whatever the depth;
    ``query.offset`` counts only without ``after`` (from either end of the list).
    """
    segments: list[list[Any]] = [[]]
    if query.after is not None:
        segments = keyset_segments(parts, query.after, descending=query.descending)
    found: list[Any] = []
    for clauses in segments:
        stmt = ordered(base.where(*clauses), parts, query.descending)
        if query.after is None and query.offset:
            stmt = stmt.offset(query.offset)
        if query.limit is not None:
            if len(found) >= query.limit:
                break
            stmt = stmt.limit(query.limit - len(found))
        found.extend(session.execute(stmt).all())
    return [row[:width] for row in found], [tuple(row[width:]) for row in found]


def light_page(service: Any, query: ListQuery) -> Page[Row[Any]]:
    """``service``'s page of light rows (:meth:`EntityService.list_light`): named
    tuples of its ``list_columns``, each with its display values, read by the page's
    own statement when the service gives :class:`LightExtras`, else decorated."""
    model = service.model
    shape = light_row_type(f"{model.__name__}Row", service.list_columns)
    columns = [model.__table__.c[name] for name in service.list_columns]
    joined: LightExtras | None = service._light_extras()
    width = len(columns)
    with service.db.reading() as session:
        total = service._count(session, query) if query.with_total else -1
        selected = [*columns, *(joined.columns if joined else ())]
        found, keys = service._keyset_page(session, query, selected)
        records: list[Any] = [shape(*row[:width]) for row in found]
        if joined is None:
            extras = service.decorate(session, records)
    if joined is not None:
        extras = {r.id: joined.values(r, f[width:]) for r, f in zip(records, found, strict=True)}
    rows = [Row(record=r, extra=extras.get(r.id, {})) for r in records]
    return Page(rows=rows, total=total, keys=keys)


def count_statement(filtered: Any, table: Any, live: Any | None) -> Any:
    """The count of the rows ``filtered`` selects (a select of the rowid with the
    list's conditions; ``live`` is the live condition among them, None when the
    list shows deleted rows too).

    A list without any other condition is counted as every row less the deleted
    ones: SQLite counts an index's entries page by page without reading them (the
    count optimisation), and the deleted rows are one range of the ``deleted_at``
    index. Walking the live rows' range of that index instead reads every entry:
    on 500,000 meetings several times as long. Other conditions are counted from
    their own index, the live rows told by rowid (:func:`not_deleted_by_rowid`).
    """
    where = filtered.whereclause
    everything = sa.select(sa.func.count()).select_from(table)
    if where is None:
        return everything
    if live is not None and where.compare(live):
        deleted = everything.where(table.c.deleted_at.is_not(None))
        return sa.select(everything.scalar_subquery() - deleted.scalar_subquery())
    if live is not None:  # the live rows by rowid: the filter's own index answers alone
        filtered = index_only_live(filtered, live, table)
    return sa.select(sa.func.count()).select_from(filtered.subquery())


def ladder_statement(
    filtered: Callable[[Any], Any],
    parts: Sequence[SortPart],
    query: ListQuery,
    every: int,
    live: tuple[Any, Any] | None = None,
) -> Any:
    """One statement giving the keys of rows ``offset + every - 1``, ``offset + 2 *
    every - 1``... in the list's order (``query.offset`` counted from the row
    after ``query.after`` when set; at most ``query.limit`` keys when set).
    ``filtered`` adds the list's filters to a select; ``live`` is the live
    condition among them and its table (see :func:`index_only_live`).

    ``every == 1`` is a plain ``LIMIT ... OFFSET`` over the sort columns: with
    the live filter made index-only (:func:`index_only_live`) SQLite steps
    through the sort's covering index without reading a table row, so the key
    of the row in the middle of 500,000 is one cheap statement. Larger steps
    number the rows (a window function) and keep every ``every``-th key.
    """
    if live is not None:
        filtered = _index_only(filtered, *live)
    if query.after is not None:
        filtered = _after(filtered, parts, query)
    order = [p.column.desc() if query.descending else p.column.asc() for p in parts]
    labelled = [p.column.label(f"key{i}") for i, p in enumerate(parts)]
    if every == 1:
        stmt = filtered(sa.select(*labelled)).order_by(*order)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        return stmt.offset(query.offset) if query.offset else stmt
    number = sa.func.row_number().over(order_by=order).label("position")
    inner = filtered(sa.select(*labelled, number)).subquery()
    step = inner.c.position - query.offset
    stmt = (
        sa.select(*(inner.c[f"key{i}"] for i in range(len(parts))))
        .where(step > 0, step % every == 0)
        .order_by(inner.c.position)
    )
    return stmt.limit(query.limit) if query.limit is not None else stmt


def _after(filtered: Callable[[Any], Any], parts: Sequence[SortPart], query: ListQuery) -> Any:
    """``filtered`` narrowed to the rows after ``query.after``: its seek segments
    (:func:`keyset_segments`) as one condition (an ``OR`` where a NULL splits them)."""
    assert query.after is not None
    segments = keyset_segments(parts, query.after, descending=query.descending)
    condition = sa.or_(*(sa.and_(*segment) for segment in segments)) if segments else sa.false()
    return lambda stmt: filtered(stmt).where(condition)


def _index_only(filtered: Callable[[Any], Any], live: Any, table: Any) -> Callable[[Any], Any]:
    return lambda stmt: index_only_live(filtered(stmt), live, table)


@cache  # one per table: aliasing a table copies its columns (milliseconds per statement)
def not_deleted_by_rowid(table: Any) -> Any:
    """``rowid NOT IN (rowids of the deleted rows)``: the live filter answered from
    the ``deleted_at`` index once (few rows) and then by rowid, which every index
    of ``table`` carries, so a walk of the sort's index reads no table row."""
    gone = table.alias(f"{table.name}_deleted")  # an alias: not correlated with ``table``
    deleted: Any = sa.select(sa.literal_column(f"{gone.name}.rowid")).where(
        gone.c.deleted_at.is_not(None)
    )
    return sa.literal_column(f"{table.name}.rowid", type_=sa.Integer).not_in(deleted)


def index_only_live(stmt: Any, live: Any, table: Any) -> Any:
    """``stmt`` with its ``live`` condition (a clause on ``deleted_at``, which the
    sort's index does not hold) replaced by :func:`not_deleted_by_rowid`."""
    swapped = not_deleted_by_rowid(table)

    def swap(element: Any) -> Any:
        if isinstance(element, sa.ColumnElement) and element.compare(live):
            return swapped
        return None

    options: dict[str, Any] = {}
    return visitors.replacement_traverse(stmt, options, swap)  # type: ignore[call-overload]  # a Select is traversible; the stubs list column elements


@cache
def light_row_type(name: str, fields: tuple[str, ...]) -> type[tuple[Any, ...]]:
    """A named tuple with the columns a list shows: no ORM state, no long texts."""
    return namedtuple(name, fields)
