"""The main window: navigation between the pages, menus, shortcuts, undo."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from coordinator_app import __version__
from coordinator_app.ui.areas.area_page import AreaPage
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.coordinators.coordinator_page import CoordinatorPage
from coordinator_app.ui.councils.council_page import CouncilPage
from coordinator_app.ui.events import RecordKind
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from coordinator_app.ui.organisations.organisation_page import OrganisationPage
from coordinator_app.ui.projects.project_page import ProjectPage
from coordinator_app.ui.settings_dialog import SettingsDialog

PAGE_KINDS = (
    RecordKind.AREA,
    RecordKind.COORDINATOR,
    RecordKind.ORGANISATION,
    RecordKind.COUNCIL,
    RecordKind.MEETING,
    RecordKind.PROJECT,
)
"""The pages in navigation order (Ctrl+1 … Ctrl+6)."""


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right.

    Every page gets the same :class:`UiContext`; the window routes the
    shortcuts (Ctrl+N/S/F, Delete, Ctrl+Z) to the page shown.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings_dialog: SettingsDialog | None = None
        self.setWindowTitle(
            self.tr("生活支援コーディネーター業務管理 — {name}").format(
                name=ctx.services.db.path.name
            )
        )
        self.setWindowIcon(icon("coordinator"))

        self.pages: list[RecordPage] = [
            AreaPage(ctx),
            CoordinatorPage(ctx),
            OrganisationPage(ctx),
            CouncilPage(ctx),
            MeetingPage(ctx),
            ProjectPage(ctx),
        ]
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            QListWidgetItem(icon(page.icon_name()), page.title(), self.nav)
            self.stack.addWidget(page)
        self.nav.setMinimumWidth(120)
        self.nav.setMaximumWidth(220)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        ctx.events.sig_open_record.connect(self.open_record)
        self._restore_layout()

    # -- pages -------------------------------------------------------------------

    @property
    def current_page(self) -> RecordPage:
        page = self.stack.currentWidget()
        assert isinstance(page, RecordPage)
        return page

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.nav.setCurrentRow(index)

    def page_for(self, kind: str) -> RecordPage:
        return self.pages[PAGE_KINDS.index(kind)]

    def open_record(self, kind: str, record_id: uuid.UUID) -> None:
        """Switch to the page of ``kind`` and show ``record_id``."""
        if kind not in PAGE_KINDS:
            return
        self.show_page(PAGE_KINDS.index(kind))
        self.page_for(kind).select_record(record_id)

    # -- building ----------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence] | None = None,
        icon_name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence
        self.action_new = self._action(
            self.tr("新規"), lambda: self.current_page.new_record(), [key("Ctrl+N")], "new"
        )
        self.action_save = self._action(
            self.tr("保存"), lambda: self.current_page.save_record(), [key("Ctrl+S")], "save"
        )
        self.action_delete = self._action(
            self.tr("削除"), lambda: self.current_page.delete_record(), [key("Delete")], "delete"
        )
        self.action_find = self._action(
            self.tr("絞り込み"), lambda: self.current_page.focus_filter(), [key("Ctrl+F")], "search"
        )
        self.action_undo = self._action(
            self.tr("元に戻す"), self.ctx.undo_stack.undo, [key("Ctrl+Z")], "undo"
        )
        self.action_redo = self._action(
            self.tr("やり直す"),
            self.ctx.undo_stack.redo,
            [key("Ctrl+Shift+Z"), key("Ctrl+Y")],
            "redo",
        )
        self.action_settings = self._action(
            self.tr("設定…"), self.open_settings, [key("Ctrl+,")], "settings"
        )
        self.action_quit = self._action(self.tr("終了"), self.close, [key("Ctrl+Q")])
        self.action_about = self._action(self.tr("このアプリについて"), self._about)
        self.page_actions: list[QAction] = []
        for i, page in enumerate(self.pages):
            action = self._action(
                page.title(),
                lambda i=i: self.show_page(i),  # type: ignore[misc]
                [key(f"Ctrl+{i + 1}")],
                page.icon_name(),
            )
            self.page_actions.append(action)
        self.ctx.undo_stack.canUndoChanged.connect(self.action_undo.setEnabled)
        self.ctx.undo_stack.canRedoChanged.connect(self.action_redo.setEnabled)
        self.action_undo.setEnabled(False)
        self.action_redo.setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("ファイル(&F)"))
        file_menu.addAction(self.action_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit_menu = bar.addMenu(self.tr("編集(&E)"))
        for action in (self.action_new, self.action_save, self.action_delete):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_undo)
        edit_menu.addAction(self.action_redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.action_find)
        view_menu = bar.addMenu(self.tr("表示(&V)"))
        for action in self.page_actions:
            view_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("ヘルプ(&H)"))
        help_menu.addAction(self.action_about)
        self.file_menu, self.edit_menu, self.view_menu, self.help_menu = (
            file_menu,
            edit_menu,
            view_menu,
            help_menu,
        )
        toolbar = self.addToolBar(self.tr("ツールバー"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (self.action_new, self.action_save, self.action_delete):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.action_undo)
        toolbar.addAction(self.action_redo)
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.undo_label = QLabel(self)
        self.undo_button = QPushButton(icon("undo"), self.tr("元に戻す"), self)
        self.undo_button.setFlat(True)
        self.undo_button.clicked.connect(self.ctx.undo_stack.undo)
        self.undo_button.hide()
        self.db_label = QLabel(str(self.ctx.services.db.path), self)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status.addWidget(self.undo_label)
        status.addWidget(self.undo_button)
        status.addPermanentWidget(self.db_label)
        self.ctx.undo_stack.indexChanged.connect(self._undo_index_changed)

    def _undo_index_changed(self, _index: int) -> None:
        stack = self.ctx.undo_stack
        if not shiboken6.isValid(stack) or not shiboken6.isValid(self.undo_label):
            return  # the stack clears itself while being destroyed at shutdown
        if stack.canUndo():
            self.undo_label.setText(self.tr("{action}を行いました").format(action=stack.undoText()))
            self.undo_button.show()
        else:
            self.undo_label.setText(
                self.tr("{action}を取り消しました").format(action=stack.redoText())
                if stack.canRedo()
                else ""
            )
            self.undo_button.hide()

    # -- settings and layout -----------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ctx.settings, parent=self)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        dialog.apply()
        if self.ctx.dates.wareki != self.ctx.settings.wareki:
            self.ctx.dates.wareki = self.ctx.settings.wareki
            self.ctx.events.sig_display_changed.emit()

    def _about(self) -> None:
        self.ctx.prompts.inform(
            self,
            title=self.tr("このアプリについて"),
            text=self.tr(
                "生活支援コーディネーター業務管理 {version}\n\n"
                "データベース: {path}\n\n"
                "日本語フォント: IPAexゴシック (IPAフォントライセンスv1.0)"
            ).format(version=__version__, path=self.ctx.services.db.path),
        )

    def _restore_layout(self) -> None:
        settings = self.ctx.settings
        geometry = settings.layout_state("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = settings.layout_state("main/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.layout_state("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([160, 1120])
        for page in self.pages:
            page.restore_layout()
        self.show_page(min(max(settings.last_page, 0), len(self.pages) - 1))

    def save_layout(self) -> None:
        settings = self.ctx.settings
        settings.set_layout_state("main/geometry", self.saveGeometry())
        settings.set_layout_state("main/state", self.saveState())
        settings.set_layout_state("main/splitter", self.splitter.saveState())
        settings.last_page = self.nav.currentRow()
        for page in self.pages:
            page.save_layout()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for index, page in enumerate(self.pages):
            if page.editor.is_dirty:
                self.show_page(index)
                if not page.confirm_discard():
                    event.ignore()
                    return
        self.save_layout()
        event.accept()
