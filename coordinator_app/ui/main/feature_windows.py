"""The windows opened from the main window's menus: meeting log, 対応事項,
review workspace, activity report, user switching.

The main window owns one :class:`FeatureWindows`; each window is built on
first use (their modules are imported then too, so start-up stays light) and
kept, so that reopening shows it as it was left.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from coordinator_app.ui.common.keyboard import make_keyboard_friendly
from coordinator_app.ui.common.screen_fit import fit_to_screen
from coordinator_app.ui.context import UiContext


class AddCommand(Protocol):
    """The main window's ``add_command``: an action in one of its menus."""

    def __call__(
        self,
        menu: str,
        text: str,
        slot: Callable[[], object],
        *,
        shortcuts: Sequence[str] = (),
        icon_name: str = "",
        toolbar: bool = False,
    ) -> QAction: ...


class FeatureWindows:
    """Opens (and keeps) the feature windows of one main window.

    Args:
        ctx: the window's context.
        parent: the main window, as the windows' parent.
        add_command: adds an action to one of the main window's menus.
    """

    def __init__(self, ctx: UiContext, parent: QWidget, *, add_command: AddCommand) -> None:
        self.ctx = ctx
        self.window = parent
        self._add_command = add_command
        self._windows: dict[str, QWidget] = {}
        self.action_new_meeting: QAction | None = None

    def install(self) -> None:
        """Add the commands to the main window's menus and toolbar."""
        add = self._add_command
        # Ctrl+N is the page's own 新規; recording a meeting works from any page,
        # so it gets a combination of its own (M: meeting / 議事録).
        self.action_new_meeting = add(
            "edit",
            QCoreApplication.translate("FeatureWindows", "会議を記録…"),
            self.new_meeting,
            shortcuts=["Ctrl+Shift+M"],
            icon_name="meeting",
            toolbar=True,
        )
        add(
            "view",
            QCoreApplication.translate("FeatureWindows", "対応事項"),
            self.action_items,
            shortcuts=["Ctrl+7"],
            icon_name="meeting",
        )
        add(
            "tools",
            QCoreApplication.translate("FeatureWindows", "確認ワークスペース…"),
            self.review_workspace,
            shortcuts=["Ctrl+Shift+R"],
            icon_name="project",
        )
        add(
            "tools",
            QCoreApplication.translate("FeatureWindows", "実績報告…"),
            self.activity_report,
            shortcuts=["Ctrl+Shift+P"],
        )
        add(
            "tools",
            QCoreApplication.translate("FeatureWindows", "利用者の切り替え…"),
            self.switch_profile,
        )

    def new_meeting(self) -> QWidget:
        from coordinator_app.ui.meetings.meeting_dialog import open_meeting_dialog

        return open_meeting_dialog(self.ctx, self.window)

    def action_items(self) -> QWidget:
        from coordinator_app.ui.action_items.action_item_view import ActionItemView

        return self._show(
            "action_items",
            lambda: self._top_level(
                ActionItemView(self.ctx, self.window),
                QCoreApplication.translate("FeatureWindows", "対応事項"),
            ),
        )

    def review_workspace(self) -> QWidget:
        from coordinator_app.ui.review.workspace_view import ReviewWorkspace

        return self._show("review", lambda: ReviewWorkspace(self.ctx, parent=self.window))

    def activity_report(self) -> QWidget:
        from coordinator_app.ui.reports.report_window import ActivityReportWindow

        return self._show("report", lambda: ActivityReportWindow(self.ctx, parent=self.window))

    def switch_profile(self) -> QWidget:
        from coordinator_app.ui.profiles.profile_picker import ProfilePickerDialog

        dialog = ProfilePickerDialog(self.ctx, self.window)
        dialog.open()
        return dialog

    def windows(self) -> dict[str, QWidget]:
        return dict(self._windows)

    def _show(self, key: str, build) -> QWidget:  # type: ignore[no-untyped-def]
        widget = self._windows.get(key)
        if widget is None:
            widget = build()
            self._windows[key] = widget
            fit_to_screen(widget)  # a 1366×768 laptop shows it whole
            make_keyboard_friendly(widget)  # Tab leaves tables and boxes: no trap
        widget.show()
        widget.raise_()
        widget.activateWindow()
        return widget

    @staticmethod
    def _top_level(widget: QWidget, title: str) -> QWidget:
        from PySide6.QtCore import Qt

        widget.setWindowFlag(Qt.WindowType.Window)
        widget.setWindowTitle(title)
        widget.resize(1000, 640)
        return widget
