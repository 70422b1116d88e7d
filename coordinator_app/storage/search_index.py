"""Keeping the search index up to date: what each kind indexes, and its rows.

Every searchable record has one row in ``search_entry`` (see
:mod:`coordinator_app.storage.search_schema`) holding its folded text. The
services call :func:`refresh` inside the same transaction as the record itself
(save, soft delete, restore, and therefore imports and demo loads too); a
database restored from a backup carries its index, and :func:`rebuild_index`
recreates it from the records at any time. The query side is
:mod:`coordinator_app.services.search`.

Folding ignores the difference between hiragana and katakana and between
full-width and half-width forms (NFKC), so 「ﾐﾏﾓﾘ」 finds 「見守り」's reading
and 「サロン」 finds 「さろん」.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from coordinator_app.domain import kana
from coordinator_app.domain.record_kind import RecordKind

SEPARATOR = "\x1f"


@dataclass(frozen=True)
class SearchDocument:
    kind: str
    record_id: uuid.UUID
    title: str
    fields: Sequence[str]
    held_on: date | None = None
    area_id: uuid.UUID | None = None
    sort_day: date | None = None
    """The day that orders results (held_on, or the day an undated record was created)."""


def fold(text: str) -> str:
    """The search form of a text (see module docstring)."""
    return kana.normalise(text)


def folded_body(fields: Iterable[str]) -> str:
    return SEPARATOR.join(fold(f) for f in fields if f)


def bigram_tokens(body: str) -> str:
    """Overlapping character pairs of every word, plus each word's last character.

    ``社会福祉`` -> ``社会 会福 福祉 祉``: a two-character term is one token, a
    one-character term a prefix query.
    """
    tokens: list[str] = []
    for part in body.split(SEPARATOR):
        for word in part.split():
            tokens.extend(word[i : i + 2] for i in range(len(word) - 1))
            tokens.append(word[-1])
    return " ".join(tokens)


def _hex(value: uuid.UUID | None) -> str | None:
    return value.hex if value is not None else None


def _conn(session: Any) -> Any:
    return session.connection()


# Index row ids encode kind and day, so that "newest first" is descending rowid
# order and a kind (or a fiscal year of it) is a rowid range: FTS5 walks a range
# backwards and stops after the first page, whatever the number of matches.
KIND_SHIFT = 52
DAY_SHIFT = 20
DAY_SLOTS = 1 << DAY_SHIFT
REFRESH_CHUNK = 500
"""Records read per query when re-indexing many."""


def kind_number(kind: str) -> int:
    """The kind's number in the index (:attr:`RecordKind.search_number`)."""
    number = RecordKind(kind).search_number
    if number is None:
        raise ValueError(f"{kind} is not searchable")
    return number


def id_range(kind: str, first: date | None = None, last: date | None = None) -> tuple[int, int]:
    """Inclusive rowid bounds of ``kind`` (optionally of days ``first``..``last``)."""
    base = kind_number(kind) << KIND_SHIFT
    low = base + ((first.toordinal() << DAY_SHIFT) if first else 0)
    high = (
        base + ((last.toordinal() + 1) << DAY_SHIFT) - 1 if last else base + (1 << KIND_SHIFT) - 1
    )
    return low, high


def day_of(rowid: int) -> date:
    """The day encoded in an index row id (see :func:`id_range`)."""
    return date.fromordinal((rowid & ((1 << KIND_SHIFT) - 1)) >> DAY_SHIFT)


def _free_id(conn: Any, kind: str, day: date) -> int:
    low, high = id_range(kind, day, day)
    current = conn.exec_driver_sql(
        "SELECT max(id) FROM search_entry WHERE id BETWEEN ? AND ?", (low, high)
    ).scalar()
    if current is None:
        return low
    if current >= high:
        # A day holds a million slots per kind; reuse a gap if one is ever exhausted.
        used = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM search_entry WHERE id BETWEEN ? AND ?", (low, high)
            ).all()
        }
        return next(i for i in range(low, high + 1) if i not in used)
    return int(current) + 1


def _delete_row(conn: Any, rowid: int, body: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO search_bigram (search_bigram, rowid, bigrams) VALUES ('delete', ?, ?)",
        (rowid, bigram_tokens(body)),
    )
    conn.exec_driver_sql("DELETE FROM search_entry WHERE id = ?", (rowid,))


def index_document(session: Any, doc: SearchDocument) -> None:
    """Insert or replace the index row of one record (inside the caller's transaction)."""
    index_documents(session, [doc])


def index_documents(session: Any, docs: Iterable[SearchDocument]) -> None:
    """:func:`index_document` for many records, one ``executemany`` per statement."""
    conn = _conn(session)
    latest = {(d.kind, d.record_id): d for d in docs}  # the same record once
    if not latest:
        return
    old: dict[tuple[str, str], tuple[int, str]] = {}
    for kind in {k for k, _id in latest}:
        hexes = [rid.hex for k, rid in latest if k == kind]
        for start in range(0, len(hexes), REFRESH_CHUNK):
            part = hexes[start : start + REFRESH_CHUNK]
            for rowid, body, record in conn.exec_driver_sql(
                "SELECT id, body, record_id FROM search_entry WHERE kind = ? AND record_id IN"
                f" ({','.join('?' * len(part))})",
                (kind, *part),
            ):
                old[(kind, str(record))] = (int(rowid), str(body))
    unindexed: list[tuple[int, str]] = []
    dropped: list[tuple[int]] = []
    updated: list[tuple[Any, ...]] = []
    inserted: list[tuple[Any, ...]] = []
    indexed: list[tuple[int, str]] = []
    free: dict[tuple[str, date], int] = {}
    for doc in latest.values():
        body = folded_body(doc.fields)
        day = doc.sort_day or doc.held_on or date.today()
        params = (doc.title, body, doc.held_on, _hex(doc.area_id))
        low, high = id_range(doc.kind, day, day)
        before = old.get((doc.kind, doc.record_id.hex))
        if before is not None:
            unindexed.append((before[0], bigram_tokens(before[1])))
        if before is not None and low <= before[0] <= high:
            rowid = before[0]
            updated.append((*params, rowid))
        else:
            if before is not None:
                dropped.append((before[0],))
            rowid = free.get((doc.kind, day)) or _free_id(conn, doc.kind, day)
            if rowid > high:  # a full day (a million slots): look for a gap as one write does
                _write_index(conn, unindexed, dropped, updated, inserted, indexed)
                rowid = _free_id(conn, doc.kind, day)
            free[(doc.kind, day)] = rowid + 1
            inserted.append((rowid, doc.kind, doc.record_id.hex, *params))
        indexed.append((rowid, bigram_tokens(body)))
    _write_index(conn, unindexed, dropped, updated, inserted, indexed)


def _write_index(
    conn: Any,
    unindexed: list[tuple[int, str]],
    dropped: list[tuple[int]],
    updated: list[tuple[Any, ...]],
    inserted: list[tuple[Any, ...]],
    indexed: list[tuple[int, str]],
) -> None:
    """Run the collected index writes in :func:`index_document`'s order, then empty the lists."""
    statements = (
        (
            "INSERT INTO search_bigram (search_bigram, rowid, bigrams) VALUES ('delete', ?, ?)",
            unindexed,
        ),
        ("DELETE FROM search_entry WHERE id = ?", dropped),
        (
            "UPDATE search_entry SET title = ?, body = ?, held_on = ?, area_id = ? WHERE id = ?",
            updated,
        ),
        (
            "INSERT INTO search_entry (id, kind, record_id, title, body, held_on, area_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            inserted,
        ),
        ("INSERT INTO search_bigram (rowid, bigrams) VALUES (?, ?)", indexed),
    )
    for sql, params in statements:
        if params:
            conn.exec_driver_sql(sql, list(params))
            params.clear()


def remove_document(session: Any, kind: str, record_id: uuid.UUID) -> None:
    conn = _conn(session)
    old = conn.exec_driver_sql(
        "SELECT id, body FROM search_entry WHERE kind = ? AND record_id = ?",
        (kind, record_id.hex),
    ).first()
    if old is not None:
        _delete_row(conn, old[0], old[1])


# -- what is indexed: one query per kind, used to index, rebuild and show snippets --


@dataclass(frozen=True)
class KindQuery:
    """Columns: id, title, date (or NULL), sort day, area id, then the searchable fields.

    :attr:`texts` reads only the id and the searchable ``fields`` of the same live
    records, from ``texts_from`` (for snippets: without the joins that only give the
    area and the date).
    """

    sql: str
    id_column: str
    fields: tuple[str, ...]
    texts_from: str

    @property
    def texts(self) -> str:
        return f"SELECT {self.id_column}, {', '.join(self.fields)} {self.texts_from}"


KIND_QUERIES: dict[RecordKind, KindQuery] = {
    RecordKind.COORDINATOR: KindQuery(
        "SELECT id, name, NULL, date(created_at), NULL, name, kana, message, consult_topics, "
        "office_hours "
        "FROM coordinator WHERE deleted_at IS NULL",
        "id",
        ("name", "kana", "message", "consult_topics", "office_hours"),
        "FROM coordinator WHERE deleted_at IS NULL",
    ),
    RecordKind.CONTACT: KindQuery(
        "SELECT c.id, c.name, NULL, date(c.created_at), NULL, c.name, c.kana, c.role, o.name "
        "FROM contact c "
        "LEFT JOIN organisation o ON o.id = c.organisation_id WHERE c.deleted_at IS NULL",
        "c.id",
        ("c.name", "c.kana", "c.role", "o.name"),
        "FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id "
        "WHERE c.deleted_at IS NULL",
    ),
    RecordKind.ORGANISATION: KindQuery(
        "SELECT id, name, NULL, date(created_at), NULL, name, kana, address, notes "
        "FROM organisation "
        "WHERE deleted_at IS NULL",
        "id",
        ("name", "kana", "address", "notes"),
        "FROM organisation WHERE deleted_at IS NULL",
    ),
    RecordKind.COUNCIL: KindQuery(
        "SELECT id, name, established_on, coalesce(established_on, date(created_at)), area_id, "
        "name, kana, purpose, usual_venue "
        "FROM council WHERE deleted_at IS NULL",
        "id",
        ("name", "kana", "purpose", "usual_venue"),
        "FROM council WHERE deleted_at IS NULL",
    ),
    RecordKind.MEETING: KindQuery(
        "SELECT m.id, m.title, m.held_on, m.held_on, coalesce(c.area_id, p.area_id), m.title, "
        "m.venue, "
        "m.agenda, m.minutes, m.decisions FROM meeting m "
        "LEFT JOIN council c ON c.id = m.council_id LEFT JOIN project p ON p.id = m.project_id "
        "WHERE m.deleted_at IS NULL",
        "m.id",
        ("m.title", "m.venue", "m.agenda", "m.minutes", "m.decisions"),
        "FROM meeting m WHERE m.deleted_at IS NULL",
    ),
    RecordKind.ACTION_ITEM: KindQuery(
        "SELECT a.id, a.text, m.held_on, m.held_on, coalesce(c.area_id, p.area_id), a.text "
        "FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
        "LEFT JOIN council c ON c.id = m.council_id LEFT JOIN project p ON p.id = m.project_id "
        "WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL",
        "a.id",
        ("a.text",),
        "FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
        "WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL",
    ),
    RecordKind.PROJECT: KindQuery(
        "SELECT id, title, start_date, coalesce(start_date, date(created_at)), area_id, title, "
        "goal, outcome FROM project "
        "WHERE deleted_at IS NULL",
        "id",
        ("title", "goal", "outcome"),
        "FROM project WHERE deleted_at IS NULL",
    ),
    RecordKind.AREA: KindQuery(
        "SELECT id, name, NULL, date(created_at), id, name, kana, notes "
        "FROM area WHERE deleted_at IS NULL",
        "id",
        ("name", "kana", "notes"),
        "FROM area WHERE deleted_at IS NULL",
    ),
    RecordKind.GATHERING_PLACE: KindQuery(
        "SELECT id, name, NULL, date(created_at), area_id, name, kana, kind, meeting_place, "
        "address, schedule_label, contact_name, notes "
        "FROM gathering_place WHERE deleted_at IS NULL",
        "id",
        (
            "name",
            "kana",
            "kind",
            "meeting_place",
            "address",
            "schedule_label",
            "contact_name",
            "notes",
        ),
        "FROM gathering_place WHERE deleted_at IS NULL",
    ),
    RecordKind.PROGRESS_ENTRY: KindQuery(
        "SELECT e.id, substr(e.text, 1, 80), e.entry_date, e.entry_date, p.area_id, e.text "
        "FROM progress_entry e JOIN project p ON p.id = e.project_id "
        "WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL",
        "e.id",
        ("e.text",),
        "FROM progress_entry e JOIN project p ON p.id = e.project_id "
        "WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL",
    ),
}

# Records whose index rows depend on another record: kind -> [(child kind, child ids)].
DEPENDENTS: dict[RecordKind, tuple[tuple[RecordKind, str], ...]] = {
    RecordKind.ORGANISATION: (
        (RecordKind.CONTACT, "SELECT id FROM contact WHERE organisation_id = ?"),
    ),
    RecordKind.COUNCIL: ((RecordKind.MEETING, "SELECT id FROM meeting WHERE council_id = ?"),),
    RecordKind.PROJECT: (
        (RecordKind.PROGRESS_ENTRY, "SELECT id FROM progress_entry WHERE project_id = ?"),
        (RecordKind.MEETING, "SELECT id FROM meeting WHERE project_id = ?"),
    ),
    RecordKind.MEETING: (
        (RecordKind.ACTION_ITEM, "SELECT id FROM action_item WHERE meeting_id = ?"),
    ),
}


def _as_uuid(value: Any) -> uuid.UUID | None:
    if value is None:
        return None
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _document(kind: str, row: Sequence[Any]) -> SearchDocument:
    return SearchDocument(
        kind=kind,
        record_id=_as_uuid(row[0]),  # type: ignore[arg-type]
        title=" ".join((row[1] or "").split()),
        held_on=as_date(row[2]),
        sort_day=as_date(row[3]),
        area_id=_as_uuid(row[4]),
        fields=[v or "" for v in row[5:]],
    )


def refresh(session: Any, kind: str, record_ids: Iterable[uuid.UUID | str]) -> None:
    """Re-index records (and what depends on them) from their current rows.

    A record that is deleted, or whose parent is, leaves the index. The rows are
    read a few hundred ids per query (a pulled page refreshes thousands).
    """
    conn = _conn(session)
    kind = RecordKind(kind)
    query = KIND_QUERIES[kind]
    ids = [rid for rid in (_as_uuid(r) for r in record_ids) if rid is not None]
    for start in range(0, len(ids), REFRESH_CHUNK):
        part = ids[start : start + REFRESH_CHUNK]
        marks = ",".join("?" * len(part))
        hexes = tuple(rid.hex for rid in part)
        rows = {
            _as_uuid(row[0]): row
            for row in conn.exec_driver_sql(
                f"{query.sql} AND {query.id_column} IN ({marks})", hexes
            ).all()
        }
        for rid in part:
            if rid not in rows:
                remove_document(session, kind, rid)
        index_documents(session, [_document(kind, row) for row in rows.values()])
        for child_kind, child_sql in DEPENDENTS.get(kind, ()):
            # Every dependent query ends with "<parent column> = ?".
            many = child_sql.removesuffix("= ?") + f"IN ({marks})"
            children = [r[0] for r in conn.exec_driver_sql(many, hexes).all()]
            if children:
                refresh(session, child_kind, children)


def rebuild_index(connection: Any) -> int:
    """Empty and refill the search index from the records; returns the row count.

    ``connection`` is a SQLAlchemy Connection inside a transaction.
    """
    connection.exec_driver_sql("DELETE FROM search_entry")
    connection.exec_driver_sql("INSERT INTO search_bigram(search_bigram) VALUES ('delete-all')")
    count = 0
    tables = {
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        ).all()
    }
    for kind, query in KIND_QUERIES.items():
        if kind.table not in tables:
            # Migration 0004 rebuilds with today's queries, before later
            # migrations created newer kinds' tables.
            continue
        for row in connection.exec_driver_sql(query.sql).all():
            index_document(_Bound(connection), _document(kind, row))
            count += 1
    return count


class _Bound:
    """Lets the index functions run on a bare Connection (migrations)."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def connection(self) -> Any:
        return self._connection
