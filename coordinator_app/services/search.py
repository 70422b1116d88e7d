"""Global search: substring search for Japanese from one character up.

The index is kept by :mod:`coordinator_app.storage.search_index` (one row per
searchable record, its text folded); this module answers queries on it,
grouped by kind (:meth:`RecordKind.searchable` order), newest first.
"""

from __future__ import annotations

import unicodedata
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from typing import Any

from coordinator_app.domain.fiscal import fiscal_year_range
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.validation import clean_text
from coordinator_app.services.access import Guarded, reads
from coordinator_app.services.search_aliases import expand, load_groups
from coordinator_app.storage.database import Database
from coordinator_app.storage.search_index import (
    KIND_QUERIES,
    KindQuery,
    as_date,
    day_of,
    fold,
    id_range,
)


@dataclass(frozen=True)
class Highlight:
    """A snippet split so the UI can emphasise the match without parsing markup."""

    before: str
    match: str
    after: str


@dataclass(frozen=True)
class SearchHit:
    kind: RecordKind
    record_id: uuid.UUID
    title: str
    held_on: date | None
    snippet: Highlight


@dataclass
class SearchResults:
    query: str
    groups: dict[RecordKind, list[SearchHit]] = field(default_factory=dict)
    more: dict[RecordKind, bool] = field(default_factory=dict)

    @property
    def total_shown(self) -> int:
        return sum(len(v) for v in self.groups.values())


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _is_token_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM" or ch in "ー々〆"


SNIPPET_RADIUS = 30
MAX_ARMS = 250
"""Kinds times spellings per statement (SQLite allows 500 selects in a compound one)."""


class _CharFolds(dict[int, str]):
    """Each character's search form by code point, computed on first sight (for
    ``str.translate``; a space folds to nothing: it is kept as itself)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = self[code] = fold(ch) or ch
        return folded


_CHAR_FOLDS = _CharFolds()


def _folded(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded character by character, and where each character's fold
    starts (None when every character folds to one: the offsets are the same).

    Folding one character at a time keeps the way back to the original text (NFKC
    may turn one character into several). The folds are cached by character, so a
    snippet is one ``str.translate``, not an NFKC call per character.
    """
    folded = text.translate(_CHAR_FOLDS)
    if len(folded) == len(text):
        return folded, None
    lengths = (len(_CHAR_FOLDS[ord(ch)]) for ch in text)
    return folded, list(accumulate(lengths, initial=0))


def _cut(text: str, folded: str, starts: list[int] | None, folded_query: str) -> Highlight | None:
    """``text`` cut around the first match of ``folded_query`` (None without one)."""
    position = folded.find(folded_query)
    if position < 0:
        return None
    count = len(text)
    end = position + len(folded_query)
    if starts is None:
        first, last = position, end
    else:
        first = bisect_right(starts, position, 0, count) - 1
        last = bisect_left(starts, end, 0, count)
    lead = max(0, first - SNIPPET_RADIUS)
    tail = min(count, last + SNIPPET_RADIUS * 2)
    before = ("…" if lead else "") + text[lead:first]
    after = text[last:tail] + ("…" if tail < count else "")
    return Highlight(" ".join(before.split()), text[first:last], " ".join(after.split()))


def _no_match(fields: Sequence[str]) -> Highlight:
    first_text = next((t for t in fields if t), "")
    short = " ".join(first_text.split())
    return Highlight("", "", short[: SNIPPET_RADIUS * 3])


def highlight(fields: Sequence[str], folded_query: str) -> Highlight:
    """The first field containing the query, cut around the match."""
    return _highlight_any(fields, [folded_query])


def _highlight_any(fields: Sequence[str], variants: Sequence[str]) -> Highlight:
    """The snippet of the first variant (the query, then its aliases) found in ``fields``.

    Each field is folded once, whatever the number of variants."""
    folded = [(text, *_folded(text)) for text in fields if text]
    for variant in variants:
        for text, folded_text, starts in folded:
            found = _cut(text, folded_text, starts, variant)
            if found is not None:
                return found
    return _no_match(fields)


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
        wanted = [
            k
            for k in RecordKind.searchable()
            if (kinds is None or k in kinds) and (fiscal_year is None or k.dated)
        ]
        with self.db.reading() as session:
            variants = expand(folded, load_groups(session))
            conn = session.connection()
            area_clause, area_params = "", []
            if area_id is not None:
                areas = [a.hex for a in self._area_subtree(session, area_id)]
                area_clause = f" AND e.area_id IN ({','.join('?' * len(areas))})"
                area_params = areas
            bounds = [(kind, *id_range(kind, first, last)) for kind in wanted]
            hits = self._hits(conn, bounds, variants, area_clause, area_params, per_kind)
            originals = self._originals(conn, hits, per_kind)
        for kind, rows in hits.items():
            results.more[kind] = len(rows) > per_kind
            results.groups[kind] = [
                SearchHit(
                    kind=kind,
                    record_id=uuid.UUID(rid),
                    title=title,
                    held_on=as_date(held),
                    snippet=_highlight_any(originals.get(rid, [title]), variants),
                )
                for rid, title, held, _rowid in rows[:per_kind]
            ]
        return results

    @reads
    def meeting_span(self) -> tuple[date, date] | None:
        """The first and the last 開催日 of the live meetings (None without any), read
        from the index: its meeting row ids are ordered by day, so each end is one seek
        (the meetings' own ``held_on_span`` gives the same days)."""
        low, high = id_range(RecordKind.MEETING)
        with self.db.reading() as session:
            row = (
                session.connection()
                .exec_driver_sql(
                    "SELECT (SELECT id FROM search_entry WHERE id BETWEEN ? AND ? "
                    "ORDER BY id LIMIT 1), (SELECT id FROM search_entry "
                    "WHERE id BETWEEN ? AND ? ORDER BY id DESC LIMIT 1)",
                    (low, high, low, high),
                )
                .one()
            )
        return None if row[0] is None else (day_of(row[0]), day_of(row[1]))

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

    @classmethod
    def _hits(
        cls,
        conn: Any,
        bounds: Sequence[tuple[RecordKind, int, int]],
        variants: Sequence[str],
        area_clause: str,
        area_params: Sequence[str],
        per_kind: int,
    ) -> dict[RecordKind, list[tuple[Any, ...]]]:
        """The newest ``per_kind + 1`` index rows of each kind, in one statement.

        Each kind and spelling is one arm (its own rowid range walked backwards, its
        own LIMIT: the plan of each arm is the plan it has alone), the arms joined by
        UNION ALL: one statement whatever the number of kinds, spellings and hits.
        """
        arms: list[tuple[str, tuple[Any, ...]]] = []
        for number, (_kind, low, high) in enumerate(bounds):
            for variant in variants:
                sql, term = cls._statement(variant, area_clause)
                params = (*term, low, high, *area_params, per_kind + 1)
                arms.append((f"SELECT {number}, * FROM ({sql})", params))
        found: list[dict[str, tuple[Any, ...]]] = [{} for _ in bounds]
        for start in range(0, len(arms), MAX_ARMS):  # SQLite's limit on compound selects
            part = arms[start : start + MAX_ARMS]
            sql = " UNION ALL ".join(arm for arm, _params in part)
            params = tuple(value for _arm, values in part for value in values)
            for row in conn.exec_driver_sql(sql, params).all():
                found[row[0]].setdefault(row[1], tuple(row[1:]))
        hits: dict[RecordKind, list[tuple[Any, ...]]] = {}
        for (kind, _low, _high), rows in zip(bounds, found, strict=True):
            if rows:
                newest = sorted(rows.values(), key=lambda r: r[3], reverse=True)
                hits[kind] = newest[: per_kind + 1]
        return hits

    @staticmethod
    def _originals(
        conn: Any, hits: dict[RecordKind, list[tuple[Any, ...]]], per_kind: int
    ) -> dict[str, list[str]]:
        """The original texts of the hits shown, for their snippets, in one statement
        (each kind's fields padded with NULL to the widest kind's; the padding is
        dropped again by the kind's own field count)."""
        arms: list[tuple[KindQuery, list[str]]] = [
            (KIND_QUERIES[kind], [r[0] for r in rows[:per_kind]]) for kind, rows in hits.items()
        ]
        if not arms:
            return {}
        widest = max(len(query.fields) for query, _ids in arms)
        sql = " UNION ALL ".join(
            f"SELECT {number}, *{', NULL' * (widest - len(query.fields))} FROM "
            f"({query.texts} AND {query.id_column} IN ({','.join('?' * len(ids))}))"
            for number, (query, ids) in enumerate(arms)
        )
        params = tuple(rid for _query, ids in arms for rid in ids)
        found: dict[str, list[str]] = {}
        for row in conn.exec_driver_sql(sql, params).all():
            count = len(arms[row[0]][0].fields)
            found[str(row[1])] = [v or "" for v in row[2 : 2 + count]]
        return found
