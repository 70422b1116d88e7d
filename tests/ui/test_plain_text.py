"""Issue 11.5 (and issue 10's record headings): user text is data, never markup.

Every record carries a name that is valid HTML. After visiting every page,
the meeting window, the project tabs, the open action items, the review
workspace and the search, no label that shows it may render it as rich text,
no tooltip may carry it as markup, and every prompt's message box is plain.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coordinator_app.domain.models import ActionItem, GatheringPlace, ProgressEntry
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.registry import Services
from coordinator_app.ui.main.main_window import MainWindow
from coordinator_app.ui.main.pages import PAGE_KINDS
from coordinator_app.ui.meetings.meeting_dialog import MeetingDialog
from coordinator_app.ui.prompts import DialogPrompts
from coordinator_app.ui.search.search_view import SearchView
from tests.conftest import Factory
from tests.ui.fake_prompts import FakePrompts

MARK = "<font size=7>"
HOSTILE = f'<img src="/local.png">{MARK}山田</font><br>削除しますか?'


def _ids(services: Services, make: Factory) -> dict[str, object]:
    city = make.city(name=f"市{HOSTILE}")
    area = make.area(name=f"圏域{HOSTILE}", parent=city)
    org = make.organisation(name=f"機関{HOSTILE}")
    make.contact(org, name=f"担当{HOSTILE}")
    person = make.coordinator(name=f"氏名{HOSTILE}", kana="やまだ")
    council = make.council(area=city)
    council.name = f"協議体{HOSTILE}"
    council = services.councils.save(council)
    meeting = make.meeting(title=f"会議{HOSTILE}", venue=f"会場{HOSTILE}")
    project = make.project(title=f"事業{HOSTILE}")
    services.progress.save(
        ProgressEntry(project_id=project.id, entry_date=date(2022, 6, 1), text=f"進捗{HOSTILE}")
    )
    services.action_items.save(ActionItem(meeting_id=meeting.id, text=f"対応{HOSTILE}"))
    services.attachments.add(filename=f"{HOSTILE}.txt", content=b"x", meeting_id=meeting.id)
    place = services.gathering_places.save(
        GatheringPlace(
            name=f"サロン{HOSTILE}",
            kind="サロン",
            area_id=area.id,
            meeting_place=f"会場{HOSTILE}",
            schedule_text=f"毎週火曜{HOSTILE}",
        )
    )
    return {
        RecordKind.AREA: area.id,
        RecordKind.COORDINATOR: person.id,
        RecordKind.ORGANISATION: org.id,
        RecordKind.COUNCIL: council.id,
        RecordKind.MEETING: meeting.id,
        RecordKind.PROJECT: project.id,
        RecordKind.GATHERING_PLACE: place.id,
    }


def _rich_labels(root: QWidget) -> list[str]:
    return [
        f"{type(label.parent()).__name__}.{label.objectName()}: {label.text()[:60]}"
        for label in root.findChildren(QLabel)
        if MARK in label.text()
        and label.textFormat() != Qt.TextFormat.PlainText
        and GuiQt.mightBeRichText(label.text())
    ]


def _markup_tooltips(root: QWidget) -> list[str]:
    found = [f"{type(w).__name__}: {w.toolTip()[:60]}" for w in root.findChildren(QWidget)]
    found = [text for text in found if MARK in text]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            found += [f"{type(model).__name__}: {tip[:60]}" for tip in _model_tooltips(model)]
    return found


def _model_tooltips(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    tips: list[str] = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model: columnCount is private there
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and MARK in tip:
                tips.append(tip)
            if column == 0 and index.isValid() and model.rowCount(index) > 0:
                tips += _model_tooltips(model, index)
    return tips


def test_hostile_names_render_as_plain_text_everywhere(
    qtbot: QtBot, window: MainWindow, services: Services, make: Factory, prompts: FakePrompts
) -> None:
    ids = _ids(services, make)
    for kind in PAGE_KINDS:
        window.show_page(PAGE_KINDS.index(kind))
        page = window.page_for(kind)
        page.select_record(ids[kind])  # type: ignore[arg-type]
        assert HOSTILE in page.editor.heading.text()
        assert page.editor.heading.textFormat() == Qt.TextFormat.PlainText
        page.delete_record()  # the confirmation and the undo label quote the name
        window.ctx.undo_stack.undo()
        page.select_record(ids[kind])  # type: ignore[arg-type]
        assert _rich_labels(window) == [], kind
        assert _markup_tooltips(window) == [], kind
    assert any(HOSTILE in q for q in prompts.questions)

    meeting = MeetingDialog(window.ctx, meeting_id=ids[RecordKind.MEETING])  # type: ignore[arg-type]
    qtbot.addWidget(meeting)
    meeting.show()
    search = SearchView(window.ctx)
    qtbot.addWidget(search)
    search.show()
    search.set_query("山田")
    search.run()
    windows: list[QWidget] = [meeting, search]
    for feature in ("action_items", "review_workspace"):
        windows.append(getattr(window.features, feature)())
    for top in windows:
        assert _rich_labels(top) == [], type(top).__name__
        assert _markup_tooltips(top) == [], type(top).__name__


def test_every_prompt_box_shows_its_text_plainly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[tuple[Qt.TextFormat, str]] = []

    def capture(box: QMessageBox) -> int:
        shown.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    prompts = DialogPrompts()
    text = f"「{HOSTILE}」を削除しますか?"
    prompts.confirm(None, title="t", text=text)
    prompts.inform(None, title="t", text=text)
    prompts.warn(None, title="t", text=text)
    prompts.ask(None, title="t", text=text, choices=["保存", "破棄", "キャンセル"])
    assert len(shown) == 4
    prompts.file_saved(None, title="t", path=tmp_path / "<img src=x>山田.pdf")
    assert shown[-1][0] == Qt.TextFormat.PlainText and "<img src=x>山田.pdf" in shown[-1][1]
    shown.pop()
    assert shown
    assert all(fmt == Qt.TextFormat.PlainText and body == text for fmt, body in shown)
    QApplication.processEvents()
