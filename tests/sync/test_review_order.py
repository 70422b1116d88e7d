"""Which review is an entry's latest, and what changed since a reviewer's last review,
go by the order the server received them — not by the reviewers' clocks (one desk,
its server versions written as a pull would)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import ProgressEntry, Project, UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.storage import capture
from coordinator_app.storage.database import Database
from tests.conftest import Factory


def _synced(db: Database, versions: dict[str, int]) -> None:
    """As after a round: the outbox pushed, these rows' versions pulled (id hex -> version)."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_outbox")
        for row_id, version in versions.items():
            table = conn.exec_driver_sql(
                "SELECT 'review' FROM review WHERE id = ? UNION ALL"
                " SELECT 'progress_entry' FROM progress_entry WHERE id = ?",
                (row_id, row_id),
            ).scalar_one()
            capture.record_version(conn, table, row_id, version)


@pytest.fixture
def setting(
    services: Services, make: Factory, db: Database
) -> tuple[UserProfile, Project, list[ProgressEntry]]:
    supervisor = services.profiles.save(
        UserProfile(name="高橋 係長", role=ProfileRole.SUPERVISOR, title="係長")
    )
    project = make.project()
    entries = [
        services.progress.save_by(
            ProgressEntry(project_id=project.id, entry_date=date(2026, 5, n), text=f"第{n}回"),
            None,
        )
        for n in (1, 2)
    ]
    with db.engine.begin() as conn:
        capture.enroll(conn)
    _synced(db, {e.id.hex: 10 + n for n, e in enumerate(entries)})
    return supervisor, project, entries


def test_a_review_waiting_to_be_pushed_is_later_than_a_synced_one_with_a_clock_ahead(
    services: Services, db: Database, setting: tuple[UserProfile, Project, list[ProgressEntry]]
) -> None:
    supervisor, project, (first, _second) = setting
    (ahead,) = services.reviews.mark_reviewed([first.id], supervisor, "一年先の時計")
    with db.engine.begin() as conn, capture.capture_off(conn):
        conn.exec_driver_sql(
            "UPDATE review SET reviewed_at = ? WHERE id = ?",
            (ahead.reviewed_at + timedelta(days=365), ahead.id.hex),
        )
    _synced(db, {ahead.id.hex: 30})
    # Edited elsewhere after that review (pulled: a higher version), then reviewed here.
    _synced(db, {first.id.hex: 40})
    assert services.reviews.entry_states(project.id)[-1].changed_since_review
    (now,) = services.reviews.mark_reviewed([first.id], supervisor, "確認しました")
    state = next(s for s in services.reviews.entry_states(project.id) if s.entry.id == first.id)
    assert state.last_review is not None and state.last_review.id == now.id
    assert (state.reviewed, state.changed_since_review) == (True, False)
    assert services.reviews.changed_since_last_review(project.id, supervisor) == []
    (page,) = [
        t
        for t in services.timeline.page(project.id, offset=0, limit=10)
        if t.state.entry.id == first.id
    ]
    assert page.state.last_review is not None and page.state.last_review.id == now.id

    # Pushed and pulled back (version 50): still the latest, by its server version.
    _synced(db, {now.id.hex: 50})
    state = next(s for s in services.reviews.entry_states(project.id) if s.entry.id == first.id)
    assert state.last_review is not None and state.last_review.id == now.id


def test_changed_since_my_last_review_follows_versions_and_the_outbox(
    services: Services, db: Database, setting: tuple[UserProfile, Project, list[ProgressEntry]]
) -> None:
    supervisor, project, (first, second) = setting
    (review,) = services.reviews.mark_reviewed([first.id], supervisor)
    # Waiting in the outbox: an edit queued after the review is "since".
    edited = services.progress.get(second.id)
    edited.text = "第2回(追記)"
    services.progress.save_by(edited, None)
    changed = services.reviews.changed_since_last_review(project.id, supervisor)
    assert [e.id for e in changed] == [second.id]

    # Synced: the review arrived at version 20; an edit the server received after it
    # (version 25) is listed whatever its stamp says, one received before is not.
    _synced(db, {review.id.hex: 20, second.id.hex: 15})
    assert services.reviews.changed_since_last_review(project.id, supervisor) == []
    with db.engine.begin() as conn, capture.capture_off(conn):
        conn.exec_driver_sql(
            "UPDATE progress_entry SET updated_at = ? WHERE id = ?",
            (review.reviewed_at - timedelta(days=365), second.id.hex),
        )
    _synced(db, {second.id.hex: 25})
    changed = services.reviews.changed_since_last_review(project.id, supervisor)
    assert [e.id for e in changed] == [second.id]
