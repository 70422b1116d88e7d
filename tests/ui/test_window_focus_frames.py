"""The review workspace and the report window carry the focus frames once (issue 16):
the project form the workspace builds when a project is first chosen takes the
window's instead of a style sheet of its own, which polished the whole form again."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from coordinator_app.services.registry import Services
from coordinator_app.ui.common.keyboard import FOCUS_FRAME_STYLE
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.review.workspace_view import ReviewWorkspace
from tests.conftest import Factory


def test_feature_windows_carry_the_focus_frames_once(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory
) -> None:
    make.project(title="見守りの仕組みづくり")
    workspace = window.features.review_workspace()
    report = window.features.activity_report()
    for widget in (workspace, report):
        qtbot.addWidget(widget)
        assert widget.styleSheet().count(FOCUS_FRAME_STYLE) == 1
        # A multi-line box of the window still gets Tab back (the keyboard rules ran).
        for box in widget.findChildren(QPlainTextEdit):
            assert box.tabChangesFocus()

    # The project form, built when a project is first chosen, takes the window's frames.
    assert isinstance(workspace, ReviewWorkspace)
    workspace.table.selectRow(0)
    editor = workspace.editor
    assert editor.current_id is not None
    assert FOCUS_FRAME_STYLE not in editor.styleSheet()
    assert all(box.tabChangesFocus() for box in editor.findChildren(QPlainTextEdit))
