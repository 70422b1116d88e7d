"""Profiles, reviews, the review workspace and the fiscal-year report."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import text

from coordinator_app.domain.enums import (
    AreaKind,
    MeetingKind,
    ProfileRole,
    ProjectProgram,
    ProjectStatus,
)
from coordinator_app.domain.models import ActionItem, Area, ProgressEntry, Project, UserProfile
from coordinator_app.domain.validation import ValidationError
from coordinator_app.services.registry import Services
from coordinator_app.services.reviews import WorkspaceFilter
from tests.conftest import Factory

SETAGAYA_ENTRIES = [
    ("2017-08-28", "現状のヒアリングを行い、今後の方向性とスケジュールを確認しました。"),
    ("2017-09-05", "前回の打合せを踏まえて、講座内容の改善を行いました。"),
    ("2017-09-14", "第1回の講座に立ち合いました。"),
    ("2017-09-14", "第1回講座の様子(2)"),
    ("2017-11-07", "第5回の講座に立ち合いました。"),
    ("2017-11-28", "講座全5回が無事終了したところで、関係者で振り返りを行いました。"),
]


@pytest.fixture
def people(services: Services, make: Factory) -> tuple[UserProfile, UserProfile]:
    person = make.coordinator()
    coordinator = services.profiles.save(
        UserProfile(name=person.name, role=ProfileRole.COORDINATOR, coordinator_id=person.id)
    )
    supervisor = services.profiles.save(
        UserProfile(name="高橋 係長", role=ProfileRole.SUPERVISOR, title="係長")
    )
    return coordinator, supervisor


def _entry(project: Project, day: str, body: str) -> ProgressEntry:
    return ProgressEntry(project_id=project.id, entry_date=date.fromisoformat(day), text=body)


def test_entries_carry_their_author_and_supervisors_cannot_edit(
    services: Services, make: Factory, people: tuple[UserProfile, UserProfile]
) -> None:
    coordinator, supervisor = people
    project = make.project()
    entry = services.progress.save_by(_entry(project, "2024-05-01", "研修会を開催"), coordinator)
    assert (entry.author, entry.author_profile_id) == (coordinator.name, coordinator.id)
    with pytest.raises(ValidationError, match="上司"):
        services.progress.save_by(_entry(project, "2024-05-02", "x"), supervisor)
    entry.text = "書き換え"
    with pytest.raises(ValidationError):
        services.progress.save_by(entry, supervisor)
    with pytest.raises(ValidationError):
        services.progress.delete_by(entry.id, supervisor)
    assert services.progress.get(entry.id).text == "研修会を開催"


def test_review_marks_and_changes_since(
    services: Services, make: Factory, people: tuple[UserProfile, UserProfile]
) -> None:
    coordinator, supervisor = people
    project = make.project()
    entries = [
        services.progress.save_by(_entry(project, f"2024-05-0{i}", f"記録{i}"), coordinator)
        for i in (1, 2, 3)
    ]
    with pytest.raises(ValidationError):
        services.reviews.mark_reviewed([entries[0].id], coordinator)
    services.reviews.mark_reviewed([entries[0].id, entries[1].id], supervisor, "確認しました")
    states = {s.entry.text: s for s in services.reviews.entry_states(project.id)}
    assert [states[f"記録{i}"].reviewed for i in (1, 2, 3)] == [True, True, False]
    assert services.reviews.workspace()[0].unreviewed == 1
    assert [
        e.text for e in services.reviews.changed_since_last_review(project.id, supervisor)
    ] == []

    entries[0].text = "記録1(修正)"
    services.progress.save_by(entries[0], coordinator)
    states = {s.entry.id: s for s in services.reviews.entry_states(project.id)}
    assert states[entries[0].id].changed_since_review
    assert not states[entries[0].id].reviewed
    assert services.reviews.workspace()[0].unreviewed == 2
    changed = services.reviews.changed_since_last_review(project.id, supervisor)
    assert [e.text for e in changed] == ["記録1(修正)"]
    history = services.reviews.history(project.id)
    assert [(h.reviewer_name, h.review.comment) for h in history] == [
        ("高橋 係長", "確認しました")
    ] * 2


def test_workspace_figures_filters_and_stalled(
    services: Services, make: Factory, people: tuple[UserProfile, UserProfile]
) -> None:
    coordinator, _ = people
    lead = make.coordinator("中島 さくら", "なかじま さくら")
    city = make.city()
    south = services.areas.save(Area(name="南部", kind=AreaKind.DAILY_LIFE_AREA, parent_id=city.id))
    moving = make.project(title="動いている", lead_coordinator_id=lead.id, area_id=south.id)
    quiet = make.project(title="止まっている", program=ProjectProgram.INDEPENDENT)
    services.progress.save_by(_entry(moving, "2024-07-01", "進んだ"), coordinator)
    services.progress.save_by(_entry(quiet, "2024-03-01", "昔の記録"), coordinator)
    meeting = make.meeting(project_id=moving.id)
    services.action_items.save(
        ActionItem(meeting_id=meeting.id, text="a", due_date=date(2024, 6, 1))
    )
    services.action_items.save(ActionItem(meeting_id=meeting.id, text="b"))
    rows = {r.project.title: r for r in services.reviews.workspace(today=date(2024, 7, 10))}
    assert rows["動いている"].days_since == 9 and not rows["動いている"].stalled
    assert rows["止まっている"].stalled
    assert (rows["動いている"].open_items, rows["動いている"].overdue_items) == (2, 1)
    assert rows["動いている"].lead_name == "中島 さくら"
    assert rows["動いている"].area_name == "南部"
    by = lambda **kw: [r.project.title for r in services.reviews.workspace(WorkspaceFilter(**kw))]  # noqa: E731
    assert by(lead_coordinator_id=lead.id) == ["動いている"]
    assert by(area_id=city.id) == ["動いている"]
    assert by(program=ProjectProgram.INDEPENDENT) == ["止まっている"]
    assert by(status=ProjectStatus.COMPLETED) == []


def test_setagaya_seed_project_in_tabs_and_2017_report(
    services: Services, make: Factory, people: tuple[UserProfile, UserProfile]
) -> None:
    coordinator, _ = people
    ward = make.city("世田谷区")
    project = services.projects.save(
        Project(
            title="初めて挑戦する参加型講座企画。地域活動の担い手発掘を目指す。",
            program=ProjectProgram.ACCOMPANIMENT,
            status=ProjectStatus.COMPLETED,
            progress=100,
            area_id=ward.id,
            start_date=date(2017, 8, 1),
            end_date=date(2018, 3, 31),
        )
    )
    for day, body in SETAGAYA_ENTRIES:
        services.progress.save_by(_entry(project, day, body), coordinator)
    lecture = make.meeting(
        kind=MeetingKind.COURSE,
        title="区民参加型講座 第1回",
        held_on=date(2017, 9, 14),
        project_id=project.id,
        participants_on_site=30,
        start_time=time(14),
    )
    del lecture
    days = [e.entry_date.isoformat() for e in services.progress.log(project.id)]
    assert days == sorted((d for d, _ in SETAGAYA_ENTRIES), reverse=True)
    report = services.reports.activity_report(2017)
    assert {r.status: r.projects for r in report.projects_by_status}[ProjectStatus.COMPLETED] == 1
    assert [(r.kind, r.meetings, r.participants) for r in report.by_kind] == [
        (MeetingKind.COURSE, 1, 30)
    ]
    september = next(m for m in report.by_month if m.month == 9)
    assert (september.year, september.meetings) == (2017, 1)
    assert services.reports.activity_report(2016).total_meetings == 0


def test_report_matches_direct_sql_on_the_demo(services: Services) -> None:
    from coordinator_app.services.demo import load_demo

    load_demo(services)
    report = services.reports.activity_report(2025)
    with services.db.engine.connect() as conn:
        sql = lambda q: conn.execute(text(q)).all()  # noqa: E731
        by_kind = dict(
            sql(
                "SELECT kind, count(*) FROM meeting WHERE deleted_at IS NULL "
                "AND held_on BETWEEN '2025-04-01' AND '2026-03-31' GROUP BY kind"
            )
        )
        participants = sql(
            "SELECT sum(coalesce(participants_on_site,0)+coalesce(participants_online,0)) "
            "FROM meeting WHERE deleted_at IS NULL "
            "AND held_on BETWEEN '2025-04-01' AND '2026-03-31'"
        )[0][0]
        council_meetings = sql(
            "SELECT count(*) FROM meeting WHERE deleted_at IS NULL AND council_id IS NOT NULL "
            "AND held_on BETWEEN '2025-04-01' AND '2026-03-31'"
        )[0][0]
        july = sql(
            "SELECT count(*) FROM meeting WHERE deleted_at IS NULL "
            "AND held_on BETWEEN '2025-07-01' AND '2025-07-31'"
        )[0][0]
    assert {r.kind.value: r.meetings for r in report.by_kind} == by_kind
    assert report.total_participants == participants
    assert report.council_meetings == council_meetings
    assert next(m for m in report.by_month if m.month == 7).meetings == july
    assert sum(m.meetings for m in report.by_month) == report.total_meetings


def test_report_area_and_coordinator_scope(services: Services) -> None:
    from coordinator_app.services.demo import load_demo

    load_demo(services)
    north = next(a for a in services.areas.list().rows if a.name == "北部圏域")
    kitamura = next(c for c in services.coordinators.list().rows if c.name == "北村 健太")
    by_area = services.reports.activity_report(2025, area_id=north.id)
    assert by_area.area_name == "北部圏域"
    assert [c.name for c in by_area.councils] == ["北部圏域 支え合い会議"]
    by_person = services.reports.activity_report(2025, coordinator_id=kitamura.id)
    whole = services.reports.activity_report(2025)
    assert 0 < by_person.total_meetings < whole.total_meetings
    assert services.reports.available_years()[:3] == [2026, 2025, 2024]
