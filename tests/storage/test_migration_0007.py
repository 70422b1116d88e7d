"""Migration 0007: free-text tier labels of existing posts become the list of local
tiers, each counted as the tier it was stored with; nothing is counted differently."""

from __future__ import annotations

from pathlib import Path

from coordinator_app.domain.tiers import LocalTier
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.schema import upgrade_to

STAMP = "'2020-01-01 00:00:00'"


def test_free_text_tier_labels_become_local_tiers(db_path: Path) -> None:
    engine = create_sqlite_engine(db_path)
    upgrade_to(engine, "0005")
    with engine.begin() as conn:
        run = conn.exec_driver_sql
        run(
            "INSERT INTO area (id, created_at, updated_at, name, kana, sort_kana, kind, notes) "
            f"VALUES ('a0000000000000000000000000000001', {STAMP}, {STAMP}, '倉敷市', "
            "'くらしきし', 'くらしきし', 'municipality', '')"
        )
        for n in range(1, 4):
            run(
                "INSERT INTO coordinator (id, created_at, updated_at, name, kana, sort_kana, "
                "phone, email, office_hours, message, consult_topics, notes) VALUES "
                f"('c000000000000000000000000000000{n}', {STAMP}, {STAMP}, 'SC{n}', '', '', "
                "'', '', '', '', '', '')"
            )
        posts = [(1, 1, "０層"), (2, 1, "0層"), (3, 1, "1.5層"), (4, 2, "1.5層"), (5, 1, "1.5層")]
        for n, tier, label in posts:
            run(
                "INSERT INTO assignment (id, created_at, updated_at, coordinator_id, tier, "
                "tier_label, area_id, concurrent, start_date, notes) VALUES "
                f"('b000000000000000000000000000000{n}', {STAMP}, {STAMP}, "
                f"'c0000000000000000000000000000001', {tier}, '{label}', "
                "'a0000000000000000000000000000001', 0, '2022-04-01', '')"
            )
    engine.dispose()

    db = open_database(db_path)
    try:
        services = Services.create(db)
        assert services.tiers.local_tiers() == [LocalTier("0層", 1), LocalTier("1.5層", 1)]
        rows = {
            a.id.hex[-1]: (a.tier, a.tier_label, a.notes) for a in services.assignments.list().rows
        }
        assert rows["1"] == (1, "0層", "")
        assert rows["3"] == (1, "1.5層", "")
        # The one post that used 1.5層 as 第2層 keeps its tier; its words go to the notes.
        assert rows["4"] == (2, "", "層の呼び名: 1.5層")
        assert services.tiers.usage()["1.5層"].assignments == 2
    finally:
        db.close()
