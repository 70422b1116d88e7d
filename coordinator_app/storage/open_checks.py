"""Checks before a database file is opened.

:func:`check_database` looks at a file without ever writing to it: the
SQLite header, a ``PRAGMA quick_check`` on a read-only (or immutable)
connection, the file's permissions, SQLite's own locks and our instance lock
(:mod:`.instance_lock`). Its answer carries a plain Japanese message for the
user, and the location warnings of :mod:`.locations`.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.storage.instance_lock import InstanceLock, LockHolder, in_use_message
from coordinator_app.storage.locations import (
    MountPoint,
    is_writable,
    side_files,
    storage_warning,
)
from coordinator_app.storage.schema import (
    NotOurDatabaseError,
    SchemaTooNewError,
    head_revision,
    refuse_if_too_new,
)
from coordinator_app.storage.schema_check import describe_differences, schema_differences

SQLITE_HEADER = b"SQLite format 3\x00"
CHECK_TIMEOUT_S = 2.0


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


_KEEP = QT_TRANSLATE_NOOP("open", "このファイルには書き込まず、そのまま残しています。")
_SOURCES = {
    OpenStatus.EMPTY: QT_TRANSLATE_NOOP(
        "open",
        "データベースファイル「{name}」が空(0バイト)です。"
        "保存の途中で止まったか、コピーに失敗した可能性があります。",
    ),
    OpenStatus.DAMAGED: QT_TRANSLATE_NOOP("open", "データベースファイル「{name}」が壊れています。"),
    OpenStatus.NOT_A_DATABASE: QT_TRANSLATE_NOOP(
        "open",
        "ファイル「{name}」はデータベースとして読めません"
        "(データベースではないか、先頭部分が壊れています)。",
    ),
    OpenStatus.READ_ONLY: QT_TRANSLATE_NOOP(
        "open",
        "データベースファイル「{name}」は読み取り専用です"
        "(ファイルの属性、フォルダーの権限、または書き込めない場所)。"
        "内容は見られますが、変更は保存できません。",
    ),
    OpenStatus.LOCKED: QT_TRANSLATE_NOOP(
        "open",
        "ほかのプログラムがデータベース「{name}」を使用中(ロック中)の"
        "ため開けません。しばらく待ってからもう一度開いてください。",
    ),
    OpenStatus.UNREADABLE: QT_TRANSLATE_NOOP(
        "open",
        "データベースファイル「{name}」を読み込めません"
        "(アクセス権がないか、場所に接続できません)。",
    ),
    OpenStatus.CANNOT_CREATE: QT_TRANSLATE_NOOP(
        "open",
        "データベースファイル「{name}」を作れません。"
        "フォルダー「{folder}」を作成できないか、書き込みが許可されていません。"
        "フォルダーの権限を確認するか、--db で書き込める場所のファイルを指定してください。",
    ),
}
_KEPT_AS_IS = {OpenStatus.EMPTY, OpenStatus.DAMAGED, OpenStatus.NOT_A_DATABASE}


def _messages(path: Path) -> dict[OpenStatus, str]:
    """What to tell the user per status, as messages (the UI shows them in its language)."""
    messages: dict[OpenStatus, str] = {}
    for status, source in _SOURCES.items():
        text = Message("open", source, name=path.name, folder=str(path.parent))
        if status in _KEPT_AS_IS:
            text = Message("open", "{text}{keep}", text=text, keep=Message("open", _KEEP))
        messages[status] = text
    return messages


# -- probes (none of them writes to the file) ---------------------------------------


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
            if is_locked_error(exc) or "unable to open" in str(exc):
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
            if is_locked_error(exc) or "unable to open" in str(exc):
                raise
            return str(exc)
        if rows == [("ok",)]:
            return None
        return "; ".join(str(r[0]) for r in rows[:5])
    finally:
        conn.close()


def is_locked_error(exc: BaseException) -> bool:
    """True when SQLite's error says another connection holds the file."""
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
        if is_locked_error(exc):
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
