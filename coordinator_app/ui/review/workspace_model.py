"""The supervisor's review table: every project with the figures to scan, loaded by pages."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from coordinator_app.services.reviews import ReviewService, WorkspaceFilter, WorkspaceRow
from coordinator_app.ui.common.plain_text import plain_tooltip
from coordinator_app.ui.common.table_model import ID_ROLE
from coordinator_app.ui.dates import DateFormat
from coordinator_app.ui.labels import enum_label

AnyIndex = QModelIndex | QPersistentModelIndex

STALLED_BACKGROUND = QColor("#ffe0b2")
STALLED_ROLE = Qt.ItemDataRole.UserRole + 2
"""Data role: True when the row's project is stalled."""
ALERT_COLOUR = QColor("#c62828")
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        ID_ROLE,
        STALLED_ROLE,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
"""The roles :meth:`WorkspaceTableModel.data` answers."""


@dataclass(frozen=True)
class _Column:
    header: str
    numeric: bool = False


class WorkspaceTableModel(QAbstractTableModel):
    """Projects by title; a page of :data:`PAGE_SIZE` rows at a time (fetchMore).

    The service computes every figure in SQL for one page at a time, so the
    first paint costs the same for 20 or 20,000 projects. Stalled projects
    (active, no entry for more than ``stalled_days``) get a highlighted row.
    """

    TITLE, STATUS, PROGRESS, LEAD, AREA, LAST_ENTRY, DAYS, OPEN, OVERDUE, UNREVIEWED = range(10)
    PAGE_SIZE = 50
    """More than a tall screen shows: each row's figures are correlated subqueries, so
    the first page is what the window pays before it paints; scrolling reads on."""

    def __init__(
        self,
        service: ReviewService,
        dates: DateFormat,
        *,
        stalled_days: int,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.dates = dates
        self.stalled_days = stalled_days
        self.filter = WorkspaceFilter()
        self.today = date.today()
        self._rows: list[WorkspaceRow] = []
        self._total = 0
        self._shown: dict[int, tuple[str, ...]] = {}
        """Each row's texts, made once when first asked (sizing and painting ask often)."""
        self._status_text: dict[object, str] = {}
        self._columns = [
            _Column(self.tr("プロジェクト名")),
            _Column(self.tr("状況")),
            _Column(self.tr("進捗率"), numeric=True),
            _Column(self.tr("担当")),
            _Column(self.tr("地域")),
            _Column(self.tr("最終記録日")),
            _Column(self.tr("経過日数"), numeric=True),
            _Column(self.tr("未完了の対応事項"), numeric=True),
            _Column(self.tr("期限切れ"), numeric=True),
            _Column(self.tr("未確認"), numeric=True),
        ]

    # -- query -------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Projects matching the filter (not only those loaded)."""
        return self._total

    def set_filter(self, flt: WorkspaceFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.refresh()

    def set_stalled_days(self, days: int) -> None:
        if days != self.stalled_days:
            self.stalled_days = days
            self.refresh()

    def refresh(self, *, today: date | None = None) -> None:
        """Reload from the first page (as many rows as were loaded, so a view keeps its place)."""
        self.today = today or date.today()
        wanted = max(len(self._rows), self.PAGE_SIZE)
        total = self.service.workspace_count(self.filter)
        rows = self._page(0, wanted)
        self.beginResetModel()
        self._rows = rows
        self._total = total
        self._shown = {}
        self._status_text = {}
        self.endResetModel()

    def _page(self, offset: int, limit: int) -> list[WorkspaceRow]:
        return self.service.workspace(
            self.filter,
            stalled_days=self.stalled_days,
            today=self.today,
            offset=offset,
            limit=limit,
        )

    # -- rows --------------------------------------------------------------------

    def row_item(self, row: int) -> WorkspaceRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> uuid.UUID | None:
        item = self.row_item(row)
        return item.project.id if item is not None else None

    def row_of(self, project_id: uuid.UUID | None) -> int:
        for i, row in enumerate(self._rows):
            if row.project.id == project_id:
                return i
        return -1

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # -- Qt model ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        rows = self._page(len(self._rows), self.PAGE_SIZE)
        if not rows:
            self._total = len(self._rows)  # projects were deleted meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return section + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # sizing and painting ask every cell for a dozen roles
            return None
        row = self.row_item(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self._shown.get(index.row())
            if shown is None:
                shown = self._shown[index.row()] = self._texts(row)
            return shown[column]
        if role == ID_ROLE:
            return row.project.id
        if role == STALLED_ROLE:
            return row.stalled
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[column].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.stalled:
            return QBrush(STALLED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and (
            (column == self.OVERDUE and row.overdue_items) or (column == self.DAYS and row.stalled)
        ):
            return QBrush(ALERT_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column == self.UNREVIEWED and row.unreviewed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def display(self, row: WorkspaceRow, column: int) -> str:
        return self._texts(row)[column]

    def _texts(self, row: WorkspaceRow) -> tuple[str, ...]:
        project = row.project
        status = self._status_text.get(project.status)
        if status is None:
            status = self._status_text[project.status] = enum_label(project.status)
        values: tuple[object, ...] = (
            project.title,
            status,
            f"{project.progress}%",
            row.lead_name,
            row.area_name,
            self.dates.format(row.last_entry_date),
            "" if row.days_since is None else row.days_since,
            row.open_items or "",
            row.overdue_items or "",
            row.unreviewed or "",
        )
        return tuple(str(value) for value in values)

    def _tooltip(self, row: WorkspaceRow, column: int) -> str | None:
        if row.stalled:
            if row.days_since is None:
                return self.tr("停滞: 進捗の記録がありません")
            return self.tr("停滞: {days}日間、進捗の記録がありません(目安 {limit}日)").format(
                days=row.days_since, limit=self.stalled_days
            )
        if column == self.TITLE and len(row.project.title) > 20:
            return plain_tooltip(row.project.title)
        return None
