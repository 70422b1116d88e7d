"""A list's text filter narrowed by the search index where the term allows it.

The list filter itself stays what it was (see ``EntityService._filtered``): the
term as a ``LIKE '%term%'`` on the list's text columns, and folded on its
reading. On a long list a rare or absent word made SQLite read every row's
text. Here the search index (:mod:`coordinator_app.storage.search_schema`)
adds a second condition, ``id IN (ids whose indexed text contains the
folded term)``, which SQLite answers first; the ``LIKE`` then only checks those
rows, so the result is exactly the ``LIKE`` result.

That holds when every row the ``LIKE`` finds is among the index's ids, which
needs three things, checked here:

* the index holds every row the list can show with all the columns the filter
  reads (:data:`INDEXED_COLUMNS`; kinds whose index rows also need a live
  parent, and deleted rows, keep the ``LIKE`` alone);
* the folded record text contains the folded term wherever the record text
  contains the term. Folding is NFKC, katakana to hiragana and lower case
  (:func:`coordinator_app.domain.kana.normalise`); NFKC composes a character
  with the next (か + ゙ -> が), so the index is asked for the longest inner
  part of the term whose ends cannot join a neighbour (:func:`index_term`):
  a row holding the term holds that part too;
* the index can answer that part: three characters or more through the
  trigram index, two letters through the bigram index. Shorter parts, and
  parts with ``LIKE`` wildcards, keep the ``LIKE`` alone.

A common word (or one common in the long texts the index also holds, such
as minutes) would hand the ``IN`` thousands of ids, each read by id: past
:data:`CANDIDATE_CAP` ids that costs more than the ``LIKE`` walk it replaces,
so the ``LIKE`` stays alone (one bounded count on the index decides).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Container
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import cache
from typing import Any

import sqlalchemy as sa

from coordinator_app.domain import kana
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services import text_filter_pairs
from coordinator_app.storage.search_index import id_range

CANDIDATE_CAP = 2_000
"""More index ids than this: the ``LIKE`` alone is cheaper than the ``IN``.

Measured on the big city at scale 0.1 (benchmarks, 2-core machine): an id read
and checked costs about 20 µs, a row of the ``LIKE`` walk about 4 µs; 2,000 ids
stay under ~40 ms whatever the list's length."""

INDEXED_COLUMNS: dict[RecordKind, frozenset[str]] = {
    # The columns each kind's index row folds in (storage.search_index.KIND_QUERIES);
    # ``sort_kana`` is the folded ``kana`` (or the name without one), both indexed.
    RecordKind.COORDINATOR: frozenset(
        {"name", "kana", "sort_kana", "message", "consult_topics", "office_hours"}
    ),
    RecordKind.CONTACT: frozenset({"name", "kana", "sort_kana", "role"}),
    RecordKind.ORGANISATION: frozenset({"name", "kana", "sort_kana", "address", "notes"}),
    RecordKind.COUNCIL: frozenset({"name", "kana", "sort_kana", "purpose", "usual_venue"}),
    RecordKind.MEETING: frozenset({"title", "venue", "agenda", "minutes", "decisions"}),
    RecordKind.PROJECT: frozenset({"title", "goal", "outcome"}),
    RecordKind.AREA: frozenset({"name", "kana", "sort_kana", "notes"}),
    RecordKind.GATHERING_PLACE: frozenset(
        {
            "name",
            "kana",
            "sort_kana",
            "kind",
            "meeting_place",
            "address",
            "schedule_label",
            "contact_name",
            "notes",
        }
    ),
    # Not here: action items and progress entries (their index rows also need a
    # live meeting / project, their lists do not).
}


@dataclass(frozen=True)
class IndexTerm:
    """What to ask the index: the statement's FROM/WHERE part and its parameter."""

    source: str
    condition: str
    parameter: str


class CodeSet(Container[str]):
    """Characters given as code points and inclusive ranges (membership by bisection:
    nothing is built per character)."""

    def __init__(self, table: tuple[int | tuple[int, int], ...]) -> None:
        spans = sorted(item if isinstance(item, tuple) else (item, item) for item in table)
        self._firsts = [first for first, _ in spans]
        self._lasts = [last for _, last in spans]

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str) or len(item) != 1:
            return False
        code = ord(item)
        at = bisect_right(self._firsts, code) - 1
        return at >= 0 and code <= self._lasts[at]


@cache
def _composition_pairs() -> tuple[Container[str], Container[str]]:
    """Characters that start, and that end, a canonical composition pair: the table
    of :mod:`~coordinator_app.services.text_filter_pairs` where it is of this
    Python's Unicode version, else :func:`scan_composition_pairs`."""
    if unicodedata.unidata_version != text_filter_pairs.UNIDATA_VERSION:
        return scan_composition_pairs()
    return CodeSet(text_filter_pairs.FIRST), CodeSet(text_filter_pairs.SECOND)


def scan_composition_pairs() -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_composition_pairs` from ``unicodedata``: every code point's
    decomposition read (30-110 ms)."""
    first: set[str] = set()
    second: set[str] = set()
    # Every canonical pair lies below U+20000 (the planes above hold none).
    for code in range(0x20000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first.add(chr(int(parts[0], 16)))
            second.add(chr(int(parts[1], 16)))
    # Hangul: leading consonant + vowel, and syllable + trailing consonant.
    first.update(chr(c) for c in range(0x1100, 0x1113))
    first.update(chr(c) for c in range(0xAC00, 0xD7A4))
    first.update(chr(c) for c in range(0x1161, 0x1176))  # decomposed LV, before a T
    second.update(chr(c) for c in range(0x1161, 0x1176))
    second.update(chr(c) for c in range(0x11A8, 0x11C3))
    return frozenset(first), frozenset(second)


def _cases(ch: str) -> str:
    # SQLite's LIKE ignores ASCII case: the row may hold the other one.
    return ch.lower() + ch.upper() if ch.isascii() else ch


def _stable_start(ch: str) -> bool:
    """Nothing before ``ch`` can compose with it or reorder around it."""
    _first, second = _composition_pairs()
    for variant in _cases(ch):
        head = unicodedata.normalize("NFKD", variant)[:1]
        if not head or head.isspace() or unicodedata.combining(head) or head in second:
            return False
    return True


def _stable_end(ch: str) -> bool:
    """Nothing after ``ch`` can compose with it or reorder around it."""
    first, _second = _composition_pairs()
    for variant in _cases(ch):
        tail = unicodedata.normalize("NFKD", variant)[-1:]
        if not tail or tail.isspace() or unicodedata.combining(tail) or tail in first:
            return False
    return True


def _unicode61_letter(ch: str) -> bool:
    # The bigram index's tokenizer keeps letters and numbers (and private use).
    return unicodedata.category(ch)[0] in "LN"


def index_term(text: str) -> IndexTerm | None:
    """How the index finds every record whose text contains ``text``, or None.

    ``text`` is the filter term as the ``LIKE`` gets it (cleaned, not folded).
    """
    start, end = 0, len(text)
    while start < end and not _stable_start(text[start]):
        start += 1
    while end > start and not _stable_end(text[end - 1]):
        end -= 1
    inner = text[start:end]
    # Lower case depends on the next letter only for the Greek sigma (final form).
    if not inner or "Σ" in unicodedata.normalize("NFKC", inner):
        return None
    folded = kana.normalise(inner)
    if "%" in folded or "_" in folded:
        return None
    if len(folded) >= 3:
        return IndexTerm("search_trigram t", "t.body LIKE :text_filter_term", f"%{folded}%")
    if len(folded) == 2 and all(_unicode61_letter(ch) for ch in folded):
        return IndexTerm("search_bigram t", "search_bigram MATCH :text_filter_term", f'"{folded}"')
    return None


def covered(kind: RecordKind, columns: tuple[str, ...], kana_column: str | None) -> bool:
    """Whether the index holds all the text the list filter reads."""
    indexed = INDEXED_COLUMNS.get(kind)
    if indexed is None:
        return False
    wanted = set(columns) | ({kana_column} if kana_column else set())
    return wanted <= indexed


def narrowing(
    *,
    kind: RecordKind,
    table: str,
    text: str,
    columns: tuple[str, ...],
    kana_column: str | None,
    include_deleted: bool,
    reading: Callable[[], AbstractContextManager[Any]],
) -> Any | None:
    """An ``id IN (index ids)`` condition to add to the ``LIKE`` filter, or None.

    Args:
        kind: the list's record kind.
        table: its table name.
        text: the cleaned filter term.
        columns: the columns the ``LIKE`` reads (``text_columns``).
        kana_column: the folded reading column the ``LIKE`` also reads.
        include_deleted: deleted records are shown (they are not indexed).
        reading: opens a read session (for the bounded count on the index).
    """
    if include_deleted or not covered(kind, columns, kana_column):
        return None
    term = index_term(text)
    if term is None:
        return None
    low, high = id_range(kind)
    ids = (
        f"SELECT e.record_id FROM {term.source} CROSS JOIN search_entry e ON e.id = t.rowid "
        f"WHERE {term.condition} AND t.rowid BETWEEN :text_filter_low AND :text_filter_high"
    )
    params = {"text_filter_term": term.parameter, "text_filter_low": low, "text_filter_high": high}
    with reading() as session:
        found = (
            session.connection()
            .execute(sa.text(f"SELECT count(*) FROM ({ids} LIMIT {CANDIDATE_CAP + 1})"), params)
            .scalar_one()
        )
    if found > CANDIDATE_CAP:
        return None
    return sa.text(f"{table}.id IN ({ids})").bindparams(**params)


def narrow(service: Any, stmt: Any, text: str, *, include_deleted: bool) -> Any:
    """``stmt`` (an ``EntityService`` list statement filtered by ``text`` with the
    ``LIKE``) with :func:`narrowing`'s condition added where it applies."""
    condition = narrowing(
        kind=service.kind,
        table=str(service.model.__tablename__),
        text=text,
        columns=service.text_columns,
        kana_column=service.kana_column,
        include_deleted=include_deleted,
        reading=service.db.reading,
    )
    return stmt if condition is None else stmt.where(condition)
