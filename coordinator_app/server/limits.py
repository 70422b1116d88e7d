"""Limits: request sizes (plain ASGI middleware) and requests per account.

A request whose declared or actual body exceeds its limit is answered 413
with the usual coded error before any handler runs; the body is read at most
up to the limit, so an endless upload cannot fill the memory.

:class:`RateLimit` counts an expensive request (the snapshot) per account in a
sliding window, in the running API's memory (a restart forgets the counts).
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Hashable, MutableMapping
from typing import Any

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, server_text
from coordinator_app.server.errors import ApiError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    def __init__(
        self, app: ASGIApp, *, default_limit: int, prefix_limits: dict[str, int] | None = None
    ) -> None:
        self.app = app
        self.default_limit = default_limit
        self.prefix_limits = prefix_limits or {}

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.prefix_limits.items():
            if path.startswith(prefix):
                return limit
        return self.default_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                await _refuse(send, ApiError("malformed_request"))
                return
            if too_big:
                await _refuse(send, ApiError("request_too_large", limit_bytes=limit))
                return
        chunks: list[bytes] = []
        total = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            total += len(body)
            if total > limit:
                await _refuse(send, ApiError("request_too_large", limit_bytes=limit))
                return
            chunks.append(body)
            more = bool(message.get("more_body", False))
        buffered: Message | None = {
            "type": "http.request",
            "body": b"".join(chunks),
            "more_body": False,
        }

        async def replay() -> Message:
            nonlocal buffered
            if buffered is not None:
                message, buffered = buffered, None
                return message
            return await receive()

        await self.app(scope, replay, send)


async def _refuse(send: Send, error: ApiError) -> None:
    body = json.dumps(error.body(), ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": error.status,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RateLimit:
    """At most ``count`` requests per ``window`` seconds for each key (0: no limit).

    Thread-safe; ``clock`` is a monotonic clock in seconds (a test passes its own).
    """

    def __init__(
        self, count: int, window: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.count = count
        self.window = window
        self.clock = clock
        self._seen: dict[Hashable, deque[float]] = {}
        self._lock = threading.Lock()

    def take(self, key: Hashable) -> float | None:
        """Count one request of ``key``: None when allowed, else seconds until it would be."""
        if self.count <= 0:
            return None
        now = self.clock()
        with self._lock:
            seen = self._seen.setdefault(key, deque())
            while seen and now - seen[0] >= self.window:
                seen.popleft()
            if len(seen) >= self.count:
                return max(seen[0] + self.window - now, 0.0)
            seen.append(now)
            return None


def snapshot_rate_limited(limit: RateLimit, wait: float) -> tuple[ApiError, dict[str, str]]:
    """The 429 refusal of a snapshot request over ``limit`` and its ``Retry-After`` header."""
    seconds = max(1, math.ceil(wait))
    minutes = max(1, math.ceil(seconds / 60))
    window = limit.window
    if window >= 3600 and window % 3600 == 0:
        message = server_text(
            QT_TRANSLATE_NOOP(
                "server",
                "初期データ(スナップショット)の取得は{hours}時間に{count}回までです。"
                "約{minutes}分後にやり直してください",
            ),
            hours=int(window // 3600),
            count=limit.count,
            minutes=minutes,
        )
    else:
        message = server_text(
            QT_TRANSLATE_NOOP(
                "server",
                "初期データ(スナップショット)の取得は{window}分に{count}回までです。"
                "約{minutes}分後にやり直してください",
            ),
            window=max(1, math.ceil(window / 60)),
            count=limit.count,
            minutes=minutes,
        )
    error = ApiError("snapshot_rate_limited", message, retry_after_seconds=seconds)
    return error, {"Retry-After": str(seconds)}
