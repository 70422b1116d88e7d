"""The paged progress log behind the timeline: summary, pages, positions, next unreviewed."""

from __future__ import annotations

from datetime import date

from coordinator_app.domain.enums import ProjectProgram, ProjectStatus
from coordinator_app.domain.models import ProgressEntry, Project
from coordinator_app.services.registry import Services
from coordinator_app.services.reviews import WorkspaceFilter
from tests.setagaya import make_setagaya


def test_summary_counts_unreviewed_and_edited_after_review(services: Services) -> None:
    sg = make_setagaya(services, reviewed=False)
    timeline = services.timeline
    assert timeline.summary(sg.project.id).total == 6
    assert timeline.summary(sg.project.id).unreviewed == 6
    services.reviews.mark_reviewed([e.id for e in sg.entries[:4]], sg.supervisor)
    edited = services.progress.get(sg.entries[0].id)
    edited.text += "(追記)"
    services.progress.save_by(edited, sg.coordinator)
    summary = timeline.summary(sg.project.id)
    assert (summary.total, summary.unreviewed, summary.last_date) == (6, 3, date(2017, 11, 28))
    first = timeline.page(sg.project.id, offset=0, limit=10, oldest_first=True)[0]
    assert first.state.changed_since_review and not first.state.reviewed
    assert first.reviewer_name == "山本 健"
    assert {e.id for e in timeline.unreviewed_entries(sg.project.id)} == {
        sg.entries[0].id,
        sg.entries[4].id,
        sg.entries[5].id,
    }


def test_pages_follow_one_order_and_positions_agree(services: Services) -> None:
    sg = make_setagaya(services)
    timeline = services.timeline
    for oldest_first in (False, True):
        whole = timeline.page(sg.project.id, offset=0, limit=100, oldest_first=oldest_first)
        paged = [
            item
            for offset in range(0, 6, 4)
            for item in timeline.page(
                sg.project.id, offset=offset, limit=4, oldest_first=oldest_first
            )
        ]
        assert [i.entry.id for i in paged] == [i.entry.id for i in whole]
        for row, item in enumerate(whole):
            assert timeline.position(sg.project.id, item.entry.id, oldest_first=oldest_first) == row
    dates = [i.entry.entry_date for i in timeline.page(sg.project.id, offset=0, limit=6)]
    assert dates == sorted(dates, reverse=True)
    photo_entry = next(i for i in whole if i.photos)
    assert [p.filename for p in photo_entry.photos] == ["第1回講座の様子.jpg"]
    assert photo_entry.entry.id == sg.entries[3].id
    other = services.projects.save(
        Project(title="別", program=ProjectProgram.OTHER, status=ProjectStatus.IN_PROGRESS)
    )
    assert timeline.position(other.id, sg.entries[0].id) == -1


def test_next_unreviewed_goes_by_title_wraps_and_follows_the_filter(services: Services) -> None:
    sg = make_setagaya(services)  # 世田谷区 伴走支援: all reviewed
    timeline = services.timeline
    assert timeline.next_unreviewed() is None

    def project(title: str, program: ProjectProgram) -> tuple[Project, ProgressEntry]:
        saved = services.projects.save(
            Project(title=title, program=program, status=ProjectStatus.IN_PROGRESS)
        )
        entries = [
            services.progress.save_by(
                ProgressEntry(project_id=saved.id, entry_date=day, text=f"{title} {day}"),
                sg.coordinator,
            )
            for day in (date(2024, 6, 1), date(2024, 5, 1))
        ]
        return saved, entries[1]  # the older one

    a, a_oldest = project("あおば台", ProjectProgram.INDEPENDENT)
    k, k_oldest = project("かしわ台", ProjectProgram.PRO_BONO)
    first = timeline.next_unreviewed()
    assert first is not None and (first.project_id, first.entry_id) == (a.id, a_oldest.id)
    after_a = timeline.next_unreviewed(after_project_id=a.id)
    assert after_a is not None and after_a.project_id == k.id and after_a.entry_id == k_oldest.id
    wrapped = timeline.next_unreviewed(after_project_id=sg.project.id)  # 世 sorts last
    assert wrapped is not None and wrapped.project_id == a.id
    only_pro_bono = WorkspaceFilter(program=ProjectProgram.PRO_BONO)
    found = timeline.next_unreviewed(after_project_id=k.id, flt=only_pro_bono)
    assert found is not None and found.project_id == k.id  # the only one in the filter


def test_long_logs_are_read_in_chunks(services: Services) -> None:
    """More entries than one IN (...) binds: counts and the page candidates still add up."""
    sg = make_setagaya(services)
    with services.db.writing() as session:
        extra = [
            ProgressEntry(project_id=sg.project.id, entry_date=date(2018, 1, 1), text=f"記録{i}")
            for i in range(1200)
        ]
        session.add_all(extra)
        session.flush()
        ids = [e.id for e in extra]
    for entry_id in (ids[0], ids[700], ids[-1]):
        services.attachments.add(filename="写真.png", content=b"x", progress_entry_id=entry_id)
    counts = services.timeline.file_counts([*ids, sg.entries[3].id])
    assert counts == {ids[0]: 1, ids[700]: 1, ids[-1]: 1, sg.entries[3].id: 1}
    candidates = services.project_pages.candidates(sg.project.id)
    assert len(candidates) == 1206
    assert sum(c.reviewed for c in candidates) == 6
    assert sum(len(c.photos) for c in candidates) == 4
