"""Checks before a database file is opened, and one app instance per file.

:func:`check_database` looks at a file without ever writing to it: the
SQLite header, a ``PRAGMA quick_check`` on a read-only (or immutable)
connection, the file's permissions, SQLite's own locks and our instance lock.
Its answer carries a plain Japanese message for the user.

Two app instances on one file are kept apart by :class:`InstanceLock`, an
advisory lock on ``<file>.lock`` that the operating system releases when the
holder dies (even on SIGKILL). The second instance opens the file read-only
(:func:`open_read_only`) or waits (:func:`wait_for_instance_lock`). SQLite's
own locking and the IMMEDIATE write transactions keep the file consistent
even if the lock is not honoured (a network drive), which is why such a
location gets a warning rather than a refusal.
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session

from coordinator_app.domain.validation import ValidationError
from coordinator_app.storage.database import Database
from coordinator_app.storage.engine import BUSY_TIMEOUT_MS
from coordinator_app.storage.locations import MountPoint, storage_warning
from coordinator_app.storage.schema import (
    NotOurDatabaseError,
    SchemaReport,
    SchemaTooNewError,
    head_revision,
    refuse_if_too_new,
)
from coordinator_app.storage.schema_check import describe_differences, schema_differences

if TYPE_CHECKING:
    from coordinator_app.storage.backup import BackupInfo

SQLITE_HEADER = b"SQLite format 3\x00"
CHECK_TIMEOUT_S = 2.0
LOCK_SUFFIX = ".lock"
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


class OpenStatus(StrEnum):
    """What :func:`check_database` found."""

    OK = "ok"
    NEW = "new"
    EMPTY = "empty"
    DAMAGED = "damaged"
    NOT_A_DATABASE = "not_a_database"
    FOREIGN = "foreign"
    ALTERED = "altered"
    """Our schema version, but with triggers, views or columns this app does not make."""
    CANNOT_CREATE = "cannot_create"
    """No file yet, and its folder cannot be created or written to."""
    TOO_NEW = "too_new"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    IN_USE = "in_use"
    UNREADABLE = "unreadable"


# Statuses where the file must not be written to; a backup may be offered instead.
BROKEN = frozenset(
    {OpenStatus.DAMAGED, OpenStatus.NOT_A_DATABASE, OpenStatus.EMPTY, OpenStatus.ALTERED}
)


@dataclass(frozen=True)
class LockHolder:
    """Who holds the instance lock, as the holder wrote it into the lock file."""

    pid: int | None = None
    host: str = ""
    user: str = ""
    since: str = ""

    def describe(self) -> str:
        """``このパソコン(pid 1234)`` or ``パソコン「PC-12」``, for messages."""
        if not self.host and self.pid is None:
            return "別のウィンドウ"
        if self.host and self.host != socket.gethostname():
            return f"別のパソコン「{self.host}」"
        text = "このパソコンの別のウィンドウ"
        return f"{text}(プロセス {self.pid})" if self.pid is not None else text


@dataclass(frozen=True)
class OpenCheck:
    """The verdict on a database file, with what to tell the user.

    Attributes:
        status: what was found.
        message: a plain Japanese explanation ("" when all is well).
        detail: the technical reason (SQLite's message), for a details box.
        warnings: Japanese warnings that do not stop opening (network drive).
        holder: who has the file open, for ``IN_USE``.
    """

    path: Path
    status: OpenStatus
    message: str = ""
    detail: str = ""
    warnings: tuple[str, ...] = ()
    holder: LockHolder | None = None
    deep_check_pending: bool = False
    """True when the file was too big for a full quick_check before opening:
    run :func:`quick_check_file` in the background once the window is up."""

    @property
    def can_open(self) -> bool:
        """True when the file can be opened for writing as it is."""
        return self.status in (OpenStatus.OK, OpenStatus.NEW)

    @property
    def can_open_read_only(self) -> bool:
        return self.status in (OpenStatus.READ_ONLY, OpenStatus.IN_USE)

    @property
    def offers_backup(self) -> bool:
        """True when restoring a backup is the way out."""
        return self.status in BROKEN


def _messages(path: Path) -> dict[OpenStatus, str]:
    keep = "このファイルには書き込まず、そのまま残しています。"
    return {
        OpenStatus.EMPTY: f"データベースファイル「{path.name}」が空(0バイト)です。"
        "保存の途中で止まったか、コピーに失敗した可能性があります。" + keep,
        OpenStatus.DAMAGED: f"データベースファイル「{path.name}」が壊れています。" + keep,
        OpenStatus.NOT_A_DATABASE: f"ファイル「{path.name}」はデータベースとして読めません"
        "(データベースではないか、先頭部分が壊れています)。" + keep,
        OpenStatus.READ_ONLY: f"データベースファイル「{path.name}」は読み取り専用です"
        "(ファイルの属性、フォルダーの権限、または書き込めない場所)。"
        "内容は見られますが、変更は保存できません。",
        OpenStatus.LOCKED: f"ほかのプログラムがデータベース「{path.name}」を使用中(ロック中)の"
        "ため開けません。しばらく待ってからもう一度開いてください。",
        OpenStatus.UNREADABLE: f"データベースファイル「{path.name}」を読み込めません"
        "(アクセス権がないか、場所に接続できません)。",
        OpenStatus.CANNOT_CREATE: f"データベースファイル「{path.name}」を作れません。"
        f"フォルダー「{path.parent}」を作成できないか、書き込みが許可されていません。"
        "フォルダーの権限を確認するか、--db で書き込める場所のファイルを指定してください。",
    }


def in_use_message(path: Path, holder: LockHolder | None) -> str:
    who = holder.describe() if holder else "別のウィンドウ"
    return (
        f"データベース「{path.name}」は{who}で開かれています。"
        "同時に書き込むとデータを守れないため、読み取り専用で開くか、"
        "相手が閉じるまで待つことができます。"
    )


# -- probes (none of them writes to the file) ---------------------------------------


def side_files(path: Path) -> list[Path]:
    """The SQLite side files (-wal, -shm, -journal) of ``path`` that exist."""
    return [p for p in (path.with_name(path.name + s) for s in SIDE_FILE_SUFFIXES) if p.exists()]


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` without any possibility of writing to it.

    Without side files nobody has the file open, so ``immutable`` reads it
    without creating -wal/-shm files next to it; with side files a read-only
    connection honours the other connection's locks and its committed WAL.
    """
    base = path.resolve().as_uri()
    return f"{base}?mode=ro" if side_files(path) else f"{base}?immutable=1"


FULL_CHECK_LIMIT = 256 * 1024 * 1024
"""Files up to this size get SQLite's quick_check (which reads the whole file)
before opening; bigger ones get a structural check first (header, size against
the page count, the schema readable) and the quick_check in the background,
so that a large archive does not take seconds to start."""


def structural_check_file(path: Path) -> str | None:
    """A fast check for big files: the schema is readable and the file is not
    shorter than SQLite's page count says (a truncated copy)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=CHECK_TIMEOUT_S)
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if _is_locked(exc) or "unable to open" in str(exc):
                raise
            return str(exc)
        wal = path.with_name(path.name + "-wal")
        if pages * page_size > path.stat().st_size and not wal.exists():
            return "database disk image is malformed (file shorter than its page count)"
        return None
    finally:
        conn.close()


def quick_check_file(path: Path, *, full: bool = False) -> str | None:
    """None when SQLite finds ``path`` sound, else the first problem it reports.

    Raises:
        sqlite3.OperationalError: the file is locked or cannot be opened.
    """
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=CHECK_TIMEOUT_S)
    try:
        pragma = "integrity_check" if full else "quick_check"
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        except sqlite3.DatabaseError as exc:
            if _is_locked(exc) or "unable to open" in str(exc):
                raise
            return str(exc)
        if rows == [("ok",)]:
            return None
        return "; ".join(str(r[0]) for r in rows[:5])
    finally:
        conn.close()


def _is_locked(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _header_status(path: Path) -> tuple[OpenStatus, str] | None:
    with path.open("rb") as fh:
        header = fh.read(100)
    if not header:
        return OpenStatus.EMPTY, "0 bytes"
    if not header.startswith(SQLITE_HEADER):
        return OpenStatus.NOT_A_DATABASE, "no SQLite header"
    if len(header) < 100:
        return OpenStatus.DAMAGED, "header shorter than 100 bytes"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return OpenStatus.DAMAGED, f"invalid page size {page_size}"
    change_counter = header[24:28]
    valid_for = header[92:96]
    page_count = int.from_bytes(header[28:32], "big")
    size = path.stat().st_size
    truncated = change_counter == valid_for and page_count and size < page_count * page_size
    # A non-empty WAL may still hold the missing pages.
    wal_has_pages = any(p.stat().st_size > 0 for p in side_files(path) if p.name.endswith("-wal"))
    if truncated and not wal_has_pages:
        return OpenStatus.DAMAGED, f"file has {size} bytes, header says {page_count} pages"
    return None


def _writable_entry(target: Path) -> bool:
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) and os.access(target, os.W_OK)


def nearest_existing_folder(path: Path) -> Path | None:
    """``path``'s folder, or its nearest ancestor that exists (the one a first start creates
    the missing folders in); None when not even the root can be reached."""
    folder = path.absolute().parent
    for candidate in (folder, *folder.parents):
        try:
            if candidate.is_dir():
                return candidate
            if candidate.exists():
                return None  # a file where a folder must be created
        except OSError:
            return None
    return None


def is_writable(path: Path) -> bool:
    """False for a read-only file or a folder where SQLite cannot create its WAL.

    A file that does not exist yet is writable when its folder can be
    created: the nearest existing ancestor must be writable (a first start
    creates the per-user data folder and any missing parents).

    Permission bits are checked as well as ``os.access`` because the
    superuser passes ``os.access`` on any file.
    """
    if not path.exists():
        folder = nearest_existing_folder(path)
        return folder is not None and _writable_entry(folder)
    if not _writable_entry(path):
        return False
    return folder_is_writable(path)


def folder_is_writable(path: Path) -> bool:
    """True when SQLite can create ``path``'s side files (-wal, -shm) next to it."""
    folder = path.parent
    try:
        return os.access(folder, os.W_OK) and bool(folder.stat().st_mode & stat.S_IWUSR)
    except OSError:
        return False


def _stored_revision(path: Path) -> str | None:
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=CHECK_TIMEOUT_S)
    try:
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(found[0]) if found else None
    finally:
        conn.close()


def _schema_status(path: Path) -> tuple[OpenStatus, str] | None:
    at_head = _stored_revision(path) == head_revision()
    if not at_head:
        try:
            refuse_if_too_new(path)
        except SchemaTooNewError as exc:
            return OpenStatus.TOO_NEW, str(exc)
        except NotOurDatabaseError as exc:
            return OpenStatus.FOREIGN, str(exc)
    problems = schema_problems(path, at_head=at_head)
    if problems:
        return OpenStatus.ALTERED, describe_differences(path.name, problems)
    return None


def schema_problems(path: Path, *, at_head: bool = True) -> list[str]:
    """What in ``path``'s schema this app does not make (see :mod:`.schema_check`)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=CHECK_TIMEOUT_S)
    try:
        return schema_differences(conn, at_head=at_head)
    finally:
        conn.close()


def check_database(
    path: Path | str,
    *,
    lock: InstanceLock | None = None,
    mounts: Sequence[MountPoint] | None = None,
) -> OpenCheck:
    """Judge ``path`` before opening it; never writes to the file.

    Args:
        path: the database file.
        lock: this instance's lock on the file, if already held (then the
            file is not "in use" by us).
        mounts: the mount table for the network check (tests inject one).
    """
    path = Path(path)
    warnings = tuple(w for w in [storage_warning(path, mounts=mounts)] if w)
    messages = _messages(path)

    def verdict(status: OpenStatus, detail: str = "", message: str | None = None) -> OpenCheck:
        return OpenCheck(
            path=path,
            status=status,
            message=messages.get(status, "") if message is None else message,
            detail=detail,
            warnings=warnings,
        )

    if not path.exists():
        if not is_writable(path):
            return verdict(OpenStatus.CANNOT_CREATE, "folder cannot be created or written")
        return verdict(OpenStatus.NEW)
    try:
        found = _header_status(path)
    except OSError as exc:
        return verdict(OpenStatus.UNREADABLE, str(exc))
    if found is not None:
        return verdict(*found)
    deep_pending = path.stat().st_size > FULL_CHECK_LIMIT
    try:
        problem = structural_check_file(path) if deep_pending else quick_check_file(path)
    except sqlite3.DatabaseError as exc:
        if _is_locked(exc):
            return verdict(OpenStatus.LOCKED, str(exc))
        return verdict(OpenStatus.UNREADABLE, str(exc))
    if problem is not None:
        status = OpenStatus.NOT_A_DATABASE if "not a database" in problem else OpenStatus.DAMAGED
        return verdict(status, problem)
    schema_problem = _schema_status(path)
    if schema_problem is not None:
        status, text = schema_problem
        return verdict(status, text, message=text)
    if lock is None or not lock.held:
        holder = InstanceLock(path).probe()
        if holder is not None:
            return OpenCheck(
                path=path,
                status=OpenStatus.IN_USE,
                message=in_use_message(path, holder),
                warnings=warnings,
                holder=holder,
            )
    if not is_writable(path):
        return verdict(OpenStatus.READ_ONLY, "file or folder is not writable")
    return dataclasses.replace(verdict(OpenStatus.OK), deep_check_pending=deep_pending)


# -- one instance per file -------------------------------------------------------


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


# -- opening read-only -------------------------------------------------------------


class ReadOnlyDatabaseError(ValidationError):
    """A write was attempted on a database opened read-only.

    A :class:`ValidationError` (on the pseudo-field ``database``), so a form
    shows it like any refused save instead of crashing.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            {
                "database": f"データベース「{path.name}」は読み取り専用で開いているため、"
                "保存できません。"
            }
        )
        self.path = path


@dataclass
class ReadOnlyDatabase(Database):
    """A database opened for reading only: ``writing()`` refuses before SQLite is touched.

    The connections are opened with ``mode=ro`` and ``query_only`` as well, so
    nothing can write to the file even through the engine directly.
    """

    read_only: bool = field(default=True, init=False)

    @contextmanager
    def writing(self, *, everything: bool = False) -> Iterator[Session]:
        raise ReadOnlyDatabaseError(self.path)
        yield  # pragma: no cover - makes this a generator


def _read_only_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _read_only_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN")


class CannotOpenReadOnlyError(ValidationError):
    """There is no file to read (or it cannot be read at all)."""

    def __init__(self, path: Path, detail: str = "") -> None:
        text = (
            f"データベースファイル「{path.name}」がないため、読み取り専用でも開けません。"
            if not path.exists()
            else f"データベースファイル「{path.name}」を読み取り専用でも開けませんでした。"
        )
        super().__init__({"database": text + (f" 詳細: {detail}" if detail else "")})
        self.path = path


def read_only_open_uri(path: Path) -> str:
    """How to open ``path`` for reading only, wherever it lies.

    ``mode=ro`` honours another connection's locks and WAL, but SQLite must
    be able to create or open the -shm file beside a WAL database; in a
    read-only folder without side files (nobody has the file open, and
    nobody can write there) the file is read as ``immutable`` instead, which
    needs no side file at all (``attempt to write a readonly database``
    otherwise).

    Raises:
        CannotOpenReadOnlyError: there is no file to read, or it cannot be read.
    """
    if not path.is_file():
        raise CannotOpenReadOnlyError(path)
    base = path.resolve().as_uri()
    if not folder_is_writable(path) and not side_files(path):
        return f"{base}?immutable=1"
    uri = f"{base}?mode=ro"
    try:
        probe = sqlite3.connect(uri, uri=True, timeout=CHECK_TIMEOUT_S)
        try:
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        if _is_locked(exc):
            return uri
        if side_files(path) and not path.with_name(path.name + "-shm").exists():
            # A -wal nobody can index (no -shm, none creatable): only the main file is read.
            return f"{base}?immutable=1"
        if "readonly" in str(exc) or "unable to open" in str(exc):
            return f"{base}?immutable=1"
        raise CannotOpenReadOnlyError(path, str(exc)) from exc
    return uri


def open_read_only(path: Path | str) -> ReadOnlyDatabase:
    """Open ``path`` for reading only (second instance, read-only file, folder or medium).

    Raises:
        CannotOpenReadOnlyError: there is no file to read, or it cannot be read.
    """
    path = Path(path)
    uri = read_only_open_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )

    engine = sa.create_engine("sqlite://", creator=connect, poolclass=sa.pool.QueuePool)
    sa.event.listen(engine, "connect", _read_only_connect)
    sa.event.listen(engine, "begin", _read_only_begin)
    return ReadOnlyDatabase(
        path=path,
        engine=engine,
        schema=SchemaReport(created=False, upgraded_from=None, backup_path=None),
    )


def newest_good_backup(db_path: Path, backup_dir: Path | None = None) -> BackupInfo | None:
    """The newest backup of ``db_path`` that passes SQLite's integrity check."""
    # Imported here: backup builds on the probes of this module.
    from coordinator_app.storage.backup import BackupManager

    return BackupManager(db_path, backup_dir).newest_good()
