"""The minutes PDF: text, attendees, decisions, action items, embedded font, escaping."""

from __future__ import annotations

import io
from datetime import date, time

from pypdf import PdfReader

from coordinator_app.documents.render.minutes import MinutesRenderer
from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _fonts(pdf: bytes) -> list[tuple[str, bool]]:
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.append((str(font["/BaseFont"]), embedded))
    return found


def test_minutes_pdf_has_everything(services: Services, make: Factory) -> None:
    council = make.council()
    people = [make.coordinator(f"委員{i} 太郎", f"いいん{i} たろう") for i in range(3)]
    orgs = [make.organisation(f"町会{i}", kana=f"ちょうかい{i}") for i in range(5)]
    meeting = services.meetings.save(
        Meeting(
            kind=MeetingKind.COUNCIL,
            title="第1層協議体 <準備会> & 第3回",
            held_on=date(2026, 2, 16),
            start_time=time(14),
            end_time=time(15, 30),
            venue="市役所 第2会議室",
            mode=MeetingMode.ON_SITE,
            council_id=council.id,
            agenda="1. 協議体の目的と名称",
            minutes="目的について意見交換を行った。",
            decisions="設置要綱案を事務局で作成する。",
            participants_on_site=8,
            capacity_on_site=20,
        ),
        coordinator_ids=[p.id for p in people],
        organisation_ids=[o.id for o in orgs],
    )
    for text in ("設置要綱案を作成する", "委員候補に打診する", "会場を予約する"):
        services.action_items.save(
            ActionItem(
                meeting_id=meeting.id,
                text=text,
                owner_coordinator_id=people[0].id,
                due_date=date(2026, 3, 18),
            )
        )
    rendered = MinutesRenderer().render(services.documents.minutes_data(meeting.id, wareki=True))
    text = _text(rendered.pdf).replace("\n", "")
    for expected in (
        "会 議 録",
        "第1層協議体 <準備会> & 第3回",
        "令和8年2月16日(月) 14:00〜15:30",
        "設置要綱案を事務局で作成する。",
        "会場を予約する",
        "委員候補に打診する",
        "会場 8名(定員20名)",
        *[p.name for p in people],
        *[o.name for o in orgs],
    ):
        assert expected in text, expected
    fonts = _fonts(rendered.pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    assert all("+IPAexGothic" in name or "IPAexGothic" in name for name, _ in fonts)
    assert rendered.warnings == []


def test_undrawable_characters_are_replaced_and_reported(services: Services, make: Factory) -> None:
    meeting = make.meeting(minutes="参加者から😀の声")
    rendered = MinutesRenderer().render(services.documents.minutes_data(meeting.id))
    assert "〓" in _text(rendered.pdf)
    assert rendered.warnings and "内容" in rendered.warnings[0]
