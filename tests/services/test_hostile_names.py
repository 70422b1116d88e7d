"""Issue 11.12: names lose bidi overrides and invisible characters when saved."""

from __future__ import annotations

from coordinator_app.domain.models import Coordinator
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def test_saved_names_lose_bidi_overrides_and_zero_width_characters(
    services: Services, make: Factory
) -> None:
    person = services.coordinators.save(
        Coordinator(name="\u202e山田\u200b 太郎\u2066", kana="やまだ\ufeff たろう")
    )
    stored = services.coordinators.get(person.id)
    assert (stored.name, stored.kana) == ("山田 太郎", "やまだ たろう")
    org = make.organisation(name="社会\u200d福祉\u2060協議会\u202c")
    assert services.organisations.get(org.id).name == "社会福祉協議会"
    info = services.attachments.add(
        filename="\u202etxt.exe", content=b"x", meeting_id=make.meeting().id
    )
    assert info.filename == "txt.exe"
