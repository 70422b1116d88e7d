"""The meeting list and the 対応事項 view, readable: whole 和暦 dates, the item text
taking the free width, every named attendee counted, and 祝日 on the calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting
from coordinator_app.services.registry import Services
from coordinator_app.ui.action_items.action_item_view import ActionItemView
from coordinator_app.ui.action_items.open_item_model import OpenItemModel
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.calendar_model import HOLIDAY_ROLE
from coordinator_app.ui.meetings.meeting_model import MeetingTableModel
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from tests.conftest import Factory


def _meeting(services: Services, make: Factory) -> Meeting:
    people = [make.coordinator(), make.coordinator("高橋 美咲", "たかはし みさき")]
    org = make.organisation()
    contacts = [make.contact(org, name=n) for n in ("山田 花子", "田中 一郎", "木村 三郎")]
    meeting = Meeting(
        kind=MeetingKind.COUNCIL,
        title="第2層協議体 定例会",
        held_on=date(2026, 10, 14),
        mode=MeetingMode.HYBRID,
        participants_on_site=9,
        participants_online=3,
    )
    return services.meetings.save(
        meeting,
        coordinator_ids=[p.id for p in people],
        organisation_ids=[org.id],
        contact_ids=[c.id for c in contacts],
    )


def test_the_list_counts_every_named_attendee_and_the_participants(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    _meeting(services, make)
    page = MeetingPage(ctx)
    qtbot.addWidget(page)
    model = page.model
    header = model.headerData(MeetingTableModel.ATTENDEES, Qt.Orientation.Horizontal)
    assert header == "出席者(名簿)"
    assert model.headerData(MeetingTableModel.PARTICIPANTS, Qt.Orientation.Horizontal) == "参加者数"
    # 2 coordinators + 1 organisation + 3 contacts, as the form's 出席 total counts them.
    assert model.index(0, MeetingTableModel.ATTENDEES).data() == "6"
    assert model.index(0, MeetingTableModel.PARTICIPANTS).data() == "12"


def test_wareki_dates_are_shown_whole(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory, tmp_path: Path
) -> None:
    _meeting(services, make)
    page = MeetingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.restore_layout()
    table = page.table
    ctx.dates.wareki = True
    ctx.events.sig_display_changed.emit()
    text = page.model.index(0, MeetingTableModel.DATE).data()
    assert text == "令和8年10月14日"
    needed = table.fontMetrics().horizontalAdvance(text)
    assert table.columnWidth(MeetingTableModel.DATE) > needed
    page.grab().save(str(tmp_path / "list-wareki.png"))


def test_the_item_text_takes_the_free_width(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory, tmp_path: Path
) -> None:
    meeting = _meeting(services, make)
    services.action_items.save(
        ActionItem(
            meeting_id=meeting.id,
            text="移動販売の事業者に、北山地区の空き地での出店を打診し、結果を次回報告する",
            due_date=date(2026, 11, 30),
        )
    )
    view = ActionItemView(ctx)
    qtbot.addWidget(view)
    view.restore_layout()
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    header = view.table.horizontalHeader()
    assert header.sectionResizeMode(OpenItemModel.TEXT) == QHeaderView.ResizeMode.Stretch
    others = sum(header.sectionSize(c) for c in range(header.count()) if c != OpenItemModel.TEXT)
    # The text column gets what the others leave: far more than 100 px maximised.
    assert header.sectionSize(OpenItemModel.TEXT) >= view.table.viewport().width() - others - 2
    assert header.sectionSize(OpenItemModel.TEXT) > 400
    view.grab().save(str(tmp_path / "action-items.png"))


def test_the_month_calendar_marks_holidays(qtbot: QtBot, ctx: UiContext, tmp_path: Path) -> None:
    page = MeetingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.show_calendar()
    page.calendar.show_month(2026, 2)
    model = page.calendar.model
    index = model.index_of(date(2026, 2, 23))
    assert model.data(index, HOLIDAY_ROLE) == "天皇誕生日"
    assert model.data(index).startswith("23 天皇誕生日")
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert model.data(model.index_of(date(2026, 2, 24)), HOLIDAY_ROLE) is None
    page.calendar.grab().save(str(tmp_path / "calendar-holidays.png"))
