"""What names a database file and the computer it is on (see :mod:`.capture`).

No SQLAlchemy here: the flyer command's read-only open compares them too.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path


def machine_identity() -> str:
    """What names this computer (a copy of the file onto another one is a new device)."""
    machine_id = ""
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            machine_id = Path(candidate).read_text(encoding="ascii").strip()
            break
        except OSError:
            continue
    return f"{socket.gethostname()}|{machine_id}"[:300]


def file_identity(path: Path) -> tuple[str, str]:
    """The file's resolved path and its (device, inode): a copy or a restore changes them."""
    resolved = path.resolve()
    info = os.stat(resolved)
    return str(resolved), f"{info.st_dev}:{info.st_ino}"
