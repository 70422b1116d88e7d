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
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain import kana
from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import (
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
from coordinator_app.server import policy
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.base import now
from coordinator_app.services.look_alike_merge import MergeResult, merge_into, unmerge
from coordinator_app.storage import capture
from coordinator_app.storage.database import Database
from coordinator_app.sync.worker import SyncWorker

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

MSG_SAME_RECORD = QT_TRANSLATE_NOOP("look_alikes", "同じ記録どうしは統合できません")
MSG_OTHER_KIND = QT_TRANSLATE_NOOP("look_alikes", "種類の違う記録は統合できません")


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
    """Created on this desk and not yet sent (every record of a desk that never synced)."""


@dataclass(frozen=True)
class LookAlikeGroup:
    """Records of one kind that look like the same thing (oldest first)."""

    kind: RecordKind
    records: tuple[LookAlike, ...]

    @property
    def ids(self) -> frozenset[uuid.UUID]:
        return frozenset(r.id for r in self.records)


def name_key(text: str) -> str:
    """A name or reading as compared: folded (:func:`kana.normalise`), spaces removed."""
    return "".join(kana.normalise(text).split())


def _distinct_key(a: uuid.UUID, b: uuid.UUID) -> str:
    first, second = sorted((a.hex, b.hex))
    return f"{DISTINCT_PREFIX}{first}.{second}"


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
        self, session: Session, kind: RecordKind, unsent: set[str] | None
    ) -> list[tuple[LookAlike, str]]:
        """Live records of ``kind`` with the scope their name is compared within."""
        model = LOOK_ALIKE_MODELS[kind]
        table = model.__table__
        # Not the photos: a city's places and coordinators would be read whole for a name.
        columns = [c for c in table.columns if not isinstance(c.type, sa.LargeBinary)]
        rows: Sequence[Any] = session.execute(
            sa.select(*columns)
            .where(table.c.deleted_at.is_(None))
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
                    unsent=unsent is None or r.id.hex in unsent,
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
    def _unsent(session: Session) -> set[str] | None:
        """Ids (hex) of records created here and not sent yet; None: none was ever sent
        (the desk never synced, so every record is this desk's own)."""
        conn = session.connection()
        if not capture.is_enrolled(conn):
            return None
        rows = conn.exec_driver_sql("SELECT row_id FROM sync_outbox WHERE op = 'insert'")
        return {str(r[0]) for r in rows}

    # -- deciding ----------------------------------------------------------------

    @writes
    def keep_apart(self, record_id: uuid.UUID, others: Sequence[uuid.UUID]) -> int:
        """Remember that ``record_id`` is a different thing from each of ``others``.

        Returns the pairs newly remembered.
        """
        added = 0
        with self.db.writing() as session:
            for other in dict.fromkeys(others):
                if other == record_id:
                    continue
                key = _distinct_key(record_id, other)
                row = session.get(Setting, setting_id(key))
                if row is not None and row.deleted_at is None:
                    continue
                if row is None:
                    session.add(Setting(id=setting_id(key), key=key, text_value="distinct"))
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
        return self._merge_all(kind, keep, [merge])[0]

    @writes
    def merge_group(
        self, kind: RecordKind, *, keep: uuid.UUID, others: Sequence[uuid.UUID]
    ) -> list[MergeResult]:
        """Merge every record of ``others`` into ``keep``, all as one action (see :meth:`merge`)."""
        return self._merge_all(kind, keep, others)

    @writes
    def undo_merge(self, results: Sequence[MergeResult]) -> None:
        """Take back the merges ``results`` describe (what :meth:`merge` or
        :meth:`merge_group` returned), as one action: the merged records come back
        and everything the merges re-pointed points at them again.

        Raises:
            ValidationError: a record the merge changed was changed again since;
                nothing is taken back.
        """
        with self.db.writing() as session:
            unmerge(session, [result.log for result in results])

    def _merge_all(
        self, kind: RecordKind, keep: uuid.UUID, others: Sequence[uuid.UUID]
    ) -> list[MergeResult]:
        model = LOOK_ALIKE_MODELS.get(kind)
        if model is None:
            raise ValidationError({"general": Message("look_alikes", MSG_OTHER_KIND)})
        if keep in others or not others:
            raise ValidationError({"general": Message("look_alikes", MSG_SAME_RECORD)})
        with self.db.writing() as session:
            results = [merge_into(session, model, kind, keep, other) for other in others]
        return results


@dataclass(frozen=True)
class Creator:
    """Who first sent a record to the server, from the server's history."""

    user: str
    at: str
    """ISO time on the server."""
    this_desk: bool
    """Sent by this desk (its device)."""


def record_creators(
    worker: SyncWorker, records: Sequence[tuple[RecordKind, uuid.UUID]]
) -> dict[uuid.UUID, Creator]:
    """Who sent each record first (run on the sync thread: one history request per
    record); records the server does not know yet are left out."""
    with worker.db.engine.connect() as conn:
        device = capture.read_identity(conn).device_id
    found = {}
    for kind, record_id in records:
        history = worker.client.history(kind.table, str(record_id))
        if history:
            first = history[0]
            found[record_id] = Creator(
                user=str(first.get("actor") or ""),
                at=str(first.get("at") or ""),
                this_desk=first.get("device") == device,
            )
    return found


def server_refusals(role: ProfileRole, kind: RecordKind) -> tuple[str, str]:
    """Why the sync server would refuse a user of ``role`` a merge of ``kind`` (it
    deletes a record) and a 別の記録として残す (a municipality setting): ("" when
    accepted). Asked of the server's own role table, so the desk never disagrees."""
    actor = policy.Actor(user_id=None, name="", role=role, profile_id=None)
    merging = policy.check_change(
        actor,
        table=kind.table,
        row_id="",
        op="update",
        new_values={"deleted_at": "now"},
        current={"deleted_at": None},
    )
    apart = policy.check_change(
        actor,
        table=Setting.__table__.name,
        row_id="",
        op="insert",
        new_values={"key": DISTINCT_PREFIX},
        current=None,
    )
    return (merging.message if merging else "", apart.message if apart else "")


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


__all__ = [
    "DISTINCT_PREFIX",
    "LOOK_ALIKE_MODELS",
    "Creator",
    "LookAlike",
    "LookAlikeGroup",
    "LookAlikeService",
    "MergeResult",
    "name_key",
    "record_creators",
    "server_refusals",
]
