"""The 対応事項 view: open and overdue action items of all meetings, filterable by owner."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain import kana
from coordinator_app.domain.changes import Changes
from coordinator_app.domain.models import ActionItem
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import NotFoundError, Row
from coordinator_app.ui.action_items.marking import mark_done
from coordinator_app.ui.action_items.open_item_model import OpenItemModel
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.list_table import list_table, size_columns
from coordinator_app.ui.common.pickers import (
    ContactOptions,
    RecordCombo,
    TaggedOptions,
    options_of,
)
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.column_widths import ensure_min_widths
from coordinator_app.ui.profiles.current import gate_writes

HEADER_STATE = "action_item_view/header2"
"""Saved column widths (2: the item text stretches; older states squeezed it)."""
COORDINATOR_PREFIX = "coordinator:"
CONTACT_PREFIX = "contact:"
WATCHED = frozenset(
    {
        RecordKind.ACTION_ITEM,
        RecordKind.MEETING,
        RecordKind.COORDINATOR,
        RecordKind.CONTACT,
        RecordKind.ORGANISATION,
    }
)


class ActionItemView(QWidget):
    """Open items earliest due first; overdue ones in red.

    Filters: owner (a coordinator or a contact), 期限切れのみ, and a text box
    over content, owner and meeting. Enter or double-click opens the item's
    meeting (through the event hub), Space marks the selected items done
    (Ctrl+Z takes it back), 編集… opens the item.

    Attributes:
        dialog: the item dialog opened last (None before the first).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action_item_view")
        self.ctx = ctx
        self.dialog: ActionItemDialog | None = None
        self.owner_combo = RecordCombo(self, none_text=self.tr("すべての担当者"))
        self.owner_combo.setMinimumContentsLength(18)
        self.overdue_check = QCheckBox(self.tr("期限切れのみ"), self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("内容・担当・会議名で絞り込み"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        owner_label = QLabel(self.tr("担当(&O)"), self)
        owner_label.setBuddy(self.owner_combo)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(owner_label)
        bar.addWidget(self.owner_combo)
        bar.addWidget(self.overdue_check)

        self.model = OpenItemModel(ctx.dates, self._rows, self)
        self.table = list_table(self.model, self, stretch_last=False)
        self.table.setTabKeyNavigation(False)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("action_item_count")

        self.done_button = QPushButton(self.tr("完了にする"), self)
        self.done_button.setToolTip(
            self.tr("選んだ対応事項を完了にします (Space、Ctrl+Z で戻せます)")
        )
        self.edit_button = QPushButton(icon("edit"), self.tr("編集…"), self)
        self.open_button = QPushButton(icon("meeting"), self.tr("会議を開く"), self)
        self.open_button.setToolTip(self.tr("対応事項を決めた会議を開きます (Enter)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.owner_combo.currentIndexChanged.connect(self.refresh)
        self.overdue_check.toggled.connect(self.refresh)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.done_button.clicked.connect(self.mark_selected_done)
        self.edit_button.clicked.connect(self.edit_selected)
        self.open_button.clicked.connect(self.open_selected_meeting)
        for keys, slot in (
            (Qt.Key.Key_Space, self.mark_selected_done),
            (Qt.Key.Key_Return, self.open_selected_meeting),
            (Qt.Key.Key_Enter, self.open_selected_meeting),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self.model.redisplay)
        ctx.events.sig_display_changed.connect(self._readable_columns)
        self._readable_columns()
        ctx.events.sig_display_changed.connect(self._update_buttons)
        self.refresh_owners()
        self.refresh()

    # -- the informal page interface (title, icon, filter focus, layout) ---------------

    def title(self) -> str:
        return self.tr("対応事項")

    def icon_name(self) -> str:
        return "edit"

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def save_layout(self) -> None:
        self.ctx.settings.set_layout_state(HEADER_STATE, self.table.horizontalHeader().saveState())

    def restore_layout(self) -> None:
        state = self.ctx.settings.layout_state(HEADER_STATE)
        if state is None or not self.table.horizontalHeader().restoreState(state):
            size_columns(self.table)
        self._readable_columns()

    def _readable_columns(self) -> None:
        """The item text takes the free width; the others show whole dates and headers."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OpenItemModel.TEXT, QHeaderView.ResizeMode.Stretch)
        ensure_min_widths(
            self.table,
            date_columns=(OpenItemModel.DUE, OpenItemModel.HELD_ON),
            dates=self.ctx.dates,
        )

    # -- data --------------------------------------------------------------------

    def refresh_owners(self) -> None:
        """Reload the owner choices: coordinators and contacts (with their organisation)."""
        services = self.ctx.services
        self.owner_combo.set_options(
            TaggedOptions(
                [
                    (COORDINATOR_PREFIX, options_of(services.coordinators), ""),
                    (CONTACT_PREFIX, ContactOptions(services), ""),
                ]
            )
        )

    def set_owner(
        self, *, coordinator_id: uuid.UUID | None = None, contact_id: uuid.UUID | None = None
    ) -> None:
        """Show the items of one owner (both None: everyone's)."""
        if coordinator_id is not None:
            self.owner_combo.set_current_value(f"{COORDINATOR_PREFIX}{coordinator_id}")
        elif contact_id is not None:
            self.owner_combo.set_current_value(f"{CONTACT_PREFIX}{contact_id}")
        else:
            self.owner_combo.set_current_value(None)
        self.refresh()

    def refresh(self) -> None:
        self._filter_timer.stop()
        selected = set(self.selected_ids())
        self.model.refresh()
        for row in range(self.model.rowCount()):
            if self.model.id_at(row) in selected:
                self.table.selectRow(row)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.setCurrentIndex(self.model.index(0, 0))
        overdue = self.model.overdue_count()
        self.count_label.setText(
            self.tr("未完了 {count}件(うち期限切れ {overdue}件)").format(
                count=self.model.rowCount(), overdue=overdue
            )
        )
        self.count_label.setStyleSheet("color: #c62828;" if overdue else "")
        self._update_buttons()

    def _rows(self) -> Sequence[Row[ActionItem]]:
        owner = self.owner_combo.current_value()
        coordinator_id = contact_id = None
        if isinstance(owner, str) and owner.startswith(COORDINATOR_PREFIX):
            coordinator_id = uuid.UUID(owner.removeprefix(COORDINATOR_PREFIX))
        elif isinstance(owner, str) and owner.startswith(CONTACT_PREFIX):
            contact_id = uuid.UUID(owner.removeprefix(CONTACT_PREFIX))
        rows = self.ctx.services.action_items.open_items(
            owner_coordinator_id=coordinator_id,
            owner_contact_id=contact_id,
            overdue_only=self.overdue_check.isChecked(),
        ).rows
        needle = kana.normalise(self.filter_edit.text())
        if not needle:
            return rows
        return [
            row
            for row in rows
            if any(
                needle in kana.normalise(str(value))
                for value in (
                    row.record.text,
                    row.extra.get("owner_name", ""),
                    row.extra.get("meeting_title", ""),
                )
            )
        ]

    # -- actions -----------------------------------------------------------------

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.id_at(row) for row in rows) if i is not None]

    def mark_selected_done(self) -> bool:
        return mark_done(self.ctx, self.selected_ids(), on_error=self._warn)

    def open_selected_meeting(self) -> bool:
        index = self.table.currentIndex()
        meeting_id = self.model.meeting_id_at(index.row()) if index.isValid() else None
        if meeting_id is None:
            return False
        self.ctx.events.open_record(RecordKind.MEETING, meeting_id)
        return True

    def edit_selected(self) -> ActionItemDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        try:
            item = self.ctx.services.action_items.get(ids[0])
        except NotFoundError as exc:
            self._warn(error_text(exc))
            return None
        dialog = ActionItemDialog(self.ctx, owner_id=item.meeting_id, record=item, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.open_selected_meeting()

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.COORDINATOR, RecordKind.CONTACT):
            self.refresh_owners()
        if changes.touches(*WATCHED):
            self.refresh()

    def _update_buttons(self) -> None:
        selected = bool(self.selected_ids())
        gate_writes(self.ctx, (self.done_button, self.edit_button), enabled=selected)
        self.open_button.setEnabled(selected)

    def _warn(self, text: str) -> None:
        self.ctx.prompts.warn(self, title=self.tr("操作できません"), text=text)
