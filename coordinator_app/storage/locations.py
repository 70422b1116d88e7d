"""Where a database file lies: network drives, cloud-synced folders, writable folders.

SQLite's locking is not reliable on a network file system, and a sync client
that copies or replaces a file in use can corrupt it; :func:`storage_warning`
gives the user a plain Japanese warning for both (opening is not refused).
:func:`is_writable` tells whether SQLite can write the file and its side
files (-wal, -shm) where it lies.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

# -- network drives and cloud-synced folders ---------------------------------------

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afpfs",
        "webdav",
        "davfs",
        "fuse.sshfs",
        "sshfs",
        "9p",
        "ncpfs",
        "fuse.rclone",
        "fuse.s3fs",
        "afs",
        "lustre",
    }
)
CLOUD_FOLDERS = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google ドライブ"),
    ("googledrive", "Google ドライブ"),
    ("マイドライブ", "Google ドライブ"),
    ("my drive", "Google ドライブ"),
    ("icloud drive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("box sync", "Box"),
    ("box drive", "Box"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
)


@dataclass(frozen=True)
class MountPoint:
    mount_point: str
    fs_type: str


def _linux_mounts() -> list[MountPoint]:
    try:
        text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            mounts.append(MountPoint(parts[1].replace("\\040", " "), parts[2]))
    return mounts


def _windows_drive_is_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    if sys.platform != "win32":  # ctypes.windll exists there only
        return False
    drive = path.drive
    if not drive:
        return False
    if drive.startswith("\\\\"):
        return True
    drive_remote = 4
    get_drive_type = ctypes.windll.kernel32.GetDriveTypeW
    return bool(get_drive_type(drive + "\\") == drive_remote)


def storage_warning(path: Path, *, mounts: Sequence[MountPoint] | None = None) -> str | None:
    """A Japanese warning when ``path`` is on a network drive or in a synced folder."""
    resolved = path.expanduser().absolute()
    lowered = [part.lower() for part in PurePath(resolved).parts]
    for needle, service in CLOUD_FOLDERS:
        if any(part == needle or part.startswith(needle + " -") for part in lowered):
            return (
                f"データベースがクラウド同期フォルダー({service})の中にあります。"
                "同期ソフトが使用中のファイルをコピー・上書きすると、データが壊れるおそれが"
                "あります。同期されないフォルダー(パソコン本体のドキュメントなど)に置き、"
                "バックアップ機能で保存してください。"
            )
    remote = False
    where = ""
    if str(resolved).startswith("\\\\") or str(resolved).startswith("//"):
        remote, where = True, "共有フォルダー"
    elif sys.platform == "win32":  # pragma: no cover - Windows only
        remote, where = _windows_drive_is_remote(resolved), resolved.drive
    else:
        table = list(mounts) if mounts is not None else _linux_mounts()
        best: MountPoint | None = None
        text = str(resolved)
        for mount in table:
            mp = mount.mount_point.rstrip("/") or "/"
            if (text == mp or text.startswith(mp + "/") or mp == "/") and (
                best is None or len(mp) > len(best.mount_point)
            ):
                best = mount
        if best is not None and best.fs_type.lower() in NETWORK_FS_TYPES:
            remote, where = True, best.mount_point
    if not remote:
        return None
    return (
        f"データベースがネットワーク上の場所({where})にあります。"
        "ネットワーク上ではファイルのロックが確実に働かないため、複数のパソコンから"
        "同時に開くとデータが壊れるおそれがあります。パソコン本体のドライブに置くことを"
        "おすすめします。"
    )


# -- writable folders and side files -------------------------------------------------

SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


def side_files(path: Path) -> list[Path]:
    """The SQLite side files (-wal, -shm, -journal) of ``path`` that exist."""
    return [p for p in (path.with_name(path.name + s) for s in SIDE_FILE_SUFFIXES) if p.exists()]


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
