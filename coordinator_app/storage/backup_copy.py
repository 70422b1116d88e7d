"""Copying a database through SQLite's online backup API, verified, atomically.

A live database is never copied as a file: its -wal may hold committed pages
the main file lacks, and a copy taken mid-write is torn. The backup API
reads one consistent snapshot through SQLite itself. Every copy is written to
a temporary file, checked with ``PRAGMA integrity_check`` and only then moved
into place, so a copy that exists is a good one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.storage.atomic import replace_durably
from coordinator_app.storage.engine import BUSY_TIMEOUT_MS
from coordinator_app.storage.locations import side_files
from coordinator_app.storage.open_checks import read_only_uri

SQLITE_FULL = 13


class BackupError(RuntimeError):
    """A backup or restore failed; the message is plain Japanese for the user."""


def remove_with_side_files(path: Path) -> None:
    """Delete ``path`` and its SQLite side files, those that exist."""
    for p in (path, *side_files(path)):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return code == SQLITE_FULL or "disk is full" in str(exc) or "disk full" in str(exc)


def copy_error(exc: BaseException, source: Path, target: Path) -> BackupError:
    """The Japanese message for a failed copy: disk full, not writable, in use, or unreadable."""
    if _disk_full(exc):
        return BackupError(
            f"「{target.parent}」の空き容量が足りないため、「{target.name}」を書き込めません"
            "でした。空き容量を増やすか、別の場所を選んでください。元のデータベースは"
            f"変更していません。詳細: {exc}"
        )
    text = str(exc).lower()
    if isinstance(exc, OSError) or "readonly" in text or "unable to open" in text:
        return BackupError(
            f"「{target}」に書き込めませんでした(空き容量やアクセス権を確認してください)。"
            f"詳細: {exc}"
        )
    if "locked" in text or "busy" in text:
        return BackupError(
            f"「{source.name}」はほかのプログラムが使用中のため、コピーできませんでした。"
            f"しばらく待ってからもう一度お試しください。詳細: {exc}"
        )
    return BackupError(
        f"「{source.name}」をコピーできませんでした(データベースとして読めないか、"
        f"使用中です)。詳細: {exc}"
    )


def copy_database(source: Path, target: Path, *, source_is_live: bool = True) -> None:
    """Copy ``source`` to ``target`` with the online backup API, verified, atomically.

    Args:
        source: the database to copy.
        target: the file to create or replace; replaced only by a verified copy.
        source_is_live: True for the app's own database (read through a normal
            connection so the WAL is honoured); False for a file that must not
            be written at all (a backup being restored): it is opened read-only.

    Raises:
        BackupError: the source cannot be read, the copy fails the integrity
            check, or the disk is full; ``target`` is then unchanged.
    """
    source, target = Path(source), Path(target)
    if not source.exists():
        raise BackupError(
            Message(
                "backup",
                QT_TRANSLATE_NOOP("backup", "ファイル「{source}」が見つかりません。"),
                source=str(source),
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    remove_with_side_files(tmp)
    try:
        if source_is_live:
            src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            src = sqlite3.connect(read_only_uri(source), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                # A self-contained single file: no -wal beside the backup.
                dst.execute("PRAGMA journal_mode = DELETE")
                rows = dst.execute("PRAGMA integrity_check").fetchall()
            finally:
                dst.close()
        finally:
            src.close()
        if rows != [("ok",)]:
            raise BackupError(
                Message(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup",
                        "「{name}」のコピーが整合性チェックに通りませんでした"
                        "(元のファイルが壊れている可能性があります)。詳細: {detail}",
                    ),
                    name=source.name,
                    detail=rows[0][0],
                )
            )
        replace_durably(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        raise copy_error(exc, source, target) from exc
    finally:
        remove_with_side_files(tmp)
