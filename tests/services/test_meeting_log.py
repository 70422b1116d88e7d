"""Meeting-log services: filters, fast-entry helpers, series, action items, drafts, .ics."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from coordinator_app.domain.enums import AreaKind, MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Area, CouncilMembership, Meeting
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.base import ListQuery
from coordinator_app.services.calendar_export import fold, meetings_to_ics
from coordinator_app.services.drafts import DraftStore
from coordinator_app.services.registry import Services
from tests.conftest import Factory


def _titles(services: Services, **filters: object) -> list[str]:
    page = services.meetings.list(ListQuery(filters=dict(filters), sort="date"))
    return [m.title for m in page.rows]


def test_fiscal_year_and_month_filters(services: Services, make: Factory) -> None:
    make.meeting(title="3月", held_on=date(2023, 3, 31))
    make.meeting(title="4月", held_on=date(2023, 4, 1))
    make.meeting(title="翌1月", held_on=date(2024, 1, 10))
    make.meeting(title="翌4月", held_on=date(2024, 4, 1))
    assert _titles(services, fiscal_year=2023) == ["4月", "翌1月"]
    assert _titles(services, fiscal_year=2022) == ["3月"]
    assert _titles(services, fiscal_year=2023, month=1) == ["翌1月"]
    assert _titles(services, fiscal_year=2023, month=4) == ["4月"]
    assert _titles(services, month=4) == ["4月", "翌4月"]


def test_coordinator_and_area_filters(services: Services, make: Factory) -> None:
    city = make.city()
    north = services.areas.save(Area(name="北部", kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id))
    school = services.areas.save(
        Area(name="北小学区", kind=AreaKind.SCHOOL_DISTRICT, parent_id=north.id)
    )
    council = make.council(area=city)
    project = make.project(area_id=school.id)
    person = make.coordinator()
    attended = make.meeting(title="出席", council_id=council.id)
    services.meetings.save(attended, coordinator_ids=[person.id])
    make.meeting(title="プロジェクト", project_id=project.id)
    assert _titles(services, coordinator_id=person.id) == ["出席"]
    assert _titles(services, area_id=north.id) == ["プロジェクト"]
    assert sorted(_titles(services, area_id=city.id)) == ["プロジェクト", "出席"]


def test_venues_and_last_time_slot(services: Services, make: Factory) -> None:
    make.meeting(
        venue="北山地区会館", held_on=date(2024, 5, 1), start_time=time(10), end_time=time(11)
    )
    make.meeting(venue="市役所 第2会議室", held_on=date(2024, 6, 1))
    make.meeting(
        venue="北山地区会館", held_on=date(2024, 4, 1), start_time=time(14), end_time=time(15, 30)
    )
    assert services.meetings.venues() == ["市役所 第2会議室", "北山地区会館"]
    # The latest meeting by date that had times: 2024-05-01, 10:00-11:00.
    assert services.meetings.last_time_slot() == (time(10), time(11))


def test_copy_previous_and_council_defaults(services: Services, make: Factory) -> None:
    council = make.council(usual_venue="北山地区会館")
    org = make.organisation()
    contact = make.contact(org)
    services.council_members.save(CouncilMembership(council_id=council.id, organisation_id=org.id))
    services.council_members.save(CouncilMembership(council_id=council.id, contact_id=contact.id))
    services.council_members.save(
        CouncilMembership(
            council_id=council.id,
            organisation_id=make.organisation("旧委員").id,
            end_date=date(2020, 3, 31),
        )
    )
    defaults = services.meetings.council_defaults(council.id)
    assert defaults.organisation_ids == [org.id]
    assert defaults.contact_ids == [contact.id]
    assert defaults.venue == "北山地区会館"
    make.meeting(title="第1回", council_id=council.id, held_on=date(2024, 5, 1))
    make.meeting(title="第2回", council_id=council.id, held_on=date(2024, 7, 1))
    assert services.meetings.previous_meeting(council_id=council.id).title == "第2回"
    assert services.meetings.previous_meeting() is None


def test_series_creates_sessions_with_their_own_attendance(
    services: Services, make: Factory
) -> None:
    person = make.coordinator()
    template = Meeting(
        kind=MeetingKind.COURSE,
        title="サポーター養成講座",
        held_on=date(2024, 6, 1),
        mode=MeetingMode.ON_SITE,
        venue="市民会館",
        start_time=time(13, 30),
    )
    days = [date(2024, 6, 1) + timedelta(weeks=i) for i in range(9)]
    series, meetings = services.meetings.create_series(template, days, coordinator_ids=[person.id])
    assert [m.session_number for m in meetings] == list(range(1, 10))
    assert meetings[0].title == "サポーター養成講座(第1回)"
    assert all(m.series_id == series.id and m.venue == "市民会館" for m in meetings)
    services.meetings.save(meetings[1], coordinator_ids=[])
    assert services.meetings.attendance(meetings[0].id)[0] == [person.id]
    assert services.meetings.attendance(meetings[1].id)[0] == []
    assert services.meetings.previous_meeting(series_id=series.id).session_number == 9


def test_series_is_all_or_nothing(services: Services) -> None:
    template = Meeting(
        kind=MeetingKind.COURSE,
        title="講座",
        held_on=date(2024, 6, 1),
        mode=MeetingMode.ON_SITE,
        capacity_on_site=-5,
    )
    with pytest.raises(ValidationError):
        services.meetings.create_series(template, [date(2024, 6, 1), date(2024, 6, 8)])
    assert services.meetings.list().total == 0
    with pytest.raises(ValidationError):
        services.meetings.create_series(template, [])


def _course(services: Services, weeks: int = 4) -> list[Meeting]:
    template = Meeting(
        kind=MeetingKind.COURSE, title="講座", held_on=date(2024, 6, 4), mode=MeetingMode.ON_SITE
    )
    days = [date(2024, 6, 4) + timedelta(weeks=i) for i in range(weeks)]
    return services.meetings.create_series(template, days)[1]


def _numbering(services: Services, series_id: object) -> list[tuple[int | None, str]]:
    info = services.meetings.series_info(series_id)  # type: ignore[arg-type]
    return [(m.session_number, m.title) for m in info.sessions]


def test_deleting_a_session_renumbers_its_series(services: Services) -> None:
    sessions = _course(services)
    series_id = sessions[0].series_id
    services.meetings.soft_delete(sessions[1].id)
    assert _numbering(services, series_id) == [
        (1, "講座(第1回)"),
        (2, "講座(第2回)"),
        (3, "講座(第3回)"),
    ]
    assert [m.held_on for m in services.meetings.series_info(series_id).sessions] == [
        date(2024, 6, 4),
        date(2024, 6, 18),
        date(2024, 6, 25),
    ]
    services.meetings.restore(sessions[1].id)
    assert _numbering(services, series_id) == [(n, f"講座(第{n}回)") for n in range(1, 5)]
    assert services.meetings.get(sessions[1].id).held_on == date(2024, 6, 11)


def test_a_failed_renumbering_leaves_the_session_undeleted(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = _course(services, weeks=3)
    meetings = services.meetings

    def disk_full(session: object, meeting: Meeting) -> None:
        if meeting.id == sessions[2].id:
            raise OSError("disk full")

    monkeypatch.setattr(meetings, "_reindex", disk_full)
    with pytest.raises(OSError):
        meetings.soft_delete(sessions[0].id)
    monkeypatch.undo()
    assert _numbering(services, sessions[0].series_id) == [
        (n, f"講座(第{n}回)") for n in range(1, 4)
    ]


def test_contacts_attend(services: Services, make: Factory) -> None:
    contact = make.contact()
    meeting = make.meeting()
    services.meetings.save(meeting, contact_ids=[contact.id])
    assert services.meetings.full_attendance(meeting.id).contact_ids == [contact.id]


def test_open_overdue_and_carried_over_items(services: Services, make: Factory) -> None:
    council = make.council()
    person, other = make.coordinator(), make.coordinator("鈴木 花子", "すずき はなこ")
    first = make.meeting(council_id=council.id, held_on=date(2024, 5, 1))
    second = make.meeting(council_id=council.id, held_on=date(2024, 7, 1))
    today = date(2024, 7, 10)
    overdue = services.action_items.save(
        ActionItem(
            meeting_id=first.id,
            text="要綱案",
            owner_coordinator_id=person.id,
            due_date=date(2024, 6, 1),
        )
    )
    services.action_items.save(
        ActionItem(meeting_id=first.id, text="済み", owner_coordinator_id=person.id, done=True)
    )
    later = services.action_items.save(
        ActionItem(
            meeting_id=second.id,
            text="委員打診",
            owner_coordinator_id=other.id,
            due_date=date(2024, 8, 1),
        )
    )
    open_rows = services.action_items.open_items(today=today).rows
    assert [r.record.text for r in open_rows] == ["要綱案", "委員打診"]
    assert [r.extra["overdue"] for r in open_rows] == [True, False]
    assert [
        r.record.id for r in services.action_items.open_items(today=today, overdue_only=True).rows
    ] == [overdue.id]
    assert [
        r.record.id for r in services.action_items.open_items(owner_coordinator_id=other.id).rows
    ] == [later.id]
    assert [r.record.id for r in services.action_items.carried_over(second.id).rows] == [overdue.id]
    assert services.action_items.carried_over(first.id).rows == []
    assert [r.record.text for r in services.action_items.for_meeting(first.id).rows] == [
        "要綱案",
        "済み",
    ]


def test_drafts_round_trip_and_survive_garbage(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    draft_id = store.new_id()
    state = {"title": "協議体 <第3回> & 連絡", "minutes": "一行目\n二行目 😀", "count": 8}
    store.save(draft_id, kind="meeting", title="協議体", state=state)
    store.save(draft_id, kind="meeting", title="協議体", state={**state, "count": 9})
    (tmp_path / "drafts" / "broken.json").write_text("{not json", encoding="utf-8")
    drafts = store.drafts("meeting")
    assert len(drafts) == 1
    assert drafts[0].state == {**state, "count": 9}
    assert not [p for p in (tmp_path / "drafts").iterdir() if p.suffix != ".json"]  # no temp file
    store.discard(draft_id)
    assert store.drafts() == []


def test_attachments(services: Services, make: Factory) -> None:
    meeting = make.meeting()
    info = services.attachments.add(
        filename="ホワイトボード.jpg", content=b"\xff\xd8jpeg", meeting_id=meeting.id
    )
    assert info.media_type == "image/jpeg"
    assert [a.filename for a in services.attachments.list_for(meeting_id=meeting.id)] == [
        "ホワイトボード.jpg"
    ]
    assert services.attachments.content(info.id) == b"\xff\xd8jpeg"
    services.attachments.soft_delete(info.id)
    assert services.attachments.list_for(meeting_id=meeting.id) == []
    with pytest.raises(ValidationError):
        services.attachments.add(filename="x.pdf", content=b"x")


def test_ics_export(services: Services, make: Factory) -> None:
    meeting = make.meeting(
        title="協議体; 第1回, 準備会",
        venue="北山地区会館",
        start_time=time(14),
        end_time=time(15, 30),
        agenda="議題\n1. 目的",
    )
    allday = make.meeting(title="フォーラム", held_on=date(2024, 2, 28))
    data = services.calendar.export([meeting.id, allday.id]).decode("utf-8")
    assert data.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:協議体\\; 第1回\\, 準備会" in data
    assert "DTSTART;TZID=Asia/Tokyo:20220615T140000" in data
    assert "DTSTART;VALUE=DATE:20240228" in data
    assert data.count("BEGIN:VEVENT") == 2
    for line in data.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


def test_fold_keeps_characters_whole() -> None:
    line = "DESCRIPTION:" + "あ" * 60
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert meetings_to_ics([], now=datetime(2024, 1, 1, tzinfo=UTC)).endswith(b"END:VCALENDAR\r\n")
