"""Minutes of any length paginate; 記録者, 欠席者, 承認; carried-over items as of that day."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from coordinator_app.documents.render.minutes import MinutesRenderer
from coordinator_app.domain.enums import MeetingKind
from coordinator_app.domain.models import ActionItem
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from coordinator_app.services.settings import MunicipalityProfile
from tests.conftest import Factory

HEADINGS = (
    "議題",
    "内容",
    "決定事項",
    "前回までの対応事項(繰り越し)",
    "対応事項",
    "承認",
    "事務局",
)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_lines(pdf: bytes) -> list[list[str]]:
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        lines = [line.strip() for line in page.extract_text().split("\n") if line.strip()]
        pages.append(lines)
    return pages


def long_minutes(total: int = 10_000) -> str:
    lines = []
    i = 0
    while sum(len(line) + 1 for line in lines) < total:
        i += 1
        if i % 25 == 0:
            lines.append("")
            lines.append(f"【議題{i // 25}】")
        lines.append(f"{i:03d} 委員から、地域の居場所づくりと見守りの担い手について意見があった。")
    return "\n".join(lines)


def test_ten_thousand_characters_print_every_line_and_no_heading_ends_a_page(
    services: Services, make: Factory
) -> None:
    minutes = long_minutes()
    assert len(minutes) >= 10_000
    long_line = "長い一文が続く。" * 400  # 3,200 characters without a line break
    meeting = make.meeting(
        agenda="\n".join(f"{n}. 議題その{n}" for n in range(1, 30)),
        minutes=minutes,
        decisions=long_line,
    )
    rendered = MinutesRenderer().render(services.documents.minutes_data(meeting.id))
    # Each page begins with its footer (作成日, page number): leave it out.
    pages = [
        [line for line in lines if not line.startswith("作成日") and not line.isdigit()]
        for lines in page_lines(rendered.pdf)
    ]
    assert len(pages) >= 5
    text = squash("".join("".join(p) for p in pages))
    missing = [line[:20] for line in [*minutes.split("\n"), long_line] if squash(line) not in text]
    assert missing == []
    for number, lines in enumerate(pages, start=1):
        assert lines[-1] not in HEADINGS, (number, lines[-3:])


def test_minutes_show_recorder_absentees_approval_and_the_issuer(
    services: Services, make: Factory
) -> None:
    services.settings.save_municipality(
        MunicipalityProfile(
            name="福生市",
            department="介護福祉課",
            address="〒197-8501 東京都福生市本町5番地",
            phone="042-551-1511",
            fax="042-553-0000",
            email="kaigo@example.jp",
            website="https://www.city.fussa.tokyo.jp/",
            reception_hours="平日 8:30〜17:15",
        )
    )
    meeting = make.meeting(
        recorder="事務局 田中",
        absentees="町会連合会 鈴木委員\n民生委員 高橋委員",
        approved_by="会長 山田 太郎",
        approved_on=date(2022, 6, 30),
    )
    data = services.documents.minutes_data(meeting.id, wareki=True)
    assert (data.recorder, data.approved_by, data.approved_on) == (
        "事務局 田中",
        "会長 山田 太郎",
        "令和4年6月30日(木)",
    )
    text = squash(
        "".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(MinutesRenderer().render(data).pdf)).pages
        )
    )
    for expected in (
        "記録者事務局田中",
        "欠席者町会連合会鈴木委員民生委員高橋委員",
        "承認者会長山田太郎",
        "承認日令和4年6月30日(木)",
        "電話042-551-1511FAX042-553-0000",
        "ウェブhttps://www.city.fussa.tokyo.jp/",
        "受付時間平日8:30〜17:15",
    ):
        assert expected in text, expected


def test_approval_needs_an_approver_and_cannot_precede_the_meeting(make: Factory) -> None:
    with pytest.raises(ValidationError) as raised:
        make.meeting(approved_on=date(2022, 6, 1))
    assert set(raised.value.errors) == {"approved_on", "approved_by"}


def test_follow_up_minutes_carry_over_open_items_as_of_their_day(
    services: Services, make: Factory
) -> None:
    council = make.council()
    first = make.meeting(
        kind=MeetingKind.COUNCIL, council_id=council.id, title="第1回", held_on=date(2024, 5, 1)
    )
    second = make.meeting(
        kind=MeetingKind.COUNCIL, council_id=council.id, title="第2回", held_on=date(2024, 7, 1)
    )
    person = make.coordinator()
    items = [
        services.action_items.save(
            ActionItem(
                meeting_id=first.id,
                text=text,
                owner_coordinator_id=person.id,
                due_date=date(2024, 6, 1),
            )
        )
        for text in ("会場を探す", "委員に打診する", "名簿を作る")
    ]
    # Done in the second meeting's window; done before it; still open.
    items[0].done, items[0].completed_meeting_id = True, second.id
    services.action_items.save(items[0])
    items[1].done, items[1].completed_on = True, date(2024, 6, 10)
    services.action_items.save(items[1])

    stored = services.action_items.get(items[0].id)
    assert stored.completed_on == date.today() and stored.completed_meeting_id == second.id
    data = services.documents.minutes_data(second.id)
    assert [(i.text, i.status, i.meeting) for i in data.carried_over] == [
        ("会場を探す", "本会議で完了", "2024年5月1日(水) 第1回"),
        ("名簿を作る", "未了", "2024年5月1日(水) 第1回"),
    ]
    text = squash(
        "".join(
            p.extract_text()
            for p in PdfReader(io.BytesIO(MinutesRenderer().render(data).pdf)).pages
        )
    )
    assert "会場を探す" in text and "名簿を作る" in text and "委員に打診する" not in text
    # The first meeting's own minutes keep their day's state: all three open then.
    first_data = services.documents.minutes_data(first.id)
    assert [i.status for i in first_data.action_items] == ["未了", "未了", "未了"]
    # Opening an item again forgets when and where it was completed.
    items[1] = services.action_items.get(items[1].id)
    items[1].done = False
    services.action_items.save(items[1])
    reopened = services.action_items.get(items[1].id)
    assert (reopened.completed_on, reopened.completed_meeting_id) == (None, None)


def test_an_item_done_long_ago_prints_as_done_in_later_minutes(
    services: Services, make: Factory
) -> None:
    meeting = make.meeting(held_on=date.today() - timedelta(days=30))
    item = services.action_items.save(ActionItem(meeting_id=meeting.id, text="報告書を出す"))
    item.done = True
    services.action_items.save(item)
    # Completed today, after the meeting: the meeting's minutes show it open.
    (printed,) = services.documents.minutes_data(meeting.id).action_items
    assert printed.status == "未了"


def test_rare_characters_print_in_minutes_and_report(services: Services, make: Factory) -> None:
    from coordinator_app.documents.render.report import ReportRenderer
    from coordinator_app.services.report_export import report_data

    yoshida = "\U00020bb7田"
    services.settings.save_municipality(MunicipalityProfile(name=f"{yoshida}町"))
    meeting = make.meeting(title=f"{yoshida}地区 連絡会", recorder=f"{yoshida} 花子")
    rendered = MinutesRenderer().render(services.documents.minutes_data(meeting.id))
    assert rendered.warnings == []
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered.pdf)).pages)
    assert f"{yoshida}地区" in text and f"{yoshida} 花子" in text
    report = ReportRenderer().render(report_data(services.reports.activity_report(2022)))
    assert report.warnings == []
    report_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf)).pages)
    assert f"{yoshida}町全域" in report_text and f"{yoshida}地区連絡会" in squash(report_text)
