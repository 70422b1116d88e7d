"""Issue 18: English counts agree with their number ("1 row can be imported",
"2 rows …"): Qt's plural forms for the window's texts and ``Message.counted``
for the texts services make. The Japanese stays as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.domain.texts import Message
from coordinator_app.services.registry import Services
from coordinator_app.services.transfer.fields import ORGANISATIONS
from coordinator_app.services.transfer.import_rows import COUNTED, SUMMARIES
from coordinator_app.services.transfer.importing import preview_import, run_import
from coordinator_app.services.transfer.mappings import suggest_mapping
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.i18n import install_translators, remove_translators
from coordinator_app.ui.labels import message_text
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.sync.controller import SyncState
from coordinator_app.ui.sync.status import SyncStatus
from tests.conftest import Factory
from tests.services.test_transfer_import import ORG_ROWS, _table


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def _org_rows(count: int) -> list[list[str]]:
    header, first = ORG_ROWS[0], ORG_ROWS[1]
    return [header] + [
        [f"{first[0]}{i}", *first[1:3], f"042-551-{1000 + i}", "", ""] for i in range(count)
    ]


@pytest.mark.parametrize(("rows", "expected"), [(1, "1 row can be"), (2, "2 rows can be")])
def test_the_import_summary_agrees_with_its_count(
    english: None, services: Services, tmp_path: Path, rows: int, expected: str
) -> None:
    table = _table(tmp_path, ORGANISATIONS, _org_rows(rows))
    mapping = suggest_mapping(ORGANISATIONS, table.headers)
    preview = preview_import(services, ORGANISATIONS, table, mapping)
    assert preview.valid == rows
    assert message_text(preview.summary()).startswith(expected + " imported.")
    assert str(preview.summary()).startswith(f"{rows}件を取り込めます")  # the Japanese as before
    done = run_import(services, ORGANISATIONS, table, mapping)
    imported = "row." if rows == 1 else "rows."
    assert message_text(done.summary()).startswith(f"Imported {rows} {imported}")


def test_every_import_summary_has_both_forms(english: None) -> None:
    for source in SUMMARIES:
        counts = {"valid": 0, "errors": 0, "duplicates": 0, "same_name": 0}
        one = message_text(Message.counted(1, COUNTED, source, **{**counts, "valid": 1}))
        two = message_text(Message.counted(2, COUNTED, source, **{**counts, "valid": 2}))
        assert " 1 row" in f" {one}" and " 2 rows" in f" {two}", (one, two)


def test_sync_counts_in_the_status_bar(english: None, qtbot: QtBot) -> None:
    status = SyncStatus()
    qtbot.addWidget(status)
    status.show_state(SyncState(logged_in=True, online=True, unsent=1, conflicts=1, refused=1))
    assert "1 unsent" in status.label.text()
    assert status.open_button.text() == "1 conflict  1 change not sent"
    status.show_state(SyncState(logged_in=True, online=True, unsent=2, conflicts=2, refused=2))
    assert "2 unsent" in status.label.text()
    assert status.open_button.text() == "2 conflicts  2 changes not sent"


def test_the_japanese_status_bar_is_unchanged(qtbot: QtBot) -> None:
    status = SyncStatus()
    qtbot.addWidget(status)
    status.show_state(SyncState(logged_in=True, online=True, unsent=1, conflicts=2))
    assert "未送信 1件" in status.label.text()
    assert status.open_button.text() == "競合 2件"


def test_the_list_footer_counts_records(
    english: None, qtbot: QtBot, ctx: UiContext, make: Factory
) -> None:
    make.organisation(name="Fussa Welfare Council")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for index in range(len(window.pages)):
        window.show_page(index)
        if type(window.current_page.editor).__name__.startswith("Organisation"):
            break
    page = window.current_page
    qtbot.waitUntil(lambda: page.count_label.text() == "1 record")
    make.organisation(name="Hamura Volunteers")
    qtbot.waitUntil(lambda: page.count_label.text() == "2 records")


def test_a_counted_message_keeps_its_number_across_processes() -> None:
    import pickle

    made = Message.counted(1, COUNTED, SUMMARIES[1], valid=1, errors=0, duplicates=0)
    copy = pickle.loads(pickle.dumps(made))
    assert copy == made == "1件を取り込めます。エラー 0件、重複 0件は取り込みません。"
    assert copy.quantity == 1 and copy.count("件") == 3  # str.count still works
