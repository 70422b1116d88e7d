"""Who may write what: the role table of the design note as plain functions.

======================================== =========== =========== =====
data                                     coordinator supervisor  admin
======================================== =========== =========== =====
meetings, attendance, action items,      write       read        all
projects (and their people), progress
entries, attachments, surveys (通いの場調査)
organisations, contacts, coordinators,   write       read        all
councils, areas, gathering places (and   (delete:
their link rows)                         admin)
reviews (確認)                           —           write own   all
user profiles, settings                  own profile own profile all
settings of project data                 write       read        all
(``project_page.narrative.*``)
======================================== =========== =========== =====

Who wrote a progress entry (進捗の記入者), and what the server can vouch for
(:func:`stamp_author`, on the insert of an entry; nobody but an admin changes
the author of an entry the server holds):

* the **change log** always names the account and device that uploaded each
  field (``actor``, ``device``, server time): that is the audit, and it cannot
  be claimed by a desk;
* the **account link** (``author_profile_id``) is set only to the uploader's
  own profile: a desk cannot make an entry another account's. A link to any
  other profile — one of the desk's own picker profiles, which never leave the
  desk, or another account — is dropped; the name stays;
* the **name** (``author``) is what the desk recorded. An entry linked to the
  uploader gets the uploader's account name. Any other entry keeps the name
  the desk wrote — the profile chosen in the desk's picker, or the name typed
  into 記入者 when none was — or no name at all: the server never makes the
  uploader the author of an entry that does not say so.

Why not stamp every new entry with the uploader: a desk that joins uploads
years of entries written by the people who used it alone (enrolment, in
transactions of ``capture.ENROLL_ROWS_PER_TX`` rows), and a shared desk's
offline entries may be pushed by whoever logs in next; stamping would name the
uploader as the author of every one of them — a false record the history could
not correct. The server cannot tell an enrolment from an ordinary edit (both
are inserts of rows it does not have, and a desk could claim either), so one
rule serves both: a logged-in desk's new entry carries its user's link (the
service records it) and is stamped; everything else is the desk's word for the
name, and the change log says whose word it was.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, server_text

OPERATIONAL = frozenset(
    {
        "meeting",
        "meeting_series",
        "meeting_coordinator",
        "meeting_organisation",
        "meeting_contact",
        "action_item",
        "project",
        "project_organisation",
        "progress_entry",
        "attachment",
        "project_coordinator",
        "project_contact",
        "survey_round",
        "survey_question",
        "survey_answer",
    }
)
MASTER = frozenset(
    {
        "area",
        "organisation",
        "organisation_area",
        "contact",
        "coordinator",
        "assignment",
        "council",
        "council_membership",
        "gathering_place",
    }
)
# Deleting one of these takes an admin; their link rows are ordinary edits.
MASTER_ENTITIES = frozenset(
    {"area", "organisation", "contact", "coordinator", "council", "gathering_place"}
)
REVIEWS = frozenset({"review"})
ADMINISTRATIVE = frozenset({"user_profile", "setting"})
PROJECT_SETTING_PREFIXES: tuple[str, ...] = ("project_page.narrative.",)
"""Keys of ``setting`` rows that are project data, not the municipality's
configuration: a project's public-page 紹介文 (``services/project_pages.py``
``NARRATIVE_KEY`` + the project id) is written by the coordinators who keep the
project, like the project itself."""
OWN_PROFILE_FIELDS = frozenset({"name", "kana", "sort_kana", "title", "updated_at"})
AUTHOR_FIELDS = frozenset({"author", "author_profile_id"})


@dataclass(frozen=True)
class Actor:
    """The user a push or request acts for."""

    user_id: str | None
    name: str
    role: ProfileRole
    profile_id: str | None


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


def check_change(
    actor: Actor,
    *,
    table: str,
    row_id: str,
    op: str,
    new_values: Mapping[str, Any],
    current: Mapping[str, Any] | None,
) -> Refusal | None:
    """Why ``actor`` may not make this row change, or None when allowed.

    ``new_values`` maps every column the change sets to its new wire value;
    ``current`` is the server's row (None when it does not exist yet).
    """
    if actor.role == ProfileRole.ADMIN:
        return None
    if table in OPERATIONAL:
        if actor.role != ProfileRole.COORDINATOR:
            return Refusal(
                "role_forbidden",
                server_text(
                    QT_TRANSLATE_NOOP(
                        "server", "上司(確認者)は会議・プロジェクトなどの記録を変更できません"
                    )
                ),
            )
        if table == "progress_entry" and current is not None:
            changed = {
                k for k in AUTHOR_FIELDS & new_values.keys() if new_values[k] != current.get(k)
            }
            if changed:
                return Refusal(
                    "author_locked",
                    server_text(QT_TRANSLATE_NOOP("server", "進捗の記入者は変更できません")),
                )
        return None
    if table in MASTER:
        if actor.role != ProfileRole.COORDINATOR:
            return Refusal(
                "role_forbidden",
                server_text(
                    QT_TRANSLATE_NOOP(
                        "server", "上司(確認者)は関係機関・地域などの情報を変更できません"
                    )
                ),
            )
        if table in MASTER_ENTITIES and _deletes(new_values, current):
            return Refusal(
                "admin_only_delete",
                server_text(
                    QT_TRANSLATE_NOOP(
                        "server",
                        "関係機関・連絡先・コーディネーター・協議体・地域・通いの場の削除は"
                        "管理者だけができます",
                    )
                ),
            )
        return None
    if table in REVIEWS:
        if actor.role != ProfileRole.SUPERVISOR:
            return Refusal(
                "role_forbidden",
                server_text(
                    QT_TRANSLATE_NOOP("server", "確認(レビュー)は上司(確認者)だけが記録できます")
                ),
            )
        owner = current.get("reviewer_profile_id") if current is not None else None
        claimed = new_values.get("reviewer_profile_id", owner)
        if claimed != actor.profile_id or (current is not None and owner != actor.profile_id):
            return Refusal(
                "not_own_review",
                server_text(QT_TRANSLATE_NOOP("server", "他の人の確認(レビュー)は変更できません")),
            )
        return None
    if table == "user_profile":
        own = current is not None and row_id == actor.profile_id
        if own and set(new_values) <= OWN_PROFILE_FIELDS:
            return None
        return Refusal(
            "admin_only",
            server_text(
                QT_TRANSLATE_NOOP(
                    "server", "利用者の情報は本人(氏名・ふりがな・役職)と管理者だけが変更できます"
                )
            ),
        )
    if table == "setting" and _is_project_setting(new_values, current):
        if actor.role != ProfileRole.COORDINATOR:
            return Refusal(
                "role_forbidden",
                server_text(
                    QT_TRANSLATE_NOOP(
                        "server", "上司(確認者)はプロジェクトの紹介文を変更できません"
                    )
                ),
            )
        return None
    if table in ADMINISTRATIVE:
        return Refusal(
            "admin_only",
            server_text(QT_TRANSLATE_NOOP("server", "自治体の設定は管理者だけが変更できます")),
        )
    return Refusal(
        "unknown_table",
        server_text(QT_TRANSLATE_NOOP("server", "同期できない表です: {table}"), table=table),
    )


def _is_project_setting(new_values: Mapping[str, Any], current: Mapping[str, Any] | None) -> bool:
    """Is this ``setting`` row project data, before and after the change?"""
    keys = {new_values.get("key", current.get("key") if current is not None else None)}
    if current is not None:
        keys.add(current.get("key"))
    return all(isinstance(key, str) and key.startswith(PROJECT_SETTING_PREFIXES) for key in keys)


def _deletes(new_values: Mapping[str, Any], current: Mapping[str, Any] | None) -> bool:
    if new_values.get("deleted_at") is None:
        return False
    # A row the server does not have yet deletes nothing anyone has seen: a desk
    # joining with years of records uploads the ones it deleted long ago too.
    return current is not None and current.get("deleted_at") is None


def stamp_author(actor: Actor, table: str, op: str, fields: dict[str, tuple[Any, Any]]) -> None:
    """On a new progress entry, keep only the authorship the server can vouch for (in place).

    See the module's doc: an entry linked to the uploader's own profile gets the
    uploader's account name; a link to any other profile is dropped and the
    name the desk recorded is kept (an entry without a name keeps none).
    """
    if table != "progress_entry" or op != "insert":
        return
    link = _profile_id(fields.get("author_profile_id", (None, None))[1])
    if link is None:
        return
    if actor.profile_id is not None and link == _profile_id(actor.profile_id):
        fields["author"] = (None, actor.name)
        fields["author_profile_id"] = (None, actor.profile_id)
        return
    fields["author_profile_id"] = (None, None)


def _profile_id(value: Any) -> str | None:
    """A profile id in one spelling (hyphens or 32 hex digits); a malformed one as given."""
    if value is None:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return str(value)
