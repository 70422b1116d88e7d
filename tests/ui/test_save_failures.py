"""Issue 11.2: a save the database refuses (disk full, read-only, locked) is shown in
Japanese next to the form, the form keeps what was typed, and nothing is half-written.

The disk is made "full" deterministically with SQLite's ``PRAGMA max_page_count``
(set to the file's current size on every connection), so any save that needs a
new page fails with SQLITE_FULL exactly as on a full file system.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import ActionItem, GatheringPlace, Meeting, ProgressEntry
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.storage_errors import (
    DAMAGED,
    DISK_FULL,
    IO_ERROR,
    KEPT,
    LOCKED,
    MISSING,
    READ_ONLY,
    storage_message,
    storage_reason,
)
from coordinator_app.storage.database import Database
from coordinator_app.ui.common.record_editor import RecordEditor
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.pages import PAGE_KINDS
from coordinator_app.ui.meetings.action_item_dialog import ActionItemDialog
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.projects.progress_entry_dialog import ProgressEntryDialog
from tests.conftest import Factory
from tests.ui.conftest import commit_text, reopened
from tests.ui.fake_prompts import FakePrompts

BIG = "地域の支え合いの記録。" * 300  # 3,300 characters, ~10 KB: needs new pages


def _full(dbapi: sqlite3.Connection, _record: Any) -> None:
    pages = dbapi.execute("PRAGMA page_count").fetchone()[0]
    dbapi.execute(f"PRAGMA max_page_count = {pages}")


def _read_only(dbapi: sqlite3.Connection, _record: Any) -> None:
    dbapi.execute("PRAGMA query_only = ON")


FAILURES: dict[str, tuple[Callable[[sqlite3.Connection, Any], None], str]] = {
    "disk_full": (_full, DISK_FULL),
    "read_only": (_read_only, READ_ONLY),
}


@contextmanager
def failing(db: Database, how: str) -> Iterator[None]:
    """Every new connection of the app's engine fails writes the way ``how`` says."""
    hook = FAILURES[how][0]
    db.engine.dispose()
    with sqlite3.connect(db.path) as raw:  # no free pages left to reuse
        raw.execute("VACUUM")
    raw.close()
    sa.event.listen(db.engine, "connect", hook)  # pooled connections reconnect with it
    try:
        yield
    finally:
        sa.event.remove(db.engine, "connect", hook)
        db.engine.dispose()


def _records(make: Factory) -> dict[str, uuid.UUID]:
    city = make.city()
    return {
        RecordKind.AREA: make.area(parent=city).id,
        RecordKind.COORDINATOR: make.coordinator().id,
        RecordKind.ORGANISATION: make.organisation().id,
        RecordKind.COUNCIL: make.council(area=city).id,
        RecordKind.MEETING: make.meeting().id,
        RecordKind.PROJECT: make.project().id,
        RecordKind.GATHERING_PLACE: make.s.gathering_places.save(
            GatheringPlace(name="ひだまりサロン", kind="サロン")
        ).id,
    }


LONG_FIELDS = ("notes", "minutes", "consult_topics", "purpose", "goal", "description")


def _long_text_field(editor: RecordEditor) -> QPlainTextEdit:
    for name in LONG_FIELDS:
        for form in editor.forms:
            if form.owns(name) and isinstance(form.widget(name), QPlainTextEdit):
                return form.widget(name)  # type: ignore[return-value]
    raise AssertionError(f"{type(editor).__name__} has no long multi-line field")


def _general_error(editor: RecordEditor) -> str:
    return editor.forms[0].error_text("general")


@pytest.mark.parametrize("how", sorted(FAILURES))
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_editor_shows_a_refused_save_and_keeps_the_form(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    make: Factory,
    prompts: FakePrompts,
    kind: str,
    how: str,
) -> None:
    record_id = _records(make)[kind]
    page = window.page_for(kind)
    window.show_page(PAGE_KINDS.index(kind))
    page.select_record(record_id)
    assert page.editor.current_id == record_id
    editor = page.editor
    field = _long_text_field(editor)
    original = _service_of(window.ctx.services, kind).get(record_id).model_dump()
    field.setFocus()
    commit_text(field, BIG)
    typed = field.toPlainText()
    assert BIG in typed

    with failing(db, how):
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    reason = FAILURES[how][1]
    assert prompts.warnings and prompts.warnings[-1].startswith(reason)
    assert KEPT in prompts.warnings[-1]
    assert _general_error(editor).startswith(reason)
    assert field.toPlainText() == typed  # the form keeps what was typed
    assert editor.is_dirty and editor.current_id == record_id

    # Nothing half-written: a fresh read of the file has the record as it was.
    assert _service_of(window.ctx.services, kind).get(record_id).model_dump() == original


def _service_of(services: Any, kind: str) -> Any:
    return {
        RecordKind.AREA: services.areas,
        RecordKind.COORDINATOR: services.coordinators,
        RecordKind.ORGANISATION: services.organisations,
        RecordKind.COUNCIL: services.councils,
        RecordKind.MEETING: services.meetings,
        RecordKind.PROJECT: services.projects,
        RecordKind.GATHERING_PLACE: services.gathering_places,
    }[kind]


def test_a_refused_save_then_succeeds_once_there_is_room(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory, prompts: FakePrompts
) -> None:
    person = make.coordinator()
    page = window.page_for(RecordKind.COORDINATOR)
    window.show_page(PAGE_KINDS.index(RecordKind.COORDINATOR))
    page.select_record(person.id)
    field = _long_text_field(page.editor)
    field.setFocus()
    commit_text(field, BIG)
    with failing(db, "disk_full"):
        assert not page.save_record()
    assert page.save_record()  # room again: the same form saves
    assert _general_error(page.editor) == ""
    window.close()
    with reopened(db) as stored:
        assert BIG in str(stored.coordinators.get(person.id).model_dump())


def test_the_meeting_window_keeps_a_refused_meeting(
    qtbot: QtBot, ctx: UiContext, db: Database, make: Factory, prompts: FakePrompts
) -> None:
    dialog = MeetingDialog(ctx)
    qtbot.addWidget(dialog)
    editor = dialog.editor
    editor.title_edit.setFocus()
    commit_text(editor.title_edit, "通いの場 交流会")
    editor.minutes_edit.setFocus()
    commit_text(editor.minutes_edit, BIG)
    with failing(db, "disk_full"):
        assert not editor.save()
        meetings, errors = editor.save_as_series([date(2024, 6, 1), date(2024, 6, 8)])
    assert meetings == [] and next(iter(errors.values())).startswith(DISK_FULL)
    assert prompts.warnings[-1].startswith(DISK_FULL)
    assert (
        editor.title_edit.text() == "通いの場 交流会" and BIG in editor.minutes_edit.toPlainText()
    )
    assert editor.current_id is None
    with reopened(db) as stored, stored.db.reading() as session:
        assert session.exec(sa.select(Meeting)).all() == []


@pytest.mark.parametrize("how", sorted(FAILURES))
def test_progress_and_action_item_dialogs_stay_open_with_the_text(
    qtbot: QtBot,
    ctx: UiContext,
    db: Database,
    make: Factory,
    prompts: FakePrompts,
    how: str,
) -> None:
    project = make.project()
    meeting = make.meeting()
    progress = ProgressEntryDialog(ctx, owner_id=project.id, record=None)
    item = ActionItemDialog(ctx, owner_id=meeting.id, record=None)
    for dialog in (progress, item):
        qtbot.addWidget(dialog)
        dialog.show()
    progress.text_edit.setFocus()
    commit_text(progress.text_edit, BIG)
    item.text_edit.setFocus()
    commit_text(item.text_edit, BIG)
    reason = FAILURES[how][1]
    with failing(db, how):
        for dialog in (progress, item):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert dialog.isVisible() and dialog.stored is None
            assert dialog.form.error_text("general").startswith(reason)
            assert prompts.warnings[-1].startswith(reason)
    assert progress.text_edit.toPlainText() == BIG
    assert item.text_edit.toPlainText() == BIG
    with reopened(db) as stored, stored.db.reading() as session:
        assert session.exec(sa.select(ProgressEntry)).all() == []
        assert session.exec(sa.select(ActionItem)).all() == []


def test_a_refused_delete_is_reported(
    qtbot: QtBot, window: MainWindow, db: Database, make: Factory, prompts: FakePrompts
) -> None:
    person = make.coordinator()
    page = window.page_for(RecordKind.COORDINATOR)
    window.show_page(PAGE_KINDS.index(RecordKind.COORDINATOR))
    page.select_record(person.id)
    with failing(db, "read_only"):
        assert not page.delete_record()
    assert "削除できませんでした" in prompts.warnings[-1]
    with reopened(db) as stored:
        assert not stored.coordinators.get(person.id).is_deleted


# -- the one mapping -------------------------------------------------------------------


def _sqlite_error(code: int, text: str) -> sqlite3.Error:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (_sqlite_error(13, "database or disk is full"), DISK_FULL),
        (_sqlite_error(8, "attempt to write a readonly database"), READ_ONLY),
        (_sqlite_error(5, "database is locked"), LOCKED),
        (_sqlite_error(14, "unable to open database file"), MISSING),
        (_sqlite_error(522, "disk I/O error"), IO_ERROR),  # SQLITE_IOERR_SHORT_READ
        (_sqlite_error(11, "database disk image is malformed"), DAMAGED),
        (sqlite3.OperationalError("database is locked"), LOCKED),
        (OSError(28, "No space left on device"), DISK_FULL),
        (OSError(30, "Read-only file system"), READ_ONLY),
        (FileNotFoundError(2, "No such file"), MISSING),
        (sa.exc.OperationalError("INSERT", {}, _sqlite_error(13, "full")), DISK_FULL),
    ],
)
def test_database_and_os_errors_map_to_japanese(exc: BaseException, reason: str) -> None:
    assert storage_reason(exc) == reason
    message = storage_message(exc)
    assert message.startswith(reason) and message.endswith(KEPT)
    assert storage_message(exc, action="削除").startswith(reason.replace("保存", "削除"))


def test_a_locked_database_is_reported_as_locked(tmp_path: Any, db: Database) -> None:
    from coordinator_app.domain.models import Coordinator
    from coordinator_app.services.registry import Services

    services = Services.create(db)
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")

    def no_wait(dbapi: sqlite3.Connection, _record: Any) -> None:
        dbapi.execute("PRAGMA busy_timeout = 0")

    sa.event.listen(db.engine, "connect", no_wait)
    db.engine.dispose()
    try:
        with pytest.raises(sa.exc.OperationalError) as caught:
            services.coordinators.save(Coordinator(name="山田", kana="やまだ"))
        assert storage_reason(caught.value) == LOCKED
    finally:
        holder.rollback()
        holder.close()


def test_an_attachment_refused_by_a_full_disk_is_reported(
    qtbot: QtBot, services: Any, db: Database, make: Factory, ui_settings: Any, tmp_path: Any
) -> None:
    from tests.ui.fake_prompts import FakePrompts

    prompts = FakePrompts()
    ctx = UiContext.create(services=services, prompts=prompts, settings=ui_settings)
    meeting = make.meeting()
    dialog = MeetingDialog(ctx, meeting_id=meeting.id)
    qtbot.addWidget(dialog)
    handout = tmp_path / "配布資料.pdf"
    handout.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 200)
    prompts.open_paths.append([handout])
    with failing(db, "disk_full"):
        assert dialog.editor.attachments.add_files() == 0
    assert "配布資料.pdf: " + DISK_FULL.replace("保存", "添付") in prompts.warnings[-1]
    assert services.attachments.list_for(meeting_id=meeting.id) == []


@pytest.mark.parametrize("how", sorted(FAILURES))
def test_the_alias_and_series_dialogs_keep_what_was_typed(
    qtbot: QtBot,
    ctx: UiContext,
    db: Database,
    make: Factory,
    prompts: FakePrompts,
    how: str,
) -> None:
    from coordinator_app.ui.aliases.alias_dialog import SearchAliasDialog
    from coordinator_app.ui.meetings.series_edit_dialog import SeriesEditDialog

    before = ctx.services.aliases.text()
    typed = "\n".join(f"支え合い{n}, ささえあい{n}, 助け合い{n}" for n in range(250))
    aliases = SearchAliasDialog(ctx)
    qtbot.addWidget(aliases)
    aliases.show()
    aliases.editor.setPlainText(typed)
    template = make.meeting(title="講座", held_on=date(2024, 6, 4))
    series, _sessions = ctx.services.meetings.create_series(
        template, [date(2024, 6, 4) + timedelta(weeks=n) for n in range(12)], keep_id=template.id
    )
    edit = SeriesEditDialog(ctx, prompts, ctx.services.meetings.series_info(series.id))
    qtbot.addWidget(edit)
    edit.show()
    edit.title_edit.setText("サポーター養成講座" * 20)
    reason = FAILURES[how][1]
    with failing(db, how):
        qtbot.mouseClick(aliases.save_button, Qt.MouseButton.LeftButton)
        assert aliases.isVisible() and aliases.error_label.text().startswith(reason)
        assert prompts.warnings[-1].startswith(reason)
        edit.accept()
        assert edit.isVisible() and edit.error_label.text().startswith(reason)
        assert prompts.warnings[-1].startswith(reason)
    assert aliases.editor.toPlainText() == typed
    assert edit.title_edit.text() == "サポーター養成講座" * 20
    with reopened(db) as stored:
        assert stored.aliases.text() == before
        assert stored.meetings.series_info(series.id).series.title == "講座"
