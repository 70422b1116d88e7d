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
    """True when the reading is kana: hiragana, katakana (also half-width) and ー.

    Digits, spaces and punctuation may appear (``だい1しょうがっこう``,
    ``さとう・いちろう``); letters that are not kana may not: kanji (the usual
    slip, a name typed twice) and Latin letters (``NPOほうじん`` is read
    ``えぬぴーおーほうじん``), which the message says are not kana.
    """
    for ch in unicodedata.normalize("NFKC", text):
        if not unicodedata.category(ch).startswith("L"):
            continue  # digits, spaces, punctuation, marks
        code = ord(ch)
        if 0x3041 <= code <= 0x309F or 0x30A0 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
            continue  # hiragana, katakana (ー), katakana phonetic extensions
        return False
    return True
