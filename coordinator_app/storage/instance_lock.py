"""One app instance per database file.

Two app instances on one file are kept apart by :class:`InstanceLock`, an
advisory lock on ``<file>.lock`` that the operating system releases when the
holder dies (even on SIGKILL). The second instance opens the file read-only
(:func:`coordinator_app.storage.read_only.open_read_only`) or waits
(:func:`wait_for_instance_lock`). SQLite's own locking and the IMMEDIATE
write transactions keep the file consistent even if the lock is not honoured
(a network drive), which is why such a location gets a warning rather than a
refusal.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class LockHolder:
    """Who holds the instance lock, as the holder wrote it into the lock file."""

    pid: int | None = None
    host: str = ""
    user: str = ""
    since: str = ""

    def describe(self) -> str:
        """``このパソコン(pid 1234)`` or ``パソコン「PC-12」``, for messages (a message)."""
        if not self.host and self.pid is None:
            return Message("open", QT_TRANSLATE_NOOP("open", "別のウィンドウ"))
        if self.host and self.host != socket.gethostname():
            return Message(
                "open", QT_TRANSLATE_NOOP("open", "別のパソコン「{host}」"), host=self.host
            )
        if self.pid is not None:
            return Message(
                "open",
                QT_TRANSLATE_NOOP("open", "このパソコンの別のウィンドウ(プロセス {pid})"),
                pid=self.pid,
            )
        return Message("open", QT_TRANSLATE_NOOP("open", "このパソコンの別のウィンドウ"))


def in_use_message(path: Path, holder: LockHolder | None) -> str:
    who = (
        holder.describe()
        if holder
        else Message("open", QT_TRANSLATE_NOOP("open", "別のウィンドウ"))
    )
    return Message(
        "open",
        QT_TRANSLATE_NOOP(
            "open",
            "データベース「{name}」は{who}で開かれています。"
            "同時に書き込むとデータを守れないため、読み取り専用で開くか、"
            "相手が閉じるまで待つことができます。",
        ),
        name=path.name,
        who=who,
    )


class InstanceLock:
    """An advisory lock on ``<database>.lock`` held while the app has the file open.

    The operating system drops the lock when the holding process ends, however
    it ends, so a crash never leaves the file "in use".
    """

    def __init__(self, db_path: Path | str) -> None:
        db_path = Path(db_path)
        self.path = db_path.with_name(db_path.name + LOCK_SUFFIX)
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock if free; True when held afterwards. Never blocks."""
        if self._handle is not None:
            return True
        try:
            handle = self.path.open("a+b")
        except OSError:
            # No lock file possible (read-only folder): nobody can write here anyway.
            return False
        if not _try_lock(handle):
            handle.close()
            return False
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _user_name(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info).encode("utf-8"))
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            handle.seek(0)
            handle.truncate()
            _unlock(handle)
        finally:
            handle.close()

    def probe(self) -> LockHolder | None:
        """Who holds the lock, or None when it is free (or held by this object)."""
        if self._handle is not None or not self.path.exists():
            return None
        try:
            handle = self.path.open("rb")
        except OSError:
            return None
        try:
            if _try_lock(handle, shared=True):
                _unlock(handle)
                return None
        finally:
            handle.close()
        return self._read_holder()

    def _read_holder(self) -> LockHolder:
        try:
            info: dict[str, Any] = json.loads(self.path.read_bytes().decode("utf-8") or "{}")
        except (OSError, ValueError):
            info = {}
        pid = info.get("pid")
        return LockHolder(
            pid=pid if isinstance(pid, int) else None,
            host=str(info.get("host", "")),
            user=str(info.get("user", "")),
            since=str(info.get("since", "")),
        )

    def __enter__(self) -> InstanceLock:
        if not self.acquire():
            raise InstanceLockedError(Path(str(self.path)[: -len(LOCK_SUFFIX)]), self.probe())
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


class InstanceLockedError(RuntimeError):
    """Another instance has the database open."""

    def __init__(self, db_path: Path, holder: LockHolder | None) -> None:
        super().__init__(in_use_message(db_path, holder))
        self.holder = holder


def _user_name() -> str:
    for key in ("USERNAME", "USER", "LOGNAME"):
        if os.environ.get(key):
            return os.environ[key]
    return ""


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    # Lock one byte far past the JSON, so other processes can still read the holder.
    _LOCK_OFFSET = 1 << 20

    def _try_lock(handle: IO[bytes], *, shared: bool = False) -> bool:
        handle.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(_LOCK_OFFSET)
        with suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # flock (not fcntl/lockf): it conflicts between two opens in one process too,
    # so two instances are told apart even inside one test process.
    def _try_lock(handle: IO[bytes], *, shared: bool = False) -> bool:
        flags = (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB
        try:
            fcntl.flock(handle.fileno(), flags)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def wait_for_instance_lock(
    lock: InstanceLock,
    *,
    timeout_s: float,
    poll_s: float = 0.2,
    keep_waiting: Callable[[], bool] = lambda: True,
) -> bool:
    """Poll until ``lock`` is acquired, ``timeout_s`` passes or ``keep_waiting`` says stop."""
    deadline = time.monotonic() + timeout_s
    while True:
        if lock.acquire():
            return True
        if time.monotonic() >= deadline or not keep_waiting():
            return False
        time.sleep(poll_s)
