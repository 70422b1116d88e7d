"""The meeting form's state as a draft: every field exactly as shown, typos included.

Texts are kept as typed (an unreadable date stays unreadable), choices by id,
so restoring after a crash puts back precisely what was on the screen.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.record_kind import RecordKind

if TYPE_CHECKING:
    from coordinator_app.ui.meetings.meeting_editor import MeetingEditor

DRAFT_KIND = RecordKind.MEETING.value
STATE_VERSION = 1

LINE_FIELDS = {
    "title": "title_edit",
    "held_on": "date_field",
    "start_time": "start_field",
    "end_time": "end_field",
    "venue": "venue_edit",
    "capacity_on_site": "capacity_on_site",
    "capacity_online": "capacity_online",
    "participants_on_site": "participants_on_site",
    "participants_online": "participants_online",
    "recorder": "recorder_edit",
    "approved_by": "approved_by_edit",
    "approved_on": "approved_on_field",
}
TEXT_FIELDS = {
    "agenda": "agenda_edit",
    "minutes": "minutes_edit",
    "decisions": "decisions_edit",
    "absentees": "absentees_edit",
}
RECORD_COMBOS = {
    "council_id": "council_combo",
    "project_id": "project_combo",
    "area_id": "area_combo",
}
ATTENDEE_LISTS = {
    "coordinators": "coordinator_list",
    "organisations": "organisation_list",
    "contacts": "contact_list",
}
FIELD_NAMES = (
    "kind",
    "mode",
    *LINE_FIELDS,
    *TEXT_FIELDS,
    *RECORD_COMBOS,
    *ATTENDEE_LISTS,
)
"""Every field a draft carries (tests compare them all)."""


def capture(editor: MeetingEditor) -> dict[str, Any]:
    """The form as a JSON-able dict."""
    state: dict[str, Any] = {"version": STATE_VERSION}
    state["kind"] = _enum_value(editor.kind_combo.value())
    state["mode"] = _enum_value(editor.mode_combo.value())
    for name, attr in LINE_FIELDS.items():
        state[name] = getattr(editor, attr).text()
    for name, attr in TEXT_FIELDS.items():
        state[name] = getattr(editor, attr).toPlainText()
    for name, attr in RECORD_COMBOS.items():
        value = getattr(editor, attr).current_value()
        state[name] = str(value) if value is not None else None
    for name, attr in ATTENDEE_LISTS.items():
        state[name] = [str(v) for v in getattr(editor, attr).checked_values()]
    state["tab"] = editor.tabs.currentIndex() if editor.tabs is not None else 0
    return state


def restore(editor: MeetingEditor, state: dict[str, Any]) -> None:
    """Put ``state`` back into the widgets (the caller marks the form dirty)."""
    if state.get("kind"):
        editor.kind_combo.set_value(MeetingKind(state["kind"]))
    if state.get("mode"):
        editor.mode_combo.set_value(MeetingMode(state["mode"]))
    for name, attr in LINE_FIELDS.items():
        if name in state:
            getattr(editor, attr).setText(str(state[name]))
    for name, attr in TEXT_FIELDS.items():
        if name in state:
            getattr(editor, attr).setPlainText(str(state[name]))
    for name, attr in RECORD_COMBOS.items():
        if name in state:
            getattr(editor, attr).set_current_value(uuid_or_none(state[name]))
    for name, attr in ATTENDEE_LISTS.items():
        if name in state:
            getattr(editor, attr).set_checked_values(
                [u for u in (uuid_or_none(v) for v in state[name]) if u is not None]
            )
    if editor.tabs is not None:
        editor.tabs.setCurrentIndex(int(state.get("tab", 0) or 0))


def draft_title(editor: MeetingEditor) -> str:
    """How the restore question names the draft: title and date as typed."""
    title = editor.title_edit.text().strip() or QCoreApplication.translate(
        "MeetingDraft", "(会議名なし)"
    )
    held_on = editor.date_field.text().strip()
    return f"{title} {held_on}".strip()


def _enum_value(member: object) -> str | None:
    return None if member is None else str(getattr(member, "value", member))


def uuid_or_none(value: object) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
