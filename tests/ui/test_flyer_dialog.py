"""The チラシ作成 dialog: preview, per-print edits, save, print, batch with cancel."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from coordinator_app.documents.data.flyer import Layout
from coordinator_app.services.registry import Services
from coordinator_app.ui.flyers.flyer_dialog import FlyerDialog
from coordinator_app.ui.main.main_window import MainWindow
from tests.documents.conftest import TODAY, Fussa, make_fussa
from tests.ui.fake_prompts import FakePrompts

MM = 72 / 25.4


@pytest.fixture
def fussa(services: Services) -> Fussa:
    return make_fussa(services)


@pytest.fixture
def fake() -> FakePrompts:
    return FakePrompts()


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, fussa: Fussa, fake: FakePrompts) -> FlyerDialog:
    widget = FlyerDialog(services, fussa.everyone, prompts=fake, today=TODAY)
    qtbot.addWidget(widget)
    return widget


def _texts(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def _select_layout(dialog: FlyerDialog, layout: Layout) -> None:
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData(layout))
    dialog.refresh_preview()


def test_preview_shows_the_selected_coordinator(dialog: FlyerDialog) -> None:
    assert dialog.preview.page_count == 1
    assert dialog.last_render is not None and dialog.last_render.warnings == ()
    assert "佐藤" in PdfReader(io.BytesIO(dialog.last_render.pdf)).pages[0].extract_text()
    dialog.coordinator_list.setCurrentRow(2)
    dialog.refresh_preview()
    assert "高橋" in PdfReader(io.BytesIO(dialog.last_render.pdf)).pages[0].extract_text()


def test_edits_for_this_print_reach_the_pdf_but_not_the_database(
    qtbot: QtBot,
    dialog: FlyerDialog,
    fake: FakePrompts,
    services: Services,
    fussa: Fussa,
    tmp_path: Path,
) -> None:
    dialog.coordinator_list.setCurrentRow(1)  # 田中 花子 (ふりがな順)
    assert dialog.coordinator_list.currentItem().text() == "田中 花子"
    with qtbot.waitSignal(dialog.preview_updated, timeout=3000):
        dialog.topics_edit.setPlainText("買い物の手伝いがほしい\n見守りをお願いしたい")
    dialog.message_edit.setPlainText("北部の皆さん、<よろしく> & お元気で")
    dialog.refresh_preview()
    fake.save_files.append(tmp_path / "saved.pdf")
    qtbot.mouseClick(
        dialog.save_button, pytest.importorskip("PySide6.QtCore").Qt.MouseButton.LeftButton
    )
    pages = _texts(tmp_path / "saved.pdf")
    assert len(pages) == 4  # every coordinator of the selection, one PDF
    tanaka = next(p for p in pages if "田中" in p)
    assert "買い物の手伝いがほしい" in tanaka and "<よろしく> & お元気で" in tanaka
    assert "地域の集まりや通いの場に参加したい" not in tanaka
    others = [p for p in pages if "田中" not in p]
    assert all("地域の集まりや通いの場に参加したい" in p for p in others)
    stored = services.coordinators.get(fussa.tier2[0].id)
    assert (stored.consult_topics, stored.message) == ("", "")
    assert fake.warnings == []
    assert fake.saved == [(tmp_path / "saved.pdf", "")]  # 保存しました, 開く / フォルダを開く
    # Back to what is stored.
    dialog.reset_button.click()
    assert dialog.topics_edit.toPlainText().startswith("地域の集まりや通いの場に参加したい")
    assert fussa.tier2[0].id not in dialog.overrides


def test_character_no_font_has_is_replaced_and_named_without_blocking(
    dialog: FlyerDialog,
) -> None:
    dialog.message_edit.setPlainText("よろしく\U0001f600")
    dialog.refresh_preview()
    assert dialog.last_render is not None
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    text = dialog.issues_label.text()
    assert "【佐藤 一郎】「メッセージ」" in text and "U+1F600" in text and "〓" in text


def test_overflow_is_shown_but_saving_is_allowed(dialog: FlyerDialog) -> None:
    dialog.message_edit.setPlainText("よろしくお願いします。" * 80)
    dialog.refresh_preview()
    assert dialog.last_render is not None
    assert "「メッセージ」が枠に収まりません" in dialog.issues_label.text()
    assert dialog.save_button.isEnabled()


@pytest.mark.parametrize(
    ("layout", "size_mm"),
    [(Layout.A5, (148, 210)), (Layout.A5_TWO_UP, (297, 210)), (Layout.CARDS, (210, 297))],
)
def test_layout_choice_changes_the_preview(
    dialog: FlyerDialog, layout: Layout, size_mm: tuple[int, int]
) -> None:
    dialog.design_combo.setCurrentIndex(1)
    _select_layout(dialog, layout)
    size = dialog.preview.document.pagePointSize(0)
    assert (round(size.width() / MM), round(size.height() / MM)) == size_mm


def test_opened_for_an_area_shows_its_team(
    qtbot: QtBot, services: Services, fussa: Fussa, fake: FakePrompts
) -> None:
    dialog = FlyerDialog(services, [], prompts=fake, area_id=fussa.areas[0].id, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.layout_choice == Layout.TEAM
    assert dialog.area_id == fussa.areas[0].id
    assert not dialog.batch_button.isEnabled()
    text = PdfReader(io.BytesIO(dialog.last_render.pdf)).pages[0].extract_text()
    assert "北部圏域を担当する生活支援コーディネーター" in text
    assert "田中" in text and "佐藤" in text and "渡辺" not in text


def test_print_goes_through_the_print_dialog(
    dialog: FlyerDialog, fake: FakePrompts, tmp_path: Path
) -> None:
    assert dialog.print_flyers() is False  # cancelled in the print dialog
    fake.print_to = tmp_path / "printed.pdf"
    assert dialog.print_flyers() is True
    reader = PdfReader(fake.print_to)
    assert len(reader.pages) == 4
    width, height = (float(v) / MM for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (210, 297)


def test_batch_one_file_per_coordinator(
    dialog: FlyerDialog, fake: FakePrompts, tmp_path: Path
) -> None:
    _select_layout(dialog, Layout.A5)
    fake.folders.append(tmp_path / "out")
    dialog.batch_button.click()
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted(
        f"{n}_a5.pdf" for n in ("佐藤 一郎", "田中 花子", "高橋 美和", "渡辺 健太")
    )
    assert fake.infos == ["4人分のチラシを作成しました。"]


def test_batch_combined_cancelled_writes_nothing(
    dialog: FlyerDialog, fake: FakePrompts, tmp_path: Path
) -> None:
    dialog.separate_check.setChecked(False)
    target = tmp_path / "out" / "all.pdf"
    fake.save_files.append(target)
    seen: list[int] = []

    def cancel_while_rendering(done: int, total: int) -> None:
        seen.append(done)
        if done == 6:  # 4 built and checked, 2 of 4 drawn
            assert dialog.batch_runner.progress_dialog is not None
            dialog.batch_runner.progress_dialog.cancel()

    dialog.batch_runner.progressed.connect(cancel_while_rendering)
    dialog.batch_button.click()
    assert seen == [1, 2, 3, 4, 5, 6]
    assert not target.exists()
    assert not (tmp_path / "out").exists()
    assert fake.infos == ["中止しました。"]


def test_batch_separate_cancelled_keeps_finished_files(
    dialog: FlyerDialog, fake: FakePrompts, tmp_path: Path
) -> None:
    fake.folders.append(tmp_path / "out")

    def cancel(done: int, total: int) -> None:
        if done == 6:
            dialog.batch_runner.progress_dialog.cancel()  # type: ignore[union-attr]

    dialog.batch_runner.progressed.connect(cancel)
    dialog.batch_button.click()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "佐藤 一郎_a4.pdf",
        "高橋 美和_a4.pdf",
    ]
    assert fake.infos == ["中止しました。作成済みのファイル: 2件"]


def test_a_coordinator_deleted_since_the_selection_is_left_out(
    qtbot: QtBot, services: Services, fussa: Fussa, fake: FakePrompts
) -> None:
    services.coordinators.soft_delete(fussa.tier2[0].id)
    dialog = FlyerDialog(services, fussa.everyone, prompts=fake, today=TODAY)
    qtbot.addWidget(dialog)
    names = [dialog.coordinator_list.item(i).text() for i in range(dialog.coordinator_list.count())]
    assert names == ["佐藤 一郎", "高橋 美和", "渡辺 健太"]
    assert dialog.last_render is not None


def test_batch_starts_from_a_multiple_selection_in_the_coordinator_list(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    fussa: Fussa,
    fake: FakePrompts,
    tmp_path: Path,
) -> None:
    window.show_page(1)
    page = window.current_page
    page.model.refresh()
    chosen = [fussa.tier2[0].id, fussa.tier2[2].id]  # 田中 花子, 渡辺 健太
    assert page.select_record(chosen[0])
    second = page.model.index(page.model.row_of(chosen[1]), 0)
    page.table.selectionModel().select(
        second, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    assert page.selected_ids() == chosen
    window.action_flyer.trigger()
    opened = window.current_dialog()
    assert isinstance(opened, FlyerDialog)
    assert [opened.coordinator_list.item(i).text() for i in range(2)] == ["田中 花子", "渡辺 健太"]
    opened.reject()

    dialog = FlyerDialog(services, page.selected_ids(), prompts=fake, today=TODAY)
    qtbot.addWidget(dialog)
    _select_layout(dialog, Layout.A5)
    assert dialog.selection_batch_button.isEnabled()
    fake.folders.append(tmp_path / "out")
    dialog.selection_batch_button.click()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "渡辺 健太_a5.pdf",
        "田中 花子_a5.pdf",
    ]
    assert fake.infos == ["2人分のチラシを作成しました。"]


def test_a_failing_flyer_is_reported_to_the_user(
    dialog: FlyerDialog, fake: FakePrompts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coordinator_app.documents.render.flyer import FlyerRenderer

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(FlyerRenderer, "render", broken)
    dialog.refresh_preview()
    assert "チラシを作成できませんでした" in dialog.issues_label.text()
    assert not dialog.save_button.isEnabled()
    fake.save_files.append(tmp_path / "x.pdf")
    assert dialog.save_pdf() is None
    assert "チラシを作成できませんでした" in fake.warnings[-1]
    assert not (tmp_path / "x.pdf").exists()


def test_flyer_from_the_window_shows_the_area_statistics_in_the_chosen_calendar(
    window: MainWindow, services: Services, fussa: Fussa
) -> None:
    north = services.areas.get(fussa.areas[0].id)
    north.population, north.households, north.aging_rate = 24310, 11020, 30.1
    north.stats_as_of = date(2022, 9, 30)
    services.areas.save(north)
    window.ctx.dates.wareki = True
    window.show_page(1)
    page = window.current_page
    page.model.refresh()
    assert page.select_record(fussa.tier2[0].id)  # 田中 花子, 第2層 北部圏域
    window.action_flyer.trigger()
    opened = window.current_dialog()
    assert isinstance(opened, FlyerDialog)
    text = "".join(PdfReader(io.BytesIO(opened.last_render.pdf)).pages[0].extract_text().split())
    assert "地域の統計北部圏域人口24,310人・世帯数11,020・高齢化率30.1%(令和4年9月30日現在)" in text
    opened.reject()
