"""The 会議 form is built while the app is idle, ahead of the page's first open (issue 16).

The idle step after the window's first paint (``app.prepare_while_idle``) builds the
form hidden under the window in the next event-loop turn; the page, when first opened,
takes it instead of building one after its list's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from coordinator_app.app import prepare_while_idle
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.pages import PAGE_KINDS
from coordinator_app.ui.meetings.meeting_editor import MeetingEditor
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from tests.conftest import Factory

MEETINGS = PAGE_KINDS.index(RecordKind.MEETING)


def _window(qtbot: QtBot, ctx: UiContext, page: int) -> MainWindow:
    ctx.settings.last_page = page
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _idle_step(qtbot: QtBot, ctx: UiContext, window: MainWindow) -> None:
    """The idle step and the turn it leaves for the form (zero-timers fire in order)."""
    prepare_while_idle(ctx, window)
    passed: list[bool] = []
    QTimer.singleShot(0, lambda: passed.append(True))
    qtbot.waitUntil(lambda: bool(passed))


def _editors(window: MainWindow) -> list[MeetingEditor]:
    return window.findChildren(MeetingEditor)


def test_the_first_open_takes_the_form_built_while_idle(
    qtbot: QtBot, ctx: UiContext, make: Factory
) -> None:
    make.meeting(title="地域ケア会議")
    window = _window(qtbot, ctx, 0)  # 地域
    _idle_step(qtbot, ctx, window)
    assert len(_editors(window)) == 1
    spare = _editors(window)[0]
    assert not spare.isVisible()  # hidden until the page takes it

    window.show_page(MEETINGS)
    page = window.page_at(MEETINGS)
    assert isinstance(page, MeetingPage)
    qtbot.waitUntil(lambda: page.editor_built)

    assert page.editor is spare
    assert _editors(window) == [spare]  # no second form was built
    assert spare.isVisible()
    assert page.isAncestorOf(spare)
    # The form works as one built by the page: choosing a meeting shows it.
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: spare.title_edit.text() == "地域ケア会議")


def test_no_form_is_built_ahead_when_the_page_is_there(
    qtbot: QtBot, ctx: UiContext, make: Factory
) -> None:
    """Landing on 会議, the page builds its own form after its list's first paint."""
    make.meeting(title="地域ケア会議")
    window = _window(qtbot, ctx, MEETINGS)
    page = window.page_at(MEETINGS)
    assert isinstance(page, MeetingPage)
    qtbot.waitUntil(lambda: page.editor_built)
    _idle_step(qtbot, ctx, window)

    assert _editors(window) == [page.editor]
