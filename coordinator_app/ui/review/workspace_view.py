"""確認ワークスペース: all projects at a glance; review one without leaving the window."""

from __future__ import annotations

import itertools
import uuid
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.changes import Changes
from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.fiscal import fiscal_year
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.reviews import WorkspaceFilter
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.keyboard import FOCUS_FRAME_STYLE, make_keyboard_friendly
from coordinator_app.ui.common.list_table import (
    ResizeMode,
    SelectionMode,
    list_table,
    size_columns,
)
from coordinator_app.ui.common.option_sources import area_options
from coordinator_app.ui.common.pickers import RecordCombo, options_of
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.common.table_model import select_row
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_choices
from coordinator_app.ui.profiles.current import current_profile, is_supervisor, profile_text
from coordinator_app.ui.projects.display import fiscal_year_text
from coordinator_app.ui.projects.project_editor import ProjectEditor
from coordinator_app.ui.review.workspace_model import WorkspaceTableModel

WATCHED = frozenset(
    {
        RecordKind.PROJECT,
        RecordKind.PROGRESS_ENTRY,
        RecordKind.MEETING,
        RecordKind.ACTION_ITEM,
        RecordKind.COORDINATOR,
        RecordKind.AREA,
        RecordKind.REVIEW,
    }
)
"""Kinds whose changes alter the figures of the table."""
PROGRESS_TAB = 1
YEARS_BACK = 10
SIZED_ROWS = 50
"""Rows measured when the columns are fitted (Qt's resize-contents precision)."""


class ReviewWorkspace(QWidget):
    """The review table on top, the selected project's tabs below.

    A separate top-level window (also when given a parent, so that it closes
    with the main window). Filters: coordinator, area, program, status, 年度.
    Selecting a row shows the project; double-clicking goes to its 進捗状況
    tab, where a supervisor marks entries 確認済. In a coordinator's profile
    the project can be edited and saved here too.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("review_workspace")
        self.ctx = ctx
        self._syncing = False
        self._stale = False
        self.setWindowTitle(self.tr("確認ワークスペース"))
        self.setWindowIcon(icon("project"))

        self.lead_filter = RecordCombo(none_text=self.tr("すべての担当者"))
        self.area_filter = RecordCombo(none_text=self.tr("すべての地域"))
        self.program_filter = QComboBox()
        self.program_filter.addItem(self.tr("すべてのプログラム"), None)
        for member, text in enum_choices(ProjectProgram):
            self.program_filter.addItem(text, member.value)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("すべての状況"), None)
        for member, text in enum_choices(ProjectStatus):
            self.status_filter.addItem(text, member.value)
        self.year_filter = QComboBox()
        self.refresh_choices()
        filters = QHBoxLayout()
        for combo in (
            self.lead_filter,
            self.area_filter,
            self.program_filter,
            self.status_filter,
            self.year_filter,
        ):
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(self.apply_filters)
        filters.addStretch(1)

        self.model = WorkspaceTableModel(
            ctx.services.reviews, ctx.dates, stalled_days=ctx.settings.stalled_days, parent=self
        )
        self.table = list_table(
            self.model,
            self,
            selection=SelectionMode.SingleSelection,
            alternating=False,
            resize=ResizeMode.Interactive,
            stretch=WorkspaceTableModel.TITLE,
        )
        # Columns are fitted to the rows in view and the next ones (SIZED_ROWS), not to
        # every loaded row: the texts are short, and measuring a page of 200 rows cell
        # by cell was most of the window's opening.
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.count_label = QLabel(self)
        self.user_label = plain(QLabel(self))
        self.user_label.setStyleSheet("color: #455a64;")
        self.legend = QLabel(self)
        self.legend.setStyleSheet("background: #ffe0b2; padding: 2px 6px;")
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addSpacing(16)
        counts.addWidget(self.user_label)
        counts.addStretch(1)
        counts.addWidget(self.legend)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(counts)

        self._editor: ProjectEditor | None = None  # built when a project is first shown
        self.open_button = QPushButton(icon("project"), self.tr("プロジェクト画面で開く"), self)
        self.next_button = QPushButton(self.tr("次の未確認へ (F8)"), self)
        self.next_button.setShortcut(QKeySequence(Qt.Key.Key_F8))
        self.next_button.setToolTip(
            self.tr(
                "未確認の進捗がある次のプロジェクトを開き、その最も古い未確認の進捗を選びます"
                "(F8)。プロジェクト内の次の未確認はタイムラインで N キーです"
            )
        )
        self.save_button = QPushButton(icon("save"), self.tr("保存"), self)
        self.save_button.setToolTip(self.tr("概要と成果の変更を保存します"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        bottom = QWidget(self)
        self._bottom_layout = bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 6, 0, 0)
        self.placeholder = QLabel(
            self.tr("表のプロジェクトを選ぶと、ここに概要・進捗状況・確認などが表示されます。"),
            self,
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #607d8b;")
        bottom_layout.addWidget(self.placeholder, 1)
        bottom_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.open_button.clicked.connect(self.open_in_page)
        self.next_button.clicked.connect(self.next_unreviewed)
        self.save_button.clicked.connect(self.save)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        ctx.events.sig_records_changed.connect(self._records_changed)
        ctx.events.sig_display_changed.connect(self._display_changed)

        self.model.refresh()
        self._update_role()
        self._restore_layout()
        # The window opens on its filters with no project below: a table that had the
        # focus would make its first row current on activation and load that project
        # (every tab's queries) before the user chose one. Tab or a click selects.
        self.lead_filter.setFocus(Qt.FocusReason.OtherFocusReason)
        order = (
            self.lead_filter,
            self.area_filter,
            self.program_filter,
            self.status_filter,
            self.year_filter,
            self.table,
            self.open_button,
            self.next_button,
            self.save_button,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    @property
    def editor(self) -> ProjectEditor:
        """The selected project's tabs, built when first needed: the window opens with
        no project selected, so it does not pay for a form and its choices it hides."""
        if self._editor is None:
            editor = ProjectEditor(self.ctx)
            self._bottom_layout.insertWidget(1, editor, 1)
            # As the rest of the window (built before it); the focus frames come from the
            # window when it has them (a style sheet set on the form polishes it again).
            make_keyboard_friendly(editor, style=FOCUS_FRAME_STYLE not in self.styleSheet())
            editor.dirty_changed.connect(self._update_buttons)
            editor.loaded.connect(self._update_buttons)
            self._editor = editor
        return self._editor

    @property
    def current_project_id(self) -> uuid.UUID | None:
        """The project shown below the table (None: none yet)."""
        return self._editor.current_id if self._editor is not None else None

    # -- filters -----------------------------------------------------------------

    def refresh_choices(self) -> None:
        """Reload the coordinators, areas and fiscal years offered by the filters."""
        services = self.ctx.services
        self.lead_filter.set_options(options_of(services.coordinators))
        self.area_filter.set_options(area_options(services.areas.tree()))
        current = self.year_filter.currentData()
        this_year = fiscal_year(date.today())
        # Years with meetings, and the last ten and the next one (projects may have no meetings).
        years = set(services.reports.available_years()) | {this_year - YEARS_BACK, this_year + 1}
        self.year_filter.blockSignals(True)
        try:
            self.year_filter.clear()
            self.year_filter.addItem(self.tr("すべての年度"), None)
            for year in range(max(years), min(years) - 1, -1):
                self.year_filter.addItem(fiscal_year_text(self.ctx.dates, year), year)
            self.year_filter.setCurrentIndex(max(self.year_filter.findData(current), 0))
        finally:
            self.year_filter.blockSignals(False)

    def current_filter(self) -> WorkspaceFilter:
        program = self.program_filter.currentData()
        status = self.status_filter.currentData()
        lead = self.lead_filter.current_value()
        area = self.area_filter.current_value()
        year = self.year_filter.currentData()
        return WorkspaceFilter(
            lead_coordinator_id=lead if isinstance(lead, uuid.UUID) else None,
            area_id=area if isinstance(area, uuid.UUID) else None,
            program=ProjectProgram(program) if program else None,
            status=ProjectStatus(status) if status else None,
            fiscal_year=int(year) if year is not None else None,
        )

    def apply_filters(self, *_args: object) -> None:
        if self._syncing:
            return
        self.model.set_filter(self.current_filter())
        self._reselect()

    # -- actions -----------------------------------------------------------------

    def select_project(self, project_id: uuid.UUID) -> bool:
        """Show ``project_id`` in the table (loading pages as needed) and below it."""
        if not self._confirm_discard():
            return False
        row = self.model.row_of(project_id)
        while row < 0 and self.model.canFetchMore():  # the pages up to its row only
            self.model.fetchMore()
            row = self.model.row_of(project_id)
        self._select_row(row)
        self.editor.load(project_id if row >= 0 else None)
        return row >= 0

    def next_unreviewed(self) -> uuid.UUID | None:
        """Jump to the next project (in the table's order, wrapping) with an
        unreviewed entry, show its timeline and select its oldest unreviewed entry.

        Returns:
            the entry selected; None when there is none (the user is told).
        """
        target = self.ctx.services.timeline.next_unreviewed(
            after_project_id=self.current_project_id, flt=self.current_filter()
        )
        if target is None:
            self.ctx.prompts.inform(
                self,
                title=self.tr("確認ワークスペース"),
                text=self.tr("表のプロジェクトに未確認の進捗はありません。"),
            )
            return None
        if not self.select_project(target.project_id):
            return None
        if self.editor.tabs is not None:
            self.editor.tabs.setCurrentIndex(PROGRESS_TAB)
        log = self.editor.progress_log
        log.show_timeline()
        return target.entry_id if log.select_entry(target.entry_id) else None

    def open_in_page(self) -> None:
        """Ask the main window to show the project on its プロジェクト page."""
        project_id = self.current_project_id
        if project_id is not None:
            self.ctx.events.open_record(RecordKind.PROJECT, project_id)

    def save(self) -> bool:
        """Save the project's 概要 and 成果 (refused in a supervisor's profile)."""
        return self._editor is not None and self.editor.save()

    # -- internals ---------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        project_id = self.model.id_at(current.row()) if current.isValid() else None
        if project_id is None or project_id == self.current_project_id:
            return
        if not self._confirm_discard():
            self._reselect()
            return
        self.editor.load(project_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self._editor is not None and self._editor.tabs is not None:
            self._editor.tabs.setCurrentIndex(PROGRESS_TAB)

    def _records_changed(self, changes: Changes) -> None:
        if not self.isVisible():
            # A hidden window catches up when shown (the figures cost a query per page).
            self._stale = self._stale or changes.touches(*WATCHED)
            return
        if changes.touches(RecordKind.COORDINATOR, RecordKind.AREA):
            self.refresh_choices()
        if changes.touches(*WATCHED):
            self.model.refresh()
            self._reselect()
        # The editor's own save arrives while its form is still dirty: it shows the
        # stored project itself, so it is loaded once per save, not twice.
        editor = self._editor
        if changes.touches(RecordKind.PROJECT) and editor is not None and not editor.is_dirty:
            editor.load(editor.current_id)

    def _display_changed(self) -> None:
        # The threshold may have changed, and dates are shown anew either way.
        self.model.stalled_days = self.ctx.settings.stalled_days
        self.model.refresh()
        self._reselect()
        self.refresh_choices()
        self._update_role()
        self._update_count()

    def _update_role(self) -> None:
        profile = current_profile(self.ctx)
        self.user_label.setText(
            self.tr("利用者: {name}").format(name=profile_text(profile))
            if profile is not None
            else self.tr("利用者: (未設定)")
        )
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        editor = self._editor
        has_project = editor is not None and editor.current_id is not None
        if editor is not None:
            editor.setVisible(has_project)
        self.placeholder.setVisible(not has_project)
        self.open_button.setEnabled(has_project)
        self.save_button.setEnabled(
            has_project and editor is not None and editor.is_dirty and not is_supervisor(self.ctx)
        )

    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(
            self.tr("{count}件のプロジェクト", "", self.model.total).format(count=self.model.total)
        )
        self.legend.setText(
            self.tr("色付きの行: {days}日以上進捗の記録がない進行中・未着手のプロジェクト").format(
                days=self.model.stalled_days
            )
        )

    def _reselect(self) -> None:
        self._select_row(self.model.row_of(self.current_project_id))

    def _select_row(self, row: int) -> None:
        self._syncing = True
        try:
            select_row(self.table, row)
        finally:
            self._syncing = False

    def _confirm_discard(self) -> bool:
        if self._editor is None or not self._editor.is_dirty:
            return True
        return self.ctx.prompts.confirm(
            self,
            title=self.tr("未保存の変更"),
            text=self.tr("「{name}」に保存していない変更があります。変更を破棄しますか?").format(
                name=self.editor.heading.text()
            ),
            accept_text=self.tr("破棄する"),
        )

    def _restore_layout(self) -> None:
        settings = self.ctx.settings
        geometry = settings.layout_state("review_workspace/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 860)
        splitter = settings.layout_state("review_workspace/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([360, 480])
        header = settings.layout_state("review_workspace/header")
        if header is None or not self.table.horizontalHeader().restoreState(header):
            size_columns(self.table)

    def save_layout(self) -> None:
        settings = self.ctx.settings
        settings.set_layout_state("review_workspace/geometry", self.saveGeometry())
        settings.set_layout_state("review_workspace/splitter", self.splitter.saveState())
        settings.set_layout_state(
            "review_workspace/header", self.table.horizontalHeader().saveState()
        )
        settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self._records_changed(Changes.everything())
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_discard():
            event.ignore()
            return
        self.save_layout()
        event.accept()
