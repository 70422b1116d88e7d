"""The 通いの場 page: a place created through the window is what ends up in the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.domain.models import GatheringPlace
from coordinator_app.services.base import ListQuery
from coordinator_app.storage.database import Database
from coordinator_app.ui.gathering_places.gathering_place_page import GatheringPlacePage
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.conftest import choose, enter, reopened
from tests.ui.fake_prompts import FakePrompts

CTRL = Qt.KeyboardModifier.ControlModifier


def _page(qtbot: QtBot, window: MainWindow) -> GatheringPlacePage:
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    page = window.current_page
    assert isinstance(page, GatheringPlacePage)
    return page


def _photo(tmp_path: Path) -> Path:
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#e6a23c"))
    path = tmp_path / "salon.png"
    assert image.save(str(path))
    return path


def test_create_a_place_through_the_window(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    make: Factory,
    prompts: FakePrompts,
    tmp_path: Path,
) -> None:
    city = make.city("倉敷市")
    kojima = make.area("児島", parent=city)
    org = make.organisation("児島地区社会福祉協議会")
    page = _page(qtbot, window)
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.name_edit, "ひだまりサロン")
    enter(qtbot, editor.kana_edit, "ひだまりさろん")
    editor.kind_combo.setCurrentText("男の料理教室")  # a kind the municipality adds
    choose(editor.area_combo, "児島")
    enter(qtbot, editor.meeting_place_edit, "児島公民館 和室")
    enter(qtbot, editor.address_edit, "倉敷市児島小川1-1")
    enter(qtbot, editor.schedule_edit, "第２・第４木曜 10:00～11:30、雨天中止")
    assert "第2・第4木曜 10:00〜11:30" in editor.schedule_reading.text()
    assert "雨天中止" in editor.schedule_reading.text()
    enter(qtbot, editor.fee_edit, "100円")
    enter(qtbot, editor.capacity_field, "20")
    enter(qtbot, editor.attendance_field, "12")
    enter(qtbot, editor.eligibility_edit, "どなたでも")
    editor.barrier_free_check.setChecked(True)
    prompts.open_files.append(_photo(tmp_path))
    qtbot.mouseClick(editor.photo_field.choose_button, Qt.MouseButton.LeftButton)
    choose(editor.organisation_combo, "児島地区社会福祉協議会")
    enter(qtbot, editor.contact_name_edit, "岡山 花子")
    enter(qtbot, editor.contact_phone_edit, "086-000-1234")
    editor.contact_printable_check.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert editor.current_id is not None, editor.forms[0].error_text("general")
    assert page.model.rowCount() == 1

    with reopened(db) as services:
        place = services.gathering_places.get(editor.current_id)
        assert (place.name, place.kana, place.kind) == (
            "ひだまりサロン",
            "ひだまりさろん",
            "男の料理教室",
        )
        assert place.area_id == kojima.id
        assert place.organisation_id == org.id
        assert place.meeting_place == "児島公民館 和室"
        assert place.schedule_text == "第２・第４木曜 10:00～11:30、雨天中止"
        assert place.schedule_label == "第2・第4木曜 10:00〜11:30、雨天中止"
        assert place.weekday_mask == 1 << 3
        assert (place.fee, place.capacity, place.usual_attendance) == ("100円", 20, 12)
        assert place.barrier_free and not place.transport
        assert place.contact_printable and place.contact_phone == "086-000-1234"
        assert place.photo is not None and place.photo.startswith(b"\x89PNG")
        assert place.status == GatheringPlaceStatus.ACTIVE
        assert "男の料理教室" in services.gathering_places.kinds()


def test_a_bad_field_keeps_the_form_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    page = _page(qtbot, window)
    editor = page.editor
    page.new_record()
    enter(qtbot, editor.name_edit, "あおぞら体操")
    enter(qtbot, editor.contact_phone_edit, "でんわ")
    enter(qtbot, editor.schedule_edit, "毎週月曜")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert editor.current_id is None
    assert "電話番号" in editor.forms[1].error_text("contact_phone")
    assert editor.name_edit.text() == "あおぞら体操"
    assert make.s.gathering_places.list().total == 0


def test_the_list_filters_by_weekday_kind_and_status(
    qtbot: QtBot, window: MainWindow, make: Factory
) -> None:
    save = make.s.gathering_places.save
    save(GatheringPlace(name="月曜サロン", kind="サロン", schedule_text="毎週月曜"))
    save(GatheringPlace(name="水曜カフェ", kind="認知症カフェ", schedule_text="第1水曜"))
    save(
        GatheringPlace(
            name="休みの会",
            kind="サロン",
            schedule_text="毎週水曜",
            status=GatheringPlaceStatus.PAUSED,
        )
    )
    page = _page(qtbot, window)

    def shown() -> list[str]:
        return sorted(str(page.model.index(r, 0).data()) for r in range(page.model.rowCount()))

    qtbot.waitUntil(lambda: len(shown()) == 3)
    choose(page.weekday_filter, "水曜")
    qtbot.waitUntil(lambda: shown() == ["休みの会", "水曜カフェ"])
    choose(page.status_filter, "活動中")
    qtbot.waitUntil(lambda: shown() == ["水曜カフェ"])
    choose(page.weekday_filter, "すべての曜日")
    choose(page.kind_filter, "サロン")
    qtbot.waitUntil(lambda: shown() == ["月曜サロン"])
    assert make.s.gathering_places.list(ListQuery(filters={"kind": "サロン"})).total == 2


def test_make_the_guidebook_from_the_page(
    qtbot: QtBot, window: MainWindow, make: Factory, tmp_path: Path, prompts: FakePrompts
) -> None:
    import io

    from pypdf import PdfReader

    city = make.city("倉敷市")
    kojima = make.area("児島", parent=city)
    mizushima = make.area("水島", parent=city)
    save = make.s.gathering_places.save
    save(GatheringPlace(name="児島ひだまりサロン", kind="サロン", area_id=kojima.id))
    save(GatheringPlace(name="水島げんき体操", kind="体操教室", area_id=mizushima.id))
    prompts.save_files.append(tmp_path / "kojima")
    page = _page(qtbot, window)
    dialog = page.open_guidebook()
    assert "2 か所" in dialog.summary.text()
    choose(dialog.area_combo, "児島")
    assert "1 か所" in dialog.summary.text()
    written = tmp_path / "kojima.pdf"
    with qtbot.waitSignal(dialog.render_done, timeout=60_000) as done:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert done.args == [written]
    assert dialog.written == [written]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(written.read_bytes())).pages)
    assert "児島ひだまりサロン" in text and "水島げんき体操" not in text
    assert prompts.saved[-1][0] == written


def test_delete_asks_and_ctrl_z_brings_the_place_back(
    qtbot: QtBot, window: MainWindow, make: Factory, prompts: FakePrompts
) -> None:
    place = make.s.gathering_places.save(GatheringPlace(name="閉じる会", kind="サロン"))
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.select_record(place.id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert prompts.questions, "deleting asks first"
    assert make.s.gathering_places.get(place.id, include_deleted=True).is_deleted
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert not make.s.gathering_places.get(place.id).is_deleted
