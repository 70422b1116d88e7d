"""Issue 18.11: every dialog, the import wizard's pages and the activity report
(window and exported PDF) in the English window, with realistic Japanese data.

The records have Japanese names, as a municipality's records do; what the
user typed (``World.typed``) is taken out of each text before looking for
Japanese, so whatever Japanese remains was made by the app. Every QDialog
subclass in ``coordinator_app.ui`` must have a builder here: a new dialog
without one fails the test.
"""

from __future__ import annotations

import csv
import importlib
import os
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

import coordinator_app.ui
from coordinator_app.domain.enums import AreaKind, OrgKind, label
from coordinator_app.domain.models import (
    ActionItem,
    GatheringPlace,
    Meeting,
    ProgressEntry,
    SurveyQuestion,
    SurveyRound,
)
from coordinator_app.domain.surveys import QuestionKind
from coordinator_app.services.data_safety import DataSafetyService
from coordinator_app.services.registry import Services
from coordinator_app.storage.open_checks import check_database
from coordinator_app.ui.aliases.alias_dialog import SearchAliasDialog
from coordinator_app.ui.common.table_model import select_row
from coordinator_app.ui.coordinators.assignment_dialog import AssignmentDialog
from coordinator_app.ui.coordinators.local_tier_dialog import LocalTierDialog
from coordinator_app.ui.councils.membership_dialog import MembershipDialog
from coordinator_app.ui.data_safety.backup_dialog import BackupDialog
from coordinator_app.ui.data_safety.export_dialog import ExportDialog
from coordinator_app.ui.data_safety.import_wizard import ImportWizard
from coordinator_app.ui.data_safety.open_failure_dialog import OpenFailureDialog
from coordinator_app.ui.data_safety.wait_dialog import WaitForCloseDialog
from coordinator_app.ui.flyers.flyer_dialog import FlyerDialog
from coordinator_app.ui.gathering_places.guidebook_dialog import GuidebookDialog
from coordinator_app.ui.gathering_places.survey_accept_dialog import SurveyAcceptDialog
from coordinator_app.ui.gathering_places.survey_import_wizard import SurveyImportWizard
from coordinator_app.ui.gathering_places.survey_question_dialog import SurveyQuestionDialog
from coordinator_app.ui.gathering_places.survey_round_dialog import SurveyRoundDialog
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.settings_dialog import SettingsDialog
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.series_dialog import SeriesDialog
from coordinator_app.ui.meetings.series_edit_dialog import SeriesEditDialog
from coordinator_app.ui.municipality_dialog import MunicipalityDialog
from coordinator_app.ui.organisations.contact_dialog import ContactDialog
from coordinator_app.ui.profiles.profile_picker import ProfilePickerDialog
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from coordinator_app.ui.projects.timeline_photo_dialog import PhotoDialog
from coordinator_app.ui.projects.timeline_publish_dialog import ProjectPageDialog
from coordinator_app.ui.review.review_dialog import ReviewDialog
from coordinator_app.ui.sync.conflict_dialog import ConflictDialog
from coordinator_app.ui.sync.controller import SyncController
from coordinator_app.ui.sync.login_dialog import SyncLoginDialog
from coordinator_app.ui.sync.look_alikes_dialog import LookAlikeDialog
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_english_window import JAPANESE, english, japanese_in
from tests.ui.test_meeting_log_support import OFFSCREEN_WINDOWS

__all__ = ["english"]  # the fixture, used by name

SHOTS = Path(os.environ["ENGLISH_SHOTS"]) if os.environ.get("ENGLISH_SHOTS") else None
"""A folder for screenshots (english-*.png) and the report PDF, to look at; set
ENGLISH_SHOTS to get them."""

ABSTRACT = {"RecordDialog", "SurveyFormDialog"}
"""Base classes that are never shown themselves."""


@dataclass
class World:
    """Records as a municipality has them, and every text the user typed."""

    ids: dict[str, object] = field(default_factory=dict)
    typed: set[str] = field(default_factory=set)

    def keep(self, key: str, record: object, *texts: str) -> object:
        self.ids[key] = record
        self.typed.update(t for t in texts if t)
        return record


def _world(make: Factory, services: Services) -> World:
    w = World()
    city = w.keep("city", make.city(), "福生市", "ふっさし")
    area = w.keep("area", make.area(parent=city), "北部圏域", "ほくぶけんいき")  # type: ignore[arg-type]
    org = w.keep(
        "org",
        make.organisation(kind=OrgKind.SOCIAL_WELFARE_COUNCIL),
        "福生市社会福祉協議会",
        "ふっさししゃかいふくしきょうぎかい",
    )
    w.keep(  # the same council typed on a second desk: a look-alike group
        "org_twin",
        make.organisation(kind=OrgKind.SOCIAL_WELFARE_COUNCIL),
        "福生市社会福祉協議会",
    )
    w.keep("contact", make.contact(org), "山田 花子", "やまだ はなこ", "事務局長")  # type: ignore[arg-type]
    coordinator = w.keep("coordinator", make.coordinator(), "佐藤 一郎", "さとう いちろう")
    w.keep("assignment", make.assignment(coordinator, area))  # type: ignore[arg-type]
    w.keep("council", make.council(area=city), "第1層協議体")  # type: ignore[arg-type]
    meeting = make.meeting(venue="福生市役所 第1会議室", participants_on_site=12)
    w.keep("meeting", meeting, "生活支援コーディネーター連絡会", "福生市役所 第1会議室")
    w.keep(
        "action",
        services.action_items.save(  # type: ignore[attr-defined]
            ActionItem(meeting_id=meeting.id, text="会場の予約", due_on=date(2022, 7, 1))
        ),
        "会場の予約",
    )
    template = Meeting(
        title="介護予防サポーター養成講座",
        kind=meeting.kind,
        mode=meeting.mode,
        held_on=date(2022, 9, 5),
    )
    series, sessions = services.meetings.create_series(
        template, [date(2022, 9, 5), date(2022, 9, 12), date(2022, 9, 26)]
    )
    w.keep("series", series, "介護予防サポーター養成講座")
    w.typed.update(s.title for s in sessions)
    project = w.keep("project", make.project(), "協議体の立上げ")
    entry = services.progress.save(
        ProgressEntry(project_id=project.id, entry_date=date(2022, 6, 1), text="第1回準備会を開催")  # type: ignore[attr-defined]
    )
    w.keep("entry", entry, "第1回準備会を開催")
    place = services.gathering_places.save(  # type: ignore[attr-defined]
        GatheringPlace(
            name="ひだまりサロン",
            kana="ひだまりさろん",
            kind="サロン",
            area_id=area.id,  # type: ignore[attr-defined]
        )
    )
    w.keep("place", place, "ひだまりサロン", "ひだまりさろん")
    survey = services.surveys.save_round(
        SurveyRound(name="令和4年度 通いの場調査", fiscal_year=2022)
    )
    w.keep("survey", survey, "令和4年度 通いの場調査")
    question = services.surveys.save_question(
        SurveyQuestion(round_id=survey.id, prompt="参加者数", kind=QuestionKind.NUMBER)
    )
    w.keep("question", question, "参加者数")
    return w


def _png() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#88aacc"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


Builder = Callable[[], QWidget]


def _builders(
    window: MainWindow, w: World, tmp_path: Path, prompts: FakePrompts
) -> dict[str, Builder]:
    ctx = window.ctx
    services = ctx.services
    i = w.ids
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    controller = SyncController(services, ctx.events, window)
    safety = DataSafetyService(tmp_path / "backup-test.sqlite3")
    backup_services = Services.create(safety.open().db)
    safety.backup_now()  # a manual backup and an automatic one, as the list shows them
    safety.backup_if_due()
    meeting_dialog = MeetingDialog(ctx, window, meeting_id=i["meeting"].id)  # type: ignore[attr-defined]
    return {
        "SearchAliasDialog": lambda: SearchAliasDialog(ctx, window),
        "LocalTierDialog": lambda: LocalTierDialog(ctx, window),
        "MembershipDialog": lambda: MembershipDialog(
            ctx,
            owner_id=i["council"].id,
            record=None,
            parent=window,  # type: ignore[attr-defined]
        ),
        "AssignmentDialog": lambda: AssignmentDialog(
            ctx,
            owner_id=i["coordinator"].id,
            record=i["assignment"],
            parent=window,  # type: ignore[arg-type, attr-defined]
        ),
        "ContactDialog": lambda: ContactDialog(
            ctx,
            owner_id=i["org"].id,
            record=i["contact"],
            parent=window,  # type: ignore[arg-type, attr-defined]
        ),
        "ActionItemDialog": lambda: ActionItemDialog(
            ctx,
            owner_id=i["meeting"].id,
            record=i["action"],
            parent=window,  # type: ignore[arg-type, attr-defined]
        ),
        "ProgressEntryDialog": lambda: ProgressEntryDialog(
            ctx,
            owner_id=i["project"].id,
            record=i["entry"],
            parent=window,  # type: ignore[arg-type, attr-defined]
        ),
        "BackupDialog": lambda: BackupDialog(
            safety,
            prompts,
            current_services=lambda: backup_services,
            close_database=lambda: None,
            reopen_database=lambda: None,
            parent=window,
        ),
        "ExportDialog": lambda: ExportDialog(services, prompts, parent=window),
        "ImportWizard": lambda: _import_wizard(window, prompts, tmp_path),
        "OpenFailureDialog": lambda: OpenFailureDialog(check_database(broken), None, window),
        "WaitForCloseDialog": lambda: WaitForCloseDialog(lambda: False, "PC-01", window),
        "FlyerDialog": lambda: FlyerDialog(
            services,
            [i["coordinator"].id],
            window,
            prompts=prompts,  # type: ignore[attr-defined]
        ),
        "GuidebookDialog": lambda: GuidebookDialog(ctx, window),
        "SurveyAcceptDialog": lambda: SurveyAcceptDialog(
            ctx,
            i["survey"].id,
            i["place"].id,
            window,  # type: ignore[attr-defined]
        ),
        "SurveyImportWizard": lambda: SurveyImportWizard(ctx, i["survey"].id, window),  # type: ignore[attr-defined]
        "SurveyQuestionDialog": lambda: SurveyQuestionDialog(
            ctx,
            i["survey"].id,
            i["question"],
            window,  # type: ignore[arg-type, attr-defined]
        ),
        "SurveyRoundDialog": lambda: SurveyRoundDialog(ctx, i["survey"], window),  # type: ignore[arg-type]
        "LookAlikeDialog": lambda: LookAlikeDialog(ctx, None, window),  # type: ignore[arg-type]
        "SettingsDialog": lambda: SettingsDialog(ctx.settings, window, services=services),
        "MeetingDialog": lambda: meeting_dialog,
        "SeriesDialog": lambda: SeriesDialog(ctx, meeting_dialog.editor, window),
        "SeriesEditDialog": lambda: SeriesEditDialog(
            ctx,
            prompts,
            services.meetings.series_info(i["series"].id),
            window,  # type: ignore[attr-defined]
        ),
        "MunicipalityDialog": lambda: MunicipalityDialog(ctx, window),
        "ProfilePickerDialog": lambda: ProfilePickerDialog(ctx, window),
        "PhotoDialog": lambda: PhotoDialog(filename="photo.png", content=_png(), parent=window),
        "ProjectPageDialog": lambda: ProjectPageDialog(
            ctx,
            project_id=i["project"].id,
            parent=window,  # type: ignore[attr-defined]
        ),
        "ReviewDialog": lambda: ReviewDialog(ctx, entries=[i["entry"]], parent=window),  # type: ignore[list-item]
        "ConflictDialog": lambda: ConflictDialog(controller, ctx, window),
        "SyncLoginDialog": lambda: SyncLoginDialog(controller, ctx.settings, window),
    }


IMPORT_ROWS = [
    ["関係機関一覧 令和4年4月1日現在"],
    [],
    ["名称", "ふりがな", "種別", "電話番号"],
    ["ふっさ見守りネット", "ふっさみまもりねっと", "", "425511511"],
    ["福生市社会福祉協議会", "ふっさししゃかいふくしきょうぎかい", "社協", "042-551-1511"],
    ["謎の会", "なぞのかい", "宇宙団体", ""],
]


def _import_wizard(window: MainWindow, prompts: FakePrompts, tmp_path: Path) -> QWidget:
    """The import wizard walked to its preview: mapping problems, notes, statuses."""
    path = tmp_path / "関係機関.csv"
    with path.open("w", encoding="cp932", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(IMPORT_ROWS)
    prompts.open_files.append(path)
    wizard = ImportWizard(window.ctx.services, prompts, parent=window)
    wizard.show()
    wizard.source_page.browse_button.click()
    assert wizard.source_page.isComplete()
    wizard.next()
    return wizard


def _import_typed() -> set[str]:
    return {cell for row in IMPORT_ROWS for cell in row} | {"関係機関.csv"}


def _file_vocabulary() -> set[str]:
    """The kinds an imported file must name in Japanese: the import's examples list them."""
    return {label(kind) for kind in [*OrgKind, *AreaKind]}


def _dialog_classes() -> set[str]:
    for module in pkgutil.walk_packages(coordinator_app.ui.__path__, "coordinator_app.ui."):
        importlib.import_module(module.name)
    found: set[str] = set()
    todo: list[type] = [QDialog]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("coordinator_app.ui.") and sub.__name__ not in ABSTRACT:
                found.add(sub.__name__)
    return found


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS is not None:
        widget.grab().save(str(SHOTS / f"english-{name}.png"))


@OFFSCREEN_WINDOWS
def test_every_dialog_and_the_report_speak_english(
    english: None,
    qtbot: QtBot,
    ctx: object,
    make: Factory,
    services: Services,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    world = _world(make, services)
    window = MainWindow(ctx)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    typed = world.typed | _import_typed() | {"PC-01", "photo.png"} | _file_vocabulary()
    found: list[tuple[str, str, str]] = []

    def scan(name: str, widget: QWidget) -> None:
        found.extend((name, where, text) for where, text in japanese_in(widget, typed=typed))

    for index in range(len(window.pages)):
        window.show_page(index)
        page = window.current_page
        select_row(page.table, 0)  # a record with its data, as a user opens it
        tabs = getattr(page.editor, "tabs", None)
        for tab in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            scan(f"page {index} tab {tab}", window)
            _shot(window, f"page{index}-tab{tab}")

    builders = _builders(window, world, tmp_path, prompts)
    missing = _dialog_classes() - set(builders)
    assert not missing, f"add a builder to _builders for: {sorted(missing)}"
    for name, build in builders.items():
        dialog = build()
        dialog.show()
        qtbot.waitExposed(dialog)
        scan(name, dialog)
        _shot(dialog, name)
        for tabs in dialog.findChildren(QTabWidget):  # every tab of the dialog
            for tab in range(1, tabs.count()) if tabs.isVisible() else []:
                tabs.setCurrentIndex(tab)
                scan(f"{name} tab {tab}", dialog)
                _shot(dialog, f"{name}-tab{tab}")
        if name == "ImportWizard":  # the preview page too: statuses, reasons, notes
            dialog.next()  # type: ignore[attr-defined]
            scan(name + " preview", dialog)
            _shot(dialog, name + "-preview")
        dialog.hide()

    report = window.features.activity_report()
    report.year_combo.setCurrentIndex(report.year_combo.findData(2022))  # type: ignore[attr-defined]
    report.refresh()  # type: ignore[attr-defined]
    for tab in range(report.table_tabs.count()):  # type: ignore[attr-defined]
        report.table_tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        scan(f"report tab {tab}", report)
        _shot(report, f"report-tab{tab}")
    for name, other in (
        ("action items", window.features.action_items()),
        ("review", window.features.review_workspace()),
        (
            "surveys",
            window.pages[-1].open_surveys() if hasattr(window.pages[-1], "open_surveys") else None,
        ),
    ):
        if other is None:
            continue
        other.show()
        qtbot.waitExposed(other)
        scan(name, other)
        _shot(other, name.replace(" ", "-"))
        for tabs in other.findChildren(QTabWidget):
            for tab in range(1, tabs.count()) if tabs.isVisible() else []:
                tabs.setCurrentIndex(tab)
                scan(f"{name} tab {tab}", other)
                _shot(other, f"{name.replace(' ', '-')}-tab{tab}")
    pdf = tmp_path / "report.pdf"
    prompts.save_files.append(pdf)
    assert report.export_pdf() == pdf  # type: ignore[attr-defined]
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Meetings per month" in text  # the chart's title, in English
    rest = "".join(text.split())  # cells wrap typed names over lines
    for value in sorted(typed, key=len, reverse=True):
        rest = rest.replace("".join(value.split()), "")
    left = [rest[max(m.start() - 20, 0) : m.end() + 20] for m in JAPANESE.finditer(rest)]
    assert not left, "Japanese in the English report PDF:\n" + "\n".join(left)
    if SHOTS is not None:
        (SHOTS / "english-report.pdf").write_bytes(pdf.read_bytes())
    workbook = tmp_path / "report.xlsx"
    prompts.save_files.append(workbook)
    assert report.export_xlsx() == workbook  # type: ignore[attr-defined]
    book = load_workbook(workbook)
    assert "Summary" in book.sheetnames
    cells = [
        (sheet.title, str(cell))
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    japanese_cells = []
    for where, value in cells:
        rest = value
        for typed_value in sorted(typed, key=len, reverse=True):
            rest = rest.replace(typed_value, "")
        if JAPANESE.search(rest):
            japanese_cells.append((where, value))
    assert not japanese_cells, f"Japanese in the English workbook: {japanese_cells}"

    assert not found, "Japanese in the English window:\n" + "\n".join(
        f"{name} / {where}: {text!r}" for name, where, text in sorted(set(found))
    )


def test_the_import_wizard_reads_and_refuses_files_in_english(
    english: None, qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    prompts = FakePrompts()
    old = tmp_path / "古い名簿.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    good = tmp_path / "関係機関.csv"
    good.write_bytes("\ufeff名称,電話番号\r\n福祉の会,042-551-1511\r\n,042-000-0000\r\n".encode())
    prompts.open_files.extend([old, good])
    wizard = ImportWizard(services, prompts)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.source_page
    page.browse_button.click()
    refused = page.info_label.text()
    assert ".xlsx" in refused and not page.isComplete()
    page.browse_button.click()
    read = page.info_label.text()
    assert "UTF-8 (with BOM)" in read and page.isComplete()
    for text in (refused, read):
        assert not JAPANESE.search(text.replace("古い名簿.xls", "")), text
    assert services.organisations.list().total == 0  # reading stores nothing

    wizard.next()  # mapping
    wizard.next()  # preview
    wizard.next()  # import: the valid row is stored, the row without a name is skipped
    assert [o.name for o in services.organisations.list().rows] == ["福祉の会"]
    report = tmp_path / "skipped.csv"
    prompts.save_files.append(report)
    wizard.result_page.report_button.click()
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Row,Status,Reason,") and lines[1].startswith("3,Error,")
    assert not JAPANESE.search(lines[1].split(",", 3)[2]), lines[1]
    assert "Organisations" in prompts.suggested[-1]  # the suggested file name too
