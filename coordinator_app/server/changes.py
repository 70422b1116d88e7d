"""Writing row changes on the server: the row, its version and its change-log rows together.

Every writer — a desk's push, an admin creating a user — goes through
:class:`ChangeWriter` inside one PostgreSQL transaction that holds the
municipality's advisory lock, so the change-log sequence is gap-free and in
commit order (a puller never skips a number that commits later).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from coordinator_app.server.codec import from_wire, table_specs, to_wire
from coordinator_app.server.policy import Actor
from coordinator_app.server.schema import advisory_key


@dataclass
class LogEntry:
    seq: int
    table: str
    row_id: str
    op: str
    field: str
    old: Any
    new: Any


class ChangeWriter:
    """Allocates the transaction number and sequence numbers, writes rows and log entries.

    Use inside ``conn.transaction()``; call :meth:`begin` first (takes the lock)
    and :meth:`finish` last (writes the log and the counters).
    """

    def __init__(
        self, conn: psycopg.Connection, schema: str, actor: Actor, device_id: str | None
    ) -> None:
        self.conn = conn
        self.schema = schema
        self.actor = actor
        self.device_id = device_id
        self.server_tx = 0
        self.seq = 0
        self.entries: list[LogEntry] = []

    def lock(self) -> None:
        """Take the municipality's write lock until the transaction ends."""
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [advisory_key(self.schema)])

    def begin(self) -> None:
        """Take the lock and this transaction's number."""
        self.lock()
        rows = dict(
            self.conn.execute(
                "UPDATE counter SET value = value + CASE WHEN name = 'tx' THEN 1 ELSE 0 END"
                " WHERE name IN ('tx', 'seq') RETURNING name, value"
            ).fetchall()
        )
        self.server_tx, self.seq = rows["tx"], rows["seq"]

    def read_row(self, table: str, row_id: str, *, lock: bool = True) -> dict[str, Any] | None:
        """The server's row in wire form (None when absent)."""
        spec = table_specs()[table]
        query = sql.SQL("SELECT {} FROM {} WHERE id = %s{}").format(
            sql.SQL(", ").join(sql.Identifier(c) for c in spec.columns),
            sql.Identifier(table),
            sql.SQL(" FOR UPDATE" if lock else ""),
        )
        row = self.conn.execute(query, [row_id]).fetchone()
        if row is None:
            return None
        return {
            name: to_wire(column, value)
            for (name, column), value in zip(spec.columns.items(), row, strict=True)
        }

    def write(
        self,
        table: str,
        row_id: str,
        values: Mapping[str, Any],
        current: Mapping[str, Any] | None,
    ) -> None:
        """Insert (``current`` None) or update the row with wire ``values`` and log each field."""
        if not values:
            return
        spec = table_specs()[table].columns
        op = "insert" if current is None else "update"
        for name, new in values.items():
            self.seq += 1
            old = None if current is None else current.get(name)
            self.entries.append(LogEntry(self.seq, table, row_id, op, name, old, new))
        params = {name: from_wire(spec[name], value) for name, value in values.items()}
        if current is None:
            params["id"] = from_wire(spec["id"], row_id)
            params["row_version"] = self.seq
            query = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                sql.Identifier(table),
                sql.SQL(", ").join(sql.Identifier(c) for c in params),
                sql.SQL(", ").join(sql.Placeholder(c) for c in params),
            )
        else:
            params["row_version"] = self.seq
            query = sql.SQL("UPDATE {} SET {} WHERE id = {}").format(
                sql.Identifier(table),
                sql.SQL(", ").join(
                    sql.SQL("{} = {}").format(sql.Identifier(c), sql.Placeholder(c)) for c in params
                ),
                sql.Placeholder("_id"),
            )
            params["_id"] = row_id
        self.conn.execute(query, params)

    def finish(self) -> tuple[int, int]:
        """Write the log entries and the counters; returns (first seq, last seq) or (0, 0)."""
        if not self.entries:
            return 0, 0
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO change_log (seq, server_tx, table_name, row_id, op, field,"
                " old_value, new_value, actor_id, actor_name, device_id)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        e.seq,
                        self.server_tx,
                        e.table,
                        e.row_id,
                        e.op,
                        e.field,
                        _json(e.old),
                        _json(e.new),
                        self.actor.user_id,
                        self.actor.name,
                        self.device_id,
                    )
                    for e in self.entries
                ],
            )
        self.conn.execute("UPDATE counter SET value = %s WHERE name = 'seq'", [self.seq])
        return self.entries[0].seq, self.entries[-1].seq


def _json(value: Any) -> Jsonb | None:
    # jsonb null and SQL NULL differ; the log stores SQL NULL for "no value".
    return None if value is None else Jsonb(value)
