"""The bundled Japanese font (IPAexGothic): registered once, asked what it can draw.

reportlab embeds a registered TrueType font as subsets holding only the
glyphs a document uses, so a flyer carries a few dozen kilobytes of the
6 MB font and prints the same on every printer and viewer.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "IPAexGothic"
FONT_FILE = "ipaexg.ttf"

_lock = threading.Lock()


@cache
def _font() -> TTFont:
    path = resources.files("coordinator_app.resources") / "fonts" / FONT_FILE
    with resources.as_file(path) as real_path:
        return TTFont(FONT_NAME, str(real_path))


def register_fonts() -> str:
    """Register IPAexGothic with reportlab (idempotent); returns its font name."""
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_font())
    return FONT_NAME


def _ignorable(ch: str) -> bool:
    # Line breaks and tabs are layout, not glyphs; the renderer turns them into
    # line breaks and spaces before drawing.
    return ch in "\n\r\t"


@cache
def _codepoints() -> frozenset[int]:
    return frozenset(_font().face.charToGlyph)


def can_draw(ch: str) -> bool:
    """True when the bundled font has a glyph for ``ch``."""
    return _ignorable(ch) or ord(ch) in _codepoints()


def undrawable_characters(text: str) -> list[str]:
    """The distinct characters of ``text`` the font cannot draw, in order of appearance."""
    return list(dict.fromkeys(ch for ch in text if not can_draw(ch)))


def describe_character(ch: str) -> str:
    """``「😀」(U+1F600)``: how a warning names a character a user may not see."""
    code = f"U+{ord(ch):04X}"
    visible = not unicodedata.category(ch).startswith(("C", "Z", "M"))
    return f"「{ch}」({code})" if visible else f"({code} {unicodedata.name(ch, '名前のない文字')})"
