"""The bundled Japanese font (IPAexGothic, IPA Font License).

The target machines may have no CJK font at all; registering the bundled
TrueType font makes Japanese render everywhere. The PDF work embeds the same
file.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

FONT_FILE = "ipaexg.ttf"
FALLBACK_FAMILIES = ("Noto Sans CJK JP", "Yu Gothic UI", "Hiragino Sans", "DejaVu Sans")


def register_bundled_font() -> str | None:
    """Register the bundled font with Qt; its family name, or None on failure."""
    resource = resources.files("coordinator_app.resources") / "fonts" / FONT_FILE
    if isinstance(resource, Path):
        font_id = QFontDatabase.addApplicationFont(str(resource))
    else:
        # Installed as a zip: hand Qt the bytes, it cannot open a path inside the archive.
        font_id = QFontDatabase.addApplicationFontFromData(resource.read_bytes())
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else None


def use_bundled_font(app: QApplication, *, latin_first: bool = False) -> str | None:
    """Register the bundled font and make it the application font (with fallbacks).

    Args:
        latin_first: for an English UI, keep the system's own font first so Latin
            text and punctuation look native; Japanese data still falls back to
            the bundled font. A Japanese UI uses the bundled font throughout.
    """
    family = register_bundled_font()
    if family is None:
        return None
    font = QFont(app.font())
    # The default family may be an alias ("Sans Serif"): ask what it resolves to.
    system_family = QFontInfo(font).family()
    if latin_first and system_family and system_family != family:
        font.setFamilies([system_family, family, *FALLBACK_FAMILIES])
    else:
        font.setFamilies([family, *FALLBACK_FAMILIES])
    app.setFont(font)
    return family
