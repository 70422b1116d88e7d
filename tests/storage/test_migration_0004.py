"""Migration 0004 (frozen): a file from before the search index is upgraded and every
kind of record it held is found, exactly as a rebuild with the app's own code indexes it."""

from __future__ import annotations

import ast
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.schema import upgrade_to
from coordinator_app.storage.search_index import rebuild_index

VERSIONS = Path(__file__).resolve().parents[2] / "coordinator_app/storage/migrations/versions"
STAMP = "2020-01-01 00:00:00"
AREA = "a0000000000000000000000000000001"
ORG = "0a000000000000000000000000000001"
COUNCIL = "c0000000000000000000000000000001"
PROJECT = "d0000000000000000000000000000001"
MEETING = "e0000000000000000000000000000001"


def _insert(conn: sa.Connection, table: str, **values: Any) -> None:
    values = {"created_at": STAMP, "updated_at": STAMP, **values}
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values())
    )


def _file_at_0003(path: Path) -> None:
    """A file as the app before the search index left it, with one record of each kind."""
    engine = create_sqlite_engine(path)
    upgrade_to(engine, "0003")
    with engine.begin() as conn:
        _insert(conn, "area", id=AREA, name="喜多見", kana="きたみ", sort_kana="きたみ",
                kind="district", notes="")  # fmt: skip
        _insert(conn, "organisation", id=ORG, name="北山町会", kana="キタヤマチョウカイ",
                sort_kana="きたやまちょうかい", kind="neighbourhood_association", address="",
                phone="", email="", website="", notes="")  # fmt: skip
        _insert(conn, "contact", id="0b000000000000000000000000000001", organisation_id=ORG,
                name="山田 花子", kana="やまだ はなこ", sort_kana="やまだはなこ", role="会長",
                phone="", email="", notes="")  # fmt: skip
        _insert(conn, "coordinator", id="0c000000000000000000000000000001", name="佐藤 一郎",
                kana="さとう いちろう", sort_kana="さとういちろう", phone="", email="",
                office_hours="", message="買い物支援を一緒に考えます", consult_topics="",
                notes="")  # fmt: skip
        _insert(conn, "council", id=COUNCIL, name="北部圏域協議体", kana="", sort_kana="",
                tier=2, area_id=AREA, purpose="支え合い", status="established",
                established_on="2019-04-01", usual_venue="", notes="")  # fmt: skip
        _insert(conn, "project", id=PROJECT, title="見守りネットワーク", program="other",
                area_id=AREA, goal="孤立を防ぐ", status="in_progress", progress=0,
                start_date=None, outcome="")  # fmt: skip
        _insert(conn, "progress_entry", id="0e000000000000000000000000000001",
                project_id=PROJECT, entry_date="2021-05-06", text="ｺﾞﾐ出し支援の相談",
                author="")  # fmt: skip
        _insert(conn, "meeting", id=MEETING, kind="council", title="第3回 北部協議体",
                held_on="2021-06-01", venue="集会所", mode="on_site", council_id=COUNCIL,
                participants_on_site=0, participants_online=0, agenda="",
                minutes="サロンの担い手について話し合った", decisions="")  # fmt: skip
        _insert(conn, "action_item", id="0f000000000000000000000000000001",
                meeting_id=MEETING, text="名簿を更新する", done=0)  # fmt: skip
        _insert(conn, "organisation", id="0a000000000000000000000000000002", name="消えた町会",
                kana="", sort_kana="", kind="other", address="", phone="", email="", website="",
                notes="", deleted_at=STAMP)  # fmt: skip
    engine.dispose()


def _index(conn: sa.Connection) -> list[tuple[Any, ...]]:
    return [
        tuple(row)
        for row in conn.exec_driver_sql(
            "SELECT id, kind, record_id, title, body, held_on, area_id FROM search_entry "
            "ORDER BY id"
        ).all()
    ]


def test_an_old_file_is_upgraded_and_every_kind_is_found(db_path: Path) -> None:
    _file_at_0003(db_path)
    db = open_database(db_path)
    try:
        assert db.schema.upgraded_from == "0003"
        search = Services.create(db).search
        expected = {
            "喜多見": "area",
            "きたやまちょうかい": "organisation",  # the katakana reading, folded
            "会長": "contact",
            "買い物": "coordinator",
            "支え合い": "council",
            "孤立": "project",
            "ゴミ出し": "progress_entry",  # half-width kana, folded
            "担い手": "meeting",
            "名簿": "action_item",
        }
        for term, kind in expected.items():
            groups = search.search(term).groups
            assert list(groups) == [kind], term
        assert search.search("消えた").groups == {}  # deleted records stay out
        meeting_hits = search.search("北部", kinds=["meeting"], area_id=uuid.UUID(AREA)).groups[
            "meeting"
        ]
        assert [h.title for h in meeting_hits] == ["第3回 北部協議体"]
    finally:
        db.close()


def test_the_frozen_migration_writes_what_a_rebuild_writes(db_path: Path) -> None:
    _file_at_0003(db_path)
    db = open_database(db_path)
    try:
        with db.engine.begin() as conn:
            migrated = _index(conn)
            assert len(migrated) == 9
            rebuild_index(conn)
            assert _index(conn) == migrated
    finally:
        db.close()


def test_no_migration_imports_the_services() -> None:
    for path in sorted(VERSIONS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith("coordinator_app.services"), f"{path.name}: {name}"
