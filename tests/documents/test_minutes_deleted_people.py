"""Minutes leave out people whose records (or organisations) were deleted, until undone."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from coordinator_app.documents.render.minutes import MinutesRenderer
from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def _pdf_text(services: Services, meeting_id: object) -> str:
    data = services.documents.minutes_data(meeting_id)  # type: ignore[arg-type]
    pdf = MinutesRenderer().render(data).pdf
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")


def test_owners_and_attendees_of_deleted_organisations_are_left_out(
    services: Services, make: Factory
) -> None:
    org = make.organisation("ふじ町会", kana="ふじちょうかい")
    kept = make.organisation("さくら会", kana="さくらかい")
    gone = make.contact(org, name="藤 次郎")
    stays = make.contact(kept, name="桜 花子")
    left = make.coordinator("退職 一郎", "たいしょく いちろう")
    meeting = services.meetings.save(
        Meeting(
            kind=MeetingKind.LIAISON,
            title="連絡会",
            held_on=date(2026, 2, 16),
            mode=MeetingMode.ON_SITE,
        ),
        contact_ids=[gone.id, stays.id],
    )
    for text, owner in (("町会に相談する", gone), ("会場を探す", stays)):
        services.action_items.save(
            ActionItem(meeting_id=meeting.id, text=text, owner_contact_id=owner.id)
        )
    services.action_items.save(
        ActionItem(meeting_id=meeting.id, text="引き継ぐ", owner_coordinator_id=left.id)
    )
    before = services.documents.minutes_data(meeting.id)
    assert {i.text: i.owner for i in before.action_items}["町会に相談する"] == "藤 次郎"

    services.organisations.soft_delete(org.id)
    services.coordinators.soft_delete(left.id)
    data = services.documents.minutes_data(meeting.id)
    owners = {i.text: i.owner for i in data.action_items}
    assert owners == {"町会に相談する": "", "会場を探す": "桜 花子", "引き継ぐ": ""}
    assert data.contacts == ["桜 花子"]
    text = _pdf_text(services, meeting.id)
    assert "藤 次郎" not in text and "退職 一郎" not in text and "桜 花子" in text

    services.organisations.restore(org.id)  # undone: the owner is back
    owners = {i.text: i.owner for i in services.documents.minutes_data(meeting.id).action_items}
    assert owners["町会に相談する"] == "藤 次郎"
