"""The bundled fonts on screen: IPAexGothic, then MJ Fallback Mincho per character.

The target machines may have no CJK font at all; registering the bundled
TrueType font makes Japanese render everywhere. IPAexGothic lacks many
characters of municipal name registers (𠮷 U+20BB7 of 𠮷田), so the bundled
mincho fallback (the part of IPAmj明朝 that IPAexGothic lacks; see
``resources/fonts/README.md``) is registered too and follows it in the
application font's family list: Qt draws each character with the first family
that has it, as the printed documents do (``documents/design/fonts.py``). The PDF work
embeds the same files.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

FONT_FILE = "ipaexg.ttf"
MJ_FALLBACK_FILE = "mj-fallback-mincho.ttf"
FALLBACK_FAMILIES = ("Noto Sans CJK JP", "Yu Gothic UI", "Hiragino Sans", "DejaVu Sans")

_registered: dict[str, str | None] = {}


def _register(file: str) -> str | None:
    """Register one bundled font file with Qt (once); its family name, or None."""
    known = _registered.get(file)
    if known is not None and known in QFontDatabase.families():
        return known  # already registered in this process (Qt's font database is per process)
    resource = resources.files("coordinator_app.resources") / "fonts" / file
    if isinstance(resource, Path):
        font_id = QFontDatabase.addApplicationFont(str(resource))
    else:
        # Installed as a zip: hand Qt the bytes, it cannot open a path inside the archive.
        font_id = QFontDatabase.addApplicationFontFromData(resource.read_bytes())
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    _registered[file] = families[0] if families else None
    return _registered[file]


def register_bundled_font() -> str | None:
    """Register IPAexGothic with Qt; its family name, or None on failure."""
    return _register(FONT_FILE)


def register_fallback_font() -> str | None:
    """Register MJ Fallback Mincho (rare characters) with Qt; its family name, or None."""
    return _register(MJ_FALLBACK_FILE)


def use_bundled_font(app: QApplication, *, latin_first: bool = False) -> str | None:
    """Register the bundled fonts and make them the application font (with fallbacks).

    Args:
        latin_first: for an English UI, keep the system's own font first so Latin
            text and punctuation look native; Japanese data still falls back to
            the bundled fonts. A Japanese UI uses the bundled font throughout.
    """
    family = register_bundled_font()
    if family is None:
        return None
    rare = register_fallback_font()
    bundled = [family, rare] if rare else [family]
    if rare:
        # A widget that names IPAexGothic alone still finds the rare characters.
        QFont.insertSubstitution(family, rare)
    font = QFont(app.font())
    # The default family may be an alias ("Sans Serif"): ask what it resolves to.
    system_family = QFontInfo(font).family()
    if latin_first and system_family and system_family not in bundled:
        font.setFamilies([system_family, *bundled, *FALLBACK_FAMILIES])
    else:
        font.setFamilies([*bundled, *FALLBACK_FAMILIES])
    app.setFont(font)
    return family
