"""「第5回」 in a meeting title: find it, count it up, put a session number into a title.

Digits keep their style: 第5回 → 第6回, 第５回 → 第６回, 第五回 → 第六回 and
第九回 → 第十回 (漢数字 up to 99; larger ones are left alone rather than
guessed).
"""

from __future__ import annotations

import re

_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HALF_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_DIGITS = "〇一二三四五六七八九"
_NUMBER = re.compile(r"第([0-9]+|[０-９]+|[一二三四五六七八九十]+)回")
_SUFFIX = re.compile(r"\s*[(（]第[0-9０-９]+回[)）]\s*$")


def kanji_to_int(text: str) -> int | None:
    """一 … 九十九 as a number; None for anything else."""
    if not text or any(ch not in _KANJI_DIGITS[1:] + "十" for ch in text):
        return None
    if "十" not in text:
        return _KANJI_DIGITS.index(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    value = (_KANJI_DIGITS.index(tens) if tens else 1) * 10
    return value + (_KANJI_DIGITS.index(ones) if ones else 0)


def int_to_kanji(value: int) -> str | None:
    """1 … 99 in 漢数字 (十, 十一, 二十); None outside that range."""
    if not 1 <= value <= 99:
        return None
    tens, ones = divmod(value, 10)
    text = "" if tens == 0 else ("十" if tens == 1 else _KANJI_DIGITS[tens] + "十")
    return text + (_KANJI_DIGITS[ones] if ones else "")


def next_session_title(title: str) -> str:
    """``title`` with its last 「第n回」 counted up, in the same digit style.

    A title without a session number, or with one too large to spell in 漢数字,
    comes back unchanged.
    """
    matches = list(_NUMBER.finditer(title))
    if not matches:
        return title
    match = matches[-1]
    digits = match.group(1)
    if digits.isascii():
        counted: str | None = str(int(digits) + 1)
    elif digits[0] in "０１２３４５６７８９":
        counted = str(int(digits.translate(_HALF_WIDTH)) + 1).translate(_FULL_WIDTH)
    else:
        number = kanji_to_int(digits)
        counted = None if number is None else int_to_kanji(number + 1)
    if counted is None:
        return title
    return f"{title[: match.start(1)]}{counted}{title[match.end(1) :]}"


def series_base_title(title: str) -> str:
    """A session's title without its trailing 「(第n回)」."""
    return _SUFFIX.sub("", title)


def session_title(base: str, number: int) -> str:
    """The title of session ``number`` of a series called ``base``."""
    return f"{base}(第{number}回)"
