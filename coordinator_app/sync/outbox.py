"""The desk's outbox as the push sees it: the next transactions, a request's packing
by size, and the fields still waiting to be pushed (no Qt)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP
from coordinator_app.sync.client import SyncError, sync_text

NEXT_TXS = (
    "SELECT tx FROM (SELECT tx, sum(count(*)) OVER (ORDER BY tx) AS upto"
    " FROM sync_outbox WHERE tx < ? GROUP BY tx ORDER BY tx LIMIT ?)"
    " WHERE upto <= ? OR tx = (SELECT min(tx) FROM sync_outbox)"
)
"""The next closed transactions (parameters: first open tx, most transactions, most
rows): as many as fit both bounds, and always at least the first one."""
ENVELOPE_BYTES = 200
"""The push body around its transactions (incarnation, keys), generously."""


@dataclass
class Outgoing:
    """One closed outbox transaction, ready for the wire."""

    tx: int
    changes: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(table, row id hex, column) -> the content hash sent."""


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def pack(outgoing: dict[int, Outgoing], max_bytes: int) -> list[dict[str, Any]]:
    """The first transactions whose encoded request stays within ``max_bytes``.

    The ones left out are removed from ``outgoing`` and stay in the outbox for
    the next request. A single transaction too large for any request stops the
    push with a message; it stays in the outbox.
    """
    wire: list[dict[str, Any]] = []
    size = ENVELOPE_BYTES
    for tx in list(outgoing):
        item = {"tx": tx, "changes": outgoing[tx].changes}
        encoded = len(json.dumps(item, ensure_ascii=False).encode("utf-8")) + 1
        if wire and size + encoded > max_bytes:
            for left in list(outgoing)[len(wire) :]:
                del outgoing[left]
            break
        if size + encoded > max_bytes:
            raise SyncError(
                sync_text(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "1回の操作の変更(送信番号 {tx})が大きすぎて送信できません(約 {size}、1回の送信の上限は {limit})。変更は未送信のまま残っています。管理者に連絡してください。",  # noqa: E501
                    ),
                    tx=tx,
                    size=megabytes(size + encoded),
                    limit=megabytes(max_bytes),
                ),
                code="request_too_large",
            )
        wire.append(item)
        size += encoded
    return wire


def pending_fields(conn: sa.Connection) -> dict[tuple[str, str], set[str]]:
    """Fields with an edit still waiting in the outbox, per (table, row id hex)."""
    pending: dict[tuple[str, str], set[str]] = defaultdict(set)
    for table, row_id, fields_json in conn.exec_driver_sql(
        "SELECT table_name, row_id, fields FROM sync_outbox"
    ):
        pending[(table, row_id)].update(json.loads(fields_json))
    return pending


class PendingAfterPush:
    """The outbox's waiting fields while one push request's answers are recorded.

    The outbox is read once, the first time it is asked (answers without a
    conflict never ask); each recorded transaction is then taken off in memory,
    so recording N answers reads the outbox at most once, not N times.
    """

    def __init__(self) -> None:
        self._waiting: dict[tuple[str, str, str], set[int]] | None = None
        self._keys: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        self._done: set[int] = set()

    def recorded(self, tx: int) -> None:
        """Transaction ``tx`` left the outbox."""
        self._done.add(tx)
        if self._waiting is not None:
            for key in self._keys.pop(tx, ()):
                self._waiting[key].discard(tx)

    def waiting(self, conn: sa.Connection, table: str, row_id: str, name: str) -> bool:
        """Is an edit of this field still in the outbox?"""
        if self._waiting is None:
            self._waiting = defaultdict(set)
            for tx, table_name, row, fields_json in conn.exec_driver_sql(
                "SELECT tx, table_name, row_id, fields FROM sync_outbox"
            ):
                if tx not in self._done:
                    for field_name in json.loads(fields_json):
                        key = (table_name, row, field_name)
                        self._waiting[key].add(int(tx))
                        self._keys[int(tx)].append(key)
        return bool(self._waiting.get((table, row_id, name)))
