"""Validation rules and the error that carries Japanese messages per field."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time

from coordinator_app.domain.enums import AreaKind

MAX_COUNT = 100_000
"""Upper bound for participant counts and capacities: anything above is a typo."""

MAX_LONG_TEXT = 200_000
"""Upper bound for multi-line texts (minutes, notes): a safety net, not a style rule."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_BIDI_AND_INVISIBLE = re.compile(
    "[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u180e\u00ad]"
)
"""Bidi overrides and marks (which can make a name read backwards or hide text) and
zero-width characters (which make two names look equal)."""
_JOINERS_AND_TAGS = re.compile("[\u200c\u200d\U000e0001\U000e0020-\U000e007f]")
"""Joiners and tag characters: invisible in a name, but part of emoji in running text."""
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9()+\-\s]*$")


class ValidationError(ValueError):
    """One or more fields are invalid. ``errors`` maps field name -> Japanese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))


class Errors:
    """Collects field errors; ``raise_if_any`` raises ValidationError."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def strip_invisible(value: str, *, multiline: bool = False) -> str:
    """Remove bidi controls and invisible characters (not ideographic variation selectors).

    Joiners (ZWJ/ZWNJ) and tag characters stay in multi-line text, where they
    belong to emoji; a single-line value (a name) loses them too.
    """
    text = _BIDI_AND_INVISIBLE.sub("", value)
    return text if multiline else _JOINERS_AND_TAGS.sub("", text)


def clean_text(value: str | None, *, multiline: bool = False) -> str:
    """Drop control, bidi and invisible characters and lone surrogates; strip a single line.

    Multi-line values keep their line breaks and tabs; CRLF becomes LF.
    """
    if value is None:
        return ""
    text = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = strip_invisible(text, multiline=multiline)
    if not multiline:
        text = " ".join(text.replace("\t", " ").split("\n")).strip()
    return text


def normalise_phone(value: str) -> str:
    """Full-width digits and hyphens (０４２－５５１) become ASCII."""
    text = unicodedata.normalize("NFKC", value)
    for dash in "‐‑‒–—―−ー":
        text = text.replace(dash, "-")
    return text.strip()


def check_required(errors: Errors, field: str, label: str, value: object) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        errors.add(field, f"{label}を入力してください")


def check_length(errors: Errors, field: str, label: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors.add(field, f"{label}は{limit}文字以内で入力してください(現在{len(value)}文字)")


def check_email(errors: Errors, field: str, value: str) -> None:
    if value and not _EMAIL.match(value):
        errors.add(field, "メールアドレスの形式が正しくありません(例: name@example.jp)")


def check_phone(errors: Errors, field: str, value: str) -> None:
    if value and not _PHONE.match(value):
        errors.add(field, "電話番号は数字とハイフンで入力してください(例: 042-551-1511)")


def check_kana(errors: Errors, field: str, value: str) -> None:
    from coordinator_app.domain.kana import is_kana_reading

    if value and not is_kana_reading(value):
        errors.add(field, "ふりがなはひらがな・カタカナで入力してください")


def check_date_order(
    errors: Errors, field: str, start: date | None, end: date | None, *, label: str = "終了日"
) -> None:
    if start is not None and end is not None and end < start:
        errors.add(field, f"{label}は開始日以降の日付にしてください")


def check_time_order(errors: Errors, field: str, start: time | None, end: time | None) -> None:
    if start is not None and end is not None and end <= start:
        errors.add(field, "終了時刻は開始時刻より後にしてください")


def check_count(errors: Errors, field: str, label: str, value: int | None) -> None:
    if value is None:
        return
    if value < 0:
        errors.add(field, f"{label}は0以上の数で入力してください")
    elif value > MAX_COUNT:
        errors.add(field, f"{label}が大きすぎます({MAX_COUNT:,}以下で入力してください)")


def area_fits_tier(tier: int, area_kind: AreaKind) -> bool:
    """Tier 1 works for the whole municipality; tiers 2 and 3 for a part of it."""
    if tier == 1:
        return area_kind == AreaKind.MUNICIPALITY
    return area_kind != AreaKind.MUNICIPALITY
