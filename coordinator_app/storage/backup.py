"""Backups through SQLite's online backup API, their rotation, and restore.

Every copy is made by :func:`.backup_copy.copy_database` (the backup API,
verified, renamed into place), so a backup that exists is a good one.

Photos, logos and attached files are blobs inside the database
(``Coordinator.photo``, ``Setting.blob_value``, ``Attachment.content``), so
a backup carries them.

Automatic backups live in ``<database folder>/backups`` and are named
``<stem>_<YYYYmmdd-HHMMSS>_<reason><suffix>``; they are rotated
grandfather-father-son style (by default the newest of each of the last 7
days, 4 weeks and 12 months is kept).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message
from coordinator_app.storage.atomic import fsync_folder
from coordinator_app.storage.backup_copy import (
    BackupError,
    copy_database,
    copy_error,
    remove_with_side_files,
)
from coordinator_app.storage.backup_policy import BackupPolicy
from coordinator_app.storage.instance_lock import InstanceLock, in_use_message
from coordinator_app.storage.locations import side_files
from coordinator_app.storage.open_checks import OpenStatus, check_database

BACKUP_DIR_NAME = "backups"
KEEP_BEFORE_RESTORE = 10
_STAMP = "%Y%m%d-%H%M%S"


class BackupReason(StrEnum):
    AUTO = "auto"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    BEFORE_UPGRADE = "before-upgrade"


REASON_LABELS = {
    BackupReason.AUTO: QT_TRANSLATE_NOOP("backup", "自動"),
    BackupReason.MANUAL: QT_TRANSLATE_NOOP("backup", "手動"),
    BackupReason.BEFORE_RESTORE: QT_TRANSLATE_NOOP("backup", "復元前"),
    BackupReason.BEFORE_UPGRADE: QT_TRANSLATE_NOOP("backup", "更新前"),
}


_COUNTS_AS_DAILY = (BackupReason.AUTO, BackupReason.MANUAL)
"""Backups in the backup folder that count as "today's backup" (see :meth:`BackupManager.is_due`).
Only automatic ones are ever rotated away; manual ones stay until the user deletes them."""
RESTORING_SUFFIX = ".restoring"
_PARTIAL = re.compile(r"^\..+\.(\d+)\.partial(-wal|-shm|-journal)?$")
STALE_PARTIAL_S = 3600


_RESTORABLE = (OpenStatus.OK, OpenStatus.READ_ONLY, OpenStatus.IN_USE)
"""What a backup file's check may say for it to be restored (sound, and exactly our schema)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: BackupReason
    size: int

    @property
    def reason_label(self) -> str:
        """``自動`` …, a message (the UI shows it in its language)."""
        return Message("backup", REASON_LABELS[self.reason])

    def describe(self) -> str:
        """``2024年5月1日 18:00(自動)``, a message (English: 2024-05-01 18:00 (automatic))."""
        t = self.taken_at
        return Message(
            "backup",
            QT_TRANSLATE_NOOP("backup", "{year}年{month}月{day}日 {time}({reason})"),
            year=t.year,
            month=t.month,
            day=t.day,
            time=f"{t:%H:%M}",
            iso=t.date().isoformat(),
            reason=self.reason_label,
        )


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did.

    Attributes:
        restored_from: the backup now in place.
        before_restore: the backup of the state that was replaced (healthy file).
        set_aside: the damaged file and its side files, renamed and kept as they were.
    """

    restored_from: Path
    before_restore: BackupInfo | None
    set_aside: tuple[Path, ...]


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


class BackupManager:
    """Automatic and manual backups of one database file, and restore.

    Args:
        db_path: the database file.
        backup_dir: where automatic backups go (default ``<folder>/backups``).
        policy: rotation of automatic backups.
        clock: the current local time (tests pass a fake one).
    """

    def __init__(
        self,
        db_path: Path | str,
        backup_dir: Path | str | None = None,
        *,
        policy: BackupPolicy | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.db_path = Path(db_path)
        self.backup_dir = Path(backup_dir) if backup_dir else default_backup_dir(self.db_path)
        self.policy = policy or BackupPolicy()
        self.clock = clock

    # -- listing -------------------------------------------------------------------

    def _pattern(self) -> re.Pattern[str]:
        stem, suffix = re.escape(self.db_path.stem), re.escape(self.db_path.suffix)
        reasons = "|".join(re.escape(r.value) for r in BackupReason)
        return re.compile(rf"^{stem}_(\d{{8}}-\d{{6}})(?:-(\d+))?_({reasons}){suffix}$")

    def _upgrade_pattern(self) -> re.Pattern[str]:
        stem, suffix = re.escape(self.db_path.stem), re.escape(self.db_path.suffix)
        return re.compile(rf"^{stem}\.before-upgrade-.+-(\d{{8}}-\d{{6}}){suffix}$")

    def backups(self) -> list[BackupInfo]:
        """Every backup of this database, newest first."""
        found: list[tuple[int, BackupInfo]] = []
        candidates: list[tuple[Path, re.Pattern[str], BackupReason | None]] = []
        if self.backup_dir.is_dir():
            candidates += [(p, self._pattern(), None) for p in self.backup_dir.iterdir()]
        if self.db_path.parent.is_dir():
            candidates += [
                (p, self._upgrade_pattern(), BackupReason.BEFORE_UPGRADE)
                for p in self.db_path.parent.iterdir()
            ]
        for path, pattern, fixed in candidates:
            match = pattern.match(path.name)
            if match is None or not path.is_file():
                continue
            try:
                taken = datetime.strptime(match.group(1), _STAMP)
                size = path.stat().st_size
            except (ValueError, OSError):
                continue
            reason = fixed or BackupReason(match.group(3))
            sequence = int(match.group(2) or 1) if fixed is None else 1
            found.append(
                (sequence, BackupInfo(path=path, taken_at=taken, reason=reason, size=size))
            )
        found.sort(key=lambda item: (item[1].taken_at, item[0]), reverse=True)
        return [info for _sequence, info in found]

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that SQLite reads as sound (damaged ones are skipped)."""
        for info in self.backups():
            try:
                verdict = check_database(info.path)
            except (sqlite3.Error, OSError):
                continue
            if verdict.status in _RESTORABLE:
                return info
        return None

    # -- taking backups -----------------------------------------------------------------

    def _new_path(self, reason: BackupReason, when: datetime) -> Path:
        # The sequence number orders backups taken within one second, whatever their reason.
        base = f"{self.db_path.stem}_{when.strftime(_STAMP)}"
        taken = (
            {p.name for p in self.backup_dir.glob(f"{base}*")}
            if self.backup_dir.is_dir()
            else set()
        )
        stamp, n = base, 2
        while any(name.startswith(f"{stamp}_") for name in taken):
            stamp = f"{base}-{n}"
            n += 1
        return self.backup_dir / f"{stamp}_{reason.value}{self.db_path.suffix}"

    def backup_now(self, reason: BackupReason = BackupReason.AUTO) -> BackupInfo:
        """Take a verified backup into the backup folder and rotate the old ones.

        Raises:
            BackupError: nothing was written (and nothing was rotated away).
        """
        when = self.clock().replace(microsecond=0)
        target = self._new_path(reason, when)
        copy_database(self.db_path, target)
        self.rotate()
        return BackupInfo(path=target, taken_at=when, reason=reason, size=target.stat().st_size)

    def is_due(self) -> bool:
        """True when no backup was taken into the backup folder today."""
        today = self.clock().date()
        return not any(
            b.reason in _COUNTS_AS_DAILY and b.taken_at.date() == today for b in self.backups()
        )

    def backup_if_due(self) -> BackupInfo | None:
        """The automatic backup at close: at most one a day."""
        if not self.db_path.exists() or not self.is_due():
            return None
        return self.backup_now(BackupReason.AUTO)

    def backup_to_file(self, target: Path | str) -> Path:
        """A manual backup to a file the user chose (not rotated)."""
        target = Path(target)
        if target.exists() and target.resolve() == self.db_path.resolve():
            raise BackupError(
                Message(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup",
                        "バックアップ先に、開いているデータベースそのものは指定できません。",
                    ),
                )
            )
        copy_database(self.db_path, target)
        return target

    def rotate(self) -> list[Path]:
        """Delete automatic backups the policy no longer keeps; returns what was deleted.

        Manual backups (「今すぐバックアップ」) are never deleted here.
        """
        rotating = [b for b in self.backups() if b.reason == BackupReason.AUTO]
        keep: set[Path] = {rotating[0].path} if rotating else set()

        def newest_per(bucket: Callable[[datetime], Hashable], count: int) -> None:
            seen: set[Hashable] = set()
            for info in rotating:
                key = bucket(info.taken_at)
                if key in seen:
                    continue
                if len(seen) >= count:
                    break
                seen.add(key)
                keep.add(info.path)

        newest_per(lambda t: t.date(), self.policy.daily)
        newest_per(lambda t: t.isocalendar()[:2], self.policy.weekly)
        newest_per(lambda t: (t.year, t.month), self.policy.monthly)
        before_restore = [b for b in self.backups() if b.reason == BackupReason.BEFORE_RESTORE]
        keep.update(b.path for b in before_restore[:KEEP_BEFORE_RESTORE])
        removed = []
        for info in [*rotating, *before_restore]:
            if info.path not in keep:
                info.path.unlink(missing_ok=True)
                removed.append(info.path)
        return removed

    # -- restore ---------------------------------------------------------------------

    def _set_aside(self, when: datetime) -> tuple[Path, ...]:
        """Keep the damaged file (and its side files) under a new name, as they are.

        The main file is hard-linked (copied where links are impossible), not
        moved: it stays at its path until the restored copy is renamed over
        it, so a kill at any instant leaves a database there.
        """
        stem, suffix = self.db_path.stem, self.db_path.suffix
        base = self.db_path.with_name(f"{stem}.damaged-{when.strftime(_STAMP)}{suffix}")
        remove_with_side_files(base)
        try:
            os.link(self.db_path, base)
        except OSError:
            shutil.copy2(self.db_path, base)
        kept = [base]
        for path in side_files(self.db_path):
            target = base.with_name(base.name + path.name[len(self.db_path.name) :])
            os.replace(path, target)
            kept.append(target)
        fsync_folder(self.db_path.parent)
        return tuple(kept)

    def staging_path(self) -> Path:
        """Where a restore puts its verified copy before renaming it over the database."""
        return self.db_path.with_name(f".{self.db_path.name}{RESTORING_SUFFIX}")

    def clean_leftovers(self) -> list[Path]:
        """Delete what killed backups and restores left: the staged restore copy and
        ``.partial`` copies of processes that are gone. Call it holding the instance lock.

        Returns:
            The deleted files.
        """
        removed: list[Path] = []
        staged = self.staging_path()
        for path in (staged, *side_files(staged)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
        for folder in {self.db_path.parent, self.backup_dir}:
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                match = _PARTIAL.match(path.name)
                if match is None or not _partial_is_stale(path, int(match.group(1))):
                    continue
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed.append(path)
        return removed

    def restore(self, source: Path | str, *, lock: InstanceLock | None = None) -> RestoreReport:
        """Replace the database with the backup ``source``.

        The current database must be closed by this process. A healthy current
        file is backed up first (reason ``before-restore``); a damaged one is
        renamed to ``<stem>.damaged-<time><suffix>`` and never written to.

        Args:
            source: a backup file (it is only read).
            lock: this instance's lock on the database, if it holds one;
                otherwise the lock is taken for the duration of the restore.

        Raises:
            BackupError: the backup is not a sound database of this app, or
                another instance has the database open; nothing changed.
        """
        source = Path(source)
        if not source.exists():
            raise BackupError(
                Message(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup", "バックアップファイル「{source}」が見つかりません。"
                    ),
                    source=str(source),
                )
            )
        if self.db_path.exists() and source.resolve() == self.db_path.resolve():
            raise BackupError(
                Message(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup", "開いているデータベースそのものからは復元できません。"
                    ),
                )
            )
        verdict = check_database(source)
        if verdict.status not in _RESTORABLE:
            raise BackupError(
                Message(
                    "backup",
                    QT_TRANSLATE_NOOP("backup", "「{name}」は復元に使えません。{why} {detail}"),
                    name=source.name,
                    why=verdict.message,
                    detail=verdict.detail,
                )
            )
        own_lock = lock is None
        held = lock or InstanceLock(self.db_path)
        if not held.acquire():
            raise BackupError(in_use_message(self.db_path, held.probe()))
        # At every instant the path holds the old file or the new one: the copy is
        # made and verified beside it, then renamed over it in one step.
        try:
            when = self.clock().replace(microsecond=0)
            before: BackupInfo | None = None
            set_aside: tuple[Path, ...] = ()
            healthy = False
            if self.db_path.exists():
                current = check_database(self.db_path, lock=held)
                if current.status == OpenStatus.LOCKED:
                    raise BackupError(current.message)
                healthy = current.status == OpenStatus.OK
                if healthy:
                    before = self.backup_now(BackupReason.BEFORE_RESTORE)
                    if any(
                        p.stat().st_size > 0
                        for p in side_files(self.db_path)
                        if p.name.endswith("-wal")
                    ):
                        raise BackupError(
                            Message(
                                "backup",
                                QT_TRANSLATE_NOOP(
                                    "backup",
                                    "データベースをほかのプログラムが使用中のため復元できません。"
                                    "ほかのプログラムを閉じてからもう一度お試しください。",
                                ),
                            )
                        )
            staged = self.staging_path()
            copy_database(source, staged, source_is_live=False)
            if self.db_path.exists() and not healthy:
                set_aside = self._set_aside(when)
            # An empty -wal/-shm of the old file must not be read with the new one.
            for stale in side_files(self.db_path):
                stale.unlink()
            os.replace(staged, self.db_path)
            fsync_folder(self.db_path.parent)
        except OSError as exc:
            raise copy_error(exc, source, self.db_path) from exc
        finally:
            if own_lock:
                held.release()
        return RestoreReport(restored_from=source, before_restore=before, set_aside=set_aside)


def _partial_is_stale(path: Path, pid: int) -> bool:
    """True when the process that wrote ``path`` is gone (or, where that cannot be
    asked safely, the file is over an hour old)."""
    if pid == os.getpid():
        return False
    if os.name == "posix":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    # Windows: os.kill(pid, 0) would send CTRL_C_EVENT; judge by age instead.
    try:  # pragma: no cover - Windows only
        return time.time() - path.stat().st_mtime > STALE_PARTIAL_S
    except OSError:  # pragma: no cover
        return False
