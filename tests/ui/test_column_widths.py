"""List columns are readable from the first record: an empty list still has room
for a whole date or name, the first rows widen columns to their content, and a
width saved too narrow is never restored below its column's minimum."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import Meeting
from coordinator_app.services.registry import Services
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.common.table_model import (
    MINIMUM_SAMPLES,
    ColumnKind,
    minimum_width,
)
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import enter


def widths(page: RecordPage) -> list[int]:
    header = page.table.horizontalHeader()
    return [header.sectionSize(i) for i in range(header.count())]


def text_width(page: RecordPage, text: str) -> int:
    return page.table.fontMetrics().horizontalAdvance(text)


def test_empty_lists_have_room_for_each_kind_of_value(window: MainWindow) -> None:
    for page in window.pages:
        header = page.table.horizontalHeader()
        for column in range(header.count() - 1):  # the last one stretches
            spec = page.model.column_spec(column)
            assert spec is not None
            sample = MINIMUM_SAMPLES[spec.content_kind]
            assert header.sectionSize(column) >= text_width(page, sample), (
                f"{page.title()}: {spec.header}"
            )
    meetings = window.pages[4]
    assert meetings.model.column_spec(0).content_kind == ColumnKind.DATE  # type: ignore[union-attr]
    assert widths(meetings)[0] >= text_width(meetings, "令和10年12月31日")
    window.show_page(4)
    window.grab().save("/tmp/ux-empty-meetings.png")


def test_the_first_record_widens_columns_to_its_content(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page
    name = "社会福祉法人福生市社会福祉協議会地域福祉推進課"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    enter(qtbot, page.editor.name_edit, name)  # type: ignore[attr-defined]
    assert page.save_record()
    assert services.organisations.list().rows[0].name == name
    assert widths(page)[0] >= min(text_width(page, name), 320 - 20)
    window.grab().save("/tmp/ux-first-organisation.png")


def test_narrow_saved_widths_are_widened_when_restored(
    qtbot: QtBot, ctx: UiContext, make: Factory
) -> None:
    make.meeting(title="地域ケア会議", held_on=date(2024, 4, 12))
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    page = first.pages[4]
    header = page.table.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, 24)  # what an empty list of an older version saved
    first.save_layout()
    first.close()

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    restored = second.pages[4]
    for column, width in enumerate(widths(restored)):
        assert width >= minimum_width(restored.table, column)
    assert widths(restored)[0] >= text_width(restored, "令和10年12月31日")


def test_a_column_the_user_widened_is_kept_when_rows_arrive(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = window.pages[4]
    header = page.table.horizontalHeader()
    header.resizeSection(2, 400)
    services.meetings.save(
        Meeting(
            kind=MeetingKind.LIAISON,
            title="連絡会",
            held_on=date(2024, 4, 12),
            mode=MeetingMode.ON_SITE,
        )
    )
    window.show_page(4)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert header.sectionSize(2) == 400
