"""The コーディネーター, 関係機関 and 協議体 pages show their list first: the form is
built in the turn after the list's first paint (as on the 会議 page), or at once when
anything asks for it before, and the page looks as when the form was built with it
(issue 16; timings live in benchmarks/)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import CouncilStatus
from coordinator_app.domain.models import Council
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.pages import PAGE_KINDS
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts

LIST_FIRST = (RecordKind.COORDINATOR, RecordKind.ORGANISATION, RecordKind.COUNCIL)


def _councils(make: Factory) -> tuple[Council, Council]:
    first = make.council()
    second = Council(
        name="もうひとつの協議体", area_id=first.area_id, status=CouncilStatus.PREPARING, tier=1
    )
    return first, make.s.councils.save(second)


RECORDS: dict[str, Callable[[Factory], object]] = {
    RecordKind.COORDINATOR: lambda make: (make.coordinator(), make.coordinator("鈴木 花子")),
    RecordKind.ORGANISATION: lambda make: (make.organisation(), make.organisation("あおば会")),
    RecordKind.COUNCIL: lambda make: _councils(make),
}


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def _watch_first_paint(window: MainWindow, seen: list[bool]) -> None:
    """Record, at the list's first paint, whether the page's form was built."""
    original = window.page_built

    def page_built(index: int, page: RecordPage) -> None:
        original(index, page)

        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not seen:
                    seen.append(page.editor_built)
                return False

        page.table.viewport().installEventFilter(Watch(page))

    window.page_built = page_built  # type: ignore[method-assign]


@pytest.mark.parametrize("kind", LIST_FIRST)
def test_the_form_is_built_after_the_list_painted(
    qtbot: QtBot, window: MainWindow, make: Factory, kind: str
) -> None:
    RECORDS[kind](make)
    built_at_paint: list[bool] = []
    _watch_first_paint(window, built_at_paint)
    index = PAGE_KINDS.index(kind)
    window.show_page(index)
    page = window.page_at(index)
    assert not page.editor_built  # the list first
    qtbot.waitUntil(lambda: page.editor_built)  # then the form, without being asked
    assert built_at_paint == [False]
    editor = page.editor
    qtbot.waitUntil(editor.isVisible)
    assert editor.current_id is None and not editor.is_dirty  # an empty form, as before
    assert page.new_button.isEnabled() and not page.delete_button.isEnabled()
    page.table.selectRow(1)  # the form follows the list as before
    assert editor.current_id == page.model.id_at(1) is not None
    assert page.delete_button.isEnabled()


@pytest.mark.parametrize("kind", LIST_FIRST)
def test_asking_for_the_form_builds_it_at_once(
    qtbot: QtBot, window: MainWindow, make: Factory, kind: str
) -> None:
    RECORDS[kind](make)
    index = PAGE_KINDS.index(kind)
    page = window.page_at(index)  # built, never shown
    assert not page.editor_built
    window.show_page(index)
    window.action_new.trigger()  # Ctrl+N before the list painted: the form is there
    assert page.editor_built
    assert page.editor.current_id is None and not page.editor.is_dirty


@pytest.mark.parametrize("kind", LIST_FIRST)
def test_the_page_splits_as_when_its_form_was_built_with_it(
    qtbot: QtBot, window: MainWindow, ctx: UiContext, make: Factory, kind: str, monkeypatch
) -> None:
    RECORDS[kind](make)
    index = PAGE_KINDS.index(kind)
    window.resize(1280, 800)
    window.show_page(index)
    page = window.page_at(index)
    qtbot.waitUntil(lambda: page.editor_built)
    qtbot.wait_until(lambda: page.editor.isVisible())

    # The same page with its form built inside RecordPage.__init__, as before issue 16.
    original = RecordPage.__init__

    def built_at_once(self, ctx, *, model, editor, parent=None):  # type: ignore[no-untyped-def]
        form = editor() if callable(editor) else editor
        original(self, ctx, model=model, editor=form, parent=parent)

    monkeypatch.setattr(RecordPage, "__init__", built_at_once)
    other = MainWindow(ctx)
    qtbot.addWidget(other)
    other.resize(1280, 800)
    other.show()
    qtbot.waitExposed(other)
    other.show_page(index)
    eager = other.page_at(index)
    assert eager.editor_built
    qtbot.waitUntil(lambda: eager.editor.isVisible())
    assert page.splitter.sizes() == eager.splitter.sizes()
    assert page.table.horizontalHeader().length() == eager.table.horizontalHeader().length()
