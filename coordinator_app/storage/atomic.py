"""Writing a file so that a crash leaves the old contents or the new, never half of each.

The new contents go to a temporary file in the same folder (a rename is only
atomic within one file system), are flushed to the disk, renamed over the
target in one step, and the folder is flushed too, so the rename itself
survives a power cut. If anything fails before the rename, the target is
untouched and the temporary file is removed.

Temporary files are named ``.<name>.<token>.<pid>.partial``: hidden, never
mistaken for the real file, and recognised as a dead process's leftover by
:meth:`coordinator_app.storage.backup.BackupManager.clean_leftovers`.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path

PARTIAL_SUFFIX = ".partial"


def partial_path(path: Path) -> Path:
    """A fresh temporary name beside ``path`` (unique within and across processes)."""
    token = uuid.uuid4().hex[:8]
    return path.with_name(f".{path.name}.{token}.{os.getpid()}{PARTIAL_SUFFIX}")


def fsync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries (a rename, a new or deleted file) to the disk."""
    if os.name != "posix":  # pragma: no cover - directories cannot be opened on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush ``path``'s contents to the disk."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def replace_durably(source: Path, target: Path) -> None:
    """Rename the complete file ``source`` over ``target`` once both are on the disk."""
    fsync_file(source)
    os.replace(source, target)
    fsync_folder(target.parent)


def write_atomically(
    path: Path | str, data: bytes, *, mode: int = 0o666, sync_folder: bool = True
) -> None:
    """Replace ``path``'s contents with ``data`` atomically and durably.

    Args:
        path: the file to create or replace; missing folders are created.
        data: the whole new contents.
        mode: permission bits of a new file (before the umask); ``0o600`` for secrets.
        sync_folder: flush the folder after the rename. A caller writing many
            files into one folder passes False and calls :func:`fsync_folder`
            once after the last.

    Raises:
        OSError: nothing could be written; ``path`` is unchanged.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        if sync_folder:
            fsync_folder(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_atomically_with(path: Path | str, write: Callable[[Path], object]) -> None:
    """Like :func:`write_atomically`, for writers that want a file name (a workbook, a zip).

    Args:
        path: the file to create or replace; missing folders are created.
        write: writes the whole new contents to the temporary file it is given.

    Raises:
        Whatever ``write`` raises, or OSError; ``path`` is then unchanged.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_path(path)
    try:
        write(tmp)
        replace_durably(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
