"""Data safety for one database file: the checks on opening, backups and restore.

The UI never touches storage directly; this service is its door to
the checks and backups of :mod:`coordinator_app.storage`.
It owns the instance lock of the file, so the app holds it from opening to
closing and a second instance is told the file is in use.

The composition root uses it like this::

    safety = DataSafetyService(path)
    verdict = safety.check()           # never writes to the file
    opened = safety.open()             # or open_read_only() / restore_and_open(backup)
    ...
    safety.close(opened.db)            # automatic backup (at most daily), lock released
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, error
from coordinator_app.storage.backup import BackupInfo, BackupManager, BackupReason, RestoreReport
from coordinator_app.storage.backup_copy import BackupError
from coordinator_app.storage.backup_policy import BackupPolicy, load_policy, save_policy
from coordinator_app.storage.database import Database, open_database
from coordinator_app.storage.instance_lock import (
    InstanceLock,
    InstanceLockedError,
    LockHolder,
)
from coordinator_app.storage.locations import MountPoint
from coordinator_app.storage.open_checks import OpenCheck, OpenStatus, check_database
from coordinator_app.storage.read_only import (
    CannotOpenReadOnlyError,
    ReadOnlyDatabaseError,
    open_read_only,
)

__all__ = [
    "BackupError",
    "BackupInfo",
    "BackupPolicy",
    "BackupReason",
    "CannotOpenReadOnlyError",
    "DataSafetyService",
    "Database",
    "InstanceLockedError",
    "LockHolder",
    "OpenCheck",
    "OpenStatus",
    "OpenedDatabase",
    "ReadOnlyDatabaseError",
    "RestoreReport",
]


@dataclass(frozen=True)
class OpenedDatabase:
    """An open database and how it was opened.

    Attributes:
        read_only: True when opened read-only (second instance, read-only file).
        restored_from: the backup put in place before opening, if any.
        set_aside: where the damaged file was moved, if a restore replaced one.
        warnings: Japanese warnings to show once (network drive, synced folder).
    """

    db: Database
    read_only: bool = False
    restored_from: BackupInfo | None = None
    set_aside: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()


class DataSafetyService:
    """Checks, opening, backups and restore of the database file ``db_path``.

    Args:
        db_path: the database file.
        backup_dir: the folder of automatic backups (default ``<folder>/backups``).
        clock: local time, for backup names and "at most daily" (tests pass a fake).
        mounts: the mount table for the network check (tests pass one).
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        backup_dir: Path | str | None = None,
        clock: Callable[[], datetime] = datetime.now,
        mounts: Sequence[MountPoint] | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.manager = BackupManager(self.db_path, backup_dir, clock=clock)
        self.lock = InstanceLock(self.db_path)
        self._mounts = mounts

    @property
    def backup_dir(self) -> Path:
        return self.manager.backup_dir

    # -- opening ---------------------------------------------------------------------

    def check(self) -> OpenCheck:
        """The verdict on the file; nothing is written to it."""
        return check_database(self.db_path, lock=self.lock, mounts=self._mounts)

    def newest_good_backup(self) -> BackupInfo | None:
        return self.manager.newest_good()

    def try_lock(self) -> bool:
        """Take the instance lock if the other instance has closed."""
        return self.lock.acquire()

    def open(self, *, warnings: tuple[str, ...] = ()) -> OpenedDatabase:
        """Open for writing, holding the instance lock.

        A first start creates the file's folder (and any missing parents) here.

        Raises:
            InstanceLockedError: another instance has the file open.
            OSError: the folder or the lock file cannot be created (Japanese message).
        """
        self._take_lock()
        self.clean_leftovers()
        try:
            db = open_database(self.db_path)
        except BaseException:
            self.lock.release()
            raise
        if self.manager.policy == BackupPolicy():
            self.manager.policy = load_policy(db)
        return OpenedDatabase(db=db, warnings=warnings)

    def _take_lock(self) -> None:
        if self.lock.acquire():
            return
        folder = self.db_path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OSError(
                exc.errno,
                error(
                    QT_TRANSLATE_NOOP(
                        "errors", "フォルダー「{folder}」を作れませんでした: {reason}"
                    ),
                    folder=str(folder),
                    reason=exc.strerror or str(exc),
                ),
            ) from exc
        if self.lock.acquire():
            return
        holder = self.lock.probe()
        if holder is None and not self.lock.path.exists():
            # No lock file can be made: without one this instance could not keep others out.
            raise OSError(
                error(
                    QT_TRANSLATE_NOOP("errors", "ロックファイル「{path}」を作れませんでした。"),
                    path=str(self.lock.path),
                )
            )
        raise InstanceLockedError(self.db_path, holder)

    def clean_leftovers(self) -> list[Path]:
        """Delete what killed backups and restores left (this instance holds the lock);
        a file that cannot be deleted now is tried again at the next start."""
        if not self.lock.held:
            return []
        try:
            return self.manager.clean_leftovers()
        except OSError:
            return []

    def open_read_only(self, *, warnings: tuple[str, ...] = ()) -> OpenedDatabase:
        """Open for reading only (no lock taken: the file stays the other instance's).

        Raises:
            CannotOpenReadOnlyError: there is no file to read, or it cannot be read.
        """
        return OpenedDatabase(db=open_read_only(self.db_path), read_only=True, warnings=warnings)

    def restore_and_open(self, backup: BackupInfo | Path) -> OpenedDatabase:
        """Put ``backup`` in place (the damaged file is set aside untouched) and open it."""
        source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
        self._take_lock()
        self.clean_leftovers()
        report = self.manager.restore(source, lock=self.lock)
        opened = self.open()
        info = backup if isinstance(backup, BackupInfo) else None
        return OpenedDatabase(db=opened.db, restored_from=info, set_aside=report.set_aside)

    def close(self, db: Database | None, *, backup: bool = True) -> BackupInfo | None:
        """Close ``db``, take the automatic backup if one is due today, release the lock.

        Raises:
            BackupError: the backup failed (the database itself is closed and intact).
        """
        read_only = bool(getattr(db, "read_only", False))
        if db is not None:
            db.close()
        try:
            if backup and not read_only and self.lock.held:
                return self.manager.backup_if_due()
            return None
        finally:
            self.lock.release()

    # -- backups ----------------------------------------------------------------------

    def backups(self) -> list[BackupInfo]:
        return self.manager.backups()

    def backup_now(self) -> BackupInfo:
        return self.manager.backup_now(BackupReason.MANUAL)

    def backup_if_due(self) -> BackupInfo | None:
        return self.manager.backup_if_due()

    def backup_to_file(self, target: Path | str) -> Path:
        return self.manager.backup_to_file(target)

    def restore(self, source: Path | str) -> RestoreReport:
        """Replace the (closed) database with ``source``; the current state is backed up first.

        The restored file is brought to the current schema at once (an older
        backup is upgraded, with its own before-upgrade copy), so a
        :class:`Database` closed before the restore can simply be used again:
        its engine reconnects to the restored file.
        """
        report = self.manager.restore(source, lock=self.lock if self.lock.held else None)
        open_database(self.db_path).close()
        return report

    def policy(self) -> BackupPolicy:
        return self.manager.policy

    def set_policy(self, db: Database, policy: BackupPolicy) -> None:
        """Store the rotation policy with the data and apply it from now on."""
        save_policy(db, policy)
        self.manager.policy = policy
