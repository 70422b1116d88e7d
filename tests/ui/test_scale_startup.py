"""Start-up stays light (no reportlab, openpyxl or QtPdf before they are needed) and the
menus open the flyer and data-safety dialogs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import OrgKind
from coordinator_app.services.data_safety import DataSafetyService
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.data_safety.backup_dialog import BackupDialog
from coordinator_app.ui.data_safety.export_dialog import ExportDialog
from coordinator_app.ui.data_safety.import_wizard import ImportWizard
from coordinator_app.ui.flyers.flyer_dialog import FlyerDialog
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory

ROOT = Path(__file__).parents[2]
HEAVY = [
    "reportlab",
    "openpyxl",
    "PIL",
    "PySide6.QtPdf",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
]

PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from coordinator_app.app import start
    from coordinator_app.ui.settings import AppSettings, settings_store
    from tests.ui.fake_prompts import FakePrompts

    HEAVY = {heavy!r}
    def loaded():
        return sorted(m for m in HEAVY if m in sys.modules)

    app = QApplication(sys.argv)
    started = start(app, db_path=Path(sys.argv[1]), demo=False, lang="ja",
                    prompts=FakePrompts(), settings=AppSettings(settings_store(Path(sys.argv[2]))))
    window = started.window
    window.show()
    app.processEvents()
    report = {{"start": loaded(), "built": [p.kind for p in window.built_pages()]}}
    window.open_search("見守り")
    window.search_view.run()
    report["search"] = loaded()
    window.action_export.trigger()
    report["export"] = loaded()
    window.action_flyer.trigger()
    report["flyer"] = loaded()
    print(json.dumps(report))
    started.safety.close(started.db, backup=False)
    """
)


def test_heavy_modules_wait_until_they_are_needed(
    tmp_path: Path, db_path: Path, services: Services, make: Factory
) -> None:
    make.coordinator()
    make.meeting(minutes="見守り活動の報告")
    services.db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), str(db_path), str(tmp_path / "s.ini")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["start"] == [] and report["search"] == []
    assert report["built"] == ["area"]  # only the page shown
    assert "openpyxl" in report["export"]
    assert {"reportlab", "PySide6.QtPdf"} <= set(report["flyer"])


def test_flyer_from_the_coordinator_page_and_the_menu(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    person = make.coordinator("高橋 美咲", "たかはし みさき")
    window.show_page(1)
    page = window.current_page
    page.model.refresh()
    page.select_record(person.id)
    texts = [b.text() for b in page.findChildren(QToolButton)]
    assert texts.count("チラシ作成") == 1  # the page's own button (Qt drops the "…")
    window.action_flyer.trigger()
    dialog = window.current_dialog()
    assert isinstance(dialog, FlyerDialog)
    assert dialog.coordinator_list.count() == 1
    assert dialog.coordinator_list.item(0).text() == "高橋 美咲"
    dialog.reject()


def test_team_flyer_of_the_area_shown(qtbot: QtBot, window: MainWindow, make: Factory) -> None:
    city = make.city("若葉市")
    window.show_page(0)
    window.current_page.model.refresh()
    window.current_page.select_record(city.id)
    window.action_team_flyer.trigger()
    dialog = window.current_dialog()
    assert isinstance(dialog, FlyerDialog)
    assert str(dialog.area_combo.currentData()) == str(city.id)
    dialog.reject()


def test_import_and_export_open_on_the_list_shown(window: MainWindow) -> None:
    window.show_page(2)
    window.action_import.trigger()
    wizard = window.current_dialog()
    assert isinstance(wizard, ImportWizard) and wizard.state.kind.key == "organisations"
    wizard.reject()
    window.show_page(4)
    window.action_export.trigger()
    dialog = window.current_dialog()
    assert isinstance(dialog, ExportDialog) and dialog.list_combo.currentData() == "meetings"
    dialog.reject()
    assert not window.action_backup.isEnabled()  # no data safety service: the demo copy


def test_restore_through_the_menu_reloads_every_view(
    qtbot: QtBot, ctx: UiContext, db_path: Path, services: Services, make: Factory
) -> None:
    make.organisation("最初の会", kind=OrgKind.NPO, kana="さいしょのかい")
    safety = DataSafetyService(db_path)
    window = MainWindow(ctx, safety=safety)
    qtbot.addWidget(window)
    window.show()
    window.show_page(2)
    window.action_backup.trigger()
    dialog = window.current_dialog()
    assert isinstance(dialog, BackupDialog)
    qtbot.mouseClick(dialog.backup_now_button, Qt.MouseButton.LeftButton)
    make.organisation("後から足した会", kind=OrgKind.NPO, kana="あとからたしたかい")
    page = window.current_page
    assert page.model.rowCount() == 2
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_selected_button, Qt.MouseButton.LeftButton)
    assert [page.model.describe(r) for r in range(page.model.rowCount())] == ["最初の会"]
    assert [o.name for o in services.organisations.list().rows] == ["最初の会"]
    assert not ctx.undo_stack.canUndo()
    dialog.reject()
