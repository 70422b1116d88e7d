"""Issue 16: the flyer command reads a file at the schema head without the ORM.

The narrow read (:mod:`coordinator_app.storage.flyer_read` behind
:class:`~coordinator_app.services.flyer_sources.NarrowFlyerSources`) must give
the very flyer data, and so the very PDF, the services give; and it must take
only files the full open would leave untouched, sending every other file to it.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from reportlab import rl_config

from coordinator_app.cli import main
from coordinator_app.documents.data.flyer import Layout, QrContent
from coordinator_app.documents.render.flyer import FlyerRenderer
from coordinator_app.domain.models import Area, Assignment, Coordinator
from coordinator_app.services.base import NotFoundError
from coordinator_app.services.flyer_data import FlyerDataBuilder
from coordinator_app.services.flyer_sources import NarrowFlyerSources, RecordNotFoundError
from coordinator_app.services.registry import Services
from coordinator_app.storage import planner_stats
from coordinator_app.storage.flyer_read import SCHEMA_HEAD, open_flyer_tables
from coordinator_app.storage.schema import head_revision
from tests.documents.conftest import TODAY, Fussa


def test_the_narrow_reads_schema_head_is_alembics_head() -> None:
    assert head_revision() == SCHEMA_HEAD


@pytest.fixture
def varied(services: Services, fussa: Fussa) -> Fussa:
    """Fussa, with what the narrow read must filter, order and convert as the ORM does:
    a deleted coordinator, an ended and a future post, figures on an area, a
    coordinator's own topics and a municipality topic list."""
    services.areas.save(
        _with(
            services.areas.get(fussa.areas[0].id),
            population=12_345,
            households=6_789,
            aging_rate=27.8,
            stats_as_of=date(2024, 4, 1),
        )
    )
    services.areas.save(
        _with(services.areas.get(fussa.city.id), aging_rate=25, stats_as_of=date(2024, 3, 31))
    )
    gone = services.coordinators.save(Coordinator(name="削除 済子", kana="さくじょ すみこ"))
    services.assignments.save(
        Assignment(coordinator_id=gone.id, tier=2, area_id=fussa.areas[1].id, start_date=TODAY)
    )
    services.coordinators.soft_delete(gone.id)
    services.assignments.save(
        Assignment(
            coordinator_id=fussa.tier1.id,
            tier=2,
            area_id=fussa.areas[2].id,
            start_date=date(2020, 4, 1),
            end_date=date(2021, 3, 31),
        )
    )
    services.assignments.save(
        Assignment(
            coordinator_id=fussa.tier2[0].id,
            tier=2,
            area_id=fussa.areas[2].id,
            organisation_id=fussa.centres[2].id,
            start_date=date(2030, 4, 1),
        )
    )
    services.coordinators.save(
        _with(services.coordinators.get(fussa.tier2[1].id), consult_topics="買い物\n\n見守り ")
    )
    return fussa


def _with(record: Area | Coordinator, **values: object) -> Area | Coordinator:
    for name, value in values.items():
        setattr(record, name, value)
    return record


@pytest.fixture
def narrow(services: Services, db_path: Path) -> Iterator[NarrowFlyerSources]:
    planner_stats.analyse(services.db.engine)  # as a file the app has opened with rows
    sources = NarrowFlyerSources.open(db_path)
    assert sources is not None
    yield sources
    sources.close()


@pytest.mark.parametrize("qr", [QrContent.AUTO, QrContent.CONTACT])
def test_the_narrow_read_gives_the_services_flyer_data(
    services: Services, varied: Fussa, narrow: NarrowFlyerSources, qr: QrContent
) -> None:
    ours = FlyerDataBuilder(services, today=TODAY, qr=qr, wareki=True)
    theirs = FlyerDataBuilder(narrow, today=TODAY, qr=qr, wareki=True)
    assert theirs.profile == ours.profile
    assert theirs.active_coordinator_ids() == ours.active_coordinator_ids()
    assert len(ours.active_coordinator_ids()) == 4  # the deleted one is not among them
    everyone = [c.id for c in services.coordinators.list().rows]
    assert [theirs.flyer(i) for i in everyone] == [ours.flyer(i) for i in everyone]
    assert theirs.flyer(varied.tier2[1].id).consult_topics == ("買い物", "見守り")
    assert theirs.flyer(varied.tier2[0].id).area_figures[0].figures.startswith("人口 12,345人")
    for area in (None, varied.city.id, *(a.id for a in varied.areas)):
        assert theirs.team(area) == ours.team(area)


def test_the_same_pdf_through_either_read(
    services: Services, varied: Fussa, narrow: NarrowFlyerSources, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp or random id in a PDF
    renderer = FlyerRenderer()
    ours = FlyerDataBuilder(services, today=TODAY)
    theirs = FlyerDataBuilder(narrow, today=TODAY)
    ids = varied.everyone
    assert (
        renderer.render(theirs.flyers(ids), Layout.A5_TWO_UP).pdf
        == renderer.render(ours.flyers(ids), Layout.A5_TWO_UP).pdf
    )
    assert renderer.render_team(theirs.team()).pdf == renderer.render_team(ours.team()).pdf


def test_a_missing_record_says_what_the_services_say(
    services: Services, fussa: Fussa, narrow: NarrowFlyerSources
) -> None:
    missing = uuid.uuid4()
    with pytest.raises(NotFoundError) as theirs:
        services.coordinators.get(missing)
    with pytest.raises(RecordNotFoundError) as ours:
        narrow.coordinators.get(missing)
    assert str(ours.value) == str(theirs.value)
    assert isinstance(ours.value, LookupError)  # the command's exit status 2
    gone = fussa.tier2[2].id
    services.coordinators.soft_delete(gone)
    assert narrow.coordinators.get(gone).id == gone  # one snapshot for the whole command
    later = NarrowFlyerSources.open(services.db.path)
    assert later is not None
    try:
        with pytest.raises(RecordNotFoundError):
            later.coordinators.get(gone)
        assert gone not in [c.id for c in later.coordinators.list().rows]
    finally:
        later.close()


# -- what goes to the full open ------------------------------------------------------


def _analysed_copy(services: Services, db_path: Path, tmp_path: Path, name: str) -> Path:
    """A file the narrow read takes, at ``name``: analysed and opened there once."""
    planner_stats.analyse(services.db.engine)
    services.db.close()
    target = tmp_path / name
    shutil.copyfile(db_path, target)
    from coordinator_app.storage.database import open_database

    open_database(target).close()  # records where the file now is
    assert NarrowFlyerSources.open(target) is not None
    return target


def _sql(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def test_files_the_full_open_would_touch_go_to_it(
    services: Services, fussa: Fussa, db_path: Path, tmp_path: Path
) -> None:
    good = _analysed_copy(services, db_path, tmp_path, "good.sqlite3")
    assert open_flyer_tables(tmp_path / "none.sqlite3") is None
    assert open_flyer_tables(tmp_path) is None  # a folder
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert open_flyer_tables(tmp_path / "empty.sqlite3") is None
    (tmp_path / "junk.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert open_flyer_tables(tmp_path / "junk.sqlite3") is None
    (tmp_path / "text.sqlite3").write_text("not a database")
    assert open_flyer_tables(tmp_path / "text.sqlite3") is None

    def variant(name: str, statement: str) -> Path:
        path = tmp_path / name
        shutil.copyfile(good, path)
        open_database_once(path)
        _sql(path, statement)
        return path

    older = variant("older.sqlite3", "UPDATE alembic_version SET version_num = '0012'")
    newer = variant("newer.sqlite3", "UPDATE alembic_version SET version_num = '9999'")
    unanalysed = variant("unanalysed.sqlite3", "DROP TABLE sqlite_stat1")
    for path in (older, newer, unanalysed):
        assert open_flyer_tables(path) is None, path.name
    copied = tmp_path / "copied.sqlite3"
    shutil.copyfile(good, copied)  # its incarnation is renewed by the full open
    assert open_flyer_tables(copied) is None
    foreign = tmp_path / "foreign.sqlite3"
    _sql(foreign, "CREATE TABLE notes (body TEXT)")
    assert open_flyer_tables(foreign) is None


def open_database_once(path: Path) -> None:
    from coordinator_app.storage.database import open_database

    open_database(path).close()


def test_the_narrow_read_writes_nothing(
    services: Services, fussa: Fussa, db_path: Path, tmp_path: Path
) -> None:
    good = _analysed_copy(services, db_path, tmp_path, "good.sqlite3")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    out = tmp_path / "out"
    out.mkdir()
    assert main(["--db", str(good), "flyer", "--all-active", "-o", str(out / "all.pdf")]) == 0
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before


def test_a_copied_file_is_still_renewed_by_the_command(
    services: Services, fussa: Fussa, db_path: Path, tmp_path: Path
) -> None:
    good = _analysed_copy(services, db_path, tmp_path, "good.sqlite3")
    copied = tmp_path / "copied.sqlite3"
    shutil.copyfile(good, copied)
    code = main(
        ["--db", str(copied), "flyer", "-c", str(fussa.tier1.id), "-o", str(tmp_path / "a.pdf")]
    )
    assert code == 0
    conn = sqlite3.connect(copied)
    try:
        (where,) = conn.execute("SELECT file_path FROM sync_state").fetchone()
    finally:
        conn.close()
    assert where == str(copied.resolve())
    assert NarrowFlyerSources.open(copied) is not None  # the next run reads it narrowly


def test_an_unknown_id_fails_alike_on_both_paths(
    services: Services,
    fussa: Fussa,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = str(uuid.uuid4())
    args = ["flyer", "-c", missing, "-o", str(tmp_path / "x.pdf")]
    services.db.close()
    assert main(["--db", str(db_path), *args]) == 2  # not analysed: the full open
    full = capsys.readouterr().err
    assert NarrowFlyerSources.open(db_path) is not None  # the full open analysed it
    assert main(["--db", str(db_path), *args]) == 2
    assert capsys.readouterr().err == full
    assert not (tmp_path / "x.pdf").exists()
