"""A property of the whole sync: K desks (2–3) edit random fields of a few meetings,
each going offline for random stretches and syncing in random orders. After a final
round every replica equals the server, and no pushed value is silently gone: it is in
the final state, superseded by a later edit of the same desk, replaced by an edit made
with it in view (the server's change log has it as that edit's old value: a merge only
takes a value whose base is the server's), or among the conflicts — on the server and on
the desk that pushed it. (A heavier soak: benchmarks/sync_soak.py.)"""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")

import psycopg
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.server.conftest import Client, new_user
from tests.sync.test_rounds import Desk, _edit, _new_meeting, admin, api, owner, server_dir

__all__ = ["admin", "api", "owner", "server_dir"]  # the fixtures this module uses

FIELDS = ("title", "venue", "agenda", "decisions")
MEETINGS = 2


@dataclass(frozen=True)
class Edit:
    desk: int
    meeting: int
    field: str


@dataclass(frozen=True)
class Sync:
    desk: int


def steps(desks: int) -> st.SearchStrategy[list[Edit | Sync]]:
    edit = st.builds(
        Edit,
        st.integers(0, desks - 1),
        st.integers(0, MEETINGS - 1),
        st.sampled_from(FIELDS),
    )
    sync = st.builds(Sync, st.integers(0, desks - 1))
    return st.lists(st.one_of(edit, edit, sync), min_size=1, max_size=14)


scenarios = st.integers(2, 3).flatmap(lambda k: st.tuples(st.just(k), steps(k)))


def check_run(
    api: str, admin: Client, owner: psycopg.Connection, k: int, plan: list[Edit | Sync]
) -> None:
    root = Path(tempfile.mkdtemp(prefix="sync-prop-"))
    desks = [Desk(root / f"desk{n}.sqlite3", api, new_user(admin, "coordinator")) for n in range(k)]
    try:
        meetings = [_new_meeting(desks[0], title=f"会議{n}").id for n in range(MEETINGS)]
        for desk in desks:
            desk.sync()
        pushed: list[tuple[int, uuid.UUID, str, str]] = []  # (desk, meeting, field, value)
        for number, step in enumerate(plan):
            if isinstance(step, Sync):
                desks[step.desk].sync()
                continue
            value = f"{step.field}-{step.desk}-{number}"  # unique: every value is traceable
            meeting_id = meetings[step.meeting]
            _edit(desks[step.desk], meeting_id, **{step.field: value})
            pushed.append((step.desk, meeting_id, step.field, value))
        for _ in range(2):  # the final round: everyone pushes, then everyone pulls the rest
            for desk in desks:
                desk.sync()

        server = {}
        for meeting_id in meetings:
            row = owner.execute(
                "SELECT title, venue, agenda, decisions FROM meeting WHERE id = %s", [meeting_id]
            ).fetchone()
            assert row is not None
            server[meeting_id] = dict(zip(FIELDS, row, strict=True))
        for desk in desks:
            assert desk.outbox_size() == 0
            for meeting_id in meetings:
                stored = desk.meeting(meeting_id)
                assert {f: getattr(stored, f) for f in FIELDS} == server[meeting_id]

        for n, (who, meeting_id, field, value) in enumerate(pushed):
            if server[meeting_id][field] == value:
                continue
            if any(d == who and m == meeting_id and f == field for d, m, f, _ in pushed[n + 1 :]):
                continue  # superseded by the same desk
            replaced = owner.execute(
                "SELECT count(*) FROM change_log WHERE row_id = %s AND field = %s"
                " AND old_value = %s",
                [meeting_id, field, json.dumps(value, ensure_ascii=False)],
            ).fetchone()
            if replaced is not None and replaced[0] >= 1:
                continue  # overwritten by a later edit made with it in view (its base)
            on_server = owner.execute(
                "SELECT count(*) FROM conflict WHERE row_id = %s AND field = %s"
                " AND pushed_value = %s",
                [meeting_id, field, json.dumps(value, ensure_ascii=False)],
            ).fetchone()
            assert on_server is not None and on_server[0] >= 1, (who, field, value)
            with desks[who].db.engine.connect() as conn:
                on_desk = conn.exec_driver_sql(
                    "SELECT count(*) FROM sync_conflict WHERE row_id = ? AND field = ?"
                    " AND pushed_value = ?",
                    (meeting_id.hex, field, json.dumps(value, ensure_ascii=False)),
                ).scalar_one()
            assert on_desk >= 1, (who, field, value)
    finally:
        for desk in desks:
            desk.db.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.slow
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scenario=scenarios)
# Always run: the same field on two offline desks, one desk editing it twice (two conflicts).
@example(scenario=(2, [Edit(0, 0, "venue"), Edit(1, 0, "venue"), Edit(1, 0, "venue")]))
def test_desks_converge_and_no_pushed_value_is_silently_gone(
    api: str, admin: Client, owner: psycopg.Connection, scenario: tuple[int, list[Edit | Sync]]
) -> None:
    k, plan = scenario
    check_run(api, admin, owner, k, plan)
