"""Look-alike records: the same thing kept twice under different ids, merged by a person.

A desk that held data before it joined a municipality uploads its records
merged by id, so the 「若葉台町会」 typed on two desks years apart arrives as
two records. Nothing merges them silently: :meth:`LookAlikeService.groups`
lists records of one kind whose name and ふりがな are the same after folding
(width, katakana/hiragana, spaces), and a person either merges them
(:meth:`LookAlikeService.merge`) or says they are different things
(:meth:`LookAlikeService.keep_apart`).

A merge is one user action, so one sync transaction: every reference to the
merged record (foreign keys found in the model metadata) is re-pointed to the
kept one, empty fields of the kept record are filled from the merged one, and
the merged record is soft-deleted. A link row whose id is derived from what
it joins (:func:`coordinator_app.domain.ids.link_id`) is not re-pointed in
place: the link with the new derived id is made (or revived, or joined when it
already exists) and the old one soft-deleted, so the same link re-pointed on
two desks is still one row.

"Different things" is remembered in a municipality setting per pair (key
``look_alike.distinct.<id>.<id>``, id derived from the key): a decision about
municipality-wide records is the municipality's, so another desk neither
lists the pair again nor merges it against the decision, and the same
decision taken on two desks is one row.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain import kana
from coordinator_app.domain.ids import link_id, setting_id
from coordinator_app.domain.models import (
    ALL_TABLES,
    Area,
    Contact,
    Coordinator,
    Council,
    GatheringPlace,
    Organisation,
    Record,
    Setting,
)
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.base import NotFoundError, now
from coordinator_app.storage import search_index
from coordinator_app.storage.database import Database

LOOK_ALIKE_MODELS: dict[RecordKind, type[Record]] = {
    RecordKind.ORGANISATION: Organisation,
    RecordKind.CONTACT: Contact,
    RecordKind.COORDINATOR: Coordinator,
    RecordKind.COUNCIL: Council,
    RecordKind.AREA: Area,
    RecordKind.GATHERING_PLACE: GatheringPlace,
}
"""The kinds with a name and a ふりがな, in the order the list shows them. Projects
have a title but no reading, and carry narratives kept in settings: not listed."""

DISTINCT_PREFIX = "look_alike.distinct."
"""Setting keys of pairs a person said are different things."""

_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "deleted_at", "sort_kana"})

MSG_SAME_RECORD = QT_TRANSLATE_NOOP("look_alikes", "同じ記録どうしは統合できません")
MSG_OTHER_KIND = QT_TRANSLATE_NOOP("look_alikes", "種類の違う記録は統合できません")
MSG_AREA_CYCLE = QT_TRANSLATE_NOOP(
    "look_alikes", "地域をその下位の地域に統合することはできません(地域の階層が循環します)"
)


@dataclass(frozen=True)
class LookAlike:
    """One record of a look-alike group, with what tells it apart."""

    kind: RecordKind
    id: uuid.UUID
    name: str
    kana: str
    created_at: datetime
    detail: str
    """Where it belongs: the parent area, the organisation, an address (may be "")."""
    unsent: bool
    """Created on this desk and not yet sent to the server."""


@dataclass(frozen=True)
class LookAlikeGroup:
    """Records of one kind that look like the same thing (oldest first)."""

    kind: RecordKind
    records: tuple[LookAlike, ...]

    @property
    def ids(self) -> frozenset[uuid.UUID]:
        return frozenset(r.id for r in self.records)


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


def name_key(text: str) -> str:
    """A name or reading as compared: folded (:func:`kana.normalise`), spaces removed."""
    return "".join(kana.normalise(text).split())


def _distinct_key(a: uuid.UUID, b: uuid.UUID) -> str:
    first, second = sorted((a.hex, b.hex))
    return f"{DISTINCT_PREFIX}{first}.{second}"


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


class LookAlikeService(Guarded):
    """Find look-alike records, merge one into another, keep a pair apart."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- finding -----------------------------------------------------------------

    @reads
    def groups(self, kinds: Iterable[RecordKind] | None = None) -> list[LookAlikeGroup]:
        """The look-alike groups of live records, kind by kind, each oldest first.

        Records match when their folded names match and their folded readings
        match; a record without a reading joins the group of its name when the
        others agree on one reading. Pairs kept apart are not grouped.
        """
        wanted = list(kinds) if kinds is not None else list(LOOK_ALIKE_MODELS)
        found: list[LookAlikeGroup] = []
        with self.db.reading() as session:
            apart = self._apart(session)
            unsent = self._unsent(session)
            for kind in wanted:
                records = self._candidates(session, kind, unsent)
                for bucket in self._buckets(kind, records):
                    found.extend(_split_apart(kind, bucket, apart))
        return found

    def _candidates(
        self, session: Session, kind: RecordKind, unsent: set[str]
    ) -> list[tuple[LookAlike, str]]:
        """Live records of ``kind`` with the scope their name is compared within."""
        model = LOOK_ALIKE_MODELS[kind]
        table = model.__table__
        rows: Sequence[Any] = session.exec(
            select(model)
            .where(col(model.deleted_at).is_(None))
            .order_by(table.c.created_at, table.c.id)
        ).all()
        details = self._details(session, kind, rows)
        return [
            (
                LookAlike(
                    kind=kind,
                    id=r.id,
                    name=r.name,
                    kana=r.kana,
                    created_at=r.created_at,
                    detail=details.get(r.id, ""),
                    unsent=r.id.hex in unsent,
                ),
                # Two people called 佐藤 at different organisations are two people.
                r.organisation_id.hex if kind is RecordKind.CONTACT else "",
            )
            for r in rows
        ]

    @staticmethod
    def _details(session: Session, kind: RecordKind, rows: Sequence[Any]) -> dict[uuid.UUID, str]:
        if kind is RecordKind.AREA:
            names = _names(session, Area, (r.parent_id for r in rows))
            return {r.id: names.get(r.parent_id, "") for r in rows}
        if kind is RecordKind.CONTACT:
            names = _names(session, Organisation, (r.organisation_id for r in rows))
            return {r.id: names.get(r.organisation_id, "") for r in rows}
        if kind is RecordKind.COUNCIL:
            return {r.id: r.usual_venue for r in rows}
        if kind is RecordKind.COORDINATOR:
            return {r.id: r.email or r.phone for r in rows}
        return {r.id: r.address for r in rows}

    @staticmethod
    def _buckets(kind: RecordKind, records: list[tuple[LookAlike, str]]) -> list[list[LookAlike]]:
        by_name: dict[tuple[str, str], list[LookAlike]] = defaultdict(list)
        for record, scope in records:
            key = name_key(record.name)
            if key:
                by_name[(scope, key)].append(record)
        buckets: list[list[LookAlike]] = []
        for same_name in by_name.values():
            if len(same_name) < 2:
                continue
            by_reading: dict[str, list[LookAlike]] = defaultdict(list)
            for record in same_name:
                by_reading[name_key(record.kana)].append(record)
            unread = by_reading.pop("", [])
            if len(by_reading) == 1:
                (only,) = by_reading.values()
                only.extend(unread)
            elif unread:
                by_reading[""] = unread
            for bucket in by_reading.values():
                if len(bucket) > 1:
                    buckets.append(sorted(bucket, key=lambda r: (r.created_at, r.id.hex)))
        return buckets

    @staticmethod
    def _apart(session: Session) -> set[frozenset[str]]:
        keys = session.exec(
            select(Setting.key)
            .where(col(Setting.key).startswith(DISTINCT_PREFIX))
            .where(col(Setting.deleted_at).is_(None))
        ).all()
        pairs = set()
        for key in keys:
            first, _, second = key.removeprefix(DISTINCT_PREFIX).partition(".")
            pairs.add(frozenset({first, second}))
        return pairs

    @staticmethod
    def _unsent(session: Session) -> set[str]:
        rows = session.connection().exec_driver_sql(
            "SELECT row_id FROM sync_outbox WHERE op = 'insert'"
        )
        return {str(r[0]) for r in rows}

    # -- deciding ----------------------------------------------------------------

    @writes
    def keep_apart(self, record_ids: Sequence[uuid.UUID]) -> int:
        """Remember that these records are different things (every pair of them).

        Returns the pairs newly remembered.
        """
        ids = list(dict.fromkeys(record_ids))
        added = 0
        with self.db.writing() as session:
            for i, first in enumerate(ids):
                for second in ids[i + 1 :]:
                    key = _distinct_key(first, second)
                    row = session.get(Setting, setting_id(key))
                    if row is not None and row.deleted_at is None:
                        continue
                    if row is None:
                        row = Setting(id=setting_id(key), key=key, text_value="distinct")
                        session.add(row)
                    else:
                        row.deleted_at = None
                        row.updated_at = now()
                    added += 1
        return added

    @writes
    def merge(self, kind: RecordKind, *, keep: uuid.UUID, merge: uuid.UUID) -> MergeResult:
        """Merge record ``merge`` into record ``keep`` (both of ``kind``), as one action.

        Raises:
            NotFoundError: either record is gone (e.g. merged on another desk).
            ValidationError: the same record twice, or an area into its own sub-area.
        """
        model = LOOK_ALIKE_MODELS.get(kind)
        if model is None:
            raise ValidationError({"general": Message("look_alikes", MSG_OTHER_KIND)})
        if keep == merge:
            raise ValidationError({"general": Message("look_alikes", MSG_SAME_RECORD)})
        with self.db.writing() as session:
            kept = _live(session, model, kind, keep)
            merged = _live(session, model, kind, merge)
            if kind is RecordKind.AREA and kept.parent_id == merged.id:
                kept.parent_id = merged.parent_id  # the kept area takes the merged one's place
            filled = _fill(kept, merged)
            result = MergeResult(kind=kind, kept_id=keep, merged_id=merge, filled=filled)
            touched = self._repoint(session, model, merged.id, kept.id, result)
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
        self,
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
                        self._move_link(session, row, column, new, fk_columns, result)
                    continue
                setattr(row, column, new)
                row.updated_at = now()
                name = f"{ref_model.__table__.name}.{column}"
                result.repointed[name] = result.repointed.get(name, 0) + 1
                ref_kind = RecordKind.of_table(ref_model.__table__.name)
                if ref_kind is not None:
                    touched[ref_kind].add(row.id)
        session.flush()
        return touched

    @staticmethod
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


def _split_apart(
    kind: RecordKind, bucket: list[LookAlike], apart: set[frozenset[str]]
) -> list[LookAlikeGroup]:
    """The bucket's connected parts when pairs kept apart are not joined."""
    if not apart:
        return [LookAlikeGroup(kind, tuple(bucket))]
    groups: list[LookAlikeGroup] = []
    left = list(bucket)
    while left:
        part = [left.pop(0)]
        grown = True
        while grown:
            grown = False
            for record in list(left):
                if any(frozenset({record.id.hex, m.id.hex}) not in apart for m in part):
                    part.append(record)
                    left.remove(record)
                    grown = True
        if len(part) > 1:
            groups.append(LookAlikeGroup(kind, tuple(sorted(part, key=bucket.index))))
    return groups


def _names(
    session: Session, model: type[Record], ids: Iterable[uuid.UUID | None]
) -> dict[uuid.UUID | None, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    table = model.__table__
    rows = session.execute(sa.select(table.c.id, table.c.name).where(table.c.id.in_(wanted)))
    return {row[0]: row[1] for row in rows}


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


__all__ = [
    "DISTINCT_PREFIX",
    "LOOK_ALIKE_MODELS",
    "LookAlike",
    "LookAlikeGroup",
    "LookAlikeService",
    "MergeResult",
    "name_key",
]
