"""Issue 18: ``coordinator-app report`` makes the activity report in the
window's language: ``--lang``, else the language saved in the window's
settings, else Japanese. The command reads the shipped catalogue without Qt;
its English is the window's English."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from coordinator_app.cli import main
from coordinator_app.commands.report import saved_settings, settings_file
from coordinator_app.domain.enums import MeetingKind
from coordinator_app.services.catalogue import Catalogue
from coordinator_app.services.registry import Services
from coordinator_app.services.report_export import report_tables, shown_tables
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.labels import message_text
from coordinator_app.ui.settings import AppSettings
from tests.conftest import Factory

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@pytest.fixture
def desk(db_path: Path, services: Services, make: Factory) -> Path:
    """A desk with English names: whatever Japanese the report shows, it made."""
    make.meeting(title="Walking salon", kind=MeetingKind.COURSE, held_on=date(2025, 6, 10))
    make.meeting(title="Liaison", kind=MeetingKind.LIAISON, held_on=date(2025, 9, 3))
    services.db.close()
    return db_path


@pytest.fixture
def no_saved_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))
    return settings_file()


def _cells(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in [sheet.title, *row]
        if cell is not None
    ]


def _pdf_text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_lang_en_makes_an_english_report(
    desk: Path, tmp_path: Path, no_saved_settings: Path
) -> None:
    xlsx, pdf = tmp_path / "report.xlsx", tmp_path / "report.pdf"
    for out in (xlsx, pdf):
        args = ["--db", str(desk), "report", "--year", "2025", "--lang", "en", "-o", str(out)]
        assert main(args) == 0
    cells = _cells(xlsx)
    assert "Summary" in cells and "Walking salon" in cells
    assert not [c for c in cells if JAPANESE.search(c)]
    text = _pdf_text(pdf)
    assert "FY2025" in text and "activity report" in text
    assert not JAPANESE.findall(text)


def test_without_lang_the_report_is_japanese(
    desk: Path, tmp_path: Path, no_saved_settings: Path
) -> None:
    out = tmp_path / "report.xlsx"
    assert main(["--db", str(desk), "report", "--year", "2025", "-o", str(out)]) == 0
    assert "概要" in _cells(out)


def test_the_saved_window_language_is_the_default(
    desk: Path, tmp_path: Path, no_saved_settings: Path
) -> None:
    no_saved_settings.parent.mkdir(parents=True)
    written = QSettings(str(no_saved_settings), QSettings.Format.IniFormat)
    settings = AppSettings(written)
    settings.language = "en"
    settings.wareki = True
    written.sync()
    assert saved_settings() == {"language": "en", "wareki": "true"}
    out = tmp_path / "report.xlsx"
    assert main(["--db", str(desk), "report", "--year", "2025", "-o", str(out)]) == 0
    cells = _cells(out)
    assert "Summary" in cells and not [c for c in cells if JAPANESE.search(c) and "令和" not in c]
    assert any("令和7年" in c for c in cells)  # 和暦 as saved: the era's name stays
    assert main(["--db", str(desk), "report", "--lang", "ja", "-o", str(out)]) == 0
    assert "概要" in _cells(out)  # --lang wins over the saved language


def test_the_settings_file_is_where_the_window_keeps_it(qapp: QApplication) -> None:
    qt = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "coordinator-app", "coordinator-app"
    )
    assert Path(qt.fileName()) == settings_file()


def test_bad_input_is_refused(
    desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.xlsx"
    assert main(["--db", str(desk), "report", "-o", str(tmp_path / "r.txt")]) == 2
    args = ["--db", str(desk), "report", "--area", "Nowhere", "--lang", "en", "-o", str(out)]
    assert main(args) == 2
    assert 'Area "Nowhere" not found' in capsys.readouterr().err


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def test_the_command_speaks_the_windows_english(
    english: None, services: Services, make: Factory
) -> None:
    make.meeting(title="Walking salon", kind=MeetingKind.COURSE, held_on=date(2025, 6, 10))
    report = services.reports.activity_report(2025)
    catalogue = Catalogue.load("en")
    for wareki in (False, True):
        tables = report_tables(report, wareki=wareki)
        assert shown_tables(tables, catalogue.text) == shown_tables(tables, message_text)
        title = report.title(wareki=wareki)
        assert catalogue.text(title) == message_text(title)
    assert Catalogue.load("ja").text(report.title()) == str(report.title())
