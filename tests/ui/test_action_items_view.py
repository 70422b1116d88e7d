"""The 対応事項 view: open and overdue items of all meetings, by owner; done with Space
(undoable), the meeting opens with Enter; and the models pass Qt's model tester."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import ActionItem
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.action_items.action_item_view import ActionItemView
from coordinator_app.ui.action_items.open_item_model import OpenItemModel
from coordinator_app.ui.common.attachment_model import AttachmentTableModel
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.calendar_model import MonthModel
from tests.conftest import Factory
from tests.ui.conftest import accept, choose, enter, reopened
from tests.ui.fake_prompts import FakePrompts

TODAY = date.today()


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def items(services: Services, make: Factory) -> dict[str, object]:
    takahashi = make.coordinator("高橋 美咲", "たかはし みさき")
    org = make.organisation("北山町会", kana="きたやまちょうかい")
    yamada = make.contact(org, name="山田 花子")
    council_meeting = make.meeting(title="第1層協議体 第4回", held_on=TODAY - timedelta(days=30))
    liaison = make.meeting(title="SC連絡会", held_on=TODAY - timedelta(days=7))
    gone = make.meeting(title="削除した会議")

    def item(meeting: object, text: str, **kw: object) -> ActionItem:
        return services.action_items.save(
            ActionItem(meeting_id=meeting.id, text=text, **kw)  # type: ignore[attr-defined]
        )

    overdue = item(
        council_meeting,
        "要綱案を作る",
        owner_coordinator_id=takahashi.id,
        due_date=TODAY - timedelta(days=2),
    )
    soon = item(
        liaison, "会場を予約する", owner_contact_id=yamada.id, due_date=TODAY + timedelta(days=5)
    )
    undated = item(liaison, "チラシの文案を考える", owner_coordinator_id=takahashi.id)
    item(liaison, "済んだこと", done=True)
    item(gone, "消えた会議の事項")
    services.meetings.soft_delete(gone.id)
    return {
        "takahashi": takahashi,
        "yamada": yamada,
        "overdue": overdue,
        "soon": soon,
        "undated": undated,
        "liaison": liaison,
    }


@pytest.fixture
def view(qtbot: QtBot, ctx: UiContext, items: dict[str, object]) -> ActionItemView:
    widget = ActionItemView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    widget.restore_layout()
    return widget


def _texts(view: ActionItemView) -> list[str]:
    return [view.model.index(r, OpenItemModel.TEXT).data() for r in range(view.model.rowCount())]


def test_open_items_earliest_due_first_overdue_in_red(view: ActionItemView) -> None:
    assert _texts(view) == ["要綱案を作る", "会場を予約する", "チラシの文案を考える"]
    model = view.model
    assert model.index(0, model.STATE).data() == "期限切れ"
    assert model.index(0, model.MEETING).data() == "第1層協議体 第4回"
    assert model.index(0, model.OWNER).data() == "高橋 美咲"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(2, model.DUE).data() == "(期限なし)"
    assert view.count_label.text() == "未完了 3件(うち期限切れ 1件)"
    assert view.title() == "対応事項"


def test_filters_by_owner_overdue_and_text(
    qtbot: QtBot, view: ActionItemView, items: dict[str, object]
) -> None:
    choose(view.owner_combo, "高橋 美咲")
    assert _texts(view) == ["要綱案を作る", "チラシの文案を考える"]
    choose(view.owner_combo, "山田 花子(北山町会)")
    assert _texts(view) == ["会場を予約する"]
    view.set_owner()
    qtbot.keyClick(view.overdue_check, Qt.Key.Key_Space)
    assert _texts(view) == ["要綱案を作る"]
    qtbot.keyClick(view.overdue_check, Qt.Key.Key_Space)
    enter(qtbot, view.filter_edit, "連絡会")  # the meeting's title
    view.refresh()
    assert _texts(view) == ["会場を予約する", "チラシの文案を考える"]
    view.set_owner(contact_id=items["yamada"].id)  # type: ignore[attr-defined]
    assert _texts(view) == ["会場を予約する"]


def test_space_marks_done_and_ctrl_z_takes_it_back(
    qtbot: QtBot, view: ActionItemView, ctx: UiContext, items: dict[str, object], db: Database
) -> None:
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)
    assert _texts(view) == ["会場を予約する", "チラシの文案を考える"]
    assert ctx.services.action_items.get(items["overdue"].id).done  # type: ignore[attr-defined]
    ctx.undo_stack.undo()
    assert _texts(view)[0] == "要綱案を作る"
    view.table.selectRow(1)
    view.table.selectionModel().select(
        view.model.index(2, 0),
        view.table.selectionModel().SelectionFlag.Select
        | view.table.selectionModel().SelectionFlag.Rows,
    )
    assert view.mark_selected_done()
    with reopened(db) as stored:
        done = {
            i: stored.action_items.get(items[i].id).done  # type: ignore[attr-defined]
            for i in ("overdue", "soon", "undated")
        }
        assert done == {"overdue": False, "soon": True, "undated": True}


def test_enter_opens_the_meeting_and_edit_changes_the_item(
    qtbot: QtBot, view: ActionItemView, ctx: UiContext, items: dict[str, object]
) -> None:
    opened: list[tuple[str, uuid.UUID]] = []
    ctx.events.sig_open_record.connect(lambda kind, record_id: opened.append((kind, record_id)))
    view.table.setFocus()
    view.table.selectRow(1)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [(RecordKind.MEETING, items["liaison"].id)]  # type: ignore[attr-defined]

    dialog = view.edit_selected()
    assert isinstance(dialog, ActionItemDialog)
    enter(qtbot, dialog.due_field, (TODAY - timedelta(days=1)).isoformat())
    accept(qtbot, dialog, dialog.save_button)
    assert view.count_label.text() == "未完了 3件(うち期限切れ 2件)"


def test_models_pass_the_model_tester(
    qtmodeltester: object, view: ActionItemView, ctx: UiContext, make: Factory
) -> None:
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    month = MonthModel()
    month.set_month(2024, 6, [make.meeting(held_on=date(2024, 6, 15))])
    qtmodeltester.check(month)  # type: ignore[attr-defined]
    meeting = make.meeting()
    ctx.services.attachments.add(filename="a.txt", content=b"x", meeting_id=meeting.id)
    attachments = AttachmentTableModel(ctx.services.attachments, ctx.dates)
    attachments.load(meeting.id)
    qtmodeltester.check(attachments)  # type: ignore[attr-defined]
