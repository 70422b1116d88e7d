"""Icons shipped under resources/icons (SVG), loaded through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; an empty icon when missing."""
    resource = resources.files("coordinator_app.resources") / "icons" / f"{name}.svg"
    if isinstance(resource, Path) and resource.is_file():
        return QIcon(str(resource))
    return QIcon()
