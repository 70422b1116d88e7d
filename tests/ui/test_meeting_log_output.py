"""Output from the meeting page and window: the minutes PDF (text, embedded Japanese
font, replaced characters reported) and selected meetings as an .ics file."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import MeetingKind, MeetingMode
from coordinator_app.domain.models import ActionItem, Meeting
from coordinator_app.services.registry import Services
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from tests.conftest import Factory
from tests.ui.conftest import enter
from tests.ui.fake_prompts import FakePrompts


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext) -> MeetingPage:
    widget = MeetingPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join(page.extract_text() for page in reader.pages).replace("\n", "")


def _fonts(path: Path) -> list[tuple[str, bool]]:
    found = []
    for pdf_page in PdfReader(io.BytesIO(path.read_bytes())).pages:
        for font in pdf_page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.append((str(font["/BaseFont"]), embedded))
    return found


def _council_meeting(services: Services, make: Factory) -> tuple[Meeting, list[str]]:
    council = make.council()
    people = [make.coordinator(f"委員{i} 太郎", f"いいん{i} たろう") for i in range(3)]
    orgs = [make.organisation(f"第{i}町会", kana=f"だい{i}ちょうかい") for i in range(4)]
    contact = make.contact(orgs[0], name="山田 花子")
    meeting = services.meetings.save(
        Meeting(
            kind=MeetingKind.COUNCIL,
            title="第1層協議体 第3回",
            held_on=date(2024, 6, 15),
            start_time=time(14),
            end_time=time(15, 30),
            venue="市役所 第2会議室",
            mode=MeetingMode.ON_SITE,
            council_id=council.id,
            agenda="1. 協議体の名称",
            minutes="【協議事項】\n名称の案を出し合った。",
            decisions="名称は「わかば支え合い会議」とする。",
            participants_on_site=8,
            capacity_on_site=20,
        ),
        coordinator_ids=[p.id for p in people],
        organisation_ids=[o.id for o in orgs],
        contact_ids=[contact.id],
    )
    for text, owner in (("要綱案を作る", people[0]), ("委員に打診する", people[1])):
        services.action_items.save(
            ActionItem(
                meeting_id=meeting.id,
                text=text,
                owner_coordinator_id=owner.id,
                due_date=date(2024, 7, 31),
            )
        )
    services.action_items.save(
        ActionItem(meeting_id=meeting.id, text="会場を予約する", owner_contact_id=contact.id)
    )
    names = [p.name for p in people] + [o.name for o in orgs] + [contact.name]
    return meeting, names


def test_minutes_pdf_from_the_meeting_page(
    page: MeetingPage,
    services: Services,
    make: Factory,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    meeting, attendees = _council_meeting(services, make)
    assert len(attendees) == 8
    page.model.refresh()
    assert page.select_record(meeting.id)
    target = tmp_path / "議事録_第3回"  # the suffix is added
    prompts.save_files.append(target)
    assert page.export_pdf()
    written = target.with_name("議事録_第3回.pdf")
    assert written.is_file()
    text = _pdf_text(written)
    for expected in (
        "会 議 録",
        "第1層協議体 第3回",
        "2024年6月15日(土) 14:00〜15:30",
        *attendees,
        "名称は「わかば支え合い会議」とする。",
        "要綱案を作る",
        "委員に打診する",
        "会場を予約する",
        "会場 8名(定員20名)",
    ):
        assert expected in text, expected
    fonts = _fonts(written)
    assert fonts and all(embedded for _, embedded in fonts)
    assert all("IPAexGothic" in name for name, _ in fonts)
    assert prompts.saved == [(written, "")]  # 保存しました with 開く / フォルダを開く
    assert not prompts.warnings


def test_minutes_pdf_in_wareki_reports_replaced_characters(
    qtbot: QtBot, ctx: UiContext, make: Factory, prompts: FakePrompts, tmp_path: Path
) -> None:
    ctx.dates.wareki = True
    meeting = make.meeting(held_on=date(2024, 6, 15), minutes="参加者から😀の声")
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.decisions_edit, "次回は7月。")  # unsaved: the export saves first
    prompts.save_files.append(tmp_path / "minutes.pdf")
    assert dialog.export_pdf()
    assert not dialog.editor.is_dirty
    text = _pdf_text(tmp_path / "minutes.pdf")
    assert "令和6年6月15日(土)" in text
    assert "次回は7月。" in text
    assert "〓" in text
    ((path, note),) = prompts.saved
    assert path == tmp_path / "minutes.pdf" and "〓" in note and "内容" in note


def test_cancelled_save_dialog_writes_nothing(
    page: MeetingPage, make: Factory, prompts: FakePrompts, tmp_path: Path
) -> None:
    meeting = make.meeting()
    page.model.refresh()
    page.select_record(meeting.id)
    assert not page.export_pdf()  # the fake picker answers "cancel"
    assert list(tmp_path.glob("*.pdf")) == []


def test_selected_meetings_to_ics(
    page: MeetingPage, make: Factory, prompts: FakePrompts, tmp_path: Path
) -> None:
    first = make.meeting(title="連絡会(6月)", held_on=date(2024, 6, 15), start_time=time(10))
    second = make.meeting(title="協議体, 第2回", held_on=date(2024, 7, 1), venue="北山地区会館")
    make.meeting(title="選ばない会議", held_on=date(2024, 8, 1))
    page.model.refresh()
    selection = page.table.selectionModel()
    for meeting_id in (first.id, second.id):
        index = page.model.index(page.model.row_of(meeting_id), 0)
        selection.select(
            index,
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert set(page.selected_ids()) == {first.id, second.id}
    prompts.save_files.append(tmp_path / "予定")
    assert page.export_ics()
    data = (tmp_path / "予定.ics").read_bytes().decode("utf-8")
    assert data.count("BEGIN:VEVENT") == 2
    assert f"UID:{first.id}@coordinator-app" in data
    assert "DTSTART;TZID=Asia/Tokyo:20240615T100000" in data
    assert "SUMMARY:協議体\\, 第2回" in data
    assert "LOCATION:北山地区会館" in data
    assert "選ばない会議" not in data
    assert "2件の会議を書き出しました" in prompts.infos[-1]


def test_ics_without_a_selection_explains(page: MeetingPage, prompts: FakePrompts) -> None:
    assert page.selected_ids() == []
    assert not page.export_ics()
    assert "選んでください" in prompts.infos[-1]


def test_reportlab_loads_only_when_a_pdf_is_made() -> None:
    """Cold start: the meeting views must not import the PDF machinery."""
    probe = (
        "import sys\n"
        "import coordinator_app.ui.meetings.meeting_page\n"
        "import coordinator_app.ui.meetings.meeting_dialog\n"
        "import coordinator_app.ui.drafts.draft_restore\n"
        "import coordinator_app.ui.action_items.action_item_view\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'pypdf'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_minutes_fields_typed_in_the_window_are_stored_and_printed(
    qtbot: QtBot,
    ctx: UiContext,
    services: Services,
    make: Factory,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    meeting = make.meeting(held_on=date(2024, 6, 15))
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    editor = dialog.editor
    enter(qtbot, editor.absentees_edit, "町会連合会 鈴木委員")
    enter(qtbot, editor.recorder_edit, "事務局 田中")
    enter(qtbot, editor.approved_by_edit, "会長 山田 太郎")
    enter(qtbot, editor.approved_on_field, "2024/6/20")
    prompts.save_files.append(tmp_path / "minutes.pdf")
    assert dialog.export_pdf()  # saves first
    stored = services.meetings.get(meeting.id)
    assert (stored.absentees, stored.recorder, stored.approved_by, stored.approved_on) == (
        "町会連合会 鈴木委員",
        "事務局 田中",
        "会長 山田 太郎",
        date(2024, 6, 20),
    )
    text = _pdf_text(tmp_path / "minutes.pdf").replace(" ", "")
    for expected in ("欠席者町会連合会鈴木委員", "記録者事務局田中", "承認者会長山田太郎"):
        assert expected in text


def test_an_approval_date_before_the_meeting_is_refused_by_its_field(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    meeting = make.meeting(held_on=date(2024, 6, 15))
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.approved_by_edit, "会長 山田 太郎")
    enter(qtbot, dialog.editor.approved_on_field, "2024/6/1")
    assert not dialog.save()
    form = next(f for f in dialog.editor.forms if f.owns("approved_on"))
    assert "開催日より前" in form.error_text("approved_on")
    assert services.meetings.get(meeting.id).approved_by == ""
    assert dialog.editor.approved_by_edit.text() == "会長 山田 太郎"  # nothing typed is lost


def test_a_failing_minutes_pdf_is_reported_to_the_user(
    qtbot: QtBot,
    ctx: UiContext,
    make: Factory,
    prompts: FakePrompts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from coordinator_app.documents.render import minutes

    def broken(self: object, data: object) -> object:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(minutes.MinutesRenderer, "render", broken)
    meeting = make.meeting()
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    prompts.save_files.append(tmp_path / "minutes.pdf")
    assert not dialog.export_pdf()
    assert not (tmp_path / "minutes.pdf").exists()
    assert prompts.warnings and "議事録のPDFを作成できませんでした" in prompts.warnings[-1]


def test_an_impossible_approval_date_is_named_and_nothing_is_saved(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    meeting = make.meeting(held_on=date(2024, 1, 15))
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    enter(qtbot, dialog.editor.recorder_edit, "事務局 田中")
    enter(qtbot, dialog.editor.approved_on_field, "2024/2/30")
    assert not dialog.save()
    form = next(f for f in dialog.editor.forms if f.owns("approved_on"))
    assert "存在しない日付" in form.error_text("approved_on")
    assert services.meetings.get(meeting.id).recorder == ""
