"""The role table, table-driven (plain functions, no database)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.server.codec import table_specs
from coordinator_app.server.policy import (
    PROJECT_SETTING_PREFIXES,
    Actor,
    check_change,
    stamp_author,
)
from coordinator_app.services.project_pages import NARRATIVE_KEY

COORD = Actor("u1", "高橋 美咲", ProfileRole.COORDINATOR, "p-coord")
BOSS = Actor("u2", "山本 健", ProfileRole.SUPERVISOR, "p-boss")
ADMIN = Actor("u3", "管理者", ProfileRole.ADMIN, "p-admin")
NOW = "2026-04-01T00:00:00.000000Z"

# (actor, table, row_id, op, new values, current row, expected refusal code or None)
CASES: list[tuple[str, Actor, str, str, str, dict[str, Any], dict[str, Any] | None, str | None]] = [
    ("coordinator writes a meeting", COORD, "meeting", "m", "insert", {"title": "x"}, None, None),
    (
        "supervisor may not write a meeting",
        BOSS,
        "meeting",
        "m",
        "update",
        {"venue": "x"},
        {"venue": "y"},
        "role_forbidden",
    ),
    (
        "supervisor may not add a progress entry",
        BOSS,
        "progress_entry",
        "e",
        "insert",
        {"text": "x"},
        None,
        "role_forbidden",
    ),
    ("admin writes anything", ADMIN, "meeting", "m", "update", {"venue": "x"}, {}, None),
    (
        "coordinator edits an organisation",
        COORD,
        "organisation",
        "o",
        "update",
        {"name": "x"},
        {"deleted_at": None},
        None,
    ),
    (
        "coordinator may not delete an organisation",
        COORD,
        "organisation",
        "o",
        "update",
        {"deleted_at": NOW},
        {"deleted_at": None},
        "admin_only_delete",
    ),
    (
        "coordinator uploads an organisation deleted before the desk joined",
        COORD,
        "organisation",
        "o",
        "insert",
        {"name": "x", "deleted_at": NOW},
        None,
        None,
    ),
    (
        "coordinator removes a served area (a link row)",
        COORD,
        "organisation_area",
        "l",
        "update",
        {"deleted_at": NOW},
        {"deleted_at": None},
        None,
    ),
    (
        "admin deletes an organisation",
        ADMIN,
        "organisation",
        "o",
        "update",
        {"deleted_at": NOW},
        {"deleted_at": None},
        None,
    ),
    (
        "supervisor may not edit a contact",
        BOSS,
        "contact",
        "c",
        "update",
        {"name": "x"},
        {},
        "role_forbidden",
    ),
    (
        "coordinator may not write a review",
        COORD,
        "review",
        "r",
        "insert",
        {"reviewer_profile_id": "p-coord"},
        None,
        "role_forbidden",
    ),
    (
        "supervisor writes their own review",
        BOSS,
        "review",
        "r",
        "insert",
        {"reviewer_profile_id": "p-boss"},
        None,
        None,
    ),
    (
        "supervisor may not review in another's name",
        BOSS,
        "review",
        "r",
        "insert",
        {"reviewer_profile_id": "p-other"},
        None,
        "not_own_review",
    ),
    (
        "supervisor may not edit another's review",
        BOSS,
        "review",
        "r",
        "update",
        {"comment": "x"},
        {"reviewer_profile_id": "p-other"},
        "not_own_review",
    ),
    (
        "supervisor may not take over another's review",
        BOSS,
        "review",
        "r",
        "update",
        {"reviewer_profile_id": "p-boss"},
        {"reviewer_profile_id": "p-other"},
        "not_own_review",
    ),
    (
        "supervisor edits their own review",
        BOSS,
        "review",
        "r",
        "update",
        {"comment": "x"},
        {"reviewer_profile_id": "p-boss"},
        None,
    ),
    (
        "coordinator may not change a progress entry's author",
        COORD,
        "progress_entry",
        "e",
        "update",
        {"author": "誰か"},
        {"author": "高橋 美咲"},
        "author_locked",
    ),
    (
        "coordinator edits the text of a colleague's entry",
        COORD,
        "progress_entry",
        "e",
        "update",
        {"text": "x"},
        {"author": "別の人"},
        None,
    ),
    (
        "a user edits their own profile's name",
        COORD,
        "user_profile",
        "p-coord",
        "update",
        {"name": "高橋 美咲子"},
        {"role": "coordinator"},
        None,
    ),
    (
        "nobody but an admin changes a role",
        COORD,
        "user_profile",
        "p-coord",
        "update",
        {"role": "admin"},
        {"role": "coordinator"},
        "admin_only",
    ),
    (
        "nobody edits another's profile",
        BOSS,
        "user_profile",
        "p-coord",
        "update",
        {"name": "x"},
        {"role": "coordinator"},
        "admin_only",
    ),
    (
        "settings are the admin's",
        COORD,
        "setting",
        "s",
        "update",
        {"text_value": "x"},
        {},
        "admin_only",
    ),
    ("admin changes a setting", ADMIN, "setting", "s", "update", {"text_value": "x"}, {}, None),
    (
        "coordinator writes a project page's narrative",
        COORD,
        "setting",
        "s",
        "insert",
        {"key": "project_page.narrative.p1", "text_value": "紹介文"},
        None,
        None,
    ),
    (
        "coordinator edits a project page's narrative",
        COORD,
        "setting",
        "s",
        "update",
        {"text_value": "新しい紹介文"},
        {"key": "project_page.narrative.p1", "text_value": "紹介文"},
        None,
    ),
    (
        "supervisor may not write a narrative",
        BOSS,
        "setting",
        "s",
        "update",
        {"text_value": "x"},
        {"key": "project_page.narrative.p1"},
        "role_forbidden",
    ),
    (
        "a narrative row may not be turned into the municipality's setting",
        COORD,
        "setting",
        "s",
        "update",
        {"key": "municipality.name"},
        {"key": "project_page.narrative.p1"},
        "admin_only",
    ),
    (
        "coordinator may not write another setting",
        COORD,
        "setting",
        "s",
        "insert",
        {"key": "municipality.name", "text_value": "x"},
        None,
        "admin_only",
    ),
    (
        "unknown tables are refused",
        COORD,
        "sqlite_sequence",
        "x",
        "insert",
        {},
        None,
        "unknown_table",
    ),
]


@pytest.mark.parametrize(
    ("actor", "table", "row_id", "op", "new_values", "current", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_check_change(
    actor: Actor,
    table: str,
    row_id: str,
    op: str,
    new_values: dict[str, Any],
    current: dict[str, Any] | None,
    expected: str | None,
) -> None:
    refusal = check_change(
        actor, table=table, row_id=row_id, op=op, new_values=new_values, current=current
    )
    assert (refusal.code if refusal else None) == expected
    if refusal:
        assert refusal.message  # a Japanese reason for the desk's list of refused changes


def test_a_new_entry_linked_to_the_pusher_is_stamped_with_the_pushers_name() -> None:
    fields: dict[str, tuple[Any, Any]] = {
        "text": (None, "x"),
        "author": (None, "なりすまし"),
        "author_profile_id": (None, "p-coord"),
    }
    stamp_author(COORD, "progress_entry", "insert", fields)
    assert fields["author"] == (None, "高橋 美咲")
    assert fields["author_profile_id"] == (None, "p-coord")
    other: dict[str, tuple[Any, Any]] = {"text": ("a", "b")}
    stamp_author(COORD, "progress_entry", "update", other)
    assert other == {"text": ("a", "b")}


def test_a_link_the_pusher_cannot_vouch_for_is_dropped_and_the_desks_name_kept() -> None:
    # A profile of the desk's own picker (an enrolment), or another account's.
    for link in ("0123456789abcdef0123456789abcdef", "p-boss"):
        fields: dict[str, tuple[Any, Any]] = {
            "author": (None, "田中 一郎"),
            "author_profile_id": (None, link),
        }
        stamp_author(COORD, "progress_entry", "insert", fields)
        assert fields == {"author": (None, "田中 一郎"), "author_profile_id": (None, None)}


def test_an_entry_without_a_link_keeps_the_name_it_has_or_none() -> None:
    """Never the uploader: an old entry nobody signed stays unsigned."""
    for sent in ({"author": (None, "山田 太郎(前任)")}, {"author": (None, "")}, {}):
        fields: dict[str, tuple[Any, Any]] = {"text": (None, "x"), **sent}
        stamp_author(COORD, "progress_entry", "insert", fields)
        assert fields == {"text": (None, "x"), **sent}


def test_the_same_profile_id_in_either_spelling_is_the_pushers() -> None:
    profile = uuid.uuid4()
    actor = Actor("u9", "小林 優", ProfileRole.COORDINATOR, str(profile))
    fields: dict[str, tuple[Any, Any]] = {
        "author": (None, ""),
        "author_profile_id": (None, profile.hex),
    }
    stamp_author(actor, "progress_entry", "insert", fields)
    assert fields == {"author": (None, "小林 優"), "author_profile_id": (None, str(profile))}


def test_the_narrative_prefix_is_the_desks_key() -> None:
    assert PROJECT_SETTING_PREFIXES == (NARRATIVE_KEY,)


@pytest.mark.parametrize("table", sorted(table_specs()))
def test_every_synced_table_has_a_rule(table: str) -> None:
    """A table the server syncs but the role table forgets is refused to everyone
    but admins as "unknown": a coordinator's desk could not even join."""
    for actor in (COORD, BOSS):
        refusal = check_change(
            actor,
            table=table,
            row_id="r",
            op="insert",
            new_values={"key": "x"},
            current=None,
        )
        assert refusal is None or refusal.code != "unknown_table", (table, actor.name)


@pytest.mark.parametrize(
    "table", ["gathering_place", "survey_round", "survey_answer", "project_coordinator"]
)
def test_coordinators_keep_places_surveys_and_project_people(table: str) -> None:
    values = {"name": "x"}
    assert (
        check_change(COORD, table=table, row_id="r", op="insert", new_values=values, current=None)
        is None
    )
    assert check_change(BOSS, table=table, row_id="r", op="insert", new_values=values, current=None)
