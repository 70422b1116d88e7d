"""The guidebook window: places too long for a page named first, the A5 booklet, and the
PDF made in the background while the window answers."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import GatheringPlace
from coordinator_app.ui.gathering_places.gathering_place_page import GatheringPlacePage
from coordinator_app.ui.gathering_places.guidebook_dialog import GuidebookDialog
from coordinator_app.ui.main.main_window import MainWindow
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts

CTRL = Qt.KeyboardModifier.ControlModifier


def _dialog(qtbot: QtBot, window: MainWindow) -> GuidebookDialog:
    qtbot.keyClick(window, Qt.Key.Key_8, CTRL)
    page = window.current_page
    assert isinstance(page, GatheringPlacePage)
    return page.open_guidebook()


def _text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)


def _save(qtbot: QtBot, dialog: GuidebookDialog) -> None:
    """Clicks 保存 (nothing is rendered when the user stops before the file dialog)."""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _save_and_wait(qtbot: QtBot, dialog: GuidebookDialog) -> object:
    """Clicks 保存 and waits for the background rendering to end; the path written or None."""
    with qtbot.waitSignal(dialog.render_done, timeout=120_000) as done:
        _save(qtbot, dialog)
    return done.args[0]


def test_a_place_too_long_for_a_page_is_named_and_the_user_may_stop(
    qtbot: QtBot, window: MainWindow, make: Factory, tmp_path: Path, prompts: FakePrompts
) -> None:
    area = make.area("児島")
    place = make.s.gathering_places.save(
        GatheringPlace(name="長すぎる説明の会", kind="サロン", area_id=area.id)
    )
    make.s.gathering_places.save(GatheringPlace(name="ふつうの会", kind="サロン", area_id=area.id))
    with make.s.db.writing() as session:
        stored = session.get(GatheringPlace, place.id)
        assert stored is not None
        stored.eligibility = "どなたでも歓迎します。" * 500
        session.add(stored)
    dialog = _dialog(qtbot, window)
    prompts.answers.append(False)  # stop
    _save(qtbot, dialog)
    assert "・長すぎる説明の会" in prompts.questions[-1]
    assert "ふつうの会" not in prompts.questions[-1]
    assert dialog.written == [] and not list(tmp_path.glob("*.pdf"))

    prompts.answers.append(True)  # print it shortened
    written = tmp_path / "kojima.pdf"
    prompts.save_files.append(written)
    assert _save_and_wait(qtbot, dialog) == written
    assert dialog.written == [written]
    assert "長すぎる説明の会" in _text(written) and "ふつうの会" in _text(written)
    assert "省略して印刷しました" in prompts.saved[-1][1]


def test_the_a5_booklet_is_chosen_in_the_window(
    qtbot: QtBot, window: MainWindow, make: Factory, tmp_path: Path, prompts: FakePrompts
) -> None:
    area = make.area("児島")
    for name in ("ひだまりサロン", "げんき体操", "ほっとカフェ"):
        make.s.gathering_places.save(GatheringPlace(name=name, kind="サロン", area_id=area.id))
    dialog = _dialog(qtbot, window)
    dialog.booklet_check.setChecked(True)
    written = tmp_path / "booklet.pdf"
    prompts.save_files.append(written)
    assert _save_and_wait(qtbot, dialog) == written
    reader = PdfReader(io.BytesIO(written.read_bytes()))
    # Cover, contents, one area page and two index pages: 5 A5 pages -> 8 -> 2 sheets, 4 sides.
    assert len(reader.pages) == 4
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages)
    assert "通いの場ガイドブック" in reader.pages[0].extract_text()
    assert all(name in _text(written) for name in ("ひだまりサロン", "げんき体操"))


def test_the_guidebook_renders_in_the_background_and_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, make: Factory, tmp_path: Path, prompts: FakePrompts
) -> None:
    import threading

    from coordinator_app.documents.render.guidebook import GuidebookRenderer

    area = make.area("児島")
    make.s.gathering_places.save(
        GatheringPlace(name="ひだまりサロン", kind="サロン", area_id=area.id)
    )
    dialog = _dialog(qtbot, window)
    gate = threading.Event()
    threads: list[threading.Thread] = []
    real = GuidebookDialog._renderer

    def gated_renderer(self: GuidebookDialog) -> GuidebookRenderer:
        renderer = real(self)
        render = renderer.render

        def held_render(data: object, progress: object = None) -> object:
            threads.append(threading.current_thread())

            def checked(done: int, total: int) -> None:
                assert callable(progress)
                progress(done, total)
                gate.wait(60)  # held until the test has clicked 中止

            return render(data, checked)  # type: ignore[arg-type]

        renderer.render = held_render  # type: ignore[method-assign]
        return renderer

    dialog._renderer = gated_renderer.__get__(dialog)  # type: ignore[method-assign]
    prompts.save_files.append(tmp_path / "never.pdf")
    with qtbot.waitSignal(dialog.render_done, timeout=120_000) as done:
        _save(qtbot, dialog)
        # The window answers while the worker is held: the bar and 中止 are shown.
        assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
        assert not dialog.save_button.isEnabled()
        qtbot.waitUntil(lambda: dialog.progress.maximum() > 0)  # progress arrived, queued
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    assert done.args == [None]
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.written == [] and not (tmp_path / "never.pdf").exists()
    assert not dialog.progress.isVisible() and dialog.save_button.isEnabled()
    # The next run, not cancelled, writes the file.
    dialog._renderer = real.__get__(dialog)  # type: ignore[method-assign]
    written = tmp_path / "kojima.pdf"
    prompts.save_files.append(written)
    assert _save_and_wait(qtbot, dialog) == written
    assert "ひだまりサロン" in _text(written)
