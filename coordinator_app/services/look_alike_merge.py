"""Merging one look-alike record into another (see :mod:`coordinator_app.services.look_alikes`).

Every reference to the merged record, found from the model metadata (each
foreign key pointing at its table), is re-pointed to the kept one. A link row
whose id is derived from what it joins (:func:`coordinator_app.domain.ids.link_id`)
is not changed in place: the link with the new derived id is made, revived or
joined, and the old one soft-deleted. Empty fields of the kept record are
filled from the merged one; the merged record is soft-deleted. Runs inside the
caller's transaction.

A merge records what it wrote (:class:`MergeLog`: per row, each field's value
before and after, and the link rows it made), so :func:`unmerge` can take it
back exactly: every field the merge wrote gets its old value again (the merged
record comes back, re-pointed references point at it again, the old derived
links are revived) and the links it made are soft-deleted, as one transaction.
A row changed again since the merge (an edit, a pulled change) is not
overwritten: the undo is refused instead.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from coordinator_app.domain import kana
from coordinator_app.domain.ids import link_id
from coordinator_app.domain.models import ALL_TABLES, Area, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import NotFoundError, now
from coordinator_app.storage import search_index

_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "deleted_at", "sort_kana"})

MSG_AREA_CYCLE = QT_TRANSLATE_NOOP(
    "look_alikes", "地域をその下位の地域に統合することはできません(地域の階層が循環します)"
)
MSG_CHANGED_SINCE = QT_TRANSLATE_NOOP(
    "look_alikes",
    "統合した後に、関係する記録がこの端末または他の端末で変更されたため、統合を元に戻せません。",
)

RowKey = tuple[str, uuid.UUID]
"""(table name, row id)."""


@dataclass
class MergeLog:
    """What one merge wrote, to take it back exactly (:func:`unmerge`)."""

    fields: dict[RowKey, dict[str, tuple[Any, Any]]] = field(default_factory=dict)
    """Rows that existed before: field -> (value before, value after the merge)
    (``updated_at`` left out: the undo is a change of its own)."""
    created: list[RowKey] = field(default_factory=list)
    """Rows the merge inserted (derived-id links for the kept record)."""


@dataclass
class MergeResult:
    """What one merge changed."""

    kind: RecordKind
    kept_id: uuid.UUID
    merged_id: uuid.UUID
    filled: tuple[str, ...]
    """Fields of the kept record filled from the merged one."""
    repointed: dict[str, int] = field(default_factory=dict)
    """``table.column`` -> rows re-pointed in place."""
    links_moved: int = 0
    """Derived-id links made (or revived) for the kept record."""
    links_joined: int = 0
    """Links the kept record already had: the merged record's copy was only removed."""
    log: MergeLog = field(default_factory=MergeLog)
    """Every field the merge wrote, for an exact undo."""


def _references(target: sa.Table) -> list[tuple[type[Record], str]]:
    """Every (model, column) whose foreign key points at ``target``, from the metadata."""
    found = []
    for model in ALL_TABLES:
        for fk in model.__table__.foreign_keys:
            if fk.column.table is target:
                found.append((model, fk.parent.name))
    return found


def _fk_columns(model: type[Record]) -> list[str]:
    return sorted(fk.parent.name for fk in model.__table__.foreign_keys)


def _is_derived(row: Record, fk_columns: Sequence[str]) -> bool:
    """True when ``row``'s id is the one derived from what it joins."""
    ends = {c: getattr(row, c) for c in fk_columns}
    if any(not isinstance(v, uuid.UUID) for v in ends.values()):
        return False
    return row.id == link_id(row.__table__.name, ends)


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == b""


def merge_into(
    session: Session,
    model: type[Record],
    kind: RecordKind,
    keep: uuid.UUID,
    merge: uuid.UUID,
) -> MergeResult:
    log = MergeLog()
    with _recording(session, log):
        result = _merge(session, model, kind, keep, merge)
    result.log = log
    return result


def _merge(
    session: Session,
    model: type[Record],
    kind: RecordKind,
    keep: uuid.UUID,
    merge: uuid.UUID,
) -> MergeResult:
    kept = _live(session, model, kind, keep)
    merged = _live(session, model, kind, merge)
    if kind is RecordKind.AREA and kept.parent_id == merged.id:
        kept.parent_id = merged.parent_id  # the kept area takes the merged one's place
    filled = _fill(kept, merged)
    result = MergeResult(kind=kind, kept_id=keep, merged_id=merge, filled=filled)
    touched = _repoint(session, model, merged.id, kept.id, result)
    stamp = now()
    kept.updated_at = stamp
    merged.deleted_at = merged.updated_at = stamp
    session.flush()
    if kind is RecordKind.AREA:
        _refuse_cycle(session, kept.id)
    touched[kind] |= {keep, merge}
    for touched_kind, ids in touched.items():
        if touched_kind in search_index.KIND_QUERIES:
            search_index.refresh(session, touched_kind, ids)
    return result


def _repoint(
    session: Session,
    model: type[Record],
    old: uuid.UUID,
    new: uuid.UUID,
    result: MergeResult,
) -> dict[RecordKind, set[uuid.UUID]]:
    touched: dict[RecordKind, set[uuid.UUID]] = defaultdict(set)
    for ref_model, column in _references(model.__table__):
        rows = session.exec(select(ref_model).where(getattr(ref_model, column) == old)).all()
        fk_columns = _fk_columns(ref_model)
        for row in rows:
            if row.id == new:
                continue  # the kept area's own parent pointer: _refuse_cycle decides
            if _is_derived(row, fk_columns):
                if row.deleted_at is None:
                    _move_link(session, row, column, new, fk_columns, result)
                continue
            setattr(row, column, new)
            row.updated_at = now()
            name = f"{ref_model.__table__.name}.{column}"
            result.repointed[name] = result.repointed.get(name, 0) + 1
            if row.deleted_at is None and _duplicate(session, row):
                # The kept record was already a member of that council with the same
                # role and dates: one membership, not two.
                row.deleted_at = row.updated_at
                result.links_joined += 1
            ref_kind = RecordKind.of_table(ref_model.__table__.name)
            if ref_kind is not None:
                touched[ref_kind].add(row.id)
    session.flush()
    return touched


def _duplicate(session: Session, row: Record) -> bool:
    """True when ``row`` is a plain child row (a membership, a post: no kind of its own
    in the search, nothing refers to it) and another live row has all its values."""
    table = row.__table__
    if RecordKind.of_table(table.name) in search_index.KIND_QUERIES or _referenced(table):
        return False
    session.flush()
    same = [table.c[name] == getattr(row, name) for name in _data_columns(type(row))]
    found = session.execute(
        sa.select(table.c.id)
        .where(table.c.id != row.id, table.c.deleted_at.is_(None), *same)
        .limit(1)
    ).first()
    return found is not None


def _referenced(table: sa.Table) -> bool:
    return any(fk.column.table is table for m in ALL_TABLES for fk in m.__table__.foreign_keys)


def _move_link(
    session: Session,
    row: Record,
    column: str,
    new: uuid.UUID,
    fk_columns: Sequence[str],
    result: MergeResult,
) -> None:
    """Replace a derived-id link by the one joining ``new``; soft-delete the old one."""
    link_model = type(row)
    ends = {c: getattr(row, c) for c in fk_columns}
    ends[column] = new
    new_id = link_id(link_model.__table__.name, ends)
    stamp = now()
    target = session.get(link_model, new_id)
    if target is not None and target.deleted_at is None:
        _fill(target, row)
        target.updated_at = stamp
        result.links_joined += 1
    else:
        if target is None:
            values = {c.name: getattr(row, c.name) for c in link_model.__table__.columns}
            values.update(ends, id=new_id)
            target = link_model(**values)
            session.add(target)
        else:
            for name in _data_columns(link_model):
                setattr(target, name, getattr(row, name))
            target.deleted_at = None
        target.updated_at = stamp
        result.links_moved += 1
    row.deleted_at = row.updated_at = stamp


def _live(session: Session, model: type[Record], kind: RecordKind, record_id: uuid.UUID) -> Any:
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        raise NotFoundError(kind, record_id)
    return obj


def _data_columns(model: type[Record]) -> list[str]:
    return [c.name for c in model.__table__.columns if c.name not in _BOOKKEEPING]


def _fill(kept: Any, merged: Any) -> tuple[str, ...]:
    """Fill empty fields of ``kept`` from ``merged``; returns the fields filled."""
    filled = []
    for name in _data_columns(type(kept)):
        if name == "parent_id" and getattr(merged, name) == kept.id:
            continue
        mine, theirs = getattr(kept, name), getattr(merged, name)
        if isinstance(mine, bool) or not _is_empty(mine) or _is_empty(theirs):
            continue
        setattr(kept, name, theirs)
        filled.append(name)
    if "kana" in filled:
        kept.sort_kana = kana.sort_key(kept.kana, kept.name)
    return tuple(filled)


def _refuse_cycle(session: Session, area_id: uuid.UUID) -> None:
    seen = {area_id}
    current = session.get(Area, area_id)
    while current is not None and current.parent_id is not None:
        if current.parent_id in seen:
            raise ValidationError({"general": Message("look_alikes", MSG_AREA_CYCLE)})
        seen.add(current.parent_id)
        current = session.get(Area, current.parent_id)


# -- recording and taking back -------------------------------------------------


@contextmanager
def _recording(session: Session, log: MergeLog) -> Iterator[None]:
    """Note in ``log`` every row the session inserts and every field it changes
    (at each flush, from the ORM's attribute history) until the block ends."""

    def before_flush(flushing: Session, _context: Any, _instances: Any) -> None:
        for obj in flushing.new:
            if isinstance(obj, Record):
                log.created.append((obj.__table__.name, obj.id))
        for obj in flushing.dirty:
            if isinstance(obj, Record):
                _note_fields(log, obj)

    sa.event.listen(session, "before_flush", before_flush)
    try:
        yield
        session.flush()
    finally:
        sa.event.remove(session, "before_flush", before_flush)
    created = set(log.created)
    for key in list(log.fields):
        changed = {n: pair for n, pair in log.fields[key].items() if pair[0] != pair[1]}
        if key in created or not changed:
            del log.fields[key]
        else:
            log.fields[key] = changed


def _note_fields(log: MergeLog, obj: Record) -> None:
    state = sa.inspect(obj)
    key = (obj.__table__.name, obj.id)
    for attr in state.mapper.column_attrs:
        if attr.key == "updated_at":
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        noted = log.fields.setdefault(key, {})
        first = noted.get(attr.key, (before, after))[0]  # changed twice: the first before
        noted[attr.key] = (first, after)


_MODELS: dict[str, type[Record]] = {m.__table__.name: m for m in ALL_TABLES}


def unmerge(session: Session, logs: Sequence[MergeLog]) -> set[RowKey]:
    """Take back the merges of ``logs`` (latest last) in the caller's transaction.

    Returns the rows changed (to refresh their search entries).

    Raises:
        ValidationError: a field the merge wrote has been changed since (here
            or by a pulled change): nothing is taken back.
    """
    touched: set[RowKey] = set()
    stamp = now()
    for log in reversed(logs):
        for key, fields in log.fields.items():
            row = session.get(_MODELS[key[0]], key[1])
            if row is None or any(getattr(row, n) != after for n, (_b, after) in fields.items()):
                raise ValidationError({"general": Message("look_alikes", MSG_CHANGED_SINCE)})
            for name, (before, _after) in fields.items():
                setattr(row, name, before)
            row.updated_at = stamp
            touched.add(key)
        for key in log.created:
            made = session.get(_MODELS[key[0]], key[1])
            if made is not None and made.deleted_at is None:
                made.deleted_at = made.updated_at = stamp
                touched.add(key)
        session.flush()
    for kind, ids in _by_kind(touched).items():
        if kind in search_index.KIND_QUERIES:
            search_index.refresh(session, kind, ids)
    return touched


def _by_kind(rows: set[RowKey]) -> dict[RecordKind, set[uuid.UUID]]:
    found: dict[RecordKind, set[uuid.UUID]] = defaultdict(set)
    for table, row_id in rows:
        kind = RecordKind.of_table(table)
        if kind is not None:
            found[kind].add(row_id)
    return found
