"""Issue 18: the errors the services and the sync make reach the English window
in English (the Japanese window keeps them exactly as made)."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import CouncilStatus
from coordinator_app.domain.models import Council
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from coordinator_app.services.survey_results import WeekdayGap
from coordinator_app.sync.client import ServerClient, SyncError
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.labels import error_text, message_text
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.sync.controller import SyncController
from tests.conftest import Factory
from tests.ui.conftest import enter

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def _refusal(action: object) -> BaseException:
    with pytest.raises((ValidationError, LookupError, SyncError, OSError)) as caught:
        action()  # type: ignore[operator]
    return caught.value


def test_service_refusals_read_in_english(english: None, services: Services, make: Factory) -> None:
    city = make.city()
    shown = {}
    shown["council tier"] = error_text(
        _refusal(
            lambda: services.councils.save(
                Council(name="North", tier=2, area_id=city.id, status=CouncilStatus.PREPARING)
            )
        )
    )
    shown["series none"] = error_text(
        _refusal(lambda: services.meetings.create_series(make.meeting(title="Salon"), []))
    )
    shown["series many"] = error_text(
        _refusal(
            lambda: services.meetings.create_series(
                make.meeting(title="Walk"),
                [date(2030, 1, 1) + timedelta(days=d) for d in range(61)],
            )
        )
    )
    services.gathering_places.add_kind("Walking club")
    shown["kind twice"] = error_text(
        _refusal(lambda: services.gathering_places.add_kind("Walking club"))
    )
    shown["area lookup"] = error_text(
        _refusal(lambda: services.gathering_places.find_area("Nowhere"))
    )
    gone = make.area("South", parent=city)
    services.areas.soft_delete(gone.id)
    shown["meeting area gone"] = error_text(
        _refusal(lambda: make.meeting(title="Talk", area_id=gone.id))
    )
    shown["bad server"] = error_text(
        _refusal(lambda: ServerClient("ftp://nowhere", schema_revision="x"))
    )
    folder = OSError(errno.EACCES, "x")
    shown["folder"] = error_text(_refusal(lambda: _raise_like_data_safety(folder)))
    assert shown == {
        "council tier": "A Tier 2 council's area must be smaller than the whole municipality",
        "series none": "Choose at least one date",
        "series many": "A series can have at most 60 sessions",
        "kind twice": '"Walking club" already exists',
        "area lookup": 'Area "Nowhere" not found',
        "meeting area gone": "Area not found",
        "bad server": "The server address is not valid: ftp://nowhere",
        "folder": 'Could not create the folder "/x": denied',
    }
    assert not [text for text in shown.values() if JAPANESE.search(text)]


def _raise_like_data_safety(cause: OSError) -> None:
    from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, error

    raise OSError(
        cause.errno,
        error(
            QT_TRANSLATE_NOOP("errors", "フォルダー「{folder}」を作れませんでした: {reason}"),
            folder="/x",
            reason="denied",
        ),
    )


def test_the_japanese_window_keeps_the_messages_as_made(services: Services, make: Factory) -> None:
    city = make.city()
    refused = _refusal(
        lambda: services.councils.save(
            Council(name="北部", tier=2, area_id=city.id, status=CouncilStatus.PREPARING)
        )
    )
    assert str(refused) == "第2層協議体の地域は市域より小さい地域にしてください"
    assert error_text(refused) == str(refused)


def test_weekday_gaps_and_their_absence_read_in_english(english: None) -> None:
    assert message_text(WeekdayGap("North", 2, (0, 2, 6)).missing_text) == "Mon, Wed, Sun"
    assert message_text(WeekdayGap("North", 2, ()).missing_text) == "none"
    assert WeekdayGap("North", 2, (0, 2)).missing_text == "月・水"  # the Japanese as before
    assert WeekdayGap("North", 2, ()).missing_text == "なし"


def test_the_meeting_window_refuses_an_early_approval_in_english(
    english: None, qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    meeting = make.meeting(held_on=date(2024, 6, 15))
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.approved_on_field, "2024/6/1")
    assert not dialog.save()
    form = next(f for f in dialog.editor.forms if f.owns("approved_on"))
    assert form.error_text("approved_on") == "The approval date cannot be before the meeting date"
    assert form.error_text("approved_by") == (
        "When you enter an approval date, enter who approved too"
    )
    assert services.meetings.get(meeting.id).approved_on is None  # nothing half-saved


def test_a_bad_sync_address_is_told_in_english(
    english: None, qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    controller = SyncController(services, ctx.events)
    with qtbot.waitSignal(controller.logged_in) as answer:
        controller.login("ftp://nowhere", "user", "secret")
    assert answer.args == ["The server address is not valid: ftp://nowhere"]
    controller.stop()


def test_the_series_window_refuses_in_english(
    english: None, qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    dialog = MeetingDialog(ctx)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.date_field, "2024-09-03")
    series = dialog.open_series()
    series.accept()
    assert series.created == []
    shown = series.error_label.text()
    assert shown.endswith("Meeting name is required") and not JAPANESE.search(shown), shown
    assert services.meetings.list().total == 0
