"""The import wizard (file, mapping, preview, result) and the export dialog."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWizard
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.fields import ORGANISATIONS
from coordinator_app.services.transfer.mappings import MappingStore
from coordinator_app.storage.database import Database
from coordinator_app.ui.data_safety.export_dialog import ExportDialog
from coordinator_app.ui.data_safety.import_wizard import ImportWizard
from tests.conftest import Factory
from tests.ui.conftest import reopened
from tests.ui.fake_prompts import FakePrompts

ROWS = [
    ["関係機関一覧(令和6年4月1日現在)"],
    [],
    ["団体名", "フリガナ", "区分", "連絡先", "備考"],
    [
        "福生市社会福祉協議会",
        "フッサシシャカイフクシキョウギカイ",
        "社協",
        "０４２－５５１－１５１１",
        "",
    ],
    [],
    ["NPO法人 ささえあい", "", "NPO", "電話なし", ""],
    ['=HYPERLINK("http://evil")', "", "", "", "+メモ"],
    ["福生市社会福祉協議会", "", "社協", "042-551-1511", "重複"],
]


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "関係機関.csv"
    with path.open("w", encoding="cp932", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(ROWS)
    return path


def _combo(wizard: ImportWizard, row: int) -> QComboBox:
    return wizard.mapping_page.combos[row]


def test_import_wizard_from_file_to_database(
    qtbot: QtBot, services: Services, db: Database, tmp_path: Path
) -> None:
    prompts = FakePrompts()
    prompts.open_files.append(_csv(tmp_path))
    imported: list[tuple[str, list[object]]] = []
    wizard = ImportWizard(services, prompts, initial_kind="organisations")
    wizard.imported.connect(lambda kind, ids: imported.append((kind, ids)))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.source_page
    assert not page.isComplete()
    qtbot.mouseClick(page.browse_button, Qt.MouseButton.LeftButton)
    assert "3行目を見出し" in page.info_label.text() and "Shift_JIS" in page.info_label.text()
    assert page.isComplete()

    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    mapped = [_combo(wizard, i).currentData() for i in range(5)]
    assert mapped == ["name", "kana", "kind", "phone", "notes"]
    assert wizard.mapping_page.isComplete()
    _combo(wizard, 0).setCurrentIndex(0)
    assert not wizard.mapping_page.isComplete()
    assert "名称" in wizard.mapping_page.problems_label.text()
    _combo(wizard, 0).setCurrentIndex(_combo(wizard, 0).findData("name"))
    _combo(wizard, 4).setCurrentIndex(0)  # 備考: not imported

    wizard.next()
    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    assert preview.model.rowCount() == 4, "every record row of the file, blank rows skipped"
    statuses = [preview.model.index(r, 1).data() for r in range(4)]
    assert statuses == ["取り込み", "エラー", "取り込み", "重複"]
    assert "電話番号" in preview.model.index(1, 2).data()
    assert services.organisations.list().total == 0, "the preview writes nothing"
    assert "2件を取り込めます" in preview.summary_label.text()

    wizard.next()  # 取り込む (the commit page)
    assert wizard.currentPage() is wizard.result_page
    assert "2件を取り込みました" in wizard.result_page.summary_label.text()
    assert imported and imported[0][0] == "organisations" and len(imported[0][1]) == 2
    report = tmp_path / "report.csv"
    prompts.save_files.append(report)
    qtbot.mouseClick(wizard.result_page.report_button, Qt.MouseButton.LeftButton)
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3 and lines[1].startswith("6,エラー")

    with reopened(db) as fresh:
        stored = {o.name: o for o in fresh.organisations.list().rows}
        assert set(stored) == {"福生市社会福祉協議会", '=HYPERLINK("http://evil")'}
        assert stored["福生市社会福祉協議会"].phone == "042-551-1511"
        remembered = MappingStore(fresh.db).load(ORGANISATIONS)
        assert remembered["連絡先"] == "phone", "the mapping is remembered by header name"
        assert remembered["備考"] == "", "and so is a column the user chose to skip"
        assert all(not o.notes for o in stored.values())


def test_import_wizard_refuses_an_unreadable_file(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    prompts = FakePrompts()
    prompts.open_files.append(bad)
    wizard = ImportWizard(services, prompts)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.source_page.browse_button, Qt.MouseButton.LeftButton)
    assert "97-2003" in wizard.source_page.info_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_export_dialog_writes_a_list_and_the_whole_database(
    qtbot: QtBot, services: Services, make: Factory, tmp_path: Path
) -> None:
    make.organisation("=1+1")
    make.contact()
    prompts = FakePrompts()
    dialog = ExportDialog(services, prompts, initial_list="organisations")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list_combo.currentText() == "関係機関"
    prompts.save_files.append(tmp_path / "orgs")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.written == tmp_path / "orgs.xlsx"
    sheet = openpyxl.load_workbook(dialog.written).worksheets[0]
    assert sheet["A1"].value == "名称"
    assert {sheet.cell(row=r, column=1).value for r in (2, 3)} >= {"=1+1"}
    assert {sheet.cell(row=r, column=1).data_type for r in (2, 3)} == {"s"}
    assert "書き出しました" in prompts.infos[-1]

    dialog = ExportDialog(services, prompts)
    qtbot.addWidget(dialog)
    dialog.database_radio.setChecked(True)
    dialog.csv_radio.setChecked(True)
    assert not dialog.list_combo.isEnabled()
    prompts.save_files.append(tmp_path / "all.zip")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    with zipfile.ZipFile(tmp_path / "all.zip") as archive:
        names = archive.namelist()
    assert "00_説明.txt" in names and any(n.endswith("_関係機関.csv") for n in names)
    assert not prompts.warnings


def test_export_dialog_reports_a_failure(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    services.organisations.save(Organisation(name="会", kind=OrgKind.NPO))
    blocker = tmp_path / "dir.xlsx"
    blocker.mkdir()
    prompts = FakePrompts()
    prompts.save_files.append(blocker)
    dialog = ExportDialog(services, prompts)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert prompts.warnings and dialog.written is None


def test_import_wizard_flags_a_same_name_organisation_with_another_phone(
    qtbot: QtBot, services: Services, db: Database, make: Factory, tmp_path: Path
) -> None:
    make.organisation("ふじ町会", phone="042-551-0001")
    path = tmp_path / "町会.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(
            [["名称", "電話番号"], ["ふじ町会", "042-551-9999"], ["さくら会", "042-000-0001"]]
        )
    prompts = FakePrompts()
    prompts.open_files.append(path)
    wizard = ImportWizard(services, prompts, initial_kind="organisations")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.mouseClick(wizard.source_page.browse_button, Qt.MouseButton.LeftButton)
    wizard.next()
    wizard.next()
    preview = wizard.preview_page
    assert preview.same_name_check.isVisible() and not preview.same_name_check.isChecked()
    assert [preview.model.index(r, 1).data() for r in range(2)] == ["同名", "取り込み"]
    reason = preview.model.index(0, 2).data()
    assert "同名の関係機関があります(電話番号が異なります)" in reason
    assert "042-551-0001" in reason
    assert "同名で電話番号が異なる関係機関 1件" in preview.summary_label.text()

    preview.same_name_check.click()  # the user chooses to take it in as a new record
    assert [preview.model.index(r, 1).data() for r in range(2)] == ["取り込み", "取り込み"]
    wizard.next()
    assert wizard.currentPage() is wizard.result_page
    with reopened(db) as fresh:
        phones = sorted(o.phone for o in fresh.organisations.list().rows if o.name == "ふじ町会")
    assert phones == ["042-551-0001", "042-551-9999"]


def test_import_wizard_keeps_a_same_name_organisation_out_by_default(
    qtbot: QtBot, services: Services, db: Database, make: Factory, tmp_path: Path
) -> None:
    make.organisation("ふじ町会", phone="042-551-0001")
    path = tmp_path / "町会.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(
            [["名称", "電話番号"], ["ふじ町会", "042-551-9999"], ["さくら会", "042-000-0001"]]
        )
    prompts = FakePrompts()
    prompts.open_files.append(path)
    wizard = ImportWizard(services, prompts, initial_kind="organisations")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.mouseClick(wizard.source_page.browse_button, Qt.MouseButton.LeftButton)
    wizard.next()
    wizard.next()
    wizard.next()
    assert "1件を取り込みました" in wizard.result_page.summary_label.text()
    assert wizard.result_page.model.index(0, 1).data() == "同名"
    with reopened(db) as fresh:
        stored = sorted((o.name, o.phone) for o in fresh.organisations.list().rows)
    assert stored == [("さくら会", "042-000-0001"), ("ふじ町会", "042-551-0001")]
