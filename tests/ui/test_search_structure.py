"""Issue 16: the search dock costs a fixed number of statements whatever the number of
hits, fills its model once, and draws hits as plain text (no rich-text document per
hit, user text never parsed)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coordinator_app.services.registry import Services
from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.search.result_model import (
    LINE_BREAK,
    LINES_ROLE,
    HighlightDelegate,
    HitLines,
    SearchResultModel,
)
from coordinator_app.ui.search.search_view import SearchView
from tests.conftest import Factory
from tests.ui.test_statement_counts import counting

HOSTILE = "<b>見守り</b><img src=x>"


def _meetings(make: Factory, count: int, start: int) -> None:
    for i in range(count):
        make.meeting(
            title=f"定例会{start + i}",
            held_on=date(2024, 4, 1) + timedelta(days=start + i),
            minutes=f"前置き{i}。地域の見守り活動を話し合った。" * 3,
        )


def _view(qtbot: QtBot, ctx: UiContext) -> SearchView:
    view = SearchView(ctx)
    qtbot.addWidget(view)
    view.resize(420, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _search(view: SearchView, text: str, kind: str | None = None) -> None:
    view.kind_combo.setCurrentIndex(view.kind_combo.findData(kind))
    view.query_edit.setText(text)
    view.run()
    view.grab()  # lays out and paints the hits shown


def test_statements_are_the_same_for_3_and_for_45_hits(
    qtbot: QtBot, ctx: UiContext, db: Database, make: Factory
) -> None:
    _meetings(make, 3, 0)
    view = _view(qtbot, ctx)
    counts = []
    for more in (0, 42):
        _meetings(make, more, 100)
        with counting(db) as statements:
            _search(view, "見守り", "meeting")
        counts.append(len(statements))
        assert view.results is not None
        assert view.results.total_shown == 3 + more
    assert counts[0] == counts[1], counts


def test_hits_are_drawn_as_plain_text_without_a_document_per_hit(
    qtbot: QtBot,
    ctx: UiContext,
    make: Factory,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    _meetings(make, 45, 0)
    make.meeting(title=HOSTILE, held_on=date(2020, 1, 1), minutes="")
    documents: list[str] = []
    monkeypatch.setattr(QTextDocument, "setHtml", lambda doc, text: documents.append(text))
    view = _view(qtbot, ctx)
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("meeting"))
    resets: list[None] = []
    view.model.modelReset.connect(lambda: resets.append(None))
    inserts: list[None] = []
    view.model.rowsInserted.connect(lambda *_: inserts.append(None))
    delegate = view.tree.itemDelegate()
    assert isinstance(delegate, HighlightDelegate)
    _search(view, "見守り", "meeting")
    assert documents == []  # no rich text parsed to draw a hit
    assert len(resets) == 1 and not inserts  # filled once
    hits = view.model.rowCount(view.model.index(0, 0))
    assert hits == 46
    # At most one layout per hit for its height, and one per hit painted on screen.
    visible = sum(
        1
        for row in range(hits)
        if view.tree.visualRect(view.model.index(row, 0, view.model.index(0, 0))).intersects(
            view.tree.viewport().rect()
        )
    )
    first = delegate.layouts
    assert 0 < visible < hits and first <= 2 * hits
    view.grab()  # painting again lays out only the hits on screen (heights are kept)
    assert delegate.layouts - first <= visible
    # The hostile title stays literal text, its match marked by a span, not a tag.
    group = view.model.index(0, 0)
    last = view.model.index(hits - 1, 0, group)
    lines = last.data(LINES_ROLE)
    assert isinstance(lines, HitLines)
    assert lines.text.startswith(HOSTILE) and LINE_BREAK not in lines.text  # the title matched
    (start, length, _style) = next(s for s in lines.spans if s[2] == "title_match")
    assert lines.text[start : start + length] == "見守り"
    assert last.data(Qt.ItemDataRole.DisplayRole) == HOSTILE
    # A minutes hit: title and date on the first line, the snippet (match marked) below.
    lines = view.model.index(0, 0, group).data(LINES_ROLE)
    title, snippet = lines.text.split(LINE_BREAK)
    assert title.startswith("定例会44") and "見守り活動" in snippet
    (start, length, _style) = next(s for s in lines.spans if s[2] == "match")
    assert lines.text[start : start + length] == "見守り"
    assert view.results is not None
    model = SearchResultModel(ctx.dates)  # the same results in a model the test owns
    model.show_results(view.results)
    qtmodeltester.check(model, force_py=True)
    view.tree.setCurrentIndex(view.model.index(0, 0, group))
    assert view.model.hit_at(view.tree.currentIndex()) is not None
    assert view.model.parent(QModelIndex()) == QModelIndex()


def test_an_empty_query_clears_the_model(
    qtbot: QtBot, ctx: UiContext, services: Services, make: Factory
) -> None:
    _meetings(make, 2, 0)
    view = _view(qtbot, ctx)
    _search(view, "見守り")
    assert view.model.rowCount() == 1
    view.query_edit.clear()
    view.run()
    assert view.model.rowCount() == 0 and view.results is None
