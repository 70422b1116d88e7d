"""Kana normalisation for sorting (ふりがな順) and search.

Folds full-width/half-width forms (NFKC) and katakana to hiragana, so that
``ﾌｸｼ``, ``フクシ`` and ``ふくし`` compare equal.
"""

from __future__ import annotations

import unicodedata

_KATAKANA_START = 0x30A1
_KATAKANA_END = 0x30F6
_KANA_OFFSET = 0x60


def katakana_to_hiragana(text: str) -> str:
    return "".join(
        chr(ord(ch) - _KANA_OFFSET) if _KATAKANA_START <= ord(ch) <= _KATAKANA_END else ch
        for ch in text
    )


def normalise(text: str) -> str:
    """Search/sort form: NFKC, katakana -> hiragana, lower case, collapsed spaces."""
    folded = unicodedata.normalize("NFKC", text)
    folded = katakana_to_hiragana(folded).lower()
    return " ".join(folded.split())


def sort_key(kana: str | None, name: str) -> str:
    """Sort people by reading; fall back to the name when no reading is known."""
    return normalise(kana) if kana else normalise(name)


def is_kana_reading(text: str) -> bool:
    """True unless the reading contains kanji (the usual slip: a name typed twice).

    Digits and Latin letters are allowed: readings such as ``NPOほうじん`` or
    ``だい1しょうがっこう`` occur in municipal lists.
    """
    for ch in text:
        code = ord(ch)
        if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF:
            return False
    return True
