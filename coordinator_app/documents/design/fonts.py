"""The bundled fonts: IPAexGothic for everything, a mincho fallback per character.

IPAexGothic (JIS X 0213) lacks many characters of municipal name registers
(the MJ character set, e.g. 𠮷 U+20BB7 of 𠮷田). Each character is drawn with
the first bundled font that has it: IPAexGothic, else MJ Fallback Mincho (the
part of IPAmj明朝 that IPAexGothic lacks; see ``resources/fonts/README.md``).
A character no bundled font has is printed as 〓, the customary placeholder
of Japanese print, and the caller warns; nothing blocks a document.

reportlab embeds a registered TrueType font as subsets holding only the
glyphs a document uses, so a flyer carries a few dozen kilobytes of each font.
The fallback (19 MB) is read only when a text needs it. Each font file is
parsed once per process and its tables are sliced from it once (see
:func:`_load`), however many documents a batch renders.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "IPAexGothic"
FONT_FILE = "ipaexg.ttf"
FALLBACK_NAME = "MJFallbackMincho"
FALLBACK_FILE = "mj-fallback-mincho.ttf"
SUBSTITUTE = "〓"
"""Printed for a character no bundled font has."""

_lock = threading.Lock()

PARSED: Counter[str] = Counter()
"""How many times each font file was parsed in this process (one each, at most)."""


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape``: &, < and > as entities (that module imports
    urllib.request, http.client, email and ssl: a tenth of a fresh flyer process)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16
    surrogate pairs (reportlab writes ``<20BB7>``, which no PDF reader can
    decode: 𠮷 would be lost to search, copy and text extraction)."""
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(
                f"<{i:02X}> <{_utf16_hex(v) if v > 0xFFFF else f'{v:04X}'}>"
                for i, v in enumerate(subset)
            ),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


# The module-level helper is what reportlab's TrueType subsetting calls.
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _load(name: str, file: str) -> TTFont:
    path = resources.files("coordinator_app.resources") / "fonts" / file
    with resources.as_file(path) as real_path:
        font = TTFont(name, str(real_path))
    PARSED[file] += 1
    # reportlab's subsetting slices whole tables out of the file for every
    # subset of every document: the 5 MB glyf table of IPAexGothic twice per
    # flyer, a gigabyte copied for a batch of 100. The tables never change, so
    # each is sliced once.
    font.face.get_table = cache(font.face.get_table)
    return font


@cache
def _font() -> TTFont:
    return _load(FONT_NAME, FONT_FILE)


@cache
def _fallback() -> TTFont:
    return _load(FALLBACK_NAME, FALLBACK_FILE)


def _register(font: TTFont) -> None:
    with _lock:
        if font.fontName not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(font)


def register_fonts() -> str:
    """Register IPAexGothic with reportlab (idempotent); returns its font name.

    The fallback registers itself the first time a text needs it.
    """
    _register(_font())
    return FONT_NAME


def _ignorable(ch: str) -> bool:
    # Line breaks and tabs are layout, not glyphs; the renderer turns them into
    # line breaks and spaces before drawing.
    return ch in "\n\r\t"


def is_variation_selector(ch: str) -> bool:
    """Ideographic variation selectors (IVS) pick a glyph variant of the character
    before them. Neither font maps them, so the base character prints alone."""
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


@cache
def _codepoints() -> frozenset[int]:
    return frozenset(_font().face.charToGlyph)


@cache
def _fallback_codepoints() -> frozenset[int]:
    return frozenset(_fallback().face.charToGlyph)


@cache
def font_for(ch: str) -> str | None:
    """The bundled font that draws ``ch``; ``None`` when none has it."""
    code = ord(ch)
    if _ignorable(ch) or code in _codepoints():
        return FONT_NAME
    if code in _fallback_codepoints():
        _register(_fallback())
        return FALLBACK_NAME
    return None


def can_draw(ch: str) -> bool:
    """True when a bundled font has a glyph for ``ch`` (variation selectors count)."""
    return is_variation_selector(ch) or font_for(ch) is not None


def undrawable_characters(text: str) -> list[str]:
    """The distinct characters of ``text`` no bundled font can draw, in order of appearance."""
    return list(dict.fromkeys(ch for ch in text if not can_draw(ch)))


def printable(text: str) -> str:
    """``text`` as it prints: variation selectors dropped, undrawable characters as 〓."""
    return "".join(
        ch if font_for(ch) is not None else SUBSTITUTE
        for ch in text
        if not is_variation_selector(ch)
    )


def runs(text: str) -> list[tuple[str, str]]:
    """``(font name, text)`` pieces of the printable ``text``, one per change of font."""
    pieces: list[tuple[str, str]] = []
    for ch in printable(text):
        font = font_for(ch) or FONT_NAME
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + ch)
        else:
            pieces.append((font, ch))
    return pieces


def string_width(text: str, size: float) -> float:
    """Printed width of ``text`` in points, each piece in its own font."""
    return float(sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs(text)))


def font_markup(text: str) -> str:
    """Paragraph markup of one line of user text: escaped, fallback pieces in ``<font>``."""
    return "".join(
        escape(t) if f == FONT_NAME else f'<font name="{f}">{escape(t)}</font>'
        for f, t in runs(text)
    )


def paragraph_markup(text: str) -> str:
    """Paragraph markup printing ``text`` literally, line breaks kept."""
    return "<br/>".join(font_markup(line) for line in text.split("\n"))


def describe_character(ch: str) -> str:
    """``「😀」(U+1F600)``: how a warning names a character a user may not see."""
    code = f"U+{ord(ch):04X}"
    visible = not unicodedata.category(ch).startswith(("C", "Z", "M"))
    return f"「{ch}」({code})" if visible else f"({code} {unicodedata.name(ch, '名前のない文字')})"
