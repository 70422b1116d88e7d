"""The sync server's HTTP API as the desk calls it (standard library only, no Qt).

Every request carries the desk's schema revision; after :meth:`login` the
bearer token. A refusal with a body ``{"error": {code, message}}`` becomes a
:class:`SyncError` with the server's Japanese message (a message the window
translates when the server sent its ``template`` and ``values``); a network failure one
with a message of its own. Nothing is retried here: the worker decides.
"""

from __future__ import annotations

import http.client
import json
import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, from_server

_LARGE_BODY = 1024 * 1024
"""A request body from which a connection reset is taken for a refusal of its size."""

DEFAULT_TIMEOUT = 60.0
"""Seconds a request may wait for the server before the desk calls itself offline."""

SLOWEST_UPLOAD = 16 * 1024
"""Bytes per second a request's body is given on top of the timeout: a 4 MB push on a
slow line (about 128 kbit/s), or a server applying it slowly, is not cut at 60 s."""


def request_timeout(base: float, body_bytes: int) -> float:
    """One request's timeout: ``base`` plus the time its body may take to go and be applied."""
    return base + body_bytes / SLOWEST_UPLOAD


def sync_text(source: str, /, **args: Any) -> Message:
    """A message of the sync (context ``sync``; ``source`` marked with QT_TRANSLATE_NOOP)."""
    return Message("sync", source, **args)


class SyncError(Exception):
    """A round could not finish; ``message`` is Japanese, ``code`` the server's code."""

    def __init__(self, message: str, *, code: str = "", status: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


class ServerClient:
    """One desk talking to one server."""

    def __init__(
        self, base_url: str, *, schema_revision: str, timeout: float | None = None
    ) -> None:
        parsed = urllib.parse.urlparse(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise SyncError(
                sync_text(
                    QT_TRANSLATE_NOOP("sync", "サーバーのアドレスが正しくありません: {url}"),
                    url=base_url,
                )
            )
        self.base_url = base_url.rstrip("/")
        self.schema_revision = schema_revision
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.token: str | None = None
        self.account: dict[str, Any] = {}
        """Who the login is (``name``, ``role``, ``profile_id``), as the server answered."""

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        data: bytes | None = None,
        content_type: str = "application/json",
    ) -> Any:
        """The parsed JSON answer (or raw bytes for ``application/octet-stream``)."""
        headers = self._headers(content_type)
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(
            self.base_url + path, data=data, method=method, headers=headers
        )
        try:
            timeout = request_timeout(self.timeout, len(data or b""))
            with urllib.request.urlopen(request, timeout=timeout) as response:
                raw = response.read()
                kind = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            raise _refusal(error) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, ConnectionResetError | BrokenPipeError) and (
                len(data or b"") > _LARGE_BODY
            ):
                # A server refusing a body over its limit answers and closes before
                # reading it: the desk sees the connection reset, not the answer.
                raise SyncError(
                    sync_text(
                        QT_TRANSLATE_NOOP(
                            "sync",
                            "送信するデータ(約 {size} MB)が大きすぎてサーバーに受け付けられませんでした。変更は未送信のまま残っています。",  # noqa: E501
                        ),
                        size=f"{len(data or b'') / (1024 * 1024):.1f}",
                    ),
                    code="request_too_large",
                ) from None
            raise SyncError(
                sync_text(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "サーバーに接続できません({reason})。ネットワークを確認してください。",
                    ),
                    reason=str(reason),
                ),
                code="offline",
            ) from None
        if kind.startswith("application/octet-stream"):
            return raw
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            raise SyncError(
                sync_text(QT_TRANSLATE_NOOP("sync", "サーバーの応答を読めませんでした")),
                code="bad_response",
            ) from None

    def _headers(self, content_type: str = "application/json") -> dict[str, str]:
        headers = {"X-Schema-Revision": self.schema_revision, "Content-Type": content_type}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def download(self, path: str, target: Path) -> dict[str, str]:
        """Stream a file answer into ``target`` (never held in memory); returns its headers."""
        request = urllib.request.Request(
            self.base_url + path, method="GET", headers=self._headers()
        )
        try:
            with (
                urllib.request.urlopen(request, timeout=self.timeout) as response,
                target.open("wb") as out,
            ):
                shutil.copyfileobj(response, out, 1 << 20)
                return dict(response.headers.items())
        except urllib.error.HTTPError as error:
            raise _refusal(error) from None
        except (
            urllib.error.URLError,
            TimeoutError,
            ConnectionError,
            http.client.HTTPException,
        ) as error:
            reason = getattr(error, "reason", error)
            raise SyncError(
                sync_text(
                    QT_TRANSLATE_NOOP(
                        "sync",
                        "サーバーから受信できませんでした({reason})。ネットワークを確認してください。",
                    ),
                    reason=str(reason),
                ),
                code="offline",
            ) from None

    def snapshot(self, target: Path) -> int:
        """Download the server's snapshot (gzip SQLite) into ``target``; returns its cursor."""
        headers = self.download("/v1/snapshot", target)
        cursor = {k.lower(): v for k, v in headers.items()}.get("x-snapshot-cursor", "")
        if not cursor.isdigit():
            raise SyncError(
                sync_text(
                    QT_TRANSLATE_NOOP("sync", "サーバーのスナップショットを読めませんでした")
                ),
                code="bad_response",
            )
        return int(cursor)

    def login(self, user: str, password: str, *, device_id: str, device_name: str) -> None:
        answer = self.request(
            "POST",
            "/v1/login",
            {
                "user": user,
                "password": password,
                "device_id": device_id,
                "device_name": device_name,
            },
        )
        self.token = str(answer["token"])
        self.account = dict(answer.get("user") or {})

    def push(
        self,
        incarnation: str,
        transactions: list[dict[str, Any]],
        *,
        pull_cursor: int | None = None,
    ) -> list[dict[str, Any]]:
        """``pull_cursor``: the desk's, so the server does not send its own values back."""
        body: dict[str, Any] = {"incarnation": incarnation, "transactions": transactions}
        if pull_cursor is not None:
            body["pull_cursor"] = pull_cursor
        answer = self.request("POST", "/v1/push", body)
        return list(answer["results"])

    def pull(self, after: int, limit: int, *, incarnation: str | None = None) -> dict[str, Any]:
        """``incarnation``: this file's, so the values it pushed itself are left out."""
        echo = f"&incarnation={incarnation}" if incarnation else ""
        return dict(self.request("GET", f"/v1/pull?after={after}&limit={limit}{echo}"))

    def conflicts(self) -> list[dict[str, Any]]:
        return list(self.request("GET", "/v1/conflicts")["conflicts"])

    def resolve_conflict(self, conflict_id: str) -> None:
        """Tell the server a conflict was decided (the decision is an ordinary edit)."""
        self.request("POST", f"/v1/conflicts/{conflict_id}/resolve", {})

    def history(self, table: str, row_id: str) -> list[dict[str, Any]]:
        """The server's change history of one record, oldest first."""
        return list(self.request("GET", f"/v1/history/{table}/{row_id}")["changes"])

    def put_blob(self, digest: str, content: bytes) -> None:
        self.request(
            "PUT", f"/v1/blobs/{digest}", data=content, content_type="application/octet-stream"
        )

    def get_blob(self, digest: str) -> bytes:
        content = self.request("GET", f"/v1/blobs/{digest}")
        if not isinstance(content, bytes):
            raise SyncError(
                sync_text(QT_TRANSLATE_NOOP("sync", "添付ファイルの内容を受け取れませんでした")),
                code="bad_response",
            )
        return content


def _refusal(error: urllib.error.HTTPError) -> SyncError:
    try:
        body = json.loads(error.read() or b"null")
    except ValueError:
        body = None
    if error.code == 413:
        return SyncError(
            sync_text(
                QT_TRANSLATE_NOOP(
                    "sync",
                    "送信するデータが大きすぎてサーバーに受け付けられませんでした。変更は未送信のまま残っています。",
                )
            ),
            code="request_too_large",
            status=413,
        )
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        detail = body["error"]
        return SyncError(
            from_server(
                detail.get("message") or detail.get("code"),
                detail.get("template"),
                detail.get("values"),
            ),
            code=str(detail.get("code", "")),
            status=error.code,
        )
    return SyncError(
        sync_text(
            QT_TRANSLATE_NOOP("sync", "サーバーがエラーを返しました(HTTP {status})"),
            status=error.code,
        ),
        status=error.code,
    )
