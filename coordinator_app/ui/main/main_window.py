"""The main window: navigation between the pages, menus, shortcuts, undo, global search.

Pages are built the first time they are shown (only the page shown at start
reads its list); dialogs and the search view are built when first opened, so
reportlab, openpyxl and QtPdf are imported only when a flyer, an import or an
export is asked for.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from coordinator_app import __version__
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.icons import icon
from coordinator_app.ui.common.keyboard import make_keyboard_friendly, with_focus_frames
from coordinator_app.ui.common.plain_text import plain
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.common.screen_fit import fit_to_screen
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.feature_windows import FeatureWindows
from coordinator_app.ui.main.pages import PAGE_KINDS, PAGE_SPECS, Pages
from coordinator_app.ui.main.settings_dialog import SettingsDialog
from coordinator_app.ui.main.undo_offer import UndoOffer
from coordinator_app.ui.main.window_dialogs import WindowDialogs
from coordinator_app.ui.municipality_dialog import MunicipalityDialog
from coordinator_app.ui.profiles.current import (
    gate_writes,
    may_write,
    read_only_tip,
    set_fields_read_only,
)

if TYPE_CHECKING:
    from coordinator_app.services.data_safety import DataSafetyService
    from coordinator_app.ui.search.search_view import SearchView


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right, search in a dock.

    Every page gets the same :class:`UiContext`; the window routes the
    shortcuts (Ctrl+N/S/F, Delete, Ctrl+Z) to the page shown. Ctrl+N is
    always a new record of the page shown; recording a meeting from anywhere
    is Ctrl+Shift+M (README's shortcut table lists every shortcut, and a test
    holds it to these actions).

    For a supervisor's profile (reading and reviewing only) every command that
    writes is greyed out, with a tooltip saying why; the services refuse the
    same writes (``services/access.py``).

    Menus are in :attr:`menus` (``"file"``, ``"edit"``, ``"view"``, ``"tools"``,
    ``"help"``); :meth:`add_command` adds an item to one of them, which is how
    further views are wired in.

    Args:
        safety: the data safety service of the open file (None for the demo
            copy: no backups).
    """

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        safety: DataSafetyService | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.safety = safety
        self.settings_dialog: SettingsDialog | None = None
        self.dialogs = WindowDialogs(
            ctx, self, current_page=lambda: self.current_page, safety=safety
        )
        self.search_dock: QDockWidget | None = None
        self.search_view: SearchView | None = None
        self.setWindowTitle(
            self.tr("生活支援コーディネーター業務管理 — {name}").format(
                name=ctx.services.db.path.name
            )
        )
        self.setWindowIcon(icon("coordinator"))

        self._built: dict[int, RecordPage] = {}
        self.pages = Pages(self.page_at)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.stack = with_focus_frames(QStackedWidget(self))  # once, for every page
        for spec in PAGE_SPECS:
            QListWidgetItem(icon(spec.icon_name), spec.title(), self.nav)
            self.stack.addWidget(QWidget(self.stack))  # replaced by the page when first shown
        self.nav.setMinimumWidth(120)
        self.nav.setMaximumWidth(220)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.menus: dict[str, QMenu] = {}
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.features = FeatureWindows(ctx, self, add_command=self.add_command)
        self.features.install()
        ctx.events.sig_open_record.connect(self.open_record)
        ctx.events.sig_display_changed.connect(self.apply_role)
        self.apply_role()
        self._restore_layout()

    # -- pages -------------------------------------------------------------------

    @property
    def current_page(self) -> RecordPage:
        return self.page_at(self.stack.currentIndex())

    def built_pages(self) -> list[RecordPage]:
        """The pages built so far, in navigation order."""
        return [self._built[i] for i in sorted(self._built)]

    def page_at(self, index: int) -> RecordPage:
        """The page at ``index``, built (and its list loaded) on first use."""
        if index < 0:
            index += len(PAGE_SPECS)
        page = self._built.get(index)
        if page is not None:
            return page
        page = PAGE_SPECS[index].build(self.ctx)
        current = self.stack.currentIndex()
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        self._built[index] = page
        make_keyboard_friendly(page, style=False)  # Tab leaves the list and the boxes: no trap
        page.restore_layout()
        self.page_built(index, page)
        return page

    def page_built(self, index: int, page: RecordPage) -> None:
        """Extra wiring of a page once it exists (e.g. チラシ作成 on the coordinator page)."""
        if PAGE_SPECS[index].kind == RecordKind.COORDINATOR:
            page.add_page_action(self.action_flyer)

    def show_page(self, index: int) -> None:
        if 0 <= index < len(PAGE_SPECS):
            self.nav.setCurrentRow(index)

    def page_for(self, kind: str) -> RecordPage:
        return self.page_at(PAGE_KINDS.index(kind))

    def open_record(self, kind: str, record_id: uuid.UUID) -> None:
        """Switch to the page of ``kind`` and show ``record_id``."""
        if kind not in PAGE_KINDS:
            return
        self.show_page(PAGE_KINDS.index(kind))
        self.page_for(kind).select_record(record_id)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_SPECS):
            self.page_at(row)
            self.stack.setCurrentIndex(row)

    # -- building ----------------------------------------------------------------

    def add_command(
        self,
        menu: str,
        text: str,
        slot: Callable[[], object],
        *,
        shortcuts: Sequence[str] = (),
        icon_name: str = "",
        toolbar: bool = False,
    ) -> QAction:
        """An action in menu ``menu`` (a key of :attr:`menus`), optionally on the toolbar."""
        action = self._action(text, slot, [QKeySequence(s) for s in shortcuts], icon_name)
        self.menus[menu].addAction(action)
        if toolbar:
            self.toolbar.insertAction(self.toolbar_end, action)
        return action

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
            native = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.removesuffix('…')} ({native})")
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
        self.action_search = self._action(
            self.tr("すべてを検索…"), self.open_search, [key("Ctrl+K")], "search"
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
        self.action_aliases = self._action(self.tr("検索の言い換え…"), self.open_aliases)
        self.action_municipality = self._action(self.tr("自治体の情報…"), self.open_municipality)
        self.action_quit = self._action(self.tr("終了"), self.close, [key("Ctrl+Q")])
        self.action_about = self._action(self.tr("このアプリについて"), self._about)
        self.action_flyer = self._action(
            self.tr("チラシ作成…"), self.dialogs.open_flyer, icon_name="coordinator"
        )
        self.action_team_flyer = self._action(
            self.tr("地域のチームのチラシ作成…"), self.dialogs.open_team_flyer
        )
        self.action_import = self._action(
            self.tr("Excel・CSVから取り込み…"), self.dialogs.open_import
        )
        self.action_export = self._action(
            self.tr("Excel・CSVへ書き出し…"), self.dialogs.open_export
        )
        self.action_backup = self._action(self.tr("バックアップと復元…"), self.dialogs.open_backup)
        self.action_backup.setEnabled(self.safety is not None)
        self.page_actions: list[QAction] = []
        for i, spec in enumerate(PAGE_SPECS):
            action = self._action(
                spec.title(),
                lambda i=i: self.show_page(i),  # type: ignore[misc]
                [key(spec.shortcut or f"Ctrl+{i + 1}")],
                spec.icon_name,
            )
            self.page_actions.append(action)
        self.ctx.undo_stack.canUndoChanged.connect(self.action_undo.setEnabled)
        self.ctx.undo_stack.canRedoChanged.connect(self.action_redo.setEnabled)
        self.action_undo.setEnabled(False)
        self.action_redo.setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for name, title in (
            ("file", self.tr("ファイル(&F)")),
            ("edit", self.tr("編集(&E)")),
            ("view", self.tr("表示(&V)")),
            ("tools", self.tr("ツール(&T)")),
            ("help", self.tr("ヘルプ(&H)")),
        ):
            self.menus[name] = bar.addMenu(title)
        self.file_menu, self.edit_menu, self.view_menu, self.tools_menu, self.help_menu = (
            self.menus[n] for n in ("file", "edit", "view", "tools", "help")
        )
        _fill(self.file_menu, self.action_import, self.action_export, None, self.action_backup)
        _fill(
            self.file_menu,
            None,
            self.action_settings,
            self.action_municipality,
            self.action_aliases,
            None,
        )
        _fill(self.file_menu, self.action_quit)
        _fill(self.edit_menu, self.action_new, self.action_save, self.action_delete, None)
        _fill(self.edit_menu, self.action_undo, self.action_redo, None, self.action_find)
        _fill(self.view_menu, *self.page_actions, None, self.action_search)
        _fill(self.tools_menu, self.action_flyer, self.action_team_flyer)
        _fill(self.help_menu, self.action_about)

        toolbar = self.addToolBar(self.tr("ツールバー"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (self.action_new, self.action_save, self.action_delete):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.action_undo)
        toolbar.addAction(self.action_redo)
        self.toolbar_end = toolbar.addSeparator()
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search_field = QLineEdit(toolbar)
        self.search_field.setObjectName("global_search_field")
        self.search_field.setPlaceholderText(self.tr("すべてを検索 (Ctrl+K)"))
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMaximumWidth(280)
        self.search_field.textEdited.connect(self._search_field_edited)
        self.search_field.returnPressed.connect(lambda: self.open_search(self.search_field.text()))
        toolbar.addWidget(self.search_field)
        self.toolbar = toolbar

    def apply_role(self) -> None:
        """Grey out what writes when the profile in use is a supervisor's."""
        writing = [self.action_new, self.action_save, self.action_delete, self.action_import]
        if self.features.action_new_meeting is not None:
            writing.append(self.features.action_new_meeting)
        gate_writes(self.ctx, writing, enabled=True)
        self.read_only_label.setVisible(not may_write(self.ctx))

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.read_only_label = QLabel(self.tr("閲覧と確認のみ(上司・確認者)"), self)
        self.read_only_label.setObjectName("read_only_label")
        self.read_only_label.setToolTip(read_only_tip())
        self.read_only_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
        status.addPermanentWidget(self.read_only_label)
        self.undo_label = plain(QLabel(self))
        self.undo_button = QPushButton(icon("undo"), self.tr("元に戻す"), self)
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.db_label = plain(QLabel(str(self.ctx.services.db.path), self))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status.addWidget(self.undo_label)
        status.addWidget(self.undo_button)
        status.addPermanentWidget(self.db_label)
        # 元に戻す is offered briefly after an action (see UndoOffer); Ctrl+Z stays.
        self.undo_offer = UndoOffer(
            self.ctx.undo_stack, self.ctx.events, self.undo_label, self.undo_button
        )

    # -- global search -----------------------------------------------------------

    def open_search(self, text: str | None = None) -> SearchView:
        """Show the search dock (built on first use) and focus its query field;
        ``text`` replaces the query."""
        if self.search_view is None or self.search_dock is None:
            from coordinator_app.ui.search.search_view import SearchView

            self.search_view = SearchView(self.ctx)
            self.search_dock = QDockWidget(self.tr("検索"), self)
            self.search_dock.setObjectName("search_dock")
            self.search_dock.setWidget(self.search_view)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
            self.restoreDockWidget(self.search_dock)
            if self.search_dock.isFloating() is False and self.search_dock.width() < 320:
                self.resizeDocks([self.search_dock], [420], Qt.Orientation.Horizontal)
        self.search_dock.show()
        self.search_dock.raise_()
        if text is None:
            self.search_view.focus_query()
        else:
            self.search_view.set_query(text)
            self.search_field.clear()
        return self.search_view

    def _search_field_edited(self, text: str) -> None:
        if text.strip():
            self.open_search(text)

    # -- settings and layout -----------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ctx.settings, parent=self, services=self.ctx.services)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def open_aliases(self) -> QDialog:
        """The 検索の言い換え dialog; an open search runs again after a save."""
        from coordinator_app.ui.aliases.alias_dialog import SearchAliasDialog

        dialog = SearchAliasDialog(self.ctx, self)
        dialog.saved.connect(self._aliases_saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialogs.last = dialog
        dialog.open()
        return dialog

    def _aliases_saved(self) -> None:
        if self.search_view is not None:
            self.search_view.run()

    def open_municipality(self) -> MunicipalityDialog:
        """The 自治体の情報 dialog; read-only for a supervisor (the service refuses it too)."""
        dialog = MunicipalityDialog(self.ctx, self)
        gate_writes(self.ctx, [dialog.save_button], enabled=True)
        set_fields_read_only([dialog.form], not may_write(self.ctx))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        dialog.apply()
        if self.ctx.dates.wareki != self.ctx.settings.wareki or dialog.review_changed:
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
            fit_to_screen(self)  # 800 px is taller than a 1366×768 laptop
        state = settings.layout_state("main/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.layout_state("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([160, 1120])
        self.show_page(min(max(settings.last_page, 0), len(PAGE_SPECS) - 1))

    def save_layout(self) -> None:
        settings = self.ctx.settings
        settings.set_layout_state("main/geometry", self.saveGeometry())
        settings.set_layout_state("main/state", self.saveState())
        settings.set_layout_state("main/splitter", self.splitter.saveState())
        settings.last_page = self.nav.currentRow()
        for page in self.built_pages():
            page.save_layout()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        from coordinator_app.ui.meetings.meeting_dialog import close_meeting_windows

        if not close_meeting_windows(self):
            event.ignore()
            return
        for index, page in sorted(self._built.items()):
            if page.editor_built and page.editor.is_dirty:
                self.show_page(index)
                if not page.confirm_discard():
                    event.ignore()
                    return
        self.save_layout()
        event.accept()

    def current_dialog(self) -> QDialog | None:
        """The dialog the window opened last (tests and the screenshot script use it)."""
        return self.dialogs.last


def _fill(menu: QMenu, *actions: QAction | None) -> None:
    """Add ``actions`` to ``menu``; None is a separator."""
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
