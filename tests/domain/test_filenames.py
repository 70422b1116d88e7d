"""Issue 11.1 and 11.12: names from data become safe base names; invisible characters go."""

from __future__ import annotations

import ntpath
import posixpath

import pytest

from coordinator_app.domain.filenames import is_reserved_device_name, safe_filename
from coordinator_app.domain.validation import clean_text

HOSTILE = [
    "../../../../x/PWNED.txt",
    "/etc/passwd",
    "..",
    ".",
    "",
    "   ",
    "C:\\x\\PWNED.txt",
    "C:x",
    "\\\\server\\share\\f.txt",
    "CON",
    "con.txt",
    "LPT1",
    "COM9.tar.gz",
    "nul",
    "a.txt:stream",
    "\u202egnp.exe",
    "名\u200b前\ufeff.pdf",
    "trailing. . ",
    "x" * 400 + ".pdf",
    "あ" * 300 + ".txt",
    "a\x00b\x1f.txt",
    'q"<>|?*.txt',
]


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("from_path", [True, False])
def test_every_hostile_name_becomes_one_safe_base_name(name: str, from_path: bool) -> None:
    safe = safe_filename(name, from_path=from_path)
    assert safe and safe not in (".", "..")
    assert posixpath.basename(safe) == safe and ntpath.basename(safe) == safe
    assert not any(c in safe for c in '\\/:*?"<>|') and safe.isprintable()
    assert not is_reserved_device_name(safe)
    assert not safe.endswith((".", " ")) and not safe.startswith(".")
    assert len(safe.encode()) <= 240
    assert "\u202e" not in safe and "\u200b" not in safe and "\ufeff" not in safe


def test_ordinary_names_are_kept() -> None:
    assert safe_filename("配布資料 第1回.pdf", from_path=True) == "配布資料 第1回.pdf"
    assert safe_filename("../../x/PWNED.txt", from_path=True) == "PWNED.txt"
    assert safe_filename("町会/自治会 連絡会") == "町会_自治会 連絡会"
    assert safe_filename("x" * 400 + ".pdf").endswith(".pdf")
    assert safe_filename("..", fallback="attachment") == "attachment"
    assert safe_filename("CON") == "_CON"


def test_names_lose_bidi_overrides_and_zero_width_characters() -> None:
    assert clean_text("\u202e山田\u202c 花子") == "山田 花子"
    assert clean_text("山\u200b田\u200d\u2060\ufeff\u2066") == "山田"
    # Ideographic variation selectors are part of a registered name: kept.
    assert clean_text("葛\U000e0100飾") == "葛\U000e0100飾"
    # Running text keeps the joiner of an emoji sequence, but not bidi overrides.
    family = "\U0001f468\u200d\U0001f469"
    assert clean_text(f"{family}\u202e", multiline=True) == family
