"""The one place that turns database and file-system failures into Japanese messages.

It lives with the services because the UI may not import storage modules: a
service call raises these errors, the UI catches them and shows the message.

A save can fail for reasons that have nothing to do with what the user typed:
the disk is full, the file is read-only, another program holds the lock, or
the database file was moved away. Every editor and dialog catches
:data:`WRITE_ERRORS` around its service call and shows :func:`storage_message`
next to the form, which keeps what was typed; the transaction was rolled back
by ``Database.writing`` so nothing half-written remains.
"""

from __future__ import annotations

import errno
import sqlite3

import sqlalchemy.exc as sa_exc

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message

WRITE_ERRORS: tuple[type[BaseException], ...] = (sa_exc.DBAPIError, sqlite3.Error, OSError)
"""What a service call may raise when storage (not the input) is the problem."""


def _s(source: str) -> Message:
    return Message("storage", source)


KEPT = _s(QT_TRANSLATE_NOOP("storage", "入力した内容はそのまま残っています。"))

DISK_FULL = _s(
    QT_TRANSLATE_NOOP("storage", "ディスクの空き容量が足りないため保存できませんでした。")
)
READ_ONLY = _s(
    QT_TRANSLATE_NOOP("storage", "データベースが読み取り専用のため保存できませんでした。")
)
LOCKED = _s(
    QT_TRANSLATE_NOOP(
        "storage", "ほかのプログラムがデータベースを使用中のため保存できませんでした。"
    )
)
MISSING = _s(
    QT_TRANSLATE_NOOP(
        "storage", "データベースのファイルが見つからないか、開けないため保存できませんでした。"
    )
)
DAMAGED = _s(
    QT_TRANSLATE_NOOP("storage", "データベースのファイルが壊れているため保存できませんでした。")
)
IO_ERROR = _s(
    QT_TRANSLATE_NOOP("storage", "ディスクの読み書きに失敗したため保存できませんでした。")
)
CONSTRAINT = _s(
    QT_TRANSLATE_NOOP("storage", "データの整合性の条件に合わないため保存できませんでした。")
)
UNKNOWN = _s(QT_TRANSLATE_NOOP("storage", "データベースのエラーのため保存できませんでした。"))

_ADVICE: dict[str, Message] = {
    DISK_FULL: _s(
        QT_TRANSLATE_NOOP(
            "storage", "不要なファイルを削除して空き容量を増やしてから、もう一度保存してください。"
        )
    ),
    READ_ONLY: _s(
        QT_TRANSLATE_NOOP(
            "storage",
            "書き込みできる場所のデータベースを開き直してから、もう一度保存してください。",
        )
    ),
    LOCKED: _s(QT_TRANSLATE_NOOP("storage", "しばらく待ってから、もう一度保存してください。")),
    MISSING: _s(
        QT_TRANSLATE_NOOP(
            "storage",
            "データベースのファイルの場所(USBメモリやネットワークドライブ)を確認してください。",
        )
    ),
    DAMAGED: _s(QT_TRANSLATE_NOOP("storage", "バックアップからの復元を検討してください。")),
    IO_ERROR: _s(
        QT_TRANSLATE_NOOP(
            "storage", "ディスクやUSBメモリの接続を確認してから、もう一度保存してください。"
        )
    ),
    CONSTRAINT: _s(
        QT_TRANSLATE_NOOP("storage", "関連する記録が削除されていないか確認してください。")
    ),
    UNKNOWN: _s(
        QT_TRANSLATE_NOOP(
            "storage", "もう一度保存してください。繰り返す場合は管理者に連絡してください。"
        )
    ),
}

# SQLite primary result codes (https://sqlite.org/rescode.html).
_SQLITE_CODES = {
    5: LOCKED,  # SQLITE_BUSY
    6: LOCKED,  # SQLITE_LOCKED
    8: READ_ONLY,  # SQLITE_READONLY
    10: IO_ERROR,  # SQLITE_IOERR
    11: DAMAGED,  # SQLITE_CORRUPT
    13: DISK_FULL,  # SQLITE_FULL
    14: MISSING,  # SQLITE_CANTOPEN
    19: CONSTRAINT,  # SQLITE_CONSTRAINT
    26: DAMAGED,  # SQLITE_NOTADB
}
_ERRNOS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.ENOENT: MISSING,
    errno.EIO: IO_ERROR,
}
# Older SQLite builds give no error code; their messages are stable.
_TEXTS = (
    ("disk is full", DISK_FULL),
    ("readonly", READ_ONLY),
    ("read-only", READ_ONLY),
    ("locked", LOCKED),
    ("unable to open", MISSING),
    ("no such table", DAMAGED),
    ("malformed", DAMAGED),
    ("not a database", DAMAGED),
    ("disk i/o error", IO_ERROR),
    ("constraint failed", CONSTRAINT),
)


def storage_reason(exc: BaseException) -> str:
    """The short Japanese reason for a storage failure (one of the constants above)."""
    original = getattr(exc, "orig", None) or exc
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    if isinstance(original, OSError) and original.errno in _ERRNOS:
        return _ERRNOS[original.errno]
    text = str(original).lower()
    for needle, reason in _TEXTS:
        if needle in text:
            return reason
    return UNKNOWN


def storage_message(exc: BaseException, *, action: str = "保存") -> str:
    """What to tell the user: the reason, what to do, and that the input is kept.

    Args:
        exc: the failure.
        action: the verb of what failed (保存, 削除, 変更).
    """
    reason = storage_reason(exc)
    # The reason's English has an {action} slot (Could not {action}: …): the verb goes in.
    verb = Message("storage", action)
    worded = Message(
        "storage", reason.source if isinstance(reason, Message) else reason, action=verb
    )
    if action != "保存":
        text = f"{reason}\n{_ADVICE[reason]}".replace("保存", action)
        return Message.shown_as(
            text, "storage", "{reason}\n{advice}", reason=worded, advice=_ADVICE[reason]
        )
    return Message(
        "storage", "{reason}\n{advice}\n{kept}", reason=worded, advice=_ADVICE[reason], kept=KEPT
    )


ACTIONS = [
    QT_TRANSLATE_NOOP("storage", "保存"),
    QT_TRANSLATE_NOOP("storage", "削除"),
    QT_TRANSLATE_NOOP("storage", "変更"),
    QT_TRANSLATE_NOOP("storage", "反映"),
    QT_TRANSLATE_NOOP("storage", "取り込み"),
    QT_TRANSLATE_NOOP("storage", "添付"),
]
"""The verbs callers pass as ``action`` (English: save, delete, …)."""
