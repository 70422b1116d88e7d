"""The composition root: opening (or refusing) a database, demo data, font, language."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from coordinator_app.app import StartedApp, start
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import open_database
from coordinator_app.ui.i18n import remove_translators
from coordinator_app.ui.settings import AppSettings
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def started_apps(qapp: QApplication) -> Iterator[list[StartedApp]]:
    """Started apps to close (and whose translators to remove) after the test."""
    apps: list[StartedApp] = []
    yield apps
    for started in apps:
        started.window.close()
        started.close()
        remove_translators(qapp, started.translators)


def _start(
    qapp: QApplication,
    apps: list[StartedApp],
    *,
    path: Path | None,
    prompts: FakePrompts,
    settings: AppSettings,
    demo: bool = False,
    lang: str | None = None,
) -> StartedApp | None:
    started = start(qapp, db_path=path, demo=demo, lang=lang, prompts=prompts, settings=settings)
    if started is not None:
        apps.append(started)
    return started


def test_a_newer_schema_is_refused_and_left_untouched(
    qapp: QApplication, tmp_path: Path, prompts: FakePrompts, ui_settings: AppSettings
) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = path.read_bytes()
    assert (
        start(qapp, db_path=path, demo=False, lang="ja", prompts=prompts, settings=ui_settings)
        is None
    )
    assert len(prompts.warnings) == 1
    assert "新しい版" in prompts.warnings[0]
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(
    qapp: QApplication, tmp_path: Path, prompts: FakePrompts, ui_settings: AppSettings
) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("これはデータベースではありません", encoding="utf-8")
    assert (
        start(qapp, db_path=path, demo=False, lang="ja", prompts=prompts, settings=ui_settings)
        is None
    )
    assert "開けませんでした" in prompts.warnings[0]
    assert path.read_text(encoding="utf-8") == "これはデータベースではありません"


def test_demo_is_a_throwaway_copy(
    qapp: QApplication,
    tmp_path: Path,
    prompts: FakePrompts,
    ui_settings: AppSettings,
    started_apps: list[StartedApp],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    default = tmp_path / "default.sqlite3"
    monkeypatch.setenv("COORDINATOR_APP_DB", str(default))
    started = _start(
        qapp, started_apps, path=None, prompts=prompts, settings=ui_settings, demo=True
    )
    assert started is not None
    demo_path = started.db.path
    assert not prompts.questions  # --demo loads without asking
    assert Services.create(started.db).meetings.list().total >= 40
    assert not default.exists()
    started.window.close()
    started.close()
    assert not demo_path.exists()


def test_the_bundled_font_draws_every_ui_string(
    qapp: QApplication,
    tmp_path: Path,
    prompts: FakePrompts,
    ui_settings: AppSettings,
    started_apps: list[StartedApp],
) -> None:
    started = _start(
        qapp, started_apps, path=tmp_path / "x.sqlite3", prompts=prompts, settings=ui_settings
    )
    assert started is not None
    assert "IPAexGothic" in QFontDatabase.families()
    font = qapp.font()
    assert font.families()[0] == "IPAexGothic"
    metrics = QFontMetrics(font)
    ts = Path(__file__).parents[2] / "resources" / "translations" / "coordinator_app_en.ts"
    text = ts.read_text(encoding="utf-8")
    sources = text.split("<source>")[1:]
    missing = {
        ch
        for chunk in sources
        for ch in chunk.split("</source>")[0]
        if ord(ch) > 0x2000 and not metrics.inFontUcs4(ord(ch))
    }
    assert not missing, f"no glyph for {sorted(missing)}"


def test_english_is_chosen_by_setting_or_flag(
    qapp: QApplication,
    tmp_path: Path,
    prompts: FakePrompts,
    ui_settings: AppSettings,
    started_apps: list[StartedApp],
) -> None:
    ui_settings.language = "en"
    prompts.default_answer = False
    started = _start(
        qapp, started_apps, path=tmp_path / "en.sqlite3", prompts=prompts, settings=ui_settings
    )
    assert started is not None
    nav = started.window.nav
    assert [nav.item(i).text() for i in range(nav.count())] == [
        "Areas",
        "Coordinators",
        "Organisations",
        "Councils",
        "Meetings",
        "Projects",
        "Gathering places",
    ]
    assert started.window.windowTitle().startswith("Support Coordinator Case Manager")
    # English UI text keeps the system font first, with the bundled one as fallback.
    assert "IPAexGothic" in qapp.font().families()
