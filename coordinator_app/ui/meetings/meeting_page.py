"""The 会議 page: the meeting list and the meeting form."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.enums import MeetingKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.events import RecordKind
from coordinator_app.ui.labels import enum_choices
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel


class MeetingPage(RecordPage):
    """Meetings, newest first, with a filter by kind."""

    kind = RecordKind.MEETING
    watched = frozenset(
        {RecordKind.COUNCIL, RecordKind.PROJECT, RecordKind.COORDINATOR, RecordKind.ORGANISATION}
    )

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            model=MeetingTableModel(ctx.services.meetings, ctx.dates),
            editor=MeetingEditor(ctx),
            parent=parent,
        )
        self.setObjectName("meeting_page")
        self.kind_filter = self.add_filter_combo(
            "kind", self.tr("すべての種類"), [(m.value, t) for m, t in enum_choices(MeetingKind)]
        )

    def title(self) -> str:
        return self.tr("会議")

    def icon_name(self) -> str:
        return "meeting"

    def filter_placeholder(self) -> str:
        return self.tr("会議名・会場で絞り込み (Ctrl+F)")

    def filter_value(self, key: str, data: object) -> object:
        return MeetingKind(data) if data is not None else None
