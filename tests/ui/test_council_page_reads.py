"""The council page reads the municipality's tier names once when it is built
(issue 16): the tier field filled itself, then the form's first load filled it again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from coordinator_app.storage.database import Database
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.councils.council_page import CouncilPage
from tests.statements import counting


def test_the_council_page_reads_the_tier_names_once(
    qtbot: QtBot, ctx: UiContext, db: Database
) -> None:
    with counting(db) as statements:
        page = CouncilPage(ctx)
        qtbot.addWidget(page)
    settings = [s for s in statements if "FROM setting" in s]
    assert len(settings) == 1, settings
    combo = page.editor.tier_field.combo  # type: ignore[attr-defined]
    assert [combo.itemText(i) for i in range(combo.count())][:3] == ["第1層", "第2層", "第3層"]
