"""Issue 16: ``coordinator-app flyer`` imports no Qt and nothing it does not use.

The command runs in a fresh interpreter (as from a terminal) on a file at the
head revision; afterwards the child lists the modules it loaded. Alembic, and
Mako and Pygments behind it, are needed only to migrate a file.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from coordinator_app.services.registry import Services
from coordinator_app.storage import planner_stats
from coordinator_app.storage.engine import create_sqlite_engine
from coordinator_app.storage.schema import current_revision, head_revision, upgrade_to
from tests.documents.conftest import Fussa

RUN_AND_LIST = (
    "import json, sys\n"
    "from coordinator_app.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(json.dumps({'code': code, 'modules': sorted(sys.modules)}))\n"
)


def _run(*args: str) -> tuple[int, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    lines = done.stdout.strip().splitlines()
    assert lines, done.stderr
    found = json.loads(lines[-1])
    return found["code"], found["modules"], done.stdout + done.stderr


def test_the_flyer_command_loads_no_qt_and_no_migration_tooling(
    db_path: Path, fussa: Fussa, tmp_path: Path
) -> None:
    out = tmp_path / "all.pdf"
    code, modules, output = _run("--db", str(db_path), "flyer", "--all-active", "-o", str(out))
    assert code == 0, output
    assert out.read_bytes().startswith(b"%PDF")
    tops = {name.split(".")[0] for name in modules}
    assert not tops & {"PySide6", "shiboken6"}, sorted(tops)
    assert not tops & {"alembic", "mako", "pygments"}, sorted(tops)
    assert not tops & {"openpyxl", "pypdf"}, sorted(tops)  # spreadsheets, booklets
    assert not [m for m in modules if m.startswith("coordinator_app.ui")]
    # Five services, not the registry of every service (meetings, projects, search...).
    assert "coordinator_app.services.registry" not in modules
    ours = {m for m in modules if m.startswith("coordinator_app.services.")}
    assert not ours & {
        "coordinator_app.services.meetings",
        "coordinator_app.services.action_items",
        "coordinator_app.services.projects",
        "coordinator_app.services.search",
        "coordinator_app.services.documents",
    }, sorted(ours)
    # The QR encoder alone, without reportlab's barcode widgets and drawing shapes.
    assert not [m for m in modules if m.startswith("reportlab.graphics")], sorted(
        m for m in modules if m.startswith("reportlab.graphics")
    )


def test_an_old_file_is_still_migrated_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(path)
    upgrade_to(engine, "0011")
    engine.dispose()
    team = tmp_path / "team.pdf"
    code, modules, output = _run("--db", str(path), "flyer", "--layout", "team", "-o", str(team))
    assert code == 0, output
    assert "alembic" in modules  # migrating does need it
    engine = create_sqlite_engine(path)
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_a_file_at_the_schema_head_is_read_without_the_orm(
    services: Services, fussa: Fussa, db_path: Path, tmp_path: Path
) -> None:
    planner_stats.analyse(services.db.engine)  # as a file the app has opened with rows
    services.db.close()
    out = tmp_path / "one.pdf"
    args = ("--db", str(db_path), "flyer", "-c", str(fussa.tier1.id), "-o", str(out))
    code, modules, output = _run(*args)
    assert code == 0, output
    assert out.read_bytes().startswith(b"%PDF")
    tops = {name.split(".")[0] for name in modules}
    assert not tops & {"sqlalchemy", "sqlmodel", "pydantic", "alembic", "PySide6"}, sorted(tops)
    assert "coordinator_app.domain.models" not in modules
    assert "coordinator_app.storage.flyer_read" in modules
    # xml.sax.saxutils (for escape) would bring urllib.request, http, email and ssl.
    assert not tops & {"http", "email", "ssl"}, sorted(tops)
    assert "urllib.request" not in modules
    assert "multiprocessing" not in modules  # workers only for a batch of separate files


def test_the_fonts_escape_is_saxutils_escape() -> None:
    from xml.sax.saxutils import escape as saxutils_escape

    from coordinator_app.documents.design.fonts import escape

    for text in ("", "a&b<c>d", "&amp;&lt;", "<b>太字</b> & 𠮷", "\"&'", "<<&&>>"):
        assert escape(text) == saxutils_escape(text)


INVARIANT_PDF = (
    "import hashlib, sys\n"
    "if sys.argv[1] == 'python':\n"
    "    sys.modules['_rl_accel'] = None  # reportlab's pure-Python fallback\n"
    "from datetime import date\n"
    "from pathlib import Path\n"
    "from reportlab import rl_config\n"
    "rl_config.invariant = 1\n"
    "from reportlab.lib import rl_accel\n"
    "from coordinator_app.documents.data.flyer import Layout\n"
    "from coordinator_app.documents.render.flyer import FlyerRenderer\n"
    "from coordinator_app.services.flyer_data import FlyerDataBuilder\n"
    "from coordinator_app.services.flyer_sources import NarrowFlyerSources\n"
    "sources = NarrowFlyerSources.open(Path(sys.argv[2]))\n"
    "builder = FlyerDataBuilder(sources, today=date(2024, 6, 1))\n"
    "ids = builder.active_coordinator_ids()\n"
    "pdfs = [FlyerRenderer().render(builder.flyers(ids), layout).pdf for layout in Layout\n"
    "        if layout != Layout.TEAM] + [FlyerRenderer().render_team(builder.team()).pdf]\n"
    "print(bool(rl_accel._c_funcs), hashlib.sha256(b''.join(pdfs)).hexdigest())\n"
)


def test_reportlabs_accelerator_writes_the_same_pdf_bytes(
    services: Services, fussa: Fussa, db_path: Path
) -> None:
    if importlib.util.find_spec("_rl_accel") is None:
        pytest.skip("rl_accel (reportlab[accel]) is not installed")
    planner_stats.analyse(services.db.engine)
    services.db.close()
    found = {}
    for kind in ("accel", "python"):
        done = subprocess.run(
            [sys.executable, "-c", INVARIANT_PDF, kind, str(db_path)],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        accelerated, digest = done.stdout.split()
        assert accelerated == str(kind == "accel")
        found[kind] = digest
    assert found["accel"] == found["python"]
