"""The per-field merge rules, table-driven (plain functions, no database)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from coordinator_app.server.codec import WireValueError, canonical, from_wire, table_specs
from coordinator_app.server.merge import FieldConflict, merge_row

T1, T2, T3 = (
    "2026-04-01T09:00:00.000000Z",
    "2026-04-02T09:00:00.000000Z",
    "2026-04-03T09:00:00.000000Z",
)
ROW = {
    "venue": "会議室A",
    "title": "協議体",
    "agenda": "",
    "deleted_at": None,
    "updated_at": T2,
    "created_at": T1,
}

CASES: list[
    tuple[
        str,
        dict[str, tuple[Any, Any]],
        dict[str, Any] | None,
        dict[str, Any],
        list[tuple[str, Any, Any, Any, str]],
    ]
] = [
    ("new row: every field is taken", {"venue": (None, "公民館")}, None, {"venue": "公民館"}, []),
    ("cur == old: take new", {"venue": ("会議室A", "公民館")}, ROW, {"venue": "公民館"}, []),
    ("cur == new: nothing to do", {"venue": ("会議室B", "会議室A")}, ROW, {}, []),
    (
        "same field changed to different values: keep cur, conflict",
        {"venue": ("会議室B", "公民館")},
        ROW,
        {},
        [("venue", "会議室B", "公民館", "会議室A", "field")],
    ),
    (
        "different fields changed on both sides: both kept",
        {"agenda": ("", "議題1")},
        {**ROW, "venue": "別の会議室"},
        {"agenda": "議題1"},
        [],
    ),
    (
        "one field conflicts, the other is taken",
        {"venue": ("会議室B", "公民館"), "title": ("協議体", "第2回協議体")},
        ROW,
        {"title": "第2回協議体"},
        [("venue", "会議室B", "公民館", "会議室A", "field")],
    ),
    (
        "edit to a row deleted on the server: conflict, nothing applied",
        {"venue": ("会議室A", "公民館"), "updated_at": (T2, T3)},
        {**ROW, "deleted_at": T2},
        {},
        [("venue", "会議室A", "公民館", "会議室A", "deleted_row")],
    ),
    (
        "restoring a deleted row is an ordinary edit",
        {"deleted_at": (T2, None), "venue": ("会議室A", "公民館")},
        {**ROW, "deleted_at": T2},
        {"deleted_at": None, "venue": "公民館"},
        [],
    ),
    (
        "deleted on both sides: the first deletion stands",
        {"deleted_at": (None, T3)},
        {**ROW, "deleted_at": T2},
        {},
        [],
    ),
    (
        "updated_at keeps the latest, never a conflict",
        {"updated_at": (T1, T3)},
        ROW,
        {"updated_at": T3},
        [],
    ),
    (
        "an older updated_at does not go backwards",
        {"updated_at": (T1, T1)},
        ROW,
        {},
        [],
    ),
    (
        "insert of an existing row: equal values merge, different ones conflict",
        {"venue": (None, "会議室A"), "title": (None, "別名")},
        ROW,
        {},
        [("title", None, "別名", "協議体", "field")],
    ),
]


@pytest.mark.parametrize(
    ("fields", "current", "applied", "conflicts"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_merge(
    fields: dict[str, tuple[Any, Any]],
    current: dict[str, Any] | None,
    applied: dict[str, Any],
    conflicts: list[tuple[str, Any, Any, Any, str]],
) -> None:
    outcome = merge_row(fields, current, table="meeting")
    assert outcome.apply == applied
    assert outcome.conflicts == [FieldConflict(*c) for c in conflicts]
    assert outcome.invalid is None


def test_a_merge_that_breaks_a_spanning_rule_is_a_conflict() -> None:
    """Desk A moved the start to 15:00, the server already has the end at 14:00."""
    current = {"start_time": "10:00:00", "end_time": "14:00:00", "deleted_at": None}
    outcome = merge_row({"start_time": ("10:00:00", "15:00:00")}, current, table="meeting")
    assert outcome.apply == {}
    assert outcome.conflicts == [
        FieldConflict("start_time", "10:00:00", "15:00:00", "10:00:00", "rule")
    ]


def test_a_new_row_breaking_a_rule_is_invalid() -> None:
    outcome = merge_row(
        {"start_date": (None, "2026-05-01"), "end_date": (None, "2026-04-01")},
        None,
        table="project",
    )
    assert outcome.invalid == "終了日は開始日以降の日付にしてください"


def test_every_pushed_value_is_applied_unchanged_or_in_a_conflict() -> None:
    """The rule that matters: no pushed value is silently gone."""
    for _name, fields, current, _applied, _conflicts in CASES:
        outcome = merge_row(fields, current, table="meeting")
        for name, (_old, new) in fields.items():
            if name in ("updated_at", "created_at", "deleted_at"):
                continue
            kept = outcome.apply.get(name, (current or {}).get(name))
            assert kept == new or any(c.field == name for c in outcome.conflicts), name


@pytest.mark.parametrize(
    ("table", "column", "value", "message"),
    [
        ("assignment", "tier", 4, "tier は3以下にしてください"),
        ("project", "progress", -1, "progress は0以上にしてください"),
        ("organisation", "kind", "bank", "kind の値 'bank' は使えません"),
        ("organisation", "name", "x" * 201, "name は200文字以内にしてください"),
        ("meeting", "held_on", "2026-13-01", "held_on の値の形式が正しくありません"),
        ("meeting", "title", None, "title は空にできません"),
        ("action_item", "done", "yes", "done の値の形式が正しくありません"),
    ],
)
def test_values_are_checked_against_the_domain_model(
    table: str, column: str, value: object, message: str
) -> None:
    spec = table_specs()[table].columns[column]
    with pytest.raises(WireValueError, match=f"^{re.escape(message)}$"):
        from_wire(spec, value)


def test_wire_values_have_one_canonical_form() -> None:
    columns = table_specs()["meeting"].columns
    assert canonical(columns["id"], "A1B2C3D4E5F60718293A4B5C6D7E8F90") == (
        "a1b2c3d4-e5f6-0718-293a-4b5c6d7e8f90"
    )
    # SQLite's naive UTC text and an offset time are the same instant.
    assert canonical(columns["created_at"], "2026-04-01 09:00:00") == (
        canonical(columns["created_at"], "2026-04-01T18:00:00+09:00")
    )
    assert canonical(table_specs()["action_item"].columns["done"], 1) is True
