"""Where a database file lies: network drives and cloud-synced folders.

SQLite's locking is not reliable on a network file system, and a sync client
that copies or replaces a file in use can corrupt it; :func:`storage_warning`
gives the user a plain Japanese warning for both (opening is not refused).
"""

from __future__ import annotations

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
