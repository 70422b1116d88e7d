"""Accounts, devices and tokens; every refusal a coded Japanese error and nothing written."""

from __future__ import annotations

import http.client
import json
import uuid
from typing import Any

import psycopg
import pytest

from coordinator_app.server import app as app_module
from coordinator_app.server import sync
from coordinator_app.server.passwords import token_hash
from tests.server.conftest import ADMIN, REVISION, Client, insert, logged_in, new_user


def _devices(owner: psycopg.Connection) -> int:
    row = owner.execute("SELECT count(*) FROM device").fetchone()
    assert row is not None
    return row[0]


def test_wrong_passwords_are_delayed_then_locked_out(
    api: str, admin: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    delays: list[float] = []
    monkeypatch.setattr(app_module.time, "sleep", delays.append)
    name, password = new_user(admin, "coordinator")
    desk = Client(api)
    for _ in range(3):  # the test server locks after 3 failures
        reply = desk.login(name, "wrong-password")
        assert (reply.status, reply.code) == (401, "bad_credentials")
        assert reply.body["error"]["message"] == "ユーザー名またはパスワードが違います"
    assert delays == [0.01, 0.01, 0.01]
    locked = desk.login(name, password)  # even the right password, for a while
    assert (locked.status, locked.code) == (429, "account_locked")
    assert desk.token is None
    users = {u["name"]: u for u in admin.call("GET", "/v1/users").body["users"]}
    assert users[name]["locked"] is True


def test_an_unknown_user_gets_the_same_answer(api: str) -> None:
    reply = Client(api).login("nobody", "whatever-password")
    assert (reply.status, reply.code) == (401, "bad_credentials")


def test_a_device_is_registered_at_first_login_and_revocable(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    desk = logged_in(api, admin, "coordinator")
    listed = {d["id"]: d for d in admin.call("GET", "/v1/devices").body["devices"]}
    assert listed[desk.device_id]["revoked"] is False
    assert listed[desk.device_id]["name"].endswith("のノートPC")
    assert admin.call("POST", f"/v1/devices/{desk.device_id}/revoke").status == 200
    reply = desk.call("GET", "/v1/pull?after=0")
    assert (reply.status, reply.code) == (403, "device_revoked")
    # The lost laptop cannot log in again either, whoever tries.
    devices = _devices(owner)
    again = Client(api, device_id=desk.device_id)
    user, password = new_user(admin, "coordinator")
    reply = again.login(user, password)
    assert (reply.status, reply.code) == (403, "device_revoked")
    assert _devices(owner) == devices


def test_expired_revoked_and_disabled_tokens_are_refused(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    desk = logged_in(api, admin, "coordinator")
    assert desk.token is not None
    owner.execute(
        "UPDATE access_token SET expires_at = now() - interval '1 day' WHERE token_hash = %s",
        [token_hash(desk.token)],
    )
    reply = desk.call("GET", "/v1/me")
    assert (reply.status, reply.code) == (401, "token_expired")

    desk = logged_in(api, admin, "coordinator")
    assert desk.call("POST", "/v1/logout").status == 200
    assert desk.call("GET", "/v1/me").code == "token_revoked"

    name, password = new_user(admin, "coordinator")
    desk = Client(api)
    desk.login(name, password)
    assert admin.call("POST", f"/v1/users/{name}/disable").status == 200
    assert desk.call("GET", "/v1/me").code == "token_revoked"
    assert Client(api).login(name, password).code == "user_disabled"


@pytest.mark.parametrize(
    ("token", "code"),
    [
        (None, "token_missing"),
        ("garbage", "token_invalid"),
        ("nowhere.abcdef", "token_invalid"),
        ("wakabadai.abcdef", "token_invalid"),
    ],
)
def test_missing_or_unknown_tokens_are_refused(api: str, token: str | None, code: str) -> None:
    reply = Client(api, token=token).call("GET", "/v1/pull?after=0")
    assert (reply.status, reply.code) == (401, code)


def test_an_unknown_municipality_is_refused(api: str, owner: psycopg.Connection) -> None:
    devices = _devices(owner)
    reply = Client(api).login(ADMIN, "irrelevant-password", municipality="nowhere")
    assert (reply.status, reply.code) == (404, "unknown_municipality")
    assert reply.body["error"]["message"] == "指定された自治体はこのサーバーにありません"
    assert _devices(owner) == devices


@pytest.mark.parametrize(
    ("revision", "status", "code"),
    [
        (None, 400, "schema_revision_missing"),
        ("0001", 426, "client_outdated"),
        ("9999", 426, "server_outdated"),
    ],
)
def test_a_schema_revision_outside_the_window_is_refused(
    api: str, admin: Client, owner: psycopg.Connection, revision: str | None, status: int, code: str
) -> None:
    old_desk = Client(api, revision=revision, token=admin.token)
    log = owner.execute("SELECT count(*) FROM change_log").fetchone()
    reply = old_desk.call(
        "POST",
        "/v1/push",
        {
            "incarnation": str(uuid.uuid4()),
            "transactions": [{"tx": 1, "changes": [insert("area", name="x", kind="other")]}],
        },
    )
    assert (reply.status, reply.code) == (status, code)
    assert "アプリ" in reply.body["error"]["message"] or "版" in reply.body["error"]["message"]
    assert owner.execute("SELECT count(*) FROM change_log").fetchone() == log


def test_only_admins_manage_users_and_devices(api: str, admin: Client) -> None:
    desk = logged_in(api, admin, "supervisor")
    for method, path, body in [
        ("GET", "/v1/users", None),
        ("POST", "/v1/users", {"name": "x", "role": "admin", "password": "long-password"}),
        ("GET", "/v1/devices", None),
        ("POST", f"/v1/devices/{desk.device_id}/revoke", None),
    ]:
        reply = desk.call(method, path, body)
        assert (reply.status, reply.code) == (403, "forbidden"), path
    duplicate = admin.call(
        "POST", "/v1/users", {"name": ADMIN, "role": "admin", "password": "long-password"}
    )
    assert (duplicate.status, duplicate.code) == (409, "user_exists")
    short = admin.call(
        "POST", "/v1/users", {"name": "新人", "role": "coordinator", "password": "short"}
    )
    assert (short.status, short.code) == (422, "invalid_value")


@pytest.mark.parametrize(
    ("data", "headers"),
    [
        (b"{not json", {}),
        (b'{"incarnation": "x", "transactions": []}', {}),
        (b'{"incarnation": "%s", "transactions": [{"tx": -1, "changes": []}]}', {}),
        (b"[1, 2, 3]", {}),
    ],
)
def test_malformed_requests_get_a_coded_error(
    api: str, admin: Client, data: bytes, headers: dict[str, str]
) -> None:
    reply = admin.call("POST", "/v1/push", data=data, headers=headers)
    assert (reply.status, reply.code) == (400, "malformed_request")
    assert reply.body["error"]["message"] == "リクエストの形式が正しくありません"


def test_an_oversized_request_is_refused_and_the_server_keeps_serving(
    api: str, admin: Client, owner: psycopg.Connection
) -> None:
    log = owner.execute("SELECT count(*) FROM change_log").fetchone()
    host, port = api.removeprefix("http://").split(":")
    # Declared too large: refused from the headers, before a byte of the body is read.
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    connection.putrequest("POST", "/v1/push")
    for name, value in {
        "Content-Type": "application/json",
        "Content-Length": str(50 * 1024 * 1024),
        "X-Schema-Revision": REVISION,
        "Authorization": f"Bearer {admin.token}",
    }.items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = json.loads(response.read())
    connection.close()
    assert (response.status, body["error"]["code"]) == (413, "request_too_large")
    assert body["error"]["message"] == "送信されたデータが大きすぎます"
    # Sent without a length (chunked): refused once the limit is crossed. The body is
    # a valid push (about 1.5 MB, the test limit is 1 MiB): taken, it would write rows.
    changes = [insert("area", name="地区" * 20, kind="other") for _ in range(8000)]
    payload = json.dumps(
        {"incarnation": str(uuid.uuid4()), "transactions": [{"tx": 1, "changes": changes}]}
    ).encode("utf-8")
    assert len(payload) > 1024 * 1024
    chunks = (payload[i : i + 65536] for i in range(0, len(payload), 65536))
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    headers = {
        "Content-Type": "application/json",
        "X-Schema-Revision": REVISION,
        "Authorization": f"Bearer {admin.token}",
    }
    try:
        connection.request("POST", "/v1/push", body=chunks, headers=headers, encode_chunked=True)
        response = connection.getresponse()
        assert response.status == 413
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered and closed while the client was still sending
    finally:
        connection.close()
    assert owner.execute("SELECT count(*) FROM change_log").fetchone() == log
    assert admin.call("GET", "/v1/health").body["status"] == "ok"


def test_an_unexpected_error_is_never_a_stack_trace(
    api: str, admin: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(sync, "pull", broken)
    reply = admin.call("GET", "/v1/pull?after=0")
    assert (reply.status, reply.code) == (500, "internal_error")
    assert b"secret" not in reply.raw and b"Traceback" not in reply.raw
    assert reply.body["error"]["message"].startswith("サーバー内部でエラー")


def test_unknown_paths_and_methods_are_coded(api: str, admin: Client) -> None:
    assert admin.call("GET", "/v1/nothing-here").code == "not_found"
    assert admin.call("DELETE", "/v1/push").code == "method_not_allowed"
    assert admin.call("GET", "/v1/history/sqlite_master/" + str(uuid.uuid4())).code == ("not_found")
