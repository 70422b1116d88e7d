"""Push and pull: one sync round of a desk against the server (no Qt).

Push: the open transaction number is closed (``capture.close_open_tx``), the
closed outbox transactions are sent under the key ``(device, incarnation,
tx)`` — a retry after a lost acknowledgement is answered with the stored
result, never applied twice — and each result is recorded in one SQLite
transaction: the outbox rows go, conflicts are kept in ``sync_conflict`` (the
field takes the server's value, which the server kept), refusals in
``sync_refused`` with the server's reason. Binary values go up first, by
content hash.

Pull: the change log page by page after the stored cursor; each page is
applied in one SQLite transaction with capture off, the pulled rows' search
entries refreshed and the new cursor stored in that same transaction, so a
pull killed midway resumes where the last committed page ended. A field with
an edit still waiting in the outbox keeps the desk's value (that edit is
merged by the server when it is pushed).
"""

from __future__ import annotations

import hashlib
import json
import socket
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.domain.changes import Changes, Origin, acting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import from_server, stored_form
from coordinator_app.server.codec import table_specs
from coordinator_app.storage import capture, search_index
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import writing
from coordinator_app.sync.apply import TABLES as _TABLES
from coordinator_app.sync.apply import apply_page, changes_of, wire_value
from coordinator_app.sync.client import ServerClient
from coordinator_app.sync.outbox import (
    NEXT_TXS,
    Outgoing,
    PendingAfterPush,
    pack,
    pending_fields,
)

PUSH_BATCH = 200
"""Transactions per push request at most."""
PUSH_ROWS = 5000
"""Outbox rows read for one push request at most (at least one transaction is read)."""
MAX_PUSH_BYTES = 4 * 1024 * 1024
"""Encoded size of a push request's body at most: well below the server's 16 MB limit."""
PULL_PAGE = 5000
"""Change-log rows asked for per pull page: the server's most (its ``MAX_PULL_LIMIT``).

The log holds one row per field, so a page of new meetings (27 fields) carries
about 190 of them; a page of one-field edits up to 5,000."""
EXIT_IN_SYNC, EXIT_ERROR, EXIT_OPEN = 0, 1, 3


@dataclass
class RoundResult:
    pushed: int = 0
    """Transactions the server acknowledged (applied or refused)."""
    pulled: int = 0
    """Row changes applied from the server."""
    conflicts_open: int = 0
    refused_open: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_OPEN if self.conflicts_open or self.refused_open else EXIT_IN_SYNC

    def line(self) -> str:
        return (
            f"送信 {self.pushed}件 受信 {self.pulled}件"
            f" 競合 {self.conflicts_open}件 送信できなかった変更 {self.refused_open}件"
        )


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SyncWorker:
    """Sync rounds of one database file with one server."""

    def __init__(
        self, db: Database, client: ServerClient, *, max_push_bytes: int = MAX_PUSH_BYTES
    ) -> None:
        self.db = db
        self.client = client
        self.max_push_bytes = max_push_bytes

    # -- login -------------------------------------------------------------------

    def login(self, user: str, password: str) -> None:
        with self.db.engine.connect() as conn:
            identity = capture.read_identity(conn)
        self.client.login(
            user, password, device_id=identity.device_id, device_name=socket.gethostname()
        )

    # -- a round -----------------------------------------------------------------

    def run_round(self) -> RoundResult:
        """Push until the outbox is empty, pull until the server has nothing more."""
        result = RoundResult()
        with writing(self.db.engine).begin() as conn:
            capture.enroll(conn)
        while pushed := self.push_once():
            result.pushed += pushed
        while True:
            applied, more = self.pull_once()
            result.pulled += applied
            if not more:
                break
        self.refresh_conflicts()
        with writing(self.db.engine).begin() as conn:
            conn.exec_driver_sql("UPDATE sync_state SET last_sync_at = ?", (_now_text(),))
        result.conflicts_open, result.refused_open = self.open_counts()
        return result

    def open_counts(self) -> tuple[int, int]:
        with self.db.engine.connect() as conn:
            conflicts = conn.exec_driver_sql(
                "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL"
            ).scalar_one()
            refused = conn.exec_driver_sql(
                "SELECT count(*) FROM sync_refused WHERE dismissed_at IS NULL"
            ).scalar_one()
        return int(conflicts), int(refused)

    # -- push --------------------------------------------------------------------

    def push_once(self) -> int:
        """Push one batch of closed outbox transactions; returns how many were answered."""
        with writing(self.db.engine).begin() as conn:
            limit = capture.close_open_tx(conn)
            identity = capture.read_identity(conn)
            rows = conn.exec_driver_sql(
                "SELECT tx, table_name, row_id, op, fields FROM sync_outbox WHERE tx IN"
                f" ({NEXT_TXS}) ORDER BY seq",
                (limit, PUSH_BATCH, PUSH_ROWS),
            ).fetchall()
            outgoing, contents = self._outgoing(conn, rows)
            cursor = int(conn.exec_driver_sql("SELECT pull_cursor FROM sync_state").scalar_one())
        if not outgoing:
            return 0
        wire = pack(outgoing, self.max_push_bytes)
        needed = {digest for o in outgoing.values() for digest in o.blobs.values()}
        for digest in sorted(needed):
            self.client.put_blob(digest, contents[digest])
        results = self.client.push(identity.incarnation, wire, pull_cursor=cursor)
        kept = Changes(origin=Origin.SYNC)
        pending = PendingAfterPush()
        with writing(self.db.engine).begin() as conn:
            for result in results:
                sent = outgoing.get(int(result["tx"]))
                if sent is not None:
                    self._record(conn, result, sent, identity.incarnation, pending)
                    for conflict in result.get("conflicts", ()):
                        kept |= changes_of(conn, {conflict["table"]: {uuid.UUID(conflict["id"])}})
        # A conflicted field now shows the server's value: the views hear of it.
        self.db.changes.publish(kept)
        return len(results)

    def _outgoing(
        self, conn: sa.Connection, rows: Sequence[Any]
    ) -> tuple[dict[int, Outgoing], dict[str, bytes]]:
        outgoing: dict[int, Outgoing] = {}
        contents: dict[str, bytes] = {}
        merged: dict[tuple[int, str, str], dict[str, Any]] = {}
        for tx, table, row_id, op, fields_json in rows:
            sent = outgoing.setdefault(tx, Outgoing(tx))
            key = (tx, table, row_id)
            fields = json.loads(fields_json)
            change = merged.get(key)
            if change is None:
                change = {"table": table, "id": str(uuid.UUID(row_id)), "op": op, "fields": {}}
                merged[key] = change
                sent.changes.append(change)
            for name, (old, new) in fields.items():
                # Several writes of one row in one transaction: first old, last new.
                base = change["fields"][name][0] if name in change["fields"] else old
                change["fields"][name] = [base, new]
        for (tx, table, row_id), change in merged.items():
            for name, pair in change["fields"].items():
                if isinstance(pair[1], dict) or isinstance(pair[0], dict):
                    self._blob_pair(conn, outgoing[tx], contents, table, row_id, name, pair)
        return outgoing, contents

    def _blob_pair(
        self,
        conn: sa.Connection,
        sent: Outgoing,
        contents: dict[str, bytes],
        table: str,
        row_id: str,
        name: str,
        pair: list[Any],
    ) -> None:
        """Binary values travel as ``sha256:<hash>``: the row's content now, the last one synced."""
        known = conn.exec_driver_sql(
            "SELECT sha256 FROM sync_blob WHERE table_name = ? AND row_id = ? AND column_name = ?",
            (table, row_id, name),
        ).scalar()
        pair[0] = f"sha256:{known}" if pair[0] is not None and known else None
        if pair[1] is None:
            return
        content = conn.exec_driver_sql(
            f"SELECT {name} FROM {table} WHERE id = ?",  # names from the outbox's own triggers
            (row_id,),
        ).scalar()
        if content is None:
            pair[1] = None
            return
        digest = hashlib.sha256(content).hexdigest()
        contents[digest] = bytes(content)
        sent.blobs[(table, row_id, name)] = digest
        pair[1] = f"sha256:{digest}"

    def _record(
        self,
        conn: sa.Connection,
        result: dict[str, Any],
        sent: Outgoing,
        incarnation: str,
        pending: PendingAfterPush,
    ) -> None:
        conn.exec_driver_sql("DELETE FROM sync_outbox WHERE tx = ?", (sent.tx,))
        pending.recorded(sent.tx)
        if result.get("status") != "applied":
            error = result.get("error") or {}
            conn.exec_driver_sql(
                "INSERT INTO sync_refused (tx, incarnation, code, message, change_index, changes,"
                " at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    sent.tx,
                    incarnation,
                    str(error.get("code", "refused")),
                    stored_form(
                        from_server(
                            error.get("message"), error.get("template"), error.get("values")
                        )
                    ),
                    result.get("change"),
                    json.dumps(sent.changes, ensure_ascii=False),
                    _now_text(),
                ),
            )
            return
        for (table, row_id, name), digest in sent.blobs.items():
            _remember_blob(conn, table, row_id, name, digest)
        with capture.capture_off(conn):
            for conflict in result.get("conflicts", ()):
                _store_conflict(conn, conflict, sent.tx)
                # The server kept its value: so does the desk (yours stays in the conflict).
                conflicted = uuid.UUID(conflict["id"])
                if not pending.waiting(conn, conflict["table"], conflicted.hex, conflict["field"]):
                    _write_fields(
                        conn,
                        conflict["table"],
                        conflicted,
                        {conflict["field"]: conflict["current"]},
                    )

    # -- pull --------------------------------------------------------------------

    def pull_once(self) -> tuple[int, bool]:
        """Apply one page of the change log; returns (row changes applied, more to come)."""
        with self.db.engine.connect() as conn:
            cursor = int(conn.exec_driver_sql("SELECT pull_cursor FROM sync_state").scalar_one())
            incarnation = capture.read_identity(conn).incarnation
        # With the incarnation, the server leaves out what this file pushed itself.
        page = self.client.pull(cursor, PULL_PAGE, incarnation=incarnation)
        changes = [c for tx in page["transactions"] for c in tx["changes"]]
        contents = self._fetch_blobs(changes)
        # The views hear of a pulled page as of a save: one Changes (origin SYNC)
        # on the feed after the commit (the rows go in through Core, which the
        # session's collector does not see).
        with acting(Origin.SYNC), self.db.changes.batch():
            with self.db.writing() as session:
                conn = session.connection()
                conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                pending = pending_fields(conn)
                with capture.capture_off(conn):
                    page_result = apply_page(conn, changes, pending, contents)
                _refresh_search(session, page_result.touched)
                conn.exec_driver_sql(
                    "UPDATE sync_state SET pull_cursor = ?", (int(page["cursor"]),)
                )
            self.db.changes.publish(page_result.changes)
        return page_result.applied, bool(page["more"])

    def _fetch_blobs(self, changes: list[dict[str, Any]]) -> dict[str, bytes]:
        contents: dict[str, bytes] = {}
        specs = table_specs()
        for change in changes:
            spec = specs.get(change["table"])
            for name, (_old, new) in change["fields"].items():
                column = spec.columns.get(name) if spec else None
                if column is not None and column.kind == "blob" and isinstance(new, str):
                    digest = new.removeprefix("sha256:")
                    if digest not in contents:
                        contents[digest] = self.client.get_blob(digest)
        return contents

    # -- conflicts ---------------------------------------------------------------

    def refresh_conflicts(self) -> None:
        """The server's list of this user's open conflicts becomes the desk's."""
        open_on_server = self.client.conflicts()
        with writing(self.db.engine).begin() as conn:
            before = _open_conflict_rows(conn)
            for conflict in open_on_server:
                _store_conflict(
                    conn,
                    {**conflict, "conflict_id": conflict["id"], "id": conflict["row_id"]},
                    None,
                )
            ids = [c["id"] for c in open_on_server]
            marks = ",".join("?" * len(ids))
            conn.exec_driver_sql(
                "UPDATE sync_conflict SET resolved_at = ? WHERE resolved_at IS NULL"
                + (f" AND id NOT IN ({marks})" if ids else ""),
                (_now_text(), *ids),
            )
            touched = Changes(origin=Origin.SYNC)
            for _cid, table, row_hex in before ^ _open_conflict_rows(conn):
                touched |= changes_of(conn, {table: {uuid.UUID(hex=row_hex)}})
        # A record's open conflicts came or went (e.g. resolved on another desk):
        # its window hears of it (the banner above the form).
        self.db.changes.publish(touched)


def _open_conflict_rows(conn: sa.Connection) -> set[tuple[str, str, str]]:
    """(conflict id, table, row id hex) of every open conflict."""
    rows = conn.exec_driver_sql(
        "SELECT id, table_name, row_id FROM sync_conflict WHERE resolved_at IS NULL"
    ).fetchall()
    return {(str(cid), str(table), str(row)) for cid, table, row in rows}


def _remember_blob(conn: sa.Connection, table: str, row_id: str, name: str, digest: str) -> None:
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO sync_blob (table_name, row_id, column_name, sha256)"
        " VALUES (?, ?, ?, ?)",
        (table, row_id, name, digest),
    )


def _store_conflict(conn: sa.Connection, conflict: dict[str, Any], client_tx: int | None) -> None:
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO sync_conflict (id, table_name, row_id, field, kind, base_value,"
        " pushed_value, current_value, client_tx, user_name, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            str(conflict["conflict_id"]),
            conflict["table"],
            uuid.UUID(conflict["id"]).hex,
            conflict["field"],
            conflict.get("kind", "field"),
            json.dumps(conflict.get("base"), ensure_ascii=False),
            json.dumps(conflict.get("pushed"), ensure_ascii=False),
            json.dumps(conflict.get("current"), ensure_ascii=False),
            client_tx,
            str(conflict.get("user") or ""),
            str(conflict.get("at") or _now_text()),
        ),
    )


def _write_fields(
    conn: sa.Connection, table_name: str, row_id: uuid.UUID, wire: dict[str, Any]
) -> None:
    """Write wire values into the desk's row when it exists (a file's bytes come with the
    next pull: a blob is written here only when it was cleared)."""
    columns = table_specs()[table_name].columns
    values = {
        name: wire_value(columns[name], value)
        for name, value in wire.items()
        if name in columns and name != "id" and (columns[name].kind != "blob" or value is None)
    }
    if values:
        table = _TABLES[table_name]
        conn.execute(table.update().where(table.c.id == row_id).values(**values))


def _refresh_search(session: Session, touched: dict[str, set[uuid.UUID]]) -> None:
    for table, ids in touched.items():
        kind = RecordKind.of_table(table)
        if kind is not None and kind in search_index.KIND_QUERIES:
            search_index.refresh(session, kind, ids)
