"""The 会議 and 対応事項 tabs: a project's meetings and the action items they created."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coordinator_app.domain.models import ActionItem, Meeting
from coordinator_app.services.base import ListQuery, Row
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.table_model import ChildTableModel, Column
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import enum_label

AnyIndex = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = QColor("#c62828")


def project_meetings(services: Services, project_id: uuid.UUID) -> list[Row[Meeting]]:
    """The project's live meetings, newest first (with attendee counts); all of them, so
    not counted first (the tab shows no total)."""
    query = ListQuery(
        filters={"project_id": project_id}, sort="date", descending=True, with_total=False
    )
    return services.meetings.list_rows(query).rows


class ProjectMeetingModel(ChildTableModel[Row[Meeting]]):
    """Meetings linked to the project, newest first."""

    DATE, KIND, ATTENDEES, PARTICIPANTS, TITLE = range(5)

    def __init__(self, services: Services, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.services = services

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("開催日")),
            Column(self.tr("種類")),
            Column(self.tr("出席機関・SC"), numeric=True),
            Column(self.tr("参加者数"), numeric=True),
            Column(self.tr("会議名")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[Row[Meeting]]:
        return project_meetings(self.services, owner_id)

    def record_id(self, row: Row[Meeting]) -> uuid.UUID:
        return row.record.id

    def display(self, row: Row[Meeting], column: int) -> object:
        meeting = row.record
        if column == self.DATE:
            return meeting.held_on
        if column == self.KIND:
            return enum_label(meeting.kind)
        if column == self.ATTENDEES:
            return row.extra.get("attendee_count") or ""
        if column == self.PARTICIPANTS:
            counts = (meeting.participants_on_site, meeting.participants_online)
            return "" if counts == (None, None) else sum(c or 0 for c in counts)
        return meeting.title


class ProjectActionItemModel(ChildTableModel[Row[ActionItem]]):
    """Action items of the project's meetings: open ones first, earliest due first.

    A row's id is the *meeting's* id, so that double-clicking opens the meeting
    that created the item (action items have no page of their own).
    """

    DUE, DONE, OWNER, MEETING, TEXT = range(5)

    def __init__(self, services: Services, dates: DateFormat, parent: Any = None) -> None:
        super().__init__(dates, parent)
        self.services = services
        self.today = date.today()

    def columns(self) -> list[Column]:
        return [
            Column(self.tr("期限")),
            Column(self.tr("完了")),
            Column(self.tr("担当")),
            Column(self.tr("会議")),
            Column(self.tr("内容")),
        ]

    def fetch(self, owner_id: uuid.UUID) -> Sequence[Row[ActionItem]]:
        self.today = date.today()
        items = self.services.action_items.for_project(owner_id).rows
        return sorted(
            items,
            key=lambda r: (r.record.done, r.record.due_date is None, r.record.due_date or date.max),
        )

    def record_id(self, row: Row[ActionItem]) -> uuid.UUID:
        return row.record.meeting_id

    def display(self, row: Row[ActionItem], column: int) -> object:
        item = row.record
        if column == self.DUE:
            return item.due_date
        if column == self.DONE:
            return item.done
        if column == self.OWNER:
            return row.extra.get("owner_name", "")
        if column == self.MEETING:
            when = row.extra.get("meeting_date")
            title = row.extra.get("meeting_title", "")
            return f"{self.dates.format(when)} {title}".strip()
        return item.text.splitlines()[0] if item.text else ""

    def is_overdue(self, row: Row[ActionItem]) -> bool:
        item = row.record
        return not item.done and item.due_date is not None and item.due_date < self.today

    def open_count(self) -> int:
        return sum(not r.record.done for r in self._rows)

    def overdue_count(self) -> int:
        return sum(self.is_overdue(r) for r in self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_item(index.row()) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(row):
            return QBrush(OVERDUE_COLOUR)
        if row is not None and role == Qt.ItemDataRole.ToolTipRole and index.column() == self.DUE:
            return self.tr("期限切れ") if self.is_overdue(row) else None
        return super().data(index, role)
