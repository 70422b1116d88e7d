"""The look-alike notice after a real sync round (throw-away PostgreSQL, the server
on loopback): a pulled record that looks like one of this desk's is offered in the
status bar, and the dialog shows which desk sent each record."""

from __future__ import annotations

import uuid

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

from PySide6.QtCore import Qt

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.ui.sync.look_alikes_dialog import LookAlikeDialog
from coordinator_app.ui.sync.look_alikes_model import LookAlikeRecordModel
from coordinator_app.ui.sync.look_alikes_offer import LookAlikeOffer
from tests.server import conftest as server_fixtures
from tests.server import per_module
from tests.sync.test_rounds import Desk
from tests.ui.test_sync_window import WindowDesk, pair

server_dir = per_module.server_dir
api = per_module.api
admin = server_fixtures.admin
__all__ = ["admin", "api", "pair", "server_dir"]  # fixtures this module uses


NAME = f"若葉台町会{uuid.uuid4().hex[:6]}"
"""A name of this module's own: the server outlives one test."""


def _association(desk: Desk) -> Organisation:
    return desk.services.organisations.save(
        Organisation(name=NAME, kana="わかばだいちょうかい", kind=OrgKind.NEIGHBOURHOOD_ASSOCIATION)
    )


def test_a_pulled_look_alike_is_offered_in_the_status_bar(
    pair: tuple[WindowDesk, Desk],
) -> None:
    office, laptop = pair
    offer: LookAlikeOffer = office.sync.look_alikes  # type: ignore[attr-defined]
    _association(office.desk)
    office.round()
    # Whatever earlier tests left on the server was offered at the login round.
    offer.notice.hide()

    _association(laptop)
    laptop.sync()
    office.round()

    assert offer.notice.isVisible()
    assert offer.notice.text() == "似ている記録 1組を確認"
    office.qtbot.mouseClick(offer.notice, Qt.MouseButton.LeftButton)
    dialog = offer.dialog
    assert isinstance(dialog, LookAlikeDialog)
    model = dialog.records_model
    column = LookAlikeRecordModel.ORIGIN
    office.qtbot.waitUntil(lambda: not model.asking, timeout=60_000)
    origins = sorted(model.index(row, column).data() for row in range(model.rowCount()))
    assert origins[0].startswith("この端末(" + office.desk.user[0])
    assert origins[1].startswith("ほかの端末(" + laptop.user[0])
    # A coordinator's login: the server would refuse the merge (it deletes a 関係機関).
    office.qtbot.waitUntil(lambda: dialog.server_role is not None, timeout=60_000)
    assert not dialog.merge_button.isEnabled()
    assert dialog.server_note.isVisible() and "管理者" in dialog.server_note.text()
    dialog.grab().save("/tmp/joinlook-dialog-synced.png")
