"""The shared shape of every service: one user action = one transaction.

A service is built from a :class:`Database` and opens its own session per
call. Entities leave a service detached (``expire_on_commit=False``) so the
UI can read them but never lazy-load through them.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Generic, TypeVar

import sqlalchemy as sa
from sqlmodel import Session, col, select

from coordinator_app.domain import kana
from coordinator_app.domain.ids import link_id
from coordinator_app.domain.models import Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import NOT_FOUND, Message
from coordinator_app.domain.validation import (
    Errors,
    ValidationError,
    check_record_dates,
    clean_text,
)
from coordinator_app.services import text_filter
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.listing import Choice, ListQuery, Page, Row
from coordinator_app.services.listing_service import ListedService
from coordinator_app.services.listing_service import live_unindexed as live_unindexed
from coordinator_app.storage import search_index
from coordinator_app.storage.database import Database

T = TypeVar("T", bound=Record)
L = TypeVar("L", bound=Record)


MAX_SEARCH_CHARS = 5_000
"""Longer search texts are cut: no name is that long, and SQLite caps LIKE patterns."""


class NotFoundError(LookupError):
    """No (live) record with that id."""

    def __init__(self, kind: RecordKind, record_id: uuid.UUID) -> None:
        super().__init__(Message("errors", NOT_FOUND, kind=Message("RecordKind", kind.label)))
        self.kind = kind
        self.record_id = record_id


def now() -> datetime:
    return datetime.now(UTC)


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def live(model: type[Record]) -> Any:
    return col(model.deleted_at).is_(None)


class EntityService(ListedService[T], Guarded, Generic[T]):
    """Create, update, soft-delete, restore, get and list one kind of record."""

    model: ClassVar[type[Record]]
    kind: ClassVar[RecordKind]
    """What this service keeps (its label names it in messages; searchable kinds
    are kept in the search index)."""
    text_columns: ClassVar[tuple[str, ...]] = ("name",)
    kana_column: ClassVar[str | None] = "sort_kana"
    sort_keys: ClassVar[dict[str, str]] = {"kana": "sort_kana", "name": "name"}
    """Sort key -> column names (comma-separated: ties broken by the next column,
    each such combination backed by an index where lists are long)."""
    default_sort: ClassVar[str] = "kana"
    filter_columns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- reading -----------------------------------------------------------------

    @reads
    def get(self, record_id: uuid.UUID, *, include_deleted: bool = False) -> T:
        with self.db.reading() as session:
            return self._get(session, record_id, include_deleted=include_deleted)

    def _get(self, session: Session, record_id: uuid.UUID, *, include_deleted: bool = False) -> T:
        obj = session.get(self.model, record_id)
        if obj is None or (obj.deleted_at is not None and not include_deleted):
            raise NotFoundError(self.kind, record_id)
        return obj  # type: ignore[return-value]  # model is type[T]: a ClassVar cannot say so

    label_column: ClassVar[str] = "name"
    """The column a picker shows."""

    @reads
    def choices(
        self,
        text: str = "",
        *,
        limit: int | None = 50,
        ids: Sequence[uuid.UUID] | None = None,
        filters: dict[str, Any] | None = None,
    ) -> builtins.list[Choice]:
        """Options for a picker, filtered and sorted in SQL (by reading when there is one).

        Args:
            text: kanji/kana substring, as in the list filter.
            limit: at most this many (None: all; pickers search instead).
            ids: only these records (to show what a form has already chosen).
        """
        model = self.model
        label = getattr(model, self.label_column)
        reading = getattr(model, "kana", None)
        columns = [model.id, label] + ([reading] if reading is not None else [])
        query = ListQuery(text=text, filters=dict(filters or {}))
        with self.db.reading() as session:
            stmt = self._filtered(select(*columns), query)
            if ids is not None:
                stmt = stmt.where(col(model.id).in_(list(ids)))
            stmt = self._sorted(stmt, ListQuery(sort=self.default_sort))
            if limit is not None:
                stmt = stmt.limit(limit)
            rows = session.exec(stmt).all()
        return [Choice(row[0], row[1], row[2] if len(row) > 2 else "") for row in rows]

    def _filtered(self, stmt: Any, query: ListQuery) -> Any:
        model = self.model
        if not query.include_deleted:
            stmt = stmt.where(live_unindexed(model))
        # A search box can hand over anything: drop what SQLite cannot bind (lone
        # surrogates) and stay below its LIKE pattern limit (50,000 bytes).
        text = clean_text(query.text)[:MAX_SEARCH_CHARS]
        if text:
            pattern = like_pattern(text)
            clauses = [
                getattr(model, name).like(pattern, escape="\\") for name in self.text_columns
            ]
            if self.kana_column:
                folded = like_pattern(kana.normalise(text)[:MAX_SEARCH_CHARS])
                clauses.append(getattr(model, self.kana_column).like(folded, escape="\\"))
            stmt = stmt.where(sa.or_(*clauses))
            stmt = text_filter.narrow(self, stmt, text, include_deleted=query.include_deleted)
        for key, value in query.filters.items():
            if key not in self.filter_columns:
                raise ValueError(f"unknown filter {key!r} for {model.__name__}")
            if value is None:
                continue
            stmt = stmt.where(getattr(model, key) == value)
        return stmt

    # -- writing -----------------------------------------------------------------

    @writes
    def save(self, obj: T) -> T:
        """Validate and insert or update ``obj``; returns the stored record.

        Raises:
            ValidationError: with a Japanese message per invalid field; nothing
                is written.
        """
        with self.db.writing() as session:
            stored = self._save(session, obj)
        return stored

    def _save(self, session: Session, obj: T) -> T:
        self.clean(obj)
        errors = Errors()
        check_record_dates(errors, obj)
        self.validate(session, obj, errors)
        errors.raise_if_any()
        existing = session.get(self.model, obj.id)
        if existing is None:
            obj.created_at = now()
            obj.updated_at = obj.created_at
            obj.deleted_at = None
            session.add(obj)
            stored = obj
        else:
            if existing.deleted_at is not None:
                raise NotFoundError(self.kind, obj.id)
            for name in self._data_columns():
                setattr(existing, name, getattr(obj, name))
            existing.updated_at = now()
            stored = existing  # type: ignore[assignment]  # model is type[T], as in _get
        session.flush()
        self._reindex(session, stored)
        return stored

    def _reindex(self, session: Session, obj: Record) -> None:
        if self.kind.search_number is not None:
            search_index.refresh(session, self.kind, [obj.id])

    def _data_columns(self) -> Iterable[str]:
        skip = {"id", "created_at", "updated_at", "deleted_at"}
        return [c.key for c in sa.inspect(self.model).column_attrs if c.key not in skip]

    @writes
    def soft_delete(self, record_id: uuid.UUID) -> T:
        with self.db.writing() as session:
            obj = self._get(session, record_id)
            self.before_delete(session, obj)
            obj.deleted_at = now()
            obj.updated_at = obj.deleted_at
            session.flush()
            self._reindex(session, obj)
            return obj

    @writes
    def restore(self, record_id: uuid.UUID) -> T:
        with self.db.writing() as session:
            obj = self._get(session, record_id, include_deleted=True)
            if obj.deleted_at is not None:
                obj.deleted_at = None
                obj.updated_at = now()
                errors = Errors()
                self.validate(session, obj, errors)
                errors.raise_if_any()
            session.flush()
            self._reindex(session, obj)
            self.after_restore(session, obj)
            return obj

    # -- hooks -------------------------------------------------------------------

    def clean(self, obj: T) -> None:
        """Normalise field values in place (strip, fold, derive sort keys)."""

    def validate(self, session: Session, obj: T, errors: Errors) -> None:
        """Add an error per invalid field."""

    def before_delete(self, session: Session, obj: T) -> None:
        """Refuse (ValidationError) or cascade a soft delete."""

    def after_restore(self, session: Session, obj: T) -> None:
        """Bring back in the same transaction what depends on ``obj`` being live."""


def require_live(
    session: Session,
    errors: Errors,
    field_name: str,
    model: type[L],
    record_id: uuid.UUID | None,
    message: str,
) -> L | None:
    """The referenced live record, or an error on ``field_name`` when it is gone."""
    if record_id is None:
        return None
    obj = session.get(model, record_id)
    if obj is None or obj.deleted_at is not None:
        errors.add(field_name, message)
        return None
    return obj


def sync_links(
    session: Session,
    link_model: type[L],
    *,
    owner_column: str,
    owner_id: uuid.UUID,
    target_column: str,
    target_ids: Sequence[uuid.UUID],
) -> None:
    """Make the live links of ``owner_id`` exactly ``target_ids``.

    Removed links are soft-deleted; re-added ones are revived, so a link keeps
    its id and history.
    """
    wanted = list(dict.fromkeys(target_ids))
    rows = session.exec(
        select(link_model).where(getattr(link_model, owner_column) == owner_id)
    ).all()
    by_target: dict[uuid.UUID, L] = {}
    for row in rows:
        target = getattr(row, target_column)
        current = by_target.get(target)
        if current is None or (current.deleted_at is not None and row.deleted_at is None):
            by_target[target] = row
    stamp = now()
    for target, row in by_target.items():
        if target not in wanted and row.deleted_at is None:
            row.deleted_at = stamp
            row.updated_at = stamp
        elif target in wanted and row.deleted_at is not None:
            row.deleted_at = None
            row.updated_at = stamp
    for target in wanted:
        if target not in by_target:
            ends = {owner_column: owner_id, target_column: target}
            # Derived from what it joins: the same link made on two desks is one row.
            values: dict[str, Any] = {"id": link_id(link_model.__table__.name, ends), **ends}
            session.add(link_model(**values))
    session.flush()


@dataclass(frozen=True)
class LinkSpec:
    """A many-to-many link of a record: which table, columns and target kind."""

    link_model: type[Record]
    owner_column: str
    target_column: str
    target_model: type[Record]
    field: str
    """The form field a missing target is reported on."""
    missing_message: str


def save_links(
    session: Session, spec: LinkSpec, owner_id: uuid.UUID, target_ids: Sequence[uuid.UUID] | None
) -> None:
    """Check every target is live, then make the owner's links exactly ``target_ids``.

    ``None`` leaves the links as they are.
    """
    if target_ids is None:
        return
    errors = Errors()
    for target_id in target_ids:
        require_live(
            session, errors, spec.field, spec.target_model, target_id, spec.missing_message
        )
    errors.raise_if_any()
    sync_links(
        session,
        spec.link_model,
        owner_column=spec.owner_column,
        owner_id=owner_id,
        target_column=spec.target_column,
        target_ids=target_ids,
    )


def read_links(db: Database, spec: LinkSpec, owner_id: uuid.UUID) -> list[uuid.UUID]:
    """The live link targets of one owner, in the order they were linked."""
    with db.reading() as session:
        return live_link_targets(
            session,
            spec.link_model,
            owner_column=spec.owner_column,
            owner_id=owner_id,
            target_column=spec.target_column,
        )


def live_link_targets(
    session: Session,
    link_model: type[L],
    *,
    owner_column: str,
    owner_id: uuid.UUID,
    target_column: str,
) -> list[uuid.UUID]:
    rows = session.exec(
        select(getattr(link_model, target_column))
        .where(getattr(link_model, owner_column) == owner_id)
        .where(live(link_model))
        .order_by(col(link_model.created_at))
    ).all()
    return list(rows)


def names_by_id(
    session: Session, model: type[Record], ids: Iterable[uuid.UUID | None], attr: str = "name"
) -> dict[uuid.UUID | None, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = session.exec(
        select(model.id, getattr(model, attr)).where(col(model.id).in_(wanted))
    ).all()
    return {row[0]: row[1] for row in rows}


def clean_name_and_kana(obj: Any, *, name_attr: str = "name") -> None:
    """Strip name and kana; derive the folded ``sort_kana`` used for sorting and filtering."""
    from coordinator_app.domain.validation import clean_text

    setattr(obj, name_attr, clean_text(getattr(obj, name_attr)))
    obj.kana = clean_text(obj.kana)
    obj.sort_kana = kana.sort_key(obj.kana, getattr(obj, name_attr))


__all__ = [
    "Choice",
    "EntityService",
    "LinkSpec",
    "ListQuery",
    "NotFoundError",
    "Page",
    "Row",
    "ValidationError",
    "clean_name_and_kana",
    "like_pattern",
    "live",
    "live_link_targets",
    "names_by_id",
    "read_links",
    "require_live",
    "save_links",
    "sync_links",
]
