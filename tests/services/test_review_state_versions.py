"""The SQL form of "is this review current?" judges each entry by its own version.

The rule (``review_state.current_by``) compares a versioned review with the
server version the desk knows of *that* entry and with *that* entry's pending
edits. In SQL the clause sits two subqueries deep (the count of entries without
a current review); it once read every entry's version and outbox rows instead,
so one entry waiting to be pushed made every synced review look stale.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from coordinator_app.domain.enums import ProfileRole
from coordinator_app.domain.models import ProgressEntry, UserProfile
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from tests.conftest import Factory

VERSION = "INSERT INTO sync_version (table_name, row_id, version) VALUES (?, ?, ?)"
PENDING = (
    "INSERT INTO sync_outbox (tx, table_name, row_id, op, fields)"
    " VALUES (1, 'progress_entry', ?, 'update', '{}')"
)


def test_a_synced_review_is_current_by_its_own_entrys_version(
    services: Services, make: Factory, db: Database
) -> None:
    project = make.project()
    supervisor = services.profiles.save(
        UserProfile(name="高橋 係長", role=ProfileRole.SUPERVISOR, title="係長")
    )
    entries = [
        services.progress.save(
            ProgressEntry(project_id=project.id, entry_date=date(2024, 5, day), text=f"記録{day}")
        )
        for day in (1, 2, 3)
    ]
    services.reviews.mark_reviewed([entries[0].id, entries[1].id], supervisor)
    # A synced desk: the server gave the entries versions 5, 1 and 9; the two reviews
    # saw the versions they reviewed (current); the third entry has an edit waiting.
    with db.writing() as session:
        conn = session.connection()
        for entry, version in zip(entries, (5, 1, 9), strict=True):
            conn.exec_driver_sql(VERSION, ("progress_entry", entry.id.hex, version))
        for entry, version in zip(entries[:2], (5, 1), strict=True):
            conn.execute(
                sa.text("UPDATE review SET entry_version = :v WHERE progress_entry_id = :id"),
                {"v": version, "id": entry.id.hex},
            )
        conn.exec_driver_sql("DELETE FROM sync_outbox")
        conn.exec_driver_sql(PENDING, (entries[2].id.hex,))

    states = {s.entry.id: s.reviewed for s in services.reviews.entry_states(project.id)}
    assert [states[e.id] for e in entries] == [True, True, False]  # the rule in Python
    # The same rule in SQL: the workspace's figure and the timeline's summary.
    assert services.reviews.workspace()[0].unreviewed == 1
    assert services.timeline.summary(project.id).unreviewed == 1

    # The first entry's edit now waits too: its review is no longer current, the
    # second's still is.
    with db.writing() as session:
        session.connection().exec_driver_sql(PENDING, (entries[0].id.hex,))
        session.connection().exec_driver_sql("DELETE FROM sync_outbox WHERE tx <> 1")
    assert services.reviews.workspace()[0].unreviewed == 2
    assert services.timeline.summary(project.id).unreviewed == 2
