"""似ている記録の確認 in the window: opened from the ツール menu, merged and kept apart
by clicking; what ends up in the database is asserted after reopening it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select

from coordinator_app.domain.changes import Origin, acting
from coordinator_app.domain.enums import MeetingKind, MeetingMode, OrgKind
from coordinator_app.domain.ids import link_id
from coordinator_app.domain.models import Meeting, MeetingOrganisation, Organisation
from coordinator_app.services.look_alikes import LookAlikeService
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.sync.install import install_sync
from coordinator_app.ui.sync.look_alikes_dialog import LookAlikeDialog
from coordinator_app.ui.sync.look_alikes_model import LookAlikeRecordModel
from coordinator_app.ui.sync.look_alikes_offer import LookAlikeOffer
from tests.ui.conftest import reopened
from tests.ui.fake_prompts import FakePrompts


def _org(services: Services, name: str, kana: str, **kw: object) -> Organisation:
    return services.organisations.save(
        Organisation(name=name, kana=kana, kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION, **kw)
    )


def _open(qtbot: QtBot, window: MainWindow) -> LookAlikeDialog:
    sync = install_sync(window)
    offer: LookAlikeOffer = sync.look_alikes  # type: ignore[attr-defined]
    offer.action.trigger()
    dialog = offer.dialog
    assert isinstance(dialog, LookAlikeDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _row_of(dialog: LookAlikeDialog, text: str, column: int) -> int:
    model = dialog.records_model
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            return row
    raise AssertionError(f"{text} not listed")


def _click_row(qtbot: QtBot, dialog: LookAlikeDialog, row: int) -> None:
    table = dialog.records_table
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_merging_from_the_dialog_keeps_the_chosen_record(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    db: Database,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    older = _org(services, "若葉台町会", "わかばだいちょうかい", phone="042-000-0000")
    newer = _org(services, "若葉台 町会", "ワカバダイチョウカイ", address="若葉台1-2-3")
    meeting = services.meetings.save(
        Meeting(
            kind=MeetingKind.LIAISON,
            title="町会長会議",
            held_on=date(2026, 5, 1),
            mode=MeetingMode.ON_SITE,
        ),
        organisation_ids=[older.id],
    )
    dialog = _open(qtbot, window)
    assert dialog.windowTitle() == "似ている記録の確認"
    assert dialog.groups_model.rowCount() == 1
    assert dialog.groups_model.index(0, 0).data() == "関係機関"
    assert dialog.records_model.rowCount() == 2
    # Keep the newer record (the one with the address): the meeting must follow.
    _click_row(qtbot, dialog, _row_of(dialog, "若葉台1-2-3", LookAlikeRecordModel.DETAIL))
    assert dialog.chosen is not None and dialog.chosen.id == newer.id
    dialog.grab().save("/tmp/joinlook-dialog.png")

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert "若葉台 町会" in prompts.questions[-1]
    assert "統合しました" in dialog.message.text()
    assert dialog.groups_model.rowCount() == 0
    assert dialog.empty_label.isVisibleTo(dialog)
    dialog.grab().save("/tmp/joinlook-dialog-empty.png")
    with reopened(db) as again:
        kept = again.organisations.get(newer.id)
        assert (kept.phone, kept.address) == ("042-000-0000", "若葉台1-2-3")
        assert [o.id for o in again.organisations.list().rows] == [newer.id]
        with again.db.reading() as session:
            live = session.exec(
                select(MeetingOrganisation).where(
                    MeetingOrganisation.deleted_at.is_(None)  # type: ignore[union-attr]
                )
            ).all()
        assert [link.id for link in live] == [
            link_id("meeting_organisation", {"meeting_id": meeting.id, "organisation_id": newer.id})
        ]


def test_a_cancelled_merge_changes_nothing_and_kept_apart_is_not_listed_again(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    db: Database,
    prompts: FakePrompts,
) -> None:
    first = _org(services, "いきいき会", "いきいきかい")
    second = _org(services, "いきいき会", "いきいきかい")
    dialog = _open(qtbot, window)
    prompts.answers.append(False)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert len(services.organisations.list().rows) == 2

    qtbot.mouseClick(dialog.apart_button, Qt.MouseButton.LeftButton)

    assert dialog.groups_model.rowCount() == 0
    assert "別の記録として残しました" in dialog.message.text()
    with reopened(db) as fresh:
        assert {o.id for o in fresh.organisations.list().rows} == {first.id, second.id}
        assert LookAlikeService(fresh.db).groups() == []


def test_a_round_that_pulled_a_look_alike_offers_it_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    sync = install_sync(window)
    offer: LookAlikeOffer = sync.look_alikes  # type: ignore[attr-defined]
    _org(services, "若葉台町会", "わかばだいちょうかい")
    sync.controller.round_finished.emit()
    assert not offer.notice.isVisible()  # nothing pulled

    with acting(Origin.SYNC):
        _org(services, "若葉台町会", "わかばだいちょうかい")  # as a pull publishes it
    sync.controller.round_finished.emit()

    assert offer.notice.isVisible()
    assert offer.notice.text() == "似ている記録 1組を確認"
    window.statusBar().grab().save("/tmp/joinlook-statusbar.png")
    qtbot.mouseClick(offer.notice, Qt.MouseButton.LeftButton)
    assert isinstance(offer.dialog, LookAlikeDialog)
    assert offer.dialog.groups_model.rowCount() == 1
    assert not offer.notice.isVisible()
    # The same group is not offered twice in one session.
    with acting(Origin.SYNC):
        _org(services, "別の会", "べつのかい")
    sync.controller.round_finished.emit()
    assert not offer.notice.isVisible()


def test_the_open_dialog_follows_records_arriving_meanwhile(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    _org(services, "若葉台町会", "わかばだいちょうかい")
    dialog = _open(qtbot, window)
    assert dialog.empty_label.isVisibleTo(dialog)

    with acting(Origin.SYNC):
        _org(services, "若葉台町会", "わかばだいちょうかい")

    assert dialog.groups_model.rowCount() == 1
    assert dialog.records_model.rowCount() == 2
    assert dialog.merge_button.isEnabled()
