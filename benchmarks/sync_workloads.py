"""The sync benchmark's workloads: the big city's file, the users, another desk's pushed
changes, a month offline through the services, and what the outbox holds."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.server import Desk, meeting_values
from coordinator_app.server.cli import owner_connection
from coordinator_app.server.config import ServerDir
from coordinator_app.storage import capture

MUNICIPALITY = "syncbench"
ADMIN, ADMIN_PASSWORD = "admin", "admin-password-1"
PER_TX = 10
"""Row changes per transaction of the other desk."""
PER_REQUEST = 50
"""Transactions per push request of the other desk."""


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def other_desk_changes(port: int, user: tuple[str, str], total: int) -> list[str]:
    """Another desk pushes ``total`` row changes: new meetings, then each one's venue edited."""
    desk = Desk(port, *user)
    meetings = total // 2
    ids = [str(uuid.uuid4()) for _ in range(meetings)]
    changes: list[dict[str, Any]] = []
    for n, row_id in enumerate(ids):
        values = meeting_values(n)
        values["held_on"] = (date(2026, 4, 1) + timedelta(days=n % 365)).isoformat()
        fields = {k: [None, v] for k, v in values.items()}
        changes.append({"table": "meeting", "id": row_id, "op": "insert", "fields": fields})
    venue = meeting_values(0)["venue"]
    for n, row_id in enumerate(ids):
        fields = {"venue": [venue, f"第{n % 40 + 1}集会所"]}
        changes.append({"table": "meeting", "id": row_id, "op": "update", "fields": fields})
    transactions = [changes[i : i + PER_TX] for i in range(0, len(changes), PER_TX)]
    for start in range(0, len(transactions), PER_REQUEST):
        batch = []
        for part in transactions[start : start + PER_REQUEST]:
            desk.tx += 1
            batch.append({"tx": desk.tx, "changes": part})
        results = desk.request(
            "POST", "/v1/push", {"incarnation": desk.incarnation, "transactions": batch}
        )["results"]
        refused = [r for r in results if r["status"] != "applied"]
        if refused:
            raise RuntimeError(f"the other desk's push was refused: {refused[0]}")
    return [uuid.UUID(i).hex for i in ids]


def month_offline(path: Path, target: int, seed: int) -> int:
    """Realistic edits through the services until ``target`` row changes wait; returns actions."""
    from coordinator_app.domain.enums import MeetingKind, MeetingMode
    from coordinator_app.domain.models import Meeting, ProgressEntry
    from coordinator_app.services.registry import Services
    from coordinator_app.storage.database import open_database

    rng = random.Random(seed)
    db = open_database(path)
    services = Services.create(db)
    with db.engine.connect() as conn:
        coordinators = [
            uuid.UUID(r)
            for (r,) in conn.exec_driver_sql("SELECT id FROM coordinator WHERE deleted_at IS NULL")
        ]
        projects = [
            uuid.UUID(r)
            for (r,) in conn.exec_driver_sql("SELECT id FROM project WHERE deleted_at IS NULL")
        ]
        # Existing entries and meetings to edit (the author of an entry stays as it is).
        entries = [
            uuid.UUID(r)
            for (r,) in conn.exec_driver_sql(
                "SELECT id FROM progress_entry WHERE deleted_at IS NULL ORDER BY id LIMIT 5000"
            )
        ]
        meetings = [
            uuid.UUID(r)
            for (r,) in conn.exec_driver_sql(
                "SELECT id FROM meeting WHERE deleted_at IS NULL ORDER BY id LIMIT 5000"
            )
        ]
    first_day = date(2026, 11, 1)
    actions = 0

    def waiting() -> int:
        with db.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one())

    try:
        queued = waiting()
        while queued < target:
            for _ in range(200):
                day = first_day + timedelta(days=rng.randrange(30))
                pick = rng.random()
                if pick < 0.3:
                    attendees = rng.sample(coordinators, min(2, len(coordinators)))
                    services.meetings.save(
                        Meeting(
                            kind=MeetingKind.COUNCIL,
                            title=f"{day.month}月{day.day}日 第2層協議体",
                            held_on=day,
                            mode=MeetingMode.ON_SITE,
                            venue="若葉台地区センター",
                            agenda="見守り活動の報告\n移動支援の検討",
                            minutes="各町会から見守り活動の報告があった。" * 4,
                        ),
                        coordinator_ids=attendees,
                    )
                elif pick < 0.6:
                    services.progress.save_by(
                        ProgressEntry(
                            project_id=rng.choice(projects),
                            entry_date=day,
                            text=f"{day.month}月{day.day}日 サロンの運営について相談を受けた。",
                        ),
                        None,
                    )
                elif pick < 0.8 and meetings:
                    meeting = services.meetings.get(rng.choice(meetings))
                    meeting.minutes = (meeting.minutes or "") + f"\n{day.isoformat()} 追記。"
                    services.meetings.save(meeting)
                elif entries:
                    entry = services.progress.get(rng.choice(entries))
                    entry.text = entry.text + f"({day.month}/{day.day} 追記)"
                    services.progress.save_by(entry, None)
                else:
                    continue
                actions += 1
            queued = waiting()
    finally:
        db.close()
    return actions


def outbox_of(path: Path) -> list[tuple[str, str, str, dict[str, Any]]]:
    conn = sqlite3.connect(path)
    rows = [
        (table, row_id, op, json.loads(fields))
        for table, row_id, op, fields in conn.execute(
            "SELECT table_name, row_id, op, fields FROM sync_outbox ORDER BY seq"
        )
    ]
    conn.close()
    return rows


UPLOAD_TX_ROWS = 500
"""Rows per transaction of the first desk's upload (see :func:`split_upload`)."""
UPLOAD_BATCH = 4
"""Transactions per push request of that upload (small: a request stays well within
the client's 60 s timeout on a loaded machine)."""


def split_upload(path: Path) -> int:
    """Queue the file's rows as its first sync does, in transactions of 500 rows.

    A desk joining with data queues one sync transaction per table; at scale 0.01 the
    progress entries' alone is about 11 MB of JSON, and the worker sends 200
    transactions per request: the server's 16 MB request limit refuses it (the desk
    sees its connection reset). Renumbered in seq order, parents still go first.
    """
    from coordinator_app.storage.database import open_database
    from coordinator_app.storage.engine import writing

    db = open_database(path)
    try:
        with writing(db.engine).begin() as conn:
            queued = capture.enroll(conn)
            conn.exec_driver_sql(
                "UPDATE sync_outbox SET tx = r.n FROM (SELECT seq, 1 + (row_number() OVER"
                f" (ORDER BY seq) - 1) / {UPLOAD_TX_ROWS} AS n FROM sync_outbox) AS r"
                " WHERE r.seq = sync_outbox.seq"
            )
            conn.exec_driver_sql(
                "UPDATE sync_state SET open_tx = (SELECT max(tx) + 1 FROM sync_outbox)"
            )
    finally:
        db.close()
    return queued


def city_file(scale: float, work: Path) -> Path:
    """A copy of the big city's file at ``scale`` (generated once into the cache)."""
    from benchmarks.generate_bigcity import generate

    cache = Path(__file__).resolve().parent / ".cache"
    cached = cache / f"sync-bigcity-{scale:g}.sqlite3"
    if not cached.exists():
        cache.mkdir(exist_ok=True)
        log(f"generating the big city at scale {scale:g} into {cached.name}…")
        partial = cached.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generate(partial, scale=scale, quiet=True)
        partial.rename(cached)
    copy = work / "city.sqlite3"
    shutil.copyfile(cached, copy)
    return copy


def create_users(server_dir: ServerDir) -> dict[str, tuple[str, str]]:
    from coordinator_app.domain.enums import ProfileRole
    from coordinator_app.server.accounts import create_user

    schema = server_dir.municipality(MUNICIPALITY).schema
    users = {
        "loader": ("city-hall", "loader-password-1", ProfileRole.ADMIN),
        "fresh": ("laptop", "laptop-password-1", ProfileRole.COORDINATOR),
        "other": ("office", "office-password-1", ProfileRole.COORDINATOR),
    }
    with owner_connection(server_dir, schema) as conn:
        for name, password, role in users.values():
            create_user(conn, schema=schema, name=name, role=role, password=password)
    return {key: (name, password) for key, (name, password, _role) in users.items()}


def count_rows(path: Path, tables: list[str]) -> int:
    conn = sqlite3.connect(path)
    total = sum(int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables)
    conn.close()
    return total
