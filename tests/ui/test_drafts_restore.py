"""Drafts while typing (debounced), closing with unsaved changes (保存 / 破棄 /
キャンセル), and the restore question at start (復元する / 破棄する / あとで)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coordinator_app.app import start
from coordinator_app.services.drafts import draft_directory_for
from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.drafts.draft_restore import offer_draft_restore, pending_drafts
from coordinator_app.ui.drafts.draft_writer import DRAFT_DELAY_MS
from coordinator_app.ui.i18n import remove_translators
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog, close_meeting_windows
from coordinator_app.ui.meetings.meeting_page import MeetingPage
from coordinator_app.ui.prompts import CANCEL, DISCARD, SAVE
from coordinator_app.ui.settings import AppSettings
from tests.conftest import Factory
from tests.ui.conftest import enter, reopened
from tests.ui.fake_prompts import FakePrompts
from tests.ui.test_meeting_log_support import OFFSCREEN_WINDOWS

RESTORE, THROW_AWAY, LATER = range(3)


@pytest.fixture
def prompts() -> FakePrompts:
    return FakePrompts()


def _dialog(qtbot: QtBot, ctx: UiContext, **kwargs: object) -> MeetingDialog:
    dialog = MeetingDialog(ctx, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_draft_follows_typing_and_goes_with_the_save(
    qtbot: QtBot, ctx: UiContext, services: Services
) -> None:
    dialog = _dialog(qtbot, ctx)
    assert pending_drafts(ctx) == []  # an untouched form writes nothing
    enter(qtbot, dialog.editor.title_edit, "地域ケア会議")
    assert dialog.editor.draft_writer.pending
    qtbot.waitUntil(lambda: len(pending_drafts(ctx)) == 1, timeout=DRAFT_DELAY_MS * 6)
    assert pending_drafts(ctx)[0].state["title"] == "地域ケア会議"
    assert "下書きを自動保存しました" in dialog.editor.draft_label.text()
    enter(qtbot, dialog.editor.title_edit, "小地域ケア会議")
    qtbot.waitUntil(
        lambda: pending_drafts(ctx)[0].state["title"] == "小地域ケア会議",
        timeout=DRAFT_DELAY_MS * 6,
    )
    assert len(pending_drafts(ctx)) == 1  # one file per editing session, rewritten
    assert dialog.save()
    assert pending_drafts(ctx) == []
    assert services.meetings.list().total == 1


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts, db: Database
) -> None:
    dialog = _dialog(qtbot, ctx)
    enter(qtbot, dialog.editor.title_edit, "書きかけの連絡会")
    dialog.editor.draft_writer.write()

    prompts.choices.append(CANCEL)
    dialog.close()
    assert dialog.isVisible() and dialog.editor.title_edit.text() == "書きかけの連絡会"
    assert "保存していない変更" in prompts.asked[-1]
    assert len(pending_drafts(ctx)) == 1

    prompts.choices.append(DISCARD)
    dialog.reject()  # Esc
    assert not dialog.isVisible()
    assert pending_drafts(ctx) == []

    second = _dialog(qtbot, ctx)
    enter(qtbot, second.editor.title_edit, "保存して閉じる連絡会")
    prompts.choices.append(SAVE)
    second.close()
    assert not second.isVisible()
    meeting_id = second.editor.current_id
    assert meeting_id is not None
    assert pending_drafts(ctx) == []

    third = _dialog(qtbot, ctx)
    enter(qtbot, third.editor.venue_edit, "会場だけ")  # no title, which is required
    prompts.choices.append(SAVE)
    third.close()
    assert third.isVisible()  # kept open with the message by the field
    assert third.editor.forms[0].error_text("title") == "会議名を入力してください"
    with reopened(db) as stored:
        assert [m.title for m in stored.meetings.list().rows] == ["保存して閉じる連絡会"]


def test_an_untouched_window_closes_without_asking(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts
) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.close()
    assert not dialog.isVisible()
    assert prompts.asked == []


@OFFSCREEN_WINDOWS
def test_restore_later_or_discard(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts, make: Factory
) -> None:
    stored = make.meeting(title="第2回 連絡会", venue="若葉市役所")
    first = _dialog(qtbot, ctx)
    enter(qtbot, first.editor.title_edit, "新しい会議の書きかけ")
    first.editor.draft_writer.write()
    second = _dialog(qtbot, ctx, meeting_id=stored.id)
    enter(qtbot, second.editor.venue_edit, "北山地区会館")
    second.editor.draft_writer.write()
    # The process dies here: the windows never close, the drafts stay.
    first.hide()
    second.hide()
    assert len(pending_drafts(ctx)) == 2

    prompts.choices += [THROW_AWAY, LATER]  # newest first: the edit of the stored meeting
    assert offer_draft_restore(ctx, None) == []
    assert [d.state["title"] for d in pending_drafts(ctx)] == ["新しい会議の書きかけ"]
    assert "第2回 連絡会" in prompts.asked[0]

    prompts.choices.append(RESTORE)
    [restored] = offer_draft_restore(ctx, None)
    qtbot.addWidget(restored)
    assert restored.isVisible()
    assert restored.editor.title_edit.text() == "新しい会議の書きかけ"
    assert restored.editor.current_id is None
    assert restored.editor.is_dirty
    assert "下書きを復元しました" in restored.editor.hint_label.text()
    assert restored.save()
    assert pending_drafts(ctx) == []


@OFFSCREEN_WINDOWS
def test_a_restored_edit_updates_the_same_meeting(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts, make: Factory, services: Services
) -> None:
    stored = make.meeting(title="第2回 連絡会", venue="若葉市役所")
    editing = _dialog(qtbot, ctx, meeting_id=stored.id)
    enter(qtbot, editing.editor.venue_edit, "北山地区会館")
    editing.editor.draft_writer.write()
    editing.hide()

    prompts.choices.append(RESTORE)
    [restored] = offer_draft_restore(ctx, None)
    qtbot.addWidget(restored)
    assert restored.editor.current_id == stored.id
    assert restored.editor.venue_edit.text() == "北山地区会館"
    assert restored.editor.title_edit.text() == "第2回 連絡会"
    assert restored.save()
    assert services.meetings.list().total == 1
    assert services.meetings.get(stored.id).venue == "北山地区会館"


def test_the_page_form_keeps_a_draft_and_discarding_drops_it(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts
) -> None:
    page = MeetingPage(ctx)
    qtbot.addWidget(page)
    page.new_record()
    enter(qtbot, page.editor.title_edit, "ページで書きかけ")
    page.editor.draft_writer.flush()
    assert [d.state["title"] for d in pending_drafts(ctx)] == ["ページで書きかけ"]

    prompts.choices.append(CANCEL)
    page.new_record()
    assert page.editor.title_edit.text() == "ページで書きかけ"
    prompts.choices.append(DISCARD)
    page.new_record()
    assert page.editor.title_edit.text() == ""
    assert pending_drafts(ctx) == []


def test_quitting_asks_each_open_meeting_window(
    qtbot: QtBot, ctx: UiContext, prompts: FakePrompts
) -> None:
    main = QWidget()
    qtbot.addWidget(main)
    clean = MeetingDialog(ctx, main)
    busy = MeetingDialog(ctx, main)
    for dialog in (clean, busy):
        dialog.show()
    enter(qtbot, busy.editor.title_edit, "閉じる前の会議")
    prompts.choices.append(CANCEL)
    assert not close_meeting_windows(main)  # the user keeps working: do not quit
    assert busy.isVisible()
    prompts.choices.append(DISCARD)
    assert close_meeting_windows(main)
    assert not busy.isVisible() and not clean.isVisible()
    assert len(prompts.asked) == 2  # the untouched window closed without a question


def test_the_app_builds_one_drafts_store_and_the_forms_write_to_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, ui_settings: AppSettings
) -> None:
    path = tmp_path / "desk.sqlite3"
    started = start(
        qapp, db_path=path, demo=False, lang="ja", prompts=FakePrompts(), settings=ui_settings
    )
    assert started is not None
    try:
        assert started.ctx.drafts.directory == draft_directory_for(path)
        dialog = _dialog(qtbot, started.ctx)
        assert dialog.editor.draft_writer.store is started.ctx.drafts
        enter(qtbot, dialog.editor.title_edit, "地域ケア会議")
        qtbot.waitUntil(
            lambda: len(list(draft_directory_for(path).glob("*.json"))) == 1,
            timeout=DRAFT_DELAY_MS * 6,
        )
        assert pending_drafts(started.ctx)[0].state["title"] == "地域ケア会議"
        assert dialog.save()
        assert pending_drafts(started.ctx) == []
        assert started.ctx.services.meetings.list().total == 1
    finally:
        started.window.close()
        started.close()
        remove_translators(qapp, started.translators)
