"""Per-field merge of a pushed row change with the server's row (no database).

Per field, ``old`` is the desk's base value, ``new`` the desk's value and
``cur`` the server's: ``cur == old`` → take ``new``; ``cur == new`` → nothing;
otherwise the server keeps ``cur`` and ``new`` becomes a conflict. Fields the
desk did not change are never touched, so different fields changed on two
desks are both kept. An edit to a row deleted on the server is a conflict
for each changed field, and so is a merged row that breaks a rule spanning
fields (a meeting ending before it starts). ``created_at``/``updated_at`` are
bookkeeping: the earliest creation and the latest update are kept, never a
conflict. Values are the canonical wire values of ``codec``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from coordinator_app.domain.validation import Errors, check_date_order, check_time_order

BOOKKEEPING: dict[str, Callable[[Any, Any], Any]] = {
    "created_at": min,
    "updated_at": max,
}

# table -> (start column, end column, checker); the domain's own rules.
SPANNING_RULES: dict[
    str, tuple[tuple[str, str, Callable[..., None], Callable[[str], Any]], ...]
] = {
    "meeting": (("start_time", "end_time", check_time_order, time.fromisoformat),),
    "project": (("start_date", "end_date", check_date_order, date.fromisoformat),),
    "assignment": (("start_date", "end_date", check_date_order, date.fromisoformat),),
    "council_membership": (("start_date", "end_date", check_date_order, date.fromisoformat),),
}


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    pushed: Any
    current: Any
    kind: str = "field"
    """``field`` (changed on both sides), ``deleted_row`` or ``rule`` (spanning rule)."""


@dataclass
class MergeOutcome:
    apply: dict[str, Any] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)
    invalid: str | None = None
    """A new row that breaks a domain rule: the transaction is refused with this reason."""


def merge_row(
    fields: Mapping[str, tuple[Any, Any]],
    current: Mapping[str, Any] | None,
    *,
    table: str = "",
) -> MergeOutcome:
    """Merge ``{column: (old, new)}`` into ``current`` (None: the row is new)."""
    outcome = MergeOutcome()
    if current is None:
        outcome.apply = {name: new for name, (_old, new) in fields.items()}
        _check_spanning(table, outcome, fields, {})
        return outcome
    deleted_on_server = current.get("deleted_at") is not None
    restoring = "deleted_at" in fields and fields["deleted_at"][1] is None
    for name, (old, new) in fields.items():
        cur = current.get(name)
        if name in BOOKKEEPING:
            if new is not None and cur is not None:
                kept = BOOKKEEPING[name](cur, new)
                if kept != cur:
                    outcome.apply[name] = kept
            elif cur is None and new is not None:
                outcome.apply[name] = new
            continue
        if cur == new:
            continue
        if name == "deleted_at" and cur is not None and new is not None:
            continue  # deleted on both sides: the first deletion stands
        if deleted_on_server and not restoring and name != "deleted_at":
            outcome.conflicts.append(FieldConflict(name, old, new, cur, "deleted_row"))
        elif cur == old:
            outcome.apply[name] = new
        else:
            outcome.conflicts.append(FieldConflict(name, old, new, cur))
    if deleted_on_server and not restoring and outcome.conflicts:
        # Nothing of an edit to a deleted row is applied, bookkeeping included.
        outcome.apply = {k: v for k, v in outcome.apply.items() if k == "deleted_at"}
    _check_spanning(table, outcome, fields, current)
    return outcome


def _check_spanning(
    table: str,
    outcome: MergeOutcome,
    fields: Mapping[str, tuple[Any, Any]],
    current: Mapping[str, Any],
) -> None:
    for start_col, end_col, checker, parse in SPANNING_RULES.get(table, ()):
        if start_col not in outcome.apply and end_col not in outcome.apply:
            continue
        merged = {**current, **outcome.apply}
        start, end = merged.get(start_col), merged.get(end_col)
        errors = Errors()
        checker(
            errors,
            end_col,
            parse(start) if start is not None else None,
            parse(end) if end is not None else None,
        )
        if not errors:
            continue
        if not current:
            outcome.invalid = next(iter(errors.errors.values()))
            return
        for name in (start_col, end_col):
            if name in outcome.apply:
                old, new = fields[name]
                outcome.conflicts.append(FieldConflict(name, old, new, current.get(name), "rule"))
                del outcome.apply[name]
