"""Global search: substring search for Japanese from one character up.

Every searchable record has one row in ``search_entry`` (see
:mod:`coordinator_app.storage.search_schema`) holding its folded text. The
services keep it up to date inside the same transaction as the record itself
(save, soft delete, restore, and therefore imports and demo loads too); a
database restored from a backup carries its index, and :func:`rebuild_index`
recreates it from the records at any time.

Folding ignores the difference between hiragana and katakana and between
full-width and half-width forms (NFKC), so 「ﾐﾏﾓﾘ」 finds 「見守り」's reading
and 「サロン」 finds 「さろん」.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coordinator_app.domain import kana
from coordinator_app.domain.fiscal import fiscal_year_range
from coordinator_app.domain.validation import clean_text
from coordinator_app.services.access import Guarded, reads
from coordinator_app.services.search_aliases import expand, load_groups
from coordinator_app.storage.database import Database

SEPARATOR = "\x1f"
KINDS: tuple[str, ...] = (
    "meeting",
    "progress_entry",
    "action_item",
    "project",
    "council",
    "organisation",
    "contact",
    "coordinator",
    "area",
    "gathering_place",
)
"""Search kinds; the position is part of every index row id, so new kinds go last."""
UNDATED_KINDS = frozenset({"coordinator", "contact", "organisation", "area", "gathering_place"})
KIND_LABELS = {
    "meeting": "会議",
    "progress_entry": "進捗",
    "action_item": "対応事項",
    "project": "プロジェクト",
    "council": "協議体",
    "organisation": "関係機関",
    "contact": "担当者",
    "coordinator": "コーディネーター",
    "area": "地域",
    "gathering_place": "通いの場",
}


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


def kind_number(kind: str) -> int:
    return KINDS.index(kind) + 1


def id_range(kind: str, first: date | None = None, last: date | None = None) -> tuple[int, int]:
    """Inclusive rowid bounds of ``kind`` (optionally of days ``first``..``last``)."""
    base = kind_number(kind) << KIND_SHIFT
    low = base + ((first.toordinal() << DAY_SHIFT) if first else 0)
    high = (
        base + ((last.toordinal() + 1) << DAY_SHIFT) - 1 if last else base + (1 << KIND_SHIFT) - 1
    )
    return low, high


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
    conn = _conn(session)
    body = folded_body(doc.fields)
    day = doc.sort_day or doc.held_on or date.today()
    old = conn.exec_driver_sql(
        "SELECT id, body FROM search_entry WHERE kind = ? AND record_id = ?",
        (doc.kind, doc.record_id.hex),
    ).first()
    params = (doc.title, body, doc.held_on, _hex(doc.area_id))
    low, high = id_range(doc.kind, day, day)
    if old is not None and low <= old[0] <= high:
        rowid = old[0]
        conn.exec_driver_sql(
            "INSERT INTO search_bigram (search_bigram, rowid, bigrams) VALUES ('delete', ?, ?)",
            (rowid, bigram_tokens(old[1])),
        )
        conn.exec_driver_sql(
            "UPDATE search_entry SET title = ?, body = ?, held_on = ?, area_id = ? WHERE id = ?",
            (*params, rowid),
        )
    else:
        if old is not None:
            _delete_row(conn, old[0], old[1])
        rowid = _free_id(conn, doc.kind, day)
        conn.exec_driver_sql(
            "INSERT INTO search_entry (id, kind, record_id, title, body, held_on, area_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (rowid, doc.kind, doc.record_id.hex, *params),
        )
    conn.exec_driver_sql(
        "INSERT INTO search_bigram (rowid, bigrams) VALUES (?, ?)", (rowid, bigram_tokens(body))
    )


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
    """Columns: id, title, date (or NULL), sort day, area id, then the searchable fields."""

    sql: str
    id_column: str


KIND_QUERIES: dict[str, KindQuery] = {
    "coordinator": KindQuery(
        "SELECT id, name, NULL, date(created_at), NULL, name, kana, message, consult_topics, "
        "office_hours "
        "FROM coordinator WHERE deleted_at IS NULL",
        "id",
    ),
    "contact": KindQuery(
        "SELECT c.id, c.name, NULL, date(c.created_at), NULL, c.name, c.kana, c.role, o.name "
        "FROM contact c "
        "LEFT JOIN organisation o ON o.id = c.organisation_id WHERE c.deleted_at IS NULL",
        "c.id",
    ),
    "organisation": KindQuery(
        "SELECT id, name, NULL, date(created_at), NULL, name, kana, address, notes "
        "FROM organisation "
        "WHERE deleted_at IS NULL",
        "id",
    ),
    "council": KindQuery(
        "SELECT id, name, established_on, coalesce(established_on, date(created_at)), area_id, "
        "name, kana, purpose, usual_venue "
        "FROM council WHERE deleted_at IS NULL",
        "id",
    ),
    "meeting": KindQuery(
        "SELECT m.id, m.title, m.held_on, m.held_on, coalesce(c.area_id, p.area_id), m.title, "
        "m.venue, "
        "m.agenda, m.minutes, m.decisions FROM meeting m "
        "LEFT JOIN council c ON c.id = m.council_id LEFT JOIN project p ON p.id = m.project_id "
        "WHERE m.deleted_at IS NULL",
        "m.id",
    ),
    "action_item": KindQuery(
        "SELECT a.id, a.text, m.held_on, m.held_on, coalesce(c.area_id, p.area_id), a.text "
        "FROM action_item a JOIN meeting m ON m.id = a.meeting_id "
        "LEFT JOIN council c ON c.id = m.council_id LEFT JOIN project p ON p.id = m.project_id "
        "WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL",
        "a.id",
    ),
    "project": KindQuery(
        "SELECT id, title, start_date, coalesce(start_date, date(created_at)), area_id, title, "
        "goal, outcome FROM project "
        "WHERE deleted_at IS NULL",
        "id",
    ),
    "area": KindQuery(
        "SELECT id, name, NULL, date(created_at), id, name, kana, notes "
        "FROM area WHERE deleted_at IS NULL",
        "id",
    ),
    "gathering_place": KindQuery(
        "SELECT id, name, NULL, date(created_at), area_id, name, kana, kind, meeting_place, "
        "address, schedule_label, contact_name, notes "
        "FROM gathering_place WHERE deleted_at IS NULL",
        "id",
    ),
    "progress_entry": KindQuery(
        "SELECT e.id, substr(e.text, 1, 80), e.entry_date, e.entry_date, p.area_id, e.text "
        "FROM progress_entry e JOIN project p ON p.id = e.project_id "
        "WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL",
        "e.id",
    ),
}

# Records whose index rows depend on another record: kind -> [(child kind, child ids)].
DEPENDENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "organisation": (("contact", "SELECT id FROM contact WHERE organisation_id = ?"),),
    "council": (("meeting", "SELECT id FROM meeting WHERE council_id = ?"),),
    "project": (
        ("progress_entry", "SELECT id FROM progress_entry WHERE project_id = ?"),
        ("meeting", "SELECT id FROM meeting WHERE project_id = ?"),
    ),
    "meeting": (("action_item", "SELECT id FROM action_item WHERE meeting_id = ?"),),
}


def _as_uuid(value: Any) -> uuid.UUID | None:
    if value is None:
        return None
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _document(kind: str, row: Sequence[Any]) -> SearchDocument:
    return SearchDocument(
        kind=kind,
        record_id=_as_uuid(row[0]),  # type: ignore[arg-type]
        title=" ".join((row[1] or "").split()),
        held_on=_as_date(row[2]),
        sort_day=_as_date(row[3]),
        area_id=_as_uuid(row[4]),
        fields=[v or "" for v in row[5:]],
    )


def refresh(session: Any, kind: str, record_ids: Iterable[uuid.UUID | str]) -> None:
    """Re-index records (and what depends on them) from their current rows.

    A record that is deleted, or whose parent is, leaves the index.
    """
    conn = _conn(session)
    query = KIND_QUERIES[kind]
    for record_id in record_ids:
        rid = _as_uuid(record_id)
        assert rid is not None
        row = conn.exec_driver_sql(f"{query.sql} AND {query.id_column} = ?", (rid.hex,)).first()
        if row is None:
            remove_document(session, kind, rid)
        else:
            index_document(session, _document(kind, row))
        for child_kind, child_sql in DEPENDENTS.get(kind, ()):
            children = [r[0] for r in conn.exec_driver_sql(child_sql, (rid.hex,)).all()]
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
        if kind not in tables:
            # Each kind is named after its table. Migration 0004 rebuilds with
            # today's queries, before later migrations created newer kinds' tables.
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


# -- querying -------------------------------------------------------------------------


@dataclass(frozen=True)
class Highlight:
    """A snippet split so the UI can emphasise the match without parsing markup."""

    before: str
    match: str
    after: str


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: uuid.UUID
    title: str
    held_on: date | None
    snippet: Highlight


@dataclass
class SearchResults:
    query: str
    groups: dict[str, list[SearchHit]] = field(default_factory=dict)
    more: dict[str, bool] = field(default_factory=dict)

    @property
    def total_shown(self) -> int:
        return sum(len(v) for v in self.groups.values())


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _is_token_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM" or ch in "ー々〆"


SNIPPET_RADIUS = 30


def highlight(fields: Sequence[str], folded_query: str) -> Highlight:
    """The first field containing the query, cut around the match."""
    for text in fields:
        if not text:
            continue
        folded_chars = [fold(ch) or ch for ch in text]
        folded = "".join(folded_chars)
        position = folded.find(folded_query)
        if position < 0:
            continue
        # Map folded offsets back to original characters.
        starts, offset = [], 0
        for chunk in folded_chars:
            starts.append(offset)
            offset += len(chunk)
        first = max(i for i, s in enumerate(starts) if s <= position)
        end = position + len(folded_query)
        last = min((i for i, s in enumerate(starts) if s >= end), default=len(text))
        lead = max(0, first - SNIPPET_RADIUS)
        tail = min(len(text), last + SNIPPET_RADIUS * 2)
        before = ("…" if lead else "") + text[lead:first]
        after = text[last:tail] + ("…" if tail < len(text) else "")
        return Highlight(" ".join(before.split()), text[first:last], " ".join(after.split()))
    first_text = next((t for t in fields if t), "")
    short = " ".join(first_text.split())
    return Highlight("", "", short[: SNIPPET_RADIUS * 3])


def _highlight_any(fields: Sequence[str], variants: Sequence[str]) -> Highlight:
    """The snippet of the first variant (the query, then its aliases) found in ``fields``."""
    for variant in variants:
        found = highlight(fields, variant)
        if found.match:
            return found
    return highlight(fields, variants[0])


class SearchService(Guarded):
    """Searches the index; results grouped by kind, newest first."""

    def __init__(self, db: Database, *, area_subtree: Callable[[Any, uuid.UUID], list[uuid.UUID]]):
        self.db = db
        self._area_subtree = area_subtree

    @reads
    def search(
        self,
        query: str,
        *,
        kinds: Sequence[str] | None = None,
        fiscal_year: int | None = None,
        area_id: uuid.UUID | None = None,
        per_kind: int = 10,
    ) -> SearchResults:
        """Up to ``per_kind`` hits of each kind, newest first, and whether more exist.

        The query also finds what its aliases spell (社協 finds 社会福祉協議会; see
        :mod:`coordinator_app.services.search_aliases`). A fiscal-year filter keeps
        dated records only (meetings, action items, progress entries, projects and
        councils).
        """
        # Any string is a query: lone surrogates (which cannot be encoded for
        # SQLite), control and invisible characters are dropped first.
        query = clean_text(query)
        folded = fold(query)
        results = SearchResults(query=query)
        if not folded:
            return results
        first = last = None
        if fiscal_year is not None:
            first, last = fiscal_year_range(fiscal_year)
        wanted = [k for k in KINDS if kinds is None or k in kinds]
        with self.db.reading() as session:
            variants = expand(folded, load_groups(session))
            conn = session.connection()
            area_clause, area_params = "", []
            if area_id is not None:
                areas = [a.hex for a in self._area_subtree(session, area_id)]
                area_clause = f" AND e.area_id IN ({','.join('?' * len(areas))})"
                area_params = areas
            hits: dict[str, list[tuple[Any, ...]]] = {}
            for kind in wanted:
                if fiscal_year is not None and kind in UNDATED_KINDS:
                    continue
                low, high = id_range(kind, first, last)
                found: dict[str, tuple[Any, ...]] = {}
                for variant in variants:
                    sql, params = self._statement(variant, area_clause)
                    for row in conn.exec_driver_sql(
                        sql, (*params, low, high, *area_params, per_kind + 1)
                    ).all():
                        found.setdefault(row[0], tuple(row))
                rows = sorted(found.values(), key=lambda r: r[3], reverse=True)[: per_kind + 1]
                if rows:
                    hits[kind] = rows
            originals = self._originals(conn, hits)
        for kind, rows in hits.items():
            results.more[kind] = len(rows) > per_kind
            results.groups[kind] = [
                SearchHit(
                    kind=kind,
                    record_id=uuid.UUID(rid),
                    title=title,
                    held_on=_as_date(held),
                    snippet=_highlight_any(originals.get(rid, [title]), variants),
                )
                for rid, title, held, _rowid in rows[:per_kind]
            ]
        return results

    @staticmethod
    def _statement(folded: str, area_clause: str) -> tuple[str, tuple[Any, ...]]:
        """SQL walking one rowid range backwards, and the term's parameters.

        Three characters or more: the trigram index answers ``LIKE '%term%'``
        exactly. Two: one bigram token. One: a bigram prefix query. Terms with
        LIKE wildcards or characters the bigram tokenizer drops scan the range.
        """
        columns = "SELECT e.record_id, e.title, e.held_on, e.id"
        tail = f"{area_clause} ORDER BY t.rowid DESC LIMIT ?"
        plain = "%" not in folded and "_" not in folded
        if plain and len(folded) >= 3:
            return (
                f"{columns} FROM search_trigram t CROSS JOIN search_entry e ON e.id = t.rowid "
                f"WHERE t.body LIKE ? AND t.rowid BETWEEN ? AND ?{tail}",
                (f"%{folded}%",),
            )
        if plain and all(_is_token_char(ch) for ch in folded):
            phrase = _fts_phrase(folded) + ("" if len(folded) == 2 else "*")
            return (
                f"{columns} FROM search_bigram t CROSS JOIN search_entry e ON e.id = t.rowid "
                f"WHERE search_bigram MATCH ? AND t.rowid BETWEEN ? AND ?{tail}",
                (phrase,),
            )
        escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return (
            f"{columns} FROM search_entry e WHERE e.body LIKE ? ESCAPE '\\' "
            f"AND e.id BETWEEN ? AND ?{area_clause} ORDER BY e.id DESC LIMIT ?",
            (f"%{escaped}%",),
        )

    @staticmethod
    def _originals(conn: Any, hits: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[str]]:
        """The records' original texts, for the snippets (only for the shown hits)."""
        found: dict[str, list[str]] = {}
        for kind, rows in hits.items():
            query = KIND_QUERIES[kind]
            ids = tuple(r[0] for r in rows)
            marks = ",".join("?" * len(ids))
            sql = f"{query.sql} AND {query.id_column} IN ({marks})"
            for row in conn.exec_driver_sql(sql, ids).all():
                found[str(row[0])] = [v or "" for v in row[5:]]
        return found
