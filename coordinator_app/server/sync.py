"""Push, pull, history and conflicts against a municipality's schema.

A push transaction is applied in one PostgreSQL transaction under the
municipality's advisory lock, at most once per ``(device, incarnation, tx)``:
a replay returns the stored result. A refused change (role, bad value,
missing reference) rolls back its whole transaction and says why; nothing of
it is written. Pull reads the change log in sequence order and never splits
a server transaction across pages.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, server_text, wire_form
from coordinator_app.domain.types import utc_now
from coordinator_app.server.changes import ChangeWriter
from coordinator_app.server.codec import (
    NOW,
    WireValueError,
    canonical,
    from_wire,
    table_specs,
    to_wire,
    wire_time,
)
from coordinator_app.server.errors import ApiError, integrity_message
from coordinator_app.server.merge import MergeOutcome, merge_row
from coordinator_app.server.policy import Actor, check_change, stamp_author

MAX_PULL_LIMIT = 5000
NO_SUCH_CONFLICT = QT_TRANSLATE_NOOP("server", "その競合はありません")
MISSING_BLOB = QT_TRANSLATE_NOOP(
    "server", "添付ファイルの内容が先に送られていません(アップロードが必要です)"
)


class Refused(Exception):
    """A change the server does not take; its transaction is rolled back."""

    def __init__(self, code: str, message: str, *, change: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.message = message
        self.change = change


@dataclass(frozen=True)
class RowChange:
    table: str
    id: str
    op: str
    fields: Mapping[str, Sequence[Any]]


@dataclass(frozen=True)
class PushTransaction:
    tx: int
    changes: Sequence[RowChange]


def push_transaction(
    conn: psycopg.Connection,
    *,
    schema: str,
    actor: Actor,
    device_id: str,
    incarnation: str,
    transaction: PushTransaction,
    pull_cursor: int | None = None,
) -> dict[str, Any]:
    """Apply one desk transaction; returns its result (``applied`` or ``refused``).

    With the desk's ``pull_cursor``, the stored result also remembers which of the
    transaction's log entries the server wrote with a value other than the one the
    desk pushed (``echo``): a later pull by the same device and incarnation leaves
    out the others (see :func:`pull`).
    """
    try:
        # Decoding and validating need no lock: done before taking it, so the
        # municipality's lock is held for database work only.
        decoded = []
        for index, change in enumerate(transaction.changes):
            try:
                decoded.append((change, *_decode(change)))
            except Refused as refused:
                refused.change = index
                raise
        # Pipeline mode: statements whose results are not read travel together, so
        # the lock is held for a few round trips instead of one per statement.
        with conn.pipeline(), conn.transaction():
            writer = ChangeWriter(conn, schema, actor, device_id)
            writer.lock()
            stored = conn.execute(
                "SELECT result FROM applied_tx"
                " WHERE device_id = %s AND incarnation = %s AND client_tx = %s",
                [device_id, incarnation, transaction.tx],
            ).fetchone()
            if stored is not None:
                replayed = {**stored[0], "replayed": True}
                replayed.pop("echo", None)
                return replayed
            writer.begin()
            conflicts: list[dict[str, Any]] = []
            altered: list[int] = []
            for index, (change, row_id, fields) in enumerate(decoded):
                pushed = {name: new for name, (_old, new) in fields.items()}
                written = len(writer.entries)
                try:
                    conflicts += _apply_change(writer, actor, change, row_id, fields)
                except Refused as refused:
                    refused.change = index
                    raise
                altered += [
                    e.seq
                    for e in writer.entries[written:]
                    if e.field not in pushed or pushed[e.field] != e.new
                ]
            _store_conflicts(conn, writer, actor, device_id, transaction.tx, conflicts)
            first, last = writer.finish()
            result = {
                "tx": transaction.tx,
                "status": "applied",
                "server_tx": writer.server_tx,
                "first_seq": first,
                "last_seq": last,
                "conflicts": conflicts,
            }
            stored_result = result
            if pull_cursor is not None:
                stored_result = {**result, "echo": {"cursor": pull_cursor, "altered": altered}}
            conn.execute(
                "INSERT INTO applied_tx (server_tx, device_id, incarnation, client_tx, user_id,"
                " result) VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    writer.server_tx,
                    device_id,
                    incarnation,
                    transaction.tx,
                    actor.user_id,
                    Jsonb(stored_result),
                ],
            )
        return result
    except Refused as refused:
        return _refusal(transaction.tx, refused.code, refused.message, refused.change)
    except psycopg.errors.IntegrityError as error:
        return _refusal(transaction.tx, "integrity", integrity_message(error), None)
    except psycopg.errors.DataError:
        return _refusal(
            transaction.tx,
            "invalid_value",
            server_text(QT_TRANSLATE_NOOP("server", "値の形式が正しくありません")),
            None,
        )


def _refusal(tx: int, code: str, message: str, change: int | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "tx": tx,
        "status": "refused",
        "error": {"code": code, **wire_form(message)},
    }
    if change is not None:
        result["change"] = change
    return result


def _decode(change: RowChange) -> tuple[str, dict[str, tuple[Any, Any]]]:
    spec = table_specs().get(change.table)
    if spec is None:
        raise Refused(
            "unknown_table",
            server_text(
                QT_TRANSLATE_NOOP("server", "同期できない表です: {table}"), table=change.table
            ),
        )
    try:
        row_id = str(uuid.UUID(change.id))
    except (ValueError, TypeError, AttributeError):
        raise Refused(
            "invalid_value",
            server_text(QT_TRANSLATE_NOOP("server", "記録の ID が正しくありません")),
        ) from None
    if change.op == "delete":
        raise Refused(
            "hard_delete",
            server_text(
                QT_TRANSLATE_NOOP(
                    "server", "記録の削除は削除日時(deleted_at)の更新として送ってください"
                )
            ),
        )
    fields: dict[str, tuple[Any, Any]] = {}
    for name, pair in change.fields.items():
        column = spec.columns.get(name)
        if column is None or name == "id":
            raise Refused(
                "unknown_column",
                server_text(
                    QT_TRANSLATE_NOOP("server", "{table} に {name} という項目はありません"),
                    table=change.table,
                    name=name,
                ),
            )
        old, new = pair
        try:
            from_wire(column, new)
            fields[name] = (canonical(column, old), canonical(column, new))
        except WireValueError as error:
            raise Refused("invalid_value", error.message) from None
    return row_id, fields


def _apply_change(
    writer: ChangeWriter,
    actor: Actor,
    change: RowChange,
    row_id: str,
    fields: dict[str, tuple[Any, Any]],
) -> list[dict[str, Any]]:
    table = change.table
    current = writer.read_row(table, row_id)
    if current is None:
        if change.op != "insert":
            raise Refused(
                "unknown_row",
                server_text(
                    QT_TRANSLATE_NOOP("server", "サーバーにない記録を更新しようとしました")
                ),
            )
        spec = table_specs()[table]
        now = to_wire(spec.columns["created_at"], utc_now())
        for name, value in spec.defaults.items():
            fields.setdefault(name, (None, now if value is NOW else value))
    stamp_author(actor, table, change.op, fields)
    refusal = check_change(
        actor,
        table=table,
        row_id=row_id,
        op=change.op,
        new_values={name: new for name, (_old, new) in fields.items()},
        current=current,
    )
    if refusal is not None:
        raise Refused(refusal.code, refusal.message)
    outcome: MergeOutcome = merge_row(fields, current, table=table)
    if outcome.invalid:
        raise Refused("invalid_value", outcome.invalid)
    _check_blobs(writer.conn, table, outcome.apply)
    writer.write(table, row_id, outcome.apply, current)
    return [
        {
            "table": table,
            "id": row_id,
            "field": c.field,
            "kind": c.kind,
            "base": c.base,
            "pushed": c.pushed,
            "current": c.current,
        }
        for c in outcome.conflicts
    ]


def _check_blobs(conn: psycopg.Connection, table: str, values: Mapping[str, Any]) -> None:
    columns = table_specs()[table].columns
    for name, value in values.items():
        if columns[name].kind == "blob" and value is not None:
            digest = value.removeprefix("sha256:")
            if conn.execute("SELECT 1 FROM blob WHERE sha256 = %s", [digest]).fetchone() is None:
                raise Refused("missing_blob", server_text(MISSING_BLOB))


def _store_conflicts(
    conn: psycopg.Connection,
    writer: ChangeWriter,
    actor: Actor,
    device_id: str,
    client_tx: int,
    conflicts: list[dict[str, Any]],
) -> None:
    for conflict in conflicts:
        conflict["conflict_id"] = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO conflict (id, server_tx, table_name, row_id, kind, field, base_value,"
            " pushed_value, current_value, user_id, device_id, client_tx)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [
                conflict["conflict_id"],
                writer.server_tx,
                conflict["table"],
                conflict["id"],
                conflict["kind"],
                conflict["field"],
                Jsonb(conflict["base"]),
                Jsonb(conflict["pushed"]),
                Jsonb(conflict["current"]),
                actor.user_id,
                device_id,
                client_tx,
            ],
        )


_PULL_ROWS = (
    "SELECT seq, server_tx, table_name, row_id, op, field, new_value, old_value,"
    " actor_name, device_id, at FROM change_log"
)


def pull(
    conn: psycopg.Connection,
    *,
    after: int,
    limit: int,
    echo_of: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """Change-log rows after ``after``, whole server transactions, grouped by row.

    ``echo_of`` is the caller's (device, incarnation): a field value that desk
    pushed itself and the server wrote unchanged is left out (the desk holds it
    already; see :func:`_echoes` for when). Its row change still comes, with its
    version and without that field; the cursor passes it.
    """
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    with conn.transaction():
        rows = conn.execute(
            _PULL_ROWS + " WHERE seq > %s ORDER BY seq LIMIT %s", [after, limit]
        ).fetchall()
        if rows:
            # Finish the last transaction so a page never holds half of one.
            rows += conn.execute(
                _PULL_ROWS + " WHERE server_tx = %s AND seq > %s ORDER BY seq",
                [rows[-1][1], rows[-1][0]],
            ).fetchall()
        cursor = rows[-1][0] if rows else after
        more = (
            conn.execute("SELECT 1 FROM change_log WHERE seq > %s LIMIT 1", [cursor]).fetchone()
            is not None
        )
        echoes = _echoes(conn, rows, echo_of) if echo_of is not None and rows else set()
    transactions: list[dict[str, Any]] = []
    by_row: dict[tuple[str, str], dict[str, Any]] = {}
    for seq, server_tx, table, row_id, op, field, new, old, actor, device, at in rows:
        if not transactions or transactions[-1]["server_tx"] != server_tx:
            transactions.append(
                {
                    "server_tx": server_tx,
                    "actor": actor,
                    "device": str(device) if device else None,
                    "at": wire_time(at),
                    "changes": [],
                }
            )
            by_row = {}
        key = (table, str(row_id))
        change = by_row.get(key)
        if change is None:
            change = {"table": table, "id": str(row_id), "op": op, "version": seq, "fields": {}}
            by_row[key] = change
            transactions[-1]["changes"].append(change)
        change["version"] = seq
        if seq not in echoes:
            change["fields"][field] = [old, new]
    return {"cursor": cursor, "more": more, "transactions": transactions}


def _echoes(conn: psycopg.Connection, rows: Sequence[Any], echo_of: tuple[str, str]) -> set[int]:
    """The sequence numbers of ``rows`` the pulling desk pushed itself, unchanged.

    Skipped only when every entry of the same field between the desk's pull cursor
    at that push and this entry is itself one of its own unchanged values pushed
    at that same cursor (those are skipped too, so the desk's value stays its
    own): another desk's entry there is applied by the desk, so its own value must
    come after it.
    """
    device, incarnation = echo_of
    own: dict[int, tuple[int, frozenset[int]]] = {}
    for server_tx, echo in conn.execute(
        "SELECT server_tx, result -> 'echo' FROM applied_tx WHERE server_tx = ANY(%s)"
        " AND device_id = %s AND incarnation = %s AND result ? 'echo'",
        [sorted({r[1] for r in rows if r[9] is not None}), device, incarnation],
    ):
        if echo and echo.get("cursor") is not None:
            own[int(server_tx)] = (int(echo["cursor"]), frozenset(echo.get("altered", ())))
    candidates: list[tuple[int, str, Any, str, int]] = []
    for seq, server_tx, table, row_id, _op, field, *_rest in rows:
        pushed = own.get(server_tx)
        if pushed is not None and seq not in pushed[1]:
            candidates.append((seq, table, row_id, field, pushed[0]))
    if not candidates:
        return set()
    preceded = {
        r[0]
        for r in conn.execute(
            "SELECT k.seq FROM unnest(%s::bigint[], %s::text[], %s::uuid[], %s::text[],"
            " %s::bigint[]) AS k(seq, table_name, row_id, field, since)"
            " WHERE EXISTS (SELECT 1 FROM change_log o LEFT JOIN applied_tx a"
            " ON a.server_tx = o.server_tx AND a.device_id = %s AND a.incarnation = %s"
            " WHERE o.table_name = k.table_name AND o.row_id = k.row_id"
            " AND o.field = k.field AND o.seq > k.since AND o.seq < k.seq"
            " AND (a.result IS NULL OR (a.result -> 'echo' ->> 'cursor') IS NULL"
            " OR (a.result -> 'echo' ->> 'cursor')::bigint <> k.since"
            " OR (a.result -> 'echo' -> 'altered') @> to_jsonb(o.seq)))",
            [*(list(column) for column in zip(*candidates, strict=True)), device, incarnation],
        )
    }
    return {c[0] for c in candidates} - preceded


def history(conn: psycopg.Connection, *, table: str, row_id: str) -> list[dict[str, Any]]:
    """Every field change of one record, oldest first (with the device's name)."""
    rows = conn.execute(
        "SELECT c.seq, c.server_tx, c.op, c.field, c.old_value, c.new_value, c.actor_name,"
        " c.device_id, c.at, d.name FROM change_log c LEFT JOIN device d ON d.id = c.device_id"
        " WHERE c.table_name = %s AND c.row_id = %s ORDER BY c.seq",
        [table, row_id],
    ).fetchall()
    return [
        {
            "seq": seq,
            "server_tx": server_tx,
            "op": op,
            "field": field,
            "old": old,
            "new": new,
            "actor": actor,
            "device": str(device) if device else None,
            "device_name": device_name,
            "at": wire_time(at),
        }
        for seq, server_tx, op, field, old, new, actor, device, at, device_name in rows
    ]


def open_conflicts(conn: psycopg.Connection, *, user_id: str | None) -> list[dict[str, Any]]:
    """Open conflicts: one user's (``user_id``) or the whole municipality's (None)."""
    query = (
        "SELECT c.id, c.table_name, c.row_id, c.kind, c.field, c.base_value, c.pushed_value,"
        " c.current_value, u.name, c.device_id, c.created_at FROM conflict c"
        " JOIN user_account u ON u.id = c.user_id WHERE c.resolved_at IS NULL"
    )
    params: list[Any] = []
    if user_id is not None:
        query += " AND c.user_id = %s"
        params.append(user_id)
    rows = conn.execute(query + " ORDER BY c.created_at", params).fetchall()
    return [
        {
            "id": str(cid),
            "table": table,
            "row_id": str(row_id),
            "kind": kind,
            "field": field,
            "base": base,
            "pushed": pushed,
            "current": current,
            "user": user,
            "device": str(device),
            "at": wire_time(at),
        }
        for cid, table, row_id, kind, field, base, pushed, current, user, device, at in rows
    ]


def resolve_conflict(conn: psycopg.Connection, *, conflict_id: str, actor: Actor) -> None:
    """Mark a conflict decided (the decision itself travels as an ordinary, logged edit).

    Only the user whose value it holds, or an admin, may close it.
    """
    try:
        key = str(uuid.UUID(conflict_id))
    except ValueError:
        raise ApiError("not_found", server_text(NO_SUCH_CONFLICT)) from None
    with conn.transaction():
        row = conn.execute(
            "SELECT user_id, resolved_at FROM conflict WHERE id = %s FOR UPDATE", [key]
        ).fetchone()
        if row is None:
            raise ApiError("not_found", server_text(NO_SUCH_CONFLICT))
        if actor.role != ProfileRole.ADMIN and str(row[0]) != actor.user_id:
            raise ApiError(
                "forbidden",
                server_text(QT_TRANSLATE_NOOP("server", "他の人の競合は解決できません")),
            )
        if row[1] is None:
            conn.execute(
                "UPDATE conflict SET resolved_at = now(), resolved_by = %s WHERE id = %s",
                [actor.user_id, key],
            )
