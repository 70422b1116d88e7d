"""The 進捗状況 tab: a project's dated entries with their review state and attachments.

Two views of the same log: the timeline (the default: each entry's whole
text, photos, author and review state, loaded a page at a time) and the table
(one line per entry), one click apart. The table loads only when shown.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import ProgressEntry
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.progress_timeline import LogSummary
from coordinator_app.ui.common.attachment_panel import AttachmentPanel
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.list_table import list_table, size_columns
from coordinator_app.ui.common.undo import delete_with_undo
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import error_text
from coordinator_app.ui.profiles.current import current_profile
from coordinator_app.ui.projects.authored_progress import AuthoredProgress
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from coordinator_app.ui.projects.progress_log_model import ProgressLogModel
from coordinator_app.ui.projects.timeline_bar import LogBar
from coordinator_app.ui.projects.timeline_model import TimelineModel
from coordinator_app.ui.projects.timeline_photo_dialog import PhotoDialog
from coordinator_app.ui.projects.timeline_publish_dialog import ProjectPageDialog
from coordinator_app.ui.projects.timeline_view import TimelineView
from coordinator_app.ui.review.review_dialog import ReviewDialog


class ProgressLogPanel(QWidget):
    """The log as a timeline (default) or a table; below, the selected entry's files.

    A coordinator (or no profile) adds, edits and deletes entries and attaches
    files; a supervisor's profile gets the same view read-only plus
    確認済にする for the selected or all unreviewed entries, and can narrow the
    list to what changed since their last review. The service refuses a
    supervisor's edits even if a widget let one through.

    Signals:
        summary_changed: the log's figures (entries, unreviewed, last date) changed.

    Attributes:
        dialog: the entry dialog opened last (None before the first).
        review_dialog: the review dialog opened last.
        photo_dialog: the full-size photo opened last.
        page_dialog: the project page dialog opened last.
    """

    summary_changed = Signal()

    TIMELINE, TABLE = range(2)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ProgressLogModel(ctx.services, ctx.dates, self)
        self.timeline_model = TimelineModel(ctx.services, self)
        self.entries = AuthoredProgress(ctx)
        self.dialog: ProgressEntryDialog | None = None
        self.review_dialog: ReviewDialog | None = None
        self.photo_dialog: PhotoDialog | None = None
        self.page_dialog: ProjectPageDialog | None = None
        self.supervisor = False
        self._syncing = False
        self._table_stale = True
        self._summary = LogSummary()

        self.hint = QLabel(self.tr("先に概要を保存してください"), self)
        self.bar = LogBar(ctx, self)
        self.timeline_button = self.bar.timeline_button
        self.table_button = self.bar.table_button
        self.view_group = self.bar.view_group
        self.order_combo = self.bar.order_combo
        self.changes_label = self.bar.changes_label
        self.changes_check = self.bar.changes_check
        self.changes_check.toggled.connect(self._changes_toggled)

        self.timeline = TimelineView(self.timeline_model, ctx.dates, self)
        self.table = list_table(self.model, self)
        self.table.doubleClicked.connect(self._double_clicked)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.timeline)
        self.stack.addWidget(self.table)
        self.attachments = AttachmentPanel(
            ctx,
            owner="progress_entry_id",
            prompts=ctx.prompts,
            title=self.tr("選んだ進捗の添付ファイル(写真・資料)"),
            preview=False,
        )
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.attachments)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self.add_button = QPushButton(icon("new"), self.tr("追加…"), self)
        self.edit_button = QPushButton(icon("edit"), self.tr("編集…"), self)
        self.delete_button = QPushButton(icon("delete"), self.tr("削除"), self)
        self.page_button = QPushButton(self.tr("紹介ページ(PDF・HTML)…"), self)
        self.page_button.setToolTip(self.tr("このプロジェクトを公開用のページ(PDF・HTML)にします"))
        self.review_button = QPushButton(self.tr("選んだ進捗を確認済にする…"), self)
        self.review_button.setToolTip(self.tr("タイムラインでは K キーでも確認できます"))
        self.review_all_button = QPushButton(self.tr("未確認をすべて確認済にする…"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.page_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.review_all_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.page_button.clicked.connect(self.open_page_dialog)
        self.review_button.clicked.connect(self.review_selected)
        self.review_all_button.clicked.connect(self.review_unreviewed)
        self.view_group.idClicked.connect(self.set_mode)
        self.order_combo.currentIndexChanged.connect(self._order_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.timeline.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.timeline_model.modelReset.connect(self._selection_changed)
        self.timeline.edit_requested.connect(self._edit_entry)
        self.timeline.review_requested.connect(self._review_entry)
        self.timeline.photo_requested.connect(self.open_photo)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self._display_changed)
        self.update_role()
        self.set_owner(None)

    @property
    def owner_id(self) -> uuid.UUID | None:
        return self.timeline_model.owner_id

    @property
    def mode(self) -> int:
        return self.stack.currentIndex()

    def set_owner(self, owner_id: uuid.UUID | None) -> None:
        """Show the log of project ``owner_id`` (None: a new, unsaved project)."""
        if owner_id != self.owner_id:
            self.bar.reset_changes()
            self.model.only_ids = None
            self.timeline_model.only_ids = None
        self.timeline_model.load(owner_id)
        self._load_table(owner_id)
        self.hint.setVisible(owner_id is None)
        self._update_summary()
        self._update_changes()
        self._update_buttons()

    def set_mode(self, mode: int) -> None:
        """Show the timeline (:data:`TIMELINE`) or the table (:data:`TABLE`)."""
        if mode == self.mode:
            return
        selected = self.selected_ids()
        self.view_group.button(mode).setChecked(True)
        self.stack.setCurrentIndex(mode)
        self.order_combo.setVisible(mode == self.TIMELINE)
        if mode == self.TABLE and self._table_stale:
            self._load_table(self.owner_id)
        self._select_ids(selected)
        self._selection_changed()
        (self.timeline if mode == self.TIMELINE else self.table).setFocus()

    def show_table(self) -> None:
        self.set_mode(self.TABLE)

    def show_timeline(self) -> None:
        self.set_mode(self.TIMELINE)

    def log_summary(self) -> LogSummary:
        """The whole log's figures (not narrowed by the changes filter)."""
        return self._summary

    def update_role(self) -> None:
        """Re-read the current profile: supervisors review, others edit."""
        profile = current_profile(self.ctx)
        self.supervisor = profile is not None and profile.role == ProfileRole.SUPERVISOR
        for widget in (self.review_button, self.review_all_button):
            widget.setVisible(self.supervisor)
        self.bar.set_supervisor(self.supervisor)
        self.attachments.set_editable(not self.supervisor)
        self.timeline.timeline_delegate.set_supervisor(self.supervisor)
        self.timeline.doItemsLayout()
        self._update_changes()
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the entries, keeping the selection (and so the attachments shown)."""
        selected = self.selected_ids()
        current = self.timeline.current_id()
        self._syncing = True
        try:
            self.timeline_model.refresh()
            if self.mode == self.TABLE:
                self._load_table(self.owner_id)
            else:
                self._table_stale = True
            self._select_ids(selected, current=current)
        finally:
            self._syncing = False
        self._update_summary()
        self._update_changes()
        self._selection_changed()

    # -- selection ---------------------------------------------------------------

    def select_row(self, row: int) -> None:
        """Select ``row`` of the view shown."""
        if self.mode == self.TABLE:
            self.table.selectRow(row)
        else:
            self.timeline.select_row(row)

    def select_entry(self, entry_id: uuid.UUID) -> bool:
        """Select ``entry_id`` in the view shown (loading timeline pages as needed)."""
        if self.mode == self.TABLE:
            row = self.model.row_of(entry_id)
            self.table.selectRow(row)
            return row >= 0
        found = self.timeline.select_entry(entry_id)
        self.timeline.setFocus()
        return found

    def selected_ids(self) -> list[uuid.UUID]:
        if self.mode == self.TIMELINE:
            return self.timeline.selected_ids()
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
        if entry_id is None:
            return False
        return delete_with_undo(
            parent=self,
            prompts=self.ctx.prompts,
            undo_stack=self.ctx.undo_stack,
            service=self.entries,
            record_id=entry_id,
            name=self._describe(entry_id),
            on_refused=self._warn,
            on_undo_error=self._warn,
        )

    def review_selected(self) -> ReviewDialog | None:
        """Open 確認済にする for the selected entries."""
        return self._open_review(self._entries(self.selected_ids()))

    def review_unreviewed(self) -> ReviewDialog | None:
        """Open 確認済にする for every entry shown that is not reviewed yet."""
        if self.owner_id is None:
            return None
        if self.mode == self.TABLE:
            return self._open_review(self._entries(self.model.unreviewed_ids()))
        entries = self.ctx.services.timeline.unreviewed_entries(self.owner_id)
        only = self.timeline_model.only_ids
        if only is not None:
            entries = [e for e in entries if e.id in only]
        return self._open_review(entries)

    def open_photo(self, entry_id: uuid.UUID, attachment_id: uuid.UUID) -> PhotoDialog | None:
        """Show a photo of an entry at full size."""
        item = self.timeline_model.item(self.timeline_model.row_of(entry_id))
        name = next((p.filename for p in item.photos if p.id == attachment_id), "") if item else ""
        try:
            content = self.ctx.services.attachments.content(attachment_id)
        except NotFoundError as exc:
            self._warn(error_text(exc))
            return None
        dialog = PhotoDialog(filename=name, content=content, parent=self.window())
        dialog.finished.connect(dialog.deleteLater)
        self.photo_dialog = dialog
        dialog.open()
        return dialog

    def open_page_dialog(self) -> ProjectPageDialog | None:
        """Open the project page (PDF・HTML) dialog for this project."""
        if self.owner_id is None:
            return None
        dialog = ProjectPageDialog(self.ctx, project_id=self.owner_id, parent=self.window())
        dialog.finished.connect(dialog.deleteLater)
        self.page_dialog = dialog
        dialog.open()
        return dialog

    # -- internals ---------------------------------------------------------------

    def _load_table(self, owner_id: uuid.UUID | None) -> None:
        """Load the table now if it is shown; otherwise when it is next shown."""
        if self.mode == self.TABLE:
            self.model.load(owner_id)
            size_columns(self.table)
            self._table_stale = False
        else:
            self.model.load(None)
            self.model.owner_id = owner_id
            self._table_stale = True

    def _select_ids(self, ids: list[uuid.UUID], *, current: uuid.UUID | None = None) -> None:
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        if self.mode == self.TABLE:
            view, model = self.table, self.model
            rows = [self.model.row_of(i) for i in ids]
        else:
            view, model = self.timeline, self.timeline_model  # type: ignore[assignment]
            rows = [self.timeline_model.row_of(i) for i in ids]
        selection = view.selectionModel()
        selection.clear()
        for row in rows:
            if row >= 0:
                selection.select(model.index(row, 0), flags)
        focus = self.timeline_model.row_of(current) if current is not None else -1
        if focus < 0 and rows and rows[0] >= 0:
            focus = rows[0]
        if focus >= 0:
            selection.setCurrentIndex(
                model.index(focus, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _entries(self, entry_ids: list[uuid.UUID]) -> list[ProgressEntry]:
        found: list[ProgressEntry] = []
        for entry_id in entry_ids:
            item = self.timeline_model.item(self.timeline_model.row_of(entry_id))
            state = self.model.state_of(entry_id)
            if item is not None:
                found.append(item.entry)
            elif state is not None:
                found.append(state.entry)
        return found

    def _describe(self, entry_id: uuid.UUID) -> str:
        entries = self._entries([entry_id])
        if not entries:
            return ""
        first = entries[0].text.splitlines()[0][:20] if entries[0].text else ""
        return f"{self.ctx.dates.format(entries[0].entry_date)} {first}"

    def _open_dialog(self, entry_id: uuid.UUID | None) -> ProgressEntryDialog | None:
        assert self.owner_id is not None
        record = None
        if entry_id is not None:
            try:
                record = self.entries.get(entry_id)
            except NotFoundError as exc:
                self._warn(error_text(exc))
                return None
        dialog = ProgressEntryDialog(
            self.ctx,
            owner_id=self.owner_id,
            record=record,
            read_only=self.supervisor,
            parent=self.window(),
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._refocus)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_review(self, entries: list[ProgressEntry]) -> ReviewDialog | None:
        if not entries or not self.supervisor:
            return None
        dialog = ReviewDialog(self.ctx, entries=entries, parent=self.window())
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._refocus)
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def _edit_entry(self, entry_id: uuid.UUID) -> None:
        if self.owner_id is not None:
            self._open_dialog(entry_id)

    def _review_entry(self, entry_id: uuid.UUID) -> None:
        self._open_review(self._entries([entry_id]))

    def _refocus(self, *_args: object) -> None:
        (self.timeline if self.mode == self.TIMELINE else self.table).setFocus()

    def _order_changed(self, *_args: object) -> None:
        selected = self.selected_ids()
        self.timeline_model.set_oldest_first(bool(self.order_combo.currentData()))
        if selected:
            self.timeline.select_entry(selected[0])

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.edit()

    def _changes_toggled(self, checked: bool) -> None:
        # Never reviewed here: every entry counts as a change.
        self.model.only_ids = self.bar.changed_ids(self.owner_id) if checked else None
        self.timeline_model.only_ids = _frozen(self.model.only_ids)
        self.refresh()

    def _update_summary(self) -> None:
        if self.timeline_model.only_ids is None:
            summary = self.timeline_model.summary
        elif self.owner_id is not None:
            summary = self.ctx.services.timeline.summary(self.owner_id)
        else:
            summary = LogSummary()
        if summary != self._summary:
            self._summary = summary
            self.summary_changed.emit()

    def _update_changes(self) -> None:
        self.bar.update_changes(
            self.owner_id, unreviewed=self._summary.unreviewed, shown=self.supervisor
        )

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(RecordKind.PROGRESS_ENTRY, RecordKind.REVIEW, RecordKind.ATTACHMENT):
            if self.changes_check.isChecked():
                self.model.only_ids = self.bar.changed_ids(self.owner_id)
                self.timeline_model.only_ids = _frozen(self.model.only_ids)
            self.refresh()

    def _display_changed(self) -> None:
        self.model.redisplay()
        self.timeline.timeline_delegate.clear_cache()
        self.timeline.doItemsLayout()

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
        self.page_button.setEnabled(has_owner)
        self.review_button.setEnabled(self.supervisor and bool(ids))
        self.review_all_button.setEnabled(self.supervisor and self._summary.unreviewed > 0)

    def _warn(self, text: str) -> None:
        self.ctx.prompts.warn(self, title=self.tr("操作できません"), text=text)


def _frozen(ids: set[uuid.UUID] | None) -> frozenset[uuid.UUID] | None:
    return None if ids is None else frozenset(ids)
