"""The 変更履歴 rows without a server: the form's field labels and list texts, a
creation as one row, shortened text, and a desk without sync (no banner button)."""

from __future__ import annotations

import uuid

from pytestqt.qtbot import QtBot

from coordinator_app.domain.enums import OrgKind
from coordinator_app.domain.models import Organisation
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import enum_label
from coordinator_app.ui.organisations.organisation_editor import OrganisationEditor
from coordinator_app.ui.sync.conflict_banner import ConflictBanner
from coordinator_app.ui.sync.history_tab import (
    FieldNames,
    HistoryTab,
    change_text,
    history_entries,
    shorten,
)


def _change(field: str, old: object, new: object, *, op: str = "update", tx: int = 2) -> dict:
    return {
        "seq": tx * 10,
        "server_tx": tx,
        "op": op,
        "field": field,
        "old": old,
        "new": new,
        "actor": "sato",
        "device": str(uuid.uuid4()),
        "device_name": "市役所PC",
        "at": "2026-05-01T05:03:00Z",
    }


def test_rows_use_the_forms_labels_and_list_texts(qtbot: QtBot, ctx: UiContext) -> None:
    editor = OrganisationEditor(ctx)
    qtbot.addWidget(editor)
    names = FieldNames(editor)
    changes = [
        _change("name", None, "地域包括支援センター", op="insert", tx=1),
        _change("kind", None, "support_center", op="insert", tx=1),
        _change("updated_at", None, "2026-05-01T05:03:00Z", op="insert", tx=1),
        _change("kind", "support_center", "npo"),
        _change("phone", "03-1234-5678", None),
        _change("updated_at", "x", "y"),
    ]
    rows = history_entries(changes, names)
    assert [r.field for r in rows] == ["電話番号", "種別", "(新規作成)"]  # newest first
    assert (rows[0].old, rows[0].new) == ("03-1234-5678", "(空欄)")
    assert (rows[1].old, rows[1].new) == (
        enum_label(OrgKind.SUPPORT_CENTER),
        enum_label(OrgKind.NPO),
    )
    assert rows[2].created
    assert rows[2].new == f"名称: 地域包括支援センター\n種別: {enum_label(OrgKind.SUPPORT_CENTER)}"
    assert change_text(rows[0]) == "03-1234-5678 → (空欄)"
    assert rows[0].device == "市役所PC" and rows[0].actor == "sato"
    assert editor.tabs is not None
    assert editor.tabs.tabText(editor.tabs.count() - 1) == "変更履歴"
    assert isinstance(editor.findChild(HistoryTab), HistoryTab)


def test_long_text_is_one_shortened_line() -> None:
    assert shorten("短い") == "短い"
    assert shorten("一行目\n二行目") == "一行目…"
    long = "あ" * 100
    assert shorten(long) == "あ" * 29 + "…"


def test_the_banner_follows_the_local_conflicts_without_a_server(
    qtbot: QtBot, ctx: UiContext
) -> None:
    organisation = ctx.services.organisations.save(
        Organisation(name="社会福祉協議会", kind=OrgKind.SOCIAL_WELFARE_COUNCIL)
    )
    editor = OrganisationEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.load(organisation.id)
    banner = editor.findChild(ConflictBanner)
    assert isinstance(banner, ConflictBanner)
    assert not banner.isVisible()
    # A conflict written as a round writes it, then published as the worker does.
    with ctx.services.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict (id, table_name, row_id, field, kind, base_value,"
            " pushed_value, current_value, client_tx, user_name, at)"
            " VALUES ('c1', 'organisation', ?, 'phone', 'field', 'null', '\"1\"', '\"2\"',"
            " NULL, 'sato', '2026-05-01T05:03:00Z')",
            (organisation.id.hex,),
        )
    from coordinator_app.domain.changes import Changes, Origin
    from coordinator_app.domain.record_kind import RecordKind

    ctx.services.db.changes.publish(
        Changes.of(RecordKind.ORGANISATION, [organisation.id], origin=Origin.SYNC)
    )
    qtbot.waitUntil(banner.isVisible)
    assert banner.label.text() == "この記録には未解決の競合があります（1件）"
    # Outside a main window with sync there is no dialog to open: no button either.
    assert not banner.button.isVisible()
    assert banner.open_conflicts() is None
