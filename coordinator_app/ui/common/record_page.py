"""A page of the main window: a filtered, sorted list and the detail form."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes, Origin
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.keyboard import make_keyboard_friendly
from coordinator_app.ui.common.lazy_pages import after_first_paint, split_as_first_laid_out
from coordinator_app.ui.common.list_table import ResizeMode, SelectionMode, list_table
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.common.table_model import (
    RecordTableModel,
    fit_columns,
    select_row,
    widen_to_minimum,
)
from coordinator_app.ui.common.undo import delete_with_undo
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import counted, kind_label
from coordinator_app.ui.profiles.current import gate_writes, may_write, set_fields_read_only

FILTER_DELAY_MS = 200
SELECT_SEARCH_ROWS = 1000
"""Opening a record loads at most this many list rows to show it selected; a record
further down (say a meeting from ten years ago among 500,000) opens in the form only."""


class RecordPage(QWidget):
    """List on the left (filter box, filter combos, table), detail form on the right.

    Subclasses set ``kind``, ``watched`` (kinds whose changes alter what the
    list shows), give the model and editor, and add their filter combos.

    The editor may be given as a factory: the form is then built in the event-loop
    turn after the list's first paint (the list is what the user looks at first),
    or at once when anything asks for :attr:`editor` before that.
    """

    kind: ClassVar[RecordKind]
    watched: ClassVar[frozenset[RecordKind]] = frozenset()

    def __init__(
        self,
        ctx: UiContext,
        *,
        model: RecordTableModel,
        editor: RecordEditor | Callable[[], RecordEditor],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self._editor: RecordEditor | None = None
        self._make_editor = editor if not isinstance(editor, RecordEditor) else None
        self._syncing = False
        self._write_controls: list[QWidget] = []

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.filter_placeholder())
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter_text)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.filter_edit.returnPressed.connect(self.apply_filter_text)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.filter_edit, 1)
        self.filter_combos: dict[str, QComboBox] = {}

        self.table = list_table(
            model, self, selection=SelectionMode.SingleSelection, resize=ResizeMode.Interactive
        )
        header = self.table.horizontalHeader()
        header.setSortIndicator(
            max(model.sort_column(), 0),
            Qt.SortOrder.DescendingOrder if model.query.descending else Qt.SortOrder.AscendingOrder,
        )
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.setSortingEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.RichText)
        self.count_label.linkActivated.connect(self._count_requested)
        self._stale = False

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.new_button = QPushButton(icon("new"), self.tr("新規"), self)
        self.save_button = QPushButton(icon("save"), self.tr("保存"), self)
        self.delete_button = QPushButton(icon("delete"), self.tr("削除"), self)
        self.new_button.setToolTip(self.tr("新規 (Ctrl+N)"))
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.delete_button.setToolTip(self.tr("削除 (Delete)"))
        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save_record)
        self.delete_button.clicked.connect(self.delete_record)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        self.button_row = buttons
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addStretch(1)  # the form's place until it is built
        right_layout.addLayout(buttons)
        self._right_layout = right_layout

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self._split_set = False  # a saved split was restored, or the user moved it
        self.splitter.splitterMoved.connect(self._split_moved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(model.redisplay)
        ctx.events.sig_display_changed.connect(self._display_changed)
        model.modelReset.connect(self._update_count)
        model.rowsInserted.connect(self._update_count)
        self._fit_on_first_rows = False
        self._fitting = False
        header.sectionResized.connect(self._column_resized)
        model.modelReset.connect(self._rows_arrived)
        model.rowsInserted.connect(self._rows_arrived)

        self.model.refresh()
        if isinstance(editor, RecordEditor):
            self._install_editor(editor)
        else:
            after_first_paint(self.table.viewport(), self._build_editor)
        self._update_buttons()

    # -- the form ------------------------------------------------------------------

    @property
    def editor(self) -> RecordEditor:
        """The detail form (built now if it was given as a factory and is not yet)."""
        if self._editor is None:
            self._build_editor()
        assert self._editor is not None
        return self._editor

    @property
    def editor_built(self) -> bool:
        return self._editor is not None

    def _build_editor(self) -> None:
        if self._editor is not None or self._make_editor is None:
            return
        editor = self._make_editor()
        make_keyboard_friendly(editor, style=False)  # as the window does for the page
        self._install_editor(editor)
        self._update_buttons()

    def _install_editor(self, editor: RecordEditor) -> None:
        self._editor = editor
        self._right_layout.takeAt(0)  # the stretch that kept the form's place
        self._right_layout.insertWidget(0, editor, 1)
        editor.saved.connect(self._editor_saved)
        editor.dirty_changed.connect(self._update_buttons)
        editor.loaded.connect(self._update_buttons)
        editor.loaded.connect(self._apply_role)
        editor.load(None)
        if self.isVisible():
            editor.show()
        if not self._split_set:
            split_as_first_laid_out(self.splitter)

    def _split_moved(self, *_args: object) -> None:
        self._split_set = True

    def _current_id(self) -> uuid.UUID | None:  # None before the form is built
        return self._editor.current_id if self._editor else None

    # -- subclass API ------------------------------------------------------------

    def title(self) -> str:
        """The page's name in the navigation: its kind's label."""
        return kind_label(self.kind)

    def icon_name(self) -> str:
        return self.kind

    def filter_placeholder(self) -> str:
        return QCoreApplication.translate("RecordPage", "名前・ふりがなで絞り込み (Ctrl+F)")

    def add_filter_combo(
        self, key: str, all_text: str, choices: Iterable[tuple[object, str]]
    ) -> QComboBox:
        """A combo that filters the list by ``key`` (None = everything)."""
        combo = QComboBox(self)
        combo.addItem(all_text, None)
        for value, text in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self._combo_changed(key, combo))
        self.filter_bar.addWidget(combo)
        self.filter_combos[key] = combo
        return combo

    def add_page_action(self, action: QAction) -> QToolButton:
        """A button for ``action`` next to 新規 (e.g. チラシ作成 on the coordinator page)."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button_row.insertWidget(1, button)
        return button

    def add_write_controls(self, *controls: QWidget) -> None:
        """Controls that change data besides 新規/保存/削除: greyed out for a supervisor."""
        self._write_controls.extend(controls)
        self._update_buttons()

    def filter_value(self, key: str, data: object) -> object:
        """Turn a combo's item data back into a filter value (e.g. an enum member)."""
        return data

    # -- actions (the main window's shortcuts call these) --------------------------

    def new_record(self) -> None:
        if not may_write(self.ctx) or not self.confirm_discard():
            return
        self._select_id(None)
        self.editor.load(None)
        self.editor.focus_first()

    def save_record(self) -> bool:
        return self.editor.save()

    def delete_record(self) -> bool:
        """Soft-delete the record shown, after confirming; Ctrl+Z restores it."""
        record = self.editor.record
        record_id = self.editor.current_id
        if record is None or record_id is None:
            return False
        deleted = delete_with_undo(
            parent=self,
            prompts=self.ctx.prompts,
            undo_stack=self.ctx.undo_stack,
            service=self.editor.service,
            record_id=record_id,
            name=self.editor.display_name(record),
            on_refused=lambda text: self._warn(self.tr("削除できません"), text),
            on_undo_error=lambda text: self._warn(self.tr("元に戻せません"), text),
        )
        if deleted:
            self.editor.load(None)
        return deleted

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def apply_filter_text(self) -> None:
        self._filter_timer.stop()
        self.model.set_text(self.filter_edit.text())
        self._reselect()

    def select_record(self, record_id: uuid.UUID) -> bool:
        """Show ``record_id`` in the form, and in the list when it is among its first
        :data:`SELECT_SEARCH_ROWS` rows (clearing filters if they hide it).

        Returns:
            True when the list shows it too.
        """
        if not self.confirm_discard():
            return False
        self._refresh_if_stale()
        row = self.model.fetch_until(record_id, max_rows=SELECT_SEARCH_ROWS)
        if row < 0 and self._has_filters():
            self.clear_filters()
            row = self.model.fetch_until(record_id, max_rows=SELECT_SEARCH_ROWS)
        self._select_row(row)
        self.editor.load(record_id)
        return row >= 0

    def clear_filters(self) -> None:
        self._syncing = True
        try:
            self.filter_edit.clear()
            for combo in self.filter_combos.values():
                combo.setCurrentIndex(0)
        finally:
            self._syncing = False
        self._filter_timer.stop()
        self.model.set_text("")
        for key in self.filter_combos:
            self.model.set_filter(key, None)

    def confirm_discard(self) -> bool:
        """True when there are no unsaved edits or the user agrees to drop them."""
        if not self.editor_built or not self.editor.is_dirty:
            return True
        return self.ctx.prompts.confirm(
            self,
            title=self.tr("未保存の変更"),
            text=self.tr("{page}に保存していない変更があります。変更を破棄しますか?").format(
                page=self.title()
            ),
            accept_text=self.tr("破棄する"),
        )

    # -- layout persistence ------------------------------------------------------

    def save_layout(self) -> None:
        name = self.objectName() or type(self).__name__
        self.ctx.settings.set_layout_state(f"{name}/splitter", self.splitter.saveState())
        self.ctx.settings.set_layout_state(
            f"{name}/header", self.table.horizontalHeader().saveState()
        )

    def restore_layout(self) -> None:
        name = self.objectName() or type(self).__name__
        splitter = self.ctx.settings.layout_state(f"{name}/splitter")
        if splitter is not None:
            self._split_set = self.splitter.restoreState(splitter)
        header_state = self.ctx.settings.layout_state(f"{name}/header")
        header = self.table.horizontalHeader()
        if header_state is not None and header.restoreState(header_state):
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            widen_to_minimum(self.table)
            self._fit_on_first_rows = False
        else:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Fit the columns to the rows shown; on an empty list, to each column's
        minimum, and once more when the first rows arrive."""
        self._fitting = True
        try:
            fit_columns(self.table)
        finally:
            self._fitting = False
        self._fit_on_first_rows = self.model.rowCount() == 0

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        last = self.table.horizontalHeader().count() - 1
        if not self._fitting and column != last:  # the user sized a column: keep it
            self._fit_on_first_rows = False

    def _rows_arrived(self, *_args: object) -> None:
        if self._fit_on_first_rows and self.model.rowCount() > 0:
            self._fit_columns()

    # -- internals ---------------------------------------------------------------

    def _combo_changed(self, key: str, combo: QComboBox) -> None:
        if self._syncing:
            return
        self.model.set_filter(key, self.filter_value(key, combo.currentData()))
        self._reselect()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # The service cannot sort by this column: keep showing the real order.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder
                if self.model.query.descending
                else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            return
        self._reselect()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._syncing:
            return
        record_id = self.model.id_at(current.row()) if current.isValid() else None
        if record_id is None or record_id == self.editor.current_id:
            return
        if not self.confirm_discard():
            self._select_id(self.editor.current_id)
            return
        self.editor.load(record_id)
        self._update_buttons()

    def _editor_saved(self, record_id: uuid.UUID) -> None:
        self._reselect()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        self._refresh_if_stale()
        super().showEvent(event)

    def _has_filters(self) -> bool:
        return bool(self.model.query.text) or any(
            v is not None for v in self.model.query.filters.values()
        )

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.model.refresh()
            self._reselect()

    def _count_requested(self, _link: str) -> None:
        _ = self.model.total  # counts in SQL
        self._update_count()

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches(self.kind, *self.watched):
            # A hidden page reloads its list when it is shown again.
            if self.isVisible():
                self.model.refresh()
                self._reselect()
            else:
                self._stale = True
            editor = self._editor  # a form not built yet loads fresh when it is
            if editor is not None:
                editor.refresh_choices()
                if changes.all and not editor.is_dirty:
                    editor.load(editor.current_id)
                elif changes.origin is Origin.SYNC and editor.current_id in changes.ids(self.kind):
                    # Another desk changed the record shown: unsaved edits are never overwritten.
                    editor.received_elsewhere()
        self._update_buttons()

    def _display_changed(self) -> None:
        if self._editor is None:  # the form, built later, loads in the new style
            return
        # The role first: reloading the form then lets it set its own states.
        self._apply_role()
        # Show the form's dates in the new style, unless that would drop edits.
        if not self.editor.is_dirty:
            self.editor.load(self.editor.current_id)
        self._update_buttons()

    def _apply_role(self, *_args: object) -> None:
        """A supervisor's profile reads only: the form's fields become read-only."""
        set_fields_read_only(self.editor.forms, not may_write(self.ctx))

    def _reselect(self) -> None:
        self._select_id(self._current_id())

    def _select_id(self, record_id: uuid.UUID | None) -> None:
        self._select_row(self.model.row_of(record_id))

    def _select_row(self, row: int) -> None:
        self._syncing = True
        try:
            select_row(self.table, row)
        finally:
            self._syncing = False

    def _update_count(self) -> None:
        total = self.model.known_total
        if total is not None:
            text = counted("{count}件", total).format(count=total)
        else:
            text = QCoreApplication.translate("RecordPage", "{count}件以上").format(
                count=self.model.rowCount()
            ) + ' <a href="count">{}</a>'.format(
                QCoreApplication.translate("RecordPage", "件数を数える")
            )
        self.count_label.setText(text)

    def _update_buttons(self, *_args: object) -> None:
        gate_writes(
            self.ctx, (self.new_button, self.save_button, *self._write_controls), enabled=True
        )
        gate_writes(self.ctx, (self.delete_button,), enabled=self._current_id() is not None)

    def _warn(self, title: str, text: str) -> None:
        self.ctx.prompts.warn(self, title=title, text=text)
