"""What sync left for a person to decide: open conflicts and refused changes.

A conflict is decided by an ordinary edit of the field (captured into the
outbox, so it goes out with the next push like any save) and marked resolved
on the desk in that same transaction; the server is told separately
(``/v1/conflicts/{id}/resolve``, by the sync worker's client). A refused
change stays listed until the user marks it dealt with.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from coordinator_app.domain import models
from coordinator_app.domain.changes import Changes
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, from_stored, invalid
from coordinator_app.domain.validation import ValidationError
from coordinator_app.server.codec import WireValueError, from_wire_lenient, table_specs
from coordinator_app.storage import search_index
from coordinator_app.storage.database import Database
from coordinator_app.storage.schema import head_revision
from coordinator_app.sync.client import ServerClient
from coordinator_app.sync.worker import SyncWorker

_MODELS: dict[str, Any] = {m.__tablename__: m for m in models.ALL_TABLES}  # type: ignore[misc]
_TITLE_COLUMNS = ("title", "name", "label", "summary")


@dataclass(frozen=True)
class OpenConflict:
    """One field two desks changed from the same value.

    ``base`` is the value both started from, ``mine`` what this desk sent
    (``mine_at`` when), ``current`` the server's value (kept there).
    Values are wire values (text, numbers, ISO dates; None for empty).
    """

    id: str
    table: str
    row_id: uuid.UUID
    field: str
    base: Any
    mine: Any
    current: Any
    user: str
    at: str
    record_title: str

    @property
    def kind(self) -> RecordKind | None:
        return RecordKind.of_table(self.table)

    @property
    def editable_as_text(self) -> bool:
        """True when a person may type a third value (a text field)."""
        spec = table_specs()[self.table].columns.get(self.field)
        return spec is not None and spec.kind == "str"


@dataclass(frozen=True)
class RefusedChange:
    """A transaction the server refused, with its reason."""

    id: int
    code: str
    message: str
    at: str
    tables: tuple[str, ...]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class SyncConflictService:
    """Open conflicts and refused changes of one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def new_worker(self, server_url: str) -> SyncWorker:
        """A sync worker of this database for ``server_url`` (raises SyncError on a bad address)."""
        return SyncWorker(self.db, ServerClient(server_url, schema_revision=head_revision()))

    def counts(self) -> tuple[int, int, int]:
        """(unsent transactions, open conflicts, refused changes not yet dealt with)."""
        with self.db.reading() as session:
            conn = session.connection()
            unsent = conn.exec_driver_sql("SELECT count(DISTINCT tx) FROM sync_outbox").scalar_one()
            conflicts = conn.exec_driver_sql(
                "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL"
            ).scalar_one()
            refused = conn.exec_driver_sql(
                "SELECT count(*) FROM sync_refused WHERE dismissed_at IS NULL"
            ).scalar_one()
        return int(unsent), int(conflicts), int(refused)

    def open_count(self, table: str, row_id: uuid.UUID) -> int:
        """How many conflicts of the record ``row_id`` of ``table`` are still open."""
        with self.db.reading() as session:
            found = (
                session.connection()
                .exec_driver_sql(
                    "SELECT count(*) FROM sync_conflict"
                    " WHERE resolved_at IS NULL AND table_name = ? AND row_id = ?",
                    (table, row_id.hex),
                )
                .scalar_one()
            )
        return int(found)

    def open_conflicts(self) -> list[OpenConflict]:
        with self.db.reading() as session:
            conn = session.connection()
            rows = conn.exec_driver_sql(
                "SELECT id, table_name, row_id, field, base_value, pushed_value, current_value,"
                " user_name, at FROM sync_conflict WHERE resolved_at IS NULL ORDER BY at, id"
            ).fetchall()
            found = []
            for cid, table, row_hex, field, base, mine, current, user, at in rows:
                row_id = uuid.UUID(row_hex)
                found.append(
                    OpenConflict(
                        id=str(cid),
                        table=str(table),
                        row_id=row_id,
                        field=str(field),
                        base=_loads(base),
                        mine=_loads(mine),
                        current=_loads(current),
                        user=str(user),
                        at=str(at),
                        record_title=_title(session, str(table), row_id),
                    )
                )
        return found

    def resolve(self, conflict: OpenConflict, value: Any) -> None:
        """Decide ``conflict`` with the wire ``value``: an ordinary edit of the field
        (it goes out with the next push) and the conflict marked resolved here."""
        model = _MODELS.get(conflict.table)
        spec = table_specs()[conflict.table].columns.get(conflict.field)
        if model is None or spec is None:
            raise ValidationError(
                {
                    "general": invalid(
                        QT_TRANSLATE_NOOP("validation", "この記録の種類はこの版では扱えません")
                    )
                }
            )
        try:
            python_value = from_wire_lenient(spec, value)
        except WireValueError as error:
            raise ValidationError(
                {
                    "general": invalid(
                        QT_TRANSLATE_NOOP("validation", "値を保存できません: {reason}"),
                        reason=str(error),
                    )
                }
            ) from None
        if python_value is None and not spec.nullable:
            raise ValidationError(
                {"general": invalid(QT_TRANSLATE_NOOP("validation", "この項目は空欄にできません"))}
            )
        edited = False
        with self.db.writing() as session:
            record = session.get(model, conflict.row_id)
            if record is not None and getattr(record, conflict.field) != python_value:
                setattr(record, conflict.field, python_value)
                session.add(record)
                session.flush()
                edited = True
                kind = RecordKind.of_table(conflict.table)
                if kind is not None and kind in search_index.KIND_QUERIES:
                    # The index (search, list filters) follows the decided value.
                    search_index.refresh(session, kind, [conflict.row_id])
            session.connection().exec_driver_sql(
                "UPDATE sync_conflict SET resolved_at = ? WHERE id = ?", (_now(), conflict.id)
            )
        if not edited:  # the record's window still hears its conflict is gone
            self._conflict_state_changed(conflict.table, conflict.row_id)

    def reopen(self, conflict_id: str) -> None:
        """The server could not be told: the conflict shows as open again."""
        with self.db.writing() as session:
            conn = session.connection()
            conn.exec_driver_sql(
                "UPDATE sync_conflict SET resolved_at = NULL WHERE id = ?", (conflict_id,)
            )
            row = conn.exec_driver_sql(
                "SELECT table_name, row_id FROM sync_conflict WHERE id = ?", (conflict_id,)
            ).first()
        if row is not None:
            self._conflict_state_changed(str(row[0]), uuid.UUID(str(row[1])))

    def _conflict_state_changed(self, table: str, row_id: uuid.UUID) -> None:
        """Publish the record whose open conflicts changed without an edit of its own."""
        kind = RecordKind.of_table(table)
        if kind is not None:
            self.db.changes.publish(Changes.of(kind, [row_id]))

    def refused(self) -> list[RefusedChange]:
        with self.db.reading() as session:
            rows = (
                session.connection()
                .exec_driver_sql(
                    "SELECT id, code, message, at, changes FROM sync_refused"
                    " WHERE dismissed_at IS NULL ORDER BY at, id"
                )
                .fetchall()
            )
        found = []
        for rid, code, message, at, changes in rows:
            tables = tuple(dict.fromkeys(str(c.get("table", "")) for c in json.loads(changes)))
            text = from_stored(message)
            found.append(RefusedChange(int(rid), str(code), text, str(at), tables))
        return found

    def dismiss_refused(self, refused_id: int) -> None:
        """The user has dealt with a refused change: it leaves the list."""
        with self.db.writing() as session:
            session.connection().exec_driver_sql(
                "UPDATE sync_refused SET dismissed_at = ? WHERE id = ?", (_now(), refused_id)
            )


def _title(session: Any, table: str, row_id: uuid.UUID) -> str:
    model = _MODELS.get(table)
    record = session.get(model, row_id) if model is not None else None
    if record is None:
        return ""
    for name in _TITLE_COLUMNS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return value
    return ""
