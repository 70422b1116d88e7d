"""Capture triggers as revision 0010 wrote them: frozen, shared by later revisions.

A revision that adds a synced table (or a column to one) creates (or drops
and recreates) that table's triggers with this generator and the table's
column list written out in the revision. The application's own generator
(:mod:`coordinator_app.storage.capture`) may change; this one does not — a
changed trigger shape is a new ``capture_v2`` module. Imports nothing from
the application.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

DELETE_REFUSED = "同期する記録は削除できません(削除は削除日時の記入で行います)"
REKEY_REFUSED = "同期する記録の ID は変更できません"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
_CHUNK = 30


def _value(ref: str, column: str, blobs: tuple[str, ...]) -> str:
    if column in blobs:
        return (
            f"CASE WHEN {ref}.{column} IS NULL THEN NULL"
            f" ELSE json_object('$blob', length({ref}.{column})) END"
        )
    return f"{ref}.{column}"


def _chunks(columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [columns[i : i + _CHUNK] for i in range(0, len(columns), _CHUNK)] or [()]


def capture_triggers(
    synced: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]],
) -> list[str]:
    """The four capture triggers of each ``(table, columns, blob columns)``."""
    statements: list[str] = []
    when = "(SELECT capture FROM sync_state) = 1"
    for name, columns, blobs in synced:
        for identifier in (name, *columns):
            assert _IDENTIFIER.match(identifier), identifier
        inserted = None
        for chunk in _chunks(columns):
            pairs = ", ".join(f"'{c}', json_array(NULL, {_value('NEW', c, blobs)})" for c in chunk)
            part = f"json_object({pairs})"
            inserted = part if inserted is None else f"json_patch({inserted}, {part})"
        updated = "'{}'"
        for chunk in _chunks(columns):
            pairs = ", ".join(
                f"'{c}', CASE WHEN OLD.{c} IS NOT NEW.{c} THEN"
                f" json_array({_value('OLD', c, blobs)}, {_value('NEW', c, blobs)}) END"
                for c in chunk
            )
            updated = f"json_patch({updated}, json_object({pairs}))"
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        target = "INSERT INTO sync_outbox (tx, table_name, row_id, op, fields)"
        statements += [
            f"CREATE TRIGGER sync_{name}_insert AFTER INSERT ON {name} WHEN {when} BEGIN"
            f" {target} VALUES ((SELECT open_tx FROM sync_state), '{name}', NEW.id,"
            f" 'insert', {inserted}); END",
            f"CREATE TRIGGER sync_{name}_update AFTER UPDATE ON {name}"
            f" WHEN {when} AND ({changed}) BEGIN"
            f" {target} VALUES ((SELECT open_tx FROM sync_state), '{name}', NEW.id,"
            f" 'update', {updated}); END",
            f"CREATE TRIGGER sync_{name}_no_delete BEFORE DELETE ON {name} WHEN {when}"
            f" BEGIN SELECT RAISE(ABORT, '{DELETE_REFUSED}'); END",
            f"CREATE TRIGGER sync_{name}_no_rekey BEFORE UPDATE OF id ON {name}"
            f" WHEN {when} AND OLD.id IS NOT NEW.id"
            f" BEGIN SELECT RAISE(ABORT, '{REKEY_REFUSED}'); END",
        ]
    return statements
