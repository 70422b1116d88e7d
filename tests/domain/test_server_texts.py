"""Issue 18: the sync server's texts travel with their template and values, so that a
desk in English shows them in English; old rows and a newer server's unknown texts
show the server's Japanese as before."""

from __future__ import annotations

import json

from coordinator_app.domain.texts import (
    SERVER,
    Message,
    from_server,
    from_stored,
    render,
    server_text,
    stored_form,
    wire_form,
)
from coordinator_app.server.errors import CATALOGUE, ApiError
from coordinator_app.server.policy import Refusal

ENGLISH = {
    (SERVER, "同期できない表です: {table}"): "This table cannot be synced: {table}",
    (SERVER, "ユーザー名またはパスワードが違います"): "The user name or password is incorrect",
}


def english(context: str, source: str, _n: int) -> str:
    return ENGLISH.get((context, source), source)


def test_a_server_text_goes_on_the_wire_with_its_template_and_values() -> None:
    refusal = Refusal("unknown_table", server_text("同期できない表です: {table}", table="x"))
    form = wire_form(refusal.message)
    assert form == {
        "message": "同期できない表です: x",
        "template": "同期できない表です: {table}",
        "values": {"table": "x"},
    }
    json.dumps(form)  # the body is plain JSON
    body = ApiError("bad_credentials").body()["error"]
    assert body["message"] == "ユーザー名またはパスワードが違います"  # old desks read this
    assert body["template"] == CATALOGUE["bad_credentials"][1]
    assert body["values"] == {}
    # A text that is no server message goes as it is, without a template.
    assert wire_form("ただの文") == {"message": "ただの文"}


def test_the_desk_translates_what_the_server_sent_and_keeps_its_japanese() -> None:
    shown = from_server("同期できない表です: x", "同期できない表です: {table}", {"table": "x"})
    assert shown == "同期できない表です: x"  # the Japanese window: exactly the server's text
    assert isinstance(shown, Message)
    assert render(shown, english) == "This table cannot be synced: x"


def test_a_newer_servers_unknown_template_shows_the_servers_text() -> None:
    shown = from_server(
        "新しいサーバーの理由: 北部", "新しいサーバーの理由: {area}", {"area": "北部"}
    )
    assert render(shown, english) == "新しいサーバーの理由: 北部"
    # A template whose values do not fit, or values of an odd kind: the server's text.
    assert render(from_server("理由", "理由 {missing}", {}), english) == "理由"
    assert from_server("理由", "理由 {x}", {"x": {"nested": 1}}) == "理由"
    assert not isinstance(from_server("理由", "理由 {x}", {"x": {"nested": 1}}), Message)
    # An old server sends no template: the text as it came.
    assert not isinstance(from_server("古いサーバーの理由"), Message)
    assert from_server(None) == ""


def test_a_refusal_is_stored_in_the_text_column_and_read_back() -> None:
    shown = from_server("同期できない表です: x", "同期できない表です: {table}", {"table": "x"})
    stored = stored_form(shown)
    assert json.loads(stored)["template"] == "同期できない表です: {table}"
    back = from_stored(stored)
    assert back == "同期できない表です: x"
    assert render(back, english) == "This table cannot be synced: x"
    # Rows stored before (the Japanese alone) and texts without a template stay as they are.
    assert stored_form("古いサーバーの理由") == "古いサーバーの理由"
    assert from_stored("古いサーバーの理由") == "古いサーバーの理由"
    assert from_stored("{壊れた") == "{壊れた"
    assert from_stored('{"other": 1}') == '{"other": 1}'
    assert from_stored(None) == ""
