"""The 進捗状況 tab: a project's dated entries with their review state and attachments."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.services.base import NotFoundError
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.table_model import fit_columns
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.events import RecordKind
from coordinator_app.ui.profiles.current import current_profile
from coordinator_app.ui.projects.authored_progress import AuthoredProgress
from coordinator_app.ui.projects.display import ATTACHMENT, REVIEW, format_stamp
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from coordinator_app.ui.projects.progress_log_model import ProgressLogModel
from coordinator_app.ui.projects.project_attachments import ProjectAttachmentPanel
from coordinator_app.ui.review.review_dialog import ReviewDialog
from coordinator_app.ui.undo import delete_with_undo


class ProgressLogPanel(QWidget):
    """Entries newest first; below the table, the selected entry's attachments.

    A coordinator (or no profile) adds, edits and deletes entries and attaches
    files; a supervisor's profile gets the same view read-only plus
    確認済にする for the selected or all unreviewed entries, and can narrow the
    list to what changed since their last review. The service refuses a
    supervisor's edits even if a widget let one through.

    Attributes:
        dialog: the entry dialog opened last (None before the first).
        review_dialog: the review dialog opened last.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ProgressLogModel(ctx.services, ctx.dates, self)
        self.entries = AuthoredProgress(ctx)
        self.dialog: ProgressEntryDialog | None = None
        self.review_dialog: ReviewDialog | None = None
        self.supervisor = False
        self._syncing = False

        self.hint = QLabel(self.tr("先に概要を保存してください"), self)
        self.changes_label = QLabel(self)
        self.changes_check = QCheckBox(self.tr("前回の確認以降の変更だけを表示"), self)
        self.changes_check.toggled.connect(self._changes_toggled)
        changes_row = QHBoxLayout()
        changes_row.addWidget(self.changes_label, 1)
        changes_row.addWidget(self.changes_check)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._double_clicked)
        self.attachments = ProjectAttachmentPanel(
            ctx, owner="progress_entry_id", title=self.tr("選んだ進捗の添付ファイル(写真・資料)")
        )
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.attachments)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self.add_button = QPushButton(icon("new"), self.tr("追加…"), self)
        self.edit_button = QPushButton(icon("edit"), self.tr("編集…"), self)
        self.delete_button = QPushButton(icon("delete"), self.tr("削除"), self)
        self.review_button = QPushButton(self.tr("選んだ進捗を確認済にする…"), self)
        self.review_all_button = QPushButton(self.tr("未確認をすべて確認済にする…"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.review_all_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(changes_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.review_button.clicked.connect(self.review_selected)
        self.review_all_button.clicked.connect(self.review_unreviewed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self.model.redisplay)
        self.update_role()
        self.set_owner(None)

    @property
    def owner_id(self) -> uuid.UUID | None:
        return self.model.owner_id

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        """Show the log of project ``owner_id`` (None: a new, unsaved project)."""
        if owner_id != self.model.owner_id:
            self.changes_check.setChecked(False)
            self.model.only_ids = None
        self.model.load(owner_id)
        fit_columns(self.table)
        self.hint.setVisible(owner_id is None)
        self._update_changes()
        self._update_buttons()

    def update_role(self) -> None:
        """Re-read the current profile: supervisors review, others edit."""
        profile = current_profile(self.ctx)
        self.supervisor = profile is not None and profile.role == ProfileRole.SUPERVISOR
        for widget in (self.review_button, self.review_all_button, self.changes_check):
            widget.setVisible(self.supervisor)
        self.changes_label.setVisible(self.supervisor)
        self.attachments.set_editable(not self.supervisor)
        self._update_changes()
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the entries, keeping the selection (and so the attachments shown)."""
        selected = self.selected_ids()
        self._syncing = True
        try:
            self.model.refresh()
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            for entry_id in selected:
                row = self.model.row_of(entry_id)
                if row >= 0:
                    self.table.selectionModel().select(self.model.index(row, 0), flags)
        finally:
            self._syncing = False
        fit_columns(self.table)
        self._update_changes()
        self._selection_changed()

    # -- selection ---------------------------------------------------------------

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [i for r in rows if (i := self.model.id_at(r)) is not None]

    def selected_id(self) -> uuid.UUID | None:
        """The one entry selected (None for none or several)."""
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    # -- actions -----------------------------------------------------------------

    def add(self) -> ProgressEntryDialog | None:
        if self.owner_id is None or self.supervisor:
            return None
        return self._open_dialog(None)

    def edit(self) -> ProgressEntryDialog | None:
        """Edit the selected entry (a supervisor only sees it)."""
        entry_id = self.selected_id()
        if entry_id is None or self.owner_id is None:
            return None
        return self._open_dialog(entry_id)

    def delete(self) -> bool:
        entry_id = self.selected_id()
        row = self.model.row_of(entry_id)
        if entry_id is None:
            return False
        return delete_with_undo(
            parent=self,
            prompts=self.ctx.prompts,
            undo_stack=self.ctx.undo_stack,
            events=self.ctx.events,
            service=self.entries,
            record_id=entry_id,
            kind=RecordKind.PROGRESS_ENTRY,
            name=self.model.describe(row),
            on_refused=self._warn,
            on_undo_error=self._warn,
        )

    def review_selected(self) -> ReviewDialog | None:
        """Open 確認済にする for the selected entries."""
        return self._open_review(self.selected_ids())

    def review_unreviewed(self) -> ReviewDialog | None:
        """Open 確認済にする for every entry shown that is not reviewed yet."""
        return self._open_review(self.model.unreviewed_ids())

    # -- internals ---------------------------------------------------------------

    def _open_dialog(self, entry_id: uuid.UUID | None) -> ProgressEntryDialog | None:
        assert self.owner_id is not None
        record = None
        if entry_id is not None:
            try:
                record = self.entries.get(entry_id)
            except NotFoundError as exc:
                self._warn(str(exc))
                return None
        dialog = ProgressEntryDialog(
            self.ctx,
            owner_id=self.owner_id,
            record=record,
            read_only=self.supervisor,
            parent=self.window(),
        )
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_review(self, entry_ids: list[uuid.UUID]) -> ReviewDialog | None:
        if not entry_ids:
            return None
        entries = [s.entry for i in entry_ids if (s := self.model.state_of(i)) is not None]
        dialog = ReviewDialog(self.ctx, entries=entries, parent=self.window())
        dialog.finished.connect(dialog.deleteLater)
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.edit()

    def _changes_toggled(self, checked: bool) -> None:
        self.model.only_ids = self._changed_ids() if checked else None
        self.refresh()

    def _changed_ids(self) -> set[uuid.UUID] | None:
        profile = current_profile(self.ctx)
        if self.owner_id is None or profile is None:
            return None
        changed = self.ctx.services.reviews.changed_since_last_review(self.owner_id, profile)
        return {e.id for e in changed}

    def _update_changes(self) -> None:
        if not self.supervisor or self.owner_id is None:
            self.changes_label.clear()
            return
        ids = self._changed_ids() or set()
        last = max(
            (
                r.review.reviewed_at
                for r in self.ctx.services.reviews.history(self.owner_id)
                if self._is_mine(r.review.reviewer_profile_id)
            ),
            default=None,
        )
        unreviewed = len(self.model.unreviewed_ids())
        if last is None:
            text = self.tr("未確認 {unreviewed}件(このプロジェクトはまだ確認していません)").format(
                unreviewed=unreviewed
            )
        else:
            text = self.tr(
                "未確認 {unreviewed}件・前回の確認({stamp})以降に追加・変更された進捗 {count}件"
            ).format(
                unreviewed=unreviewed, stamp=format_stamp(self.ctx.dates, last), count=len(ids)
            )
        self.changes_label.setText(text)

    def _is_mine(self, profile_id: uuid.UUID) -> bool:
        profile = current_profile(self.ctx)
        return profile is not None and profile.id == profile_id

    def _records_changed(self, kind: str) -> None:
        if kind in (RecordKind.ALL, RecordKind.PROGRESS_ENTRY, REVIEW, ATTACHMENT):
            if self.changes_check.isChecked():
                self.model.only_ids = self._changed_ids()
            self.refresh()

    def _selection_changed(self, *_args: object) -> None:
        if self._syncing:
            return
        self.attachments.set_owner(self.selected_id())
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_owner = self.owner_id is not None
        ids = self.selected_ids()
        editor = not self.supervisor
        self.add_button.setEnabled(has_owner and editor)
        self.edit_button.setEnabled(has_owner and len(ids) == 1)
        self.edit_button.setText(self.tr("編集…") if editor else self.tr("表示…"))
        self.delete_button.setEnabled(has_owner and editor and len(ids) == 1)
        self.review_button.setEnabled(self.supervisor and bool(ids))
        self.review_all_button.setEnabled(self.supervisor and bool(self.model.unreviewed_ids()))

    def _warn(self, text: str) -> None:
        self.ctx.prompts.warn(self, title=self.tr("操作できません"), text=text)
