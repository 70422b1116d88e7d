"""What start-up leaves for after the first paint (issue 16): the 会議 page's modules are
imported, SQLAlchemy's mappers configured and the page's first statements compiled once
the window has painted, not before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from coordinator_app.services.registry import Services
from tests.conftest import Factory

ROOT = Path(__file__).parents[2]
MEETING_PAGE = "coordinator_app.ui.meetings.meeting_page"

PROBE = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event, inspect
    from sqlalchemy.engine.default import CACHE_MISS
    from coordinator_app.app import start
    from coordinator_app.domain.models import Meeting
    from coordinator_app.domain.record_kind import RecordKind
    from coordinator_app.ui.main.pages import PAGE_KINDS
    from coordinator_app.ui.settings import AppSettings, settings_store
    from tests.ui.fake_prompts import FakePrompts

    app = QApplication(sys.argv)
    settings = AppSettings(settings_store(Path(sys.argv[2])))
    settings.last_page = 0  # 地域
    started = start(app, db_path=Path(sys.argv[1]), demo=False, lang="ja",
                    prompts=FakePrompts(), settings=settings)
    def serializer():  # pydantic's, built at the first model_dump (a mock until then)
        return type(Meeting.__pydantic_serializer__).__name__
    report = {{"before_paint": {page!r} in sys.modules, "serializer_before": serializer()}}
    started.window.show()
    deadline = time.monotonic() + 120
    while {page!r} not in sys.modules and time.monotonic() < deadline:
        app.processEvents()
    report["after_paint"] = {page!r} in sys.modules
    report["mappers"] = inspect(Meeting).configured
    report["serializer_after"] = serializer()
    report["built"] = [p.kind for p in started.window.built_pages()]
    misses = []
    event.listen(started.db.engine, "before_cursor_execute",
                 lambda *a: misses.append(a[2]) if a[4].cache_hit is CACHE_MISS else None)
    meetings = PAGE_KINDS.index(RecordKind.MEETING)
    started.window.show_page(meetings)
    page = started.window.page_at(meetings)
    while not page.editor_built and time.monotonic() < deadline:
        app.processEvents()
    report["opened"] = page.kind
    report["compiled_when_opened"] = misses
    print(json.dumps(report))
    started.safety.close(started.db, backup=False)
    """
)


def test_the_meeting_page_is_prepared_once_the_window_has_painted(
    tmp_path: Path, db_path: Path, services: Services, make: Factory
) -> None:
    make.meeting()
    services.db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            PROBE.format(page=MEETING_PAGE),
            str(db_path),
            str(tmp_path / "s.ini"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report == {
        "before_paint": False,  # start-up itself does not import it
        "after_paint": True,  # the idle step after the first paint did
        "mappers": True,
        "serializer_before": "MockValSer",
        "serializer_after": "SchemaSerializer",
        "built": ["area"],  # imported only: the page is built when the user opens it
        "opened": "meeting",
        "compiled_when_opened": [],  # every statement was compiled while idle
    }
