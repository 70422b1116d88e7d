"""Fast entry of a meeting: what the form fills in so that the user types less.

- choosing a council offers its members as attendees, its usual venue and its
  name as the title (only where the user has not typed something else);
- a new meeting starts today at the last used time slot;
- the venue completes from recent venues (:mod:`venue_completer`);
- 前回をコピー starts from the latest meeting of the same series, council,
  project or kind, with 「第n回」 in its title counted up.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.enums import MeetingKind
from coordinator_app.domain.models import Meeting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.session_titles import next_session_title
from coordinator_app.services.meetings import Attendance, CouncilDefaults
from coordinator_app.ui.meetings.venue_completer import VenueCompleter

if TYPE_CHECKING:
    from coordinator_app.ui.meetings.meeting_editor import MeetingEditor


@dataclass
class _AutoFilled:
    """What the form filled in itself: replaced freely, unlike what the user typed."""

    title: str = ""
    venue: str = ""
    organisations: set[uuid.UUID] = field(default_factory=set)
    contacts: set[uuid.UUID] = field(default_factory=set)


class FastEntry(QObject):
    """Defaults and "copy previous" for one :class:`MeetingEditor`."""

    def __init__(self, editor: MeetingEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.services = editor.ctx.services
        self._auto = _AutoFilled()
        self.venue_completer = VenueCompleter(
            editor.venue_edit, self.services.meetings, editor.ctx.settings
        )
        editor.council_combo.currentIndexChanged.connect(self._council_changed)
        editor.ctx.events.sig_records_changed.connect(self._records_changed)

    @property
    def venues(self) -> QStringListModel:
        """The venue suggestions (read on first use)."""
        return self.venue_completer.venues

    def refresh_venues(self) -> None:
        self.venue_completer.refresh()

    def reset(self) -> None:
        """A record was loaded: nothing on the form was filled in by us."""
        self._auto = _AutoFilled()

    def blank(self) -> Meeting:
        """A new meeting: today, at the last used time slot, on site, kind 協議体."""
        meeting: Meeting = self.editor.default_meeting()
        meeting.start_time, meeting.end_time = self.services.meetings.last_time_slot()
        return meeting

    # -- council defaults ------------------------------------------------------------

    def _council_changed(self, _index: int) -> None:
        if self.editor.loading:
            return
        council_id = self.editor.council_combo.current_value()
        if not isinstance(council_id, uuid.UUID):
            return
        try:
            on = self.editor.date_field.date()
        except ValueError:
            on = None
        self.apply_council(council_id, self.services.meetings.council_defaults(council_id, on))

    def apply_council(self, council_id: uuid.UUID, defaults: CouncilDefaults) -> None:
        """Offer the council's members, venue and name where the user typed nothing."""
        e = self.editor
        name = e.council_combo.currentText()
        with e.programmatic():
            if e.title_edit.text().strip() in ("", self._auto.title):
                e.title_edit.setText(name)
                self._auto.title = name
            if defaults.venue and e.venue_edit.text().strip() in ("", self._auto.venue):
                e.venue_edit.setText(defaults.venue)
                self._auto.venue = defaults.venue
            added = self._offer(
                e.organisation_list, self._auto.organisations, defaults.organisation_ids
            )
            self._auto.organisations = set(defaults.organisation_ids)
            added += self._offer(e.contact_list, self._auto.contacts, defaults.contact_ids)
            self._auto.contacts = set(defaults.contact_ids)
        e.attendees.update_total()
        e.carried_over_changed()
        if added:
            e.show_hint(
                self.tr(
                    "協議体の委員 {count}件を出席に入れました。欠席の方はチェックを外してください。",  # noqa: E501
                    "",
                    added,
                ).format(count=added)
            )
        e.touched()

    @staticmethod
    def _offer(check_list: object, auto: set[uuid.UUID], members: list[uuid.UUID]) -> int:
        """Check ``members``; drop what we checked for the previous council unless
        the user changed the list since."""
        checked = set(check_list.checked_values())  # type: ignore[attr-defined]
        keep = set() if checked == auto else checked
        check_list.set_checked_values(keep | set(members))  # type: ignore[attr-defined]
        return len(set(members) - keep)

    # -- copy previous ---------------------------------------------------------------

    def previous(self) -> Meeting | None:
        """The latest other meeting like the one shown, on or before the form's date
        (sessions planned ahead are not "previous"): of its series, else of the
        council chosen, else of the project chosen, else of the same kind."""
        e = self.editor
        series_id = e.record.series_id if isinstance(e.record, Meeting) else None
        council_id = e.council_combo.current_value()
        project_id = e.project_combo.current_value()
        kwargs: dict[str, object]
        if series_id is not None:
            kwargs = {"series_id": series_id}
        elif isinstance(council_id, uuid.UUID):
            kwargs = {"council_id": council_id}
        elif isinstance(project_id, uuid.UUID):
            kwargs = {"project_id": project_id}
        elif isinstance(e.kind_combo.value(), MeetingKind):
            kwargs = {"kind": e.kind_combo.value()}
        else:
            return None
        try:
            before = e.date_field.date()
        except ValueError:
            before = None
        meetings = self.services.meetings
        found = meetings.previous_meeting(**kwargs, before=before)  # type: ignore[arg-type]
        if found is not None and found.id == e.current_id:
            found = meetings.previous_meeting(
                **kwargs,  # type: ignore[arg-type]
                before=found.held_on - timedelta(days=1),
            )
        return found

    def copy_previous(self) -> bool:
        """Fill the form from the previous meeting (the date stays); False when there is none."""
        e = self.editor
        previous = self.previous()
        if previous is None:
            e.prompts.inform(
                e,
                title=self.tr("前回をコピー"),
                text=self.tr(
                    "コピーできる前回の会議がありません。\n"
                    "同じ協議体・プロジェクト・種類の会議が、この開催日より前にありません。"
                ),
            )
            return False
        if e.is_dirty and not e.prompts.confirm(
            e,
            title=self.tr("前回をコピー"),
            text=self.tr("入力中の内容を「{title}」({date})の内容で置き換えますか?").format(
                title=previous.title, date=e.ctx.dates.format(previous.held_on)
            ),
            accept_text=self.tr("置き換える"),
        ):
            return False
        self.fill_from(previous, self.services.meetings.full_attendance(previous.id))
        e.show_hint(
            self.tr("「{title}」({date})をコピーしました。日付と内容を確認してください。").format(
                title=previous.title, date=e.ctx.dates.format(previous.held_on)
            )
        )
        return True

    def fill_from(self, previous: Meeting, attendance: Attendance) -> None:
        """Kind, title, times, venue, mode, capacities, links, agenda and attendance."""
        e = self.editor
        with e.programmatic():
            e.kind_combo.set_value(previous.kind)
            e.council_combo.set_current_value(previous.council_id)
            e.project_combo.set_current_value(previous.project_id)
            # 第5回 → 第6回 (also ５ → ６ and 五 → 六): this is the next meeting.
            e.title_edit.setText(next_session_title(previous.title))
            e.start_field.set_time(previous.start_time)
            e.end_field.set_time(previous.end_time)
            e.venue_edit.setText(previous.venue)
            e.mode_combo.set_value(previous.mode)
            e.capacity_on_site.set_number(previous.capacity_on_site)
            e.capacity_online.set_number(previous.capacity_online)
            e.agenda_edit.setPlainText(previous.agenda)
            e.coordinator_list.set_checked_values(attendance.coordinator_ids)
            e.organisation_list.set_checked_values(attendance.organisation_ids)
            e.contact_list.set_checked_values(attendance.contact_ids)
        self._auto = _AutoFilled()
        e.attendees.update_total()
        e.carried_over_changed()
        e.touched()

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.MEETING):
            self.refresh_venues()
