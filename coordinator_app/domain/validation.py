"""Validation rules and the error that carries Japanese messages per field."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime, time

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, field

V = "validation"
"""The catalogue context of the validation messages."""

MAX_COUNT = 100_000
"""Upper bound for participant counts and capacities: anything above is a typo."""

MAX_LONG_TEXT = 200_000
"""Upper bound for multi-line texts (minutes, notes): a safety net, not a style rule."""

MIN_DATE = date(1868, 1, 1)
MAX_DATE = date(2200, 12, 31)
"""Dates outside this range are typos (0001-01-01, 9999-12-31) and break views
that derive years, eras or calendar files from them."""

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


def _f(label: str) -> str:
    """A field name as a message value (translated in the ``fields`` context)."""
    return field(label)


def check_required(errors: Errors, field: str, label: str, value: object) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        errors.add(
            field,
            Message(
                V, QT_TRANSLATE_NOOP("validation", "{label}を入力してください"), label=_f(label)
            ),
        )


def check_length(errors: Errors, field: str, label: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors.add(
            field,
            Message(
                V,
                QT_TRANSLATE_NOOP(
                    "validation", "{label}は{limit}文字以内で入力してください(現在{count}文字)"
                ),
                label=_f(label),
                limit=limit,
                count=len(value),
            ),
        )


def check_email(errors: Errors, field: str, value: str) -> None:
    if value and not _EMAIL.match(value):
        errors.add(
            field,
            Message(
                V,
                QT_TRANSLATE_NOOP(
                    "validation", "メールアドレスの形式が正しくありません(例: name@example.jp)"
                ),
            ),
        )


def check_phone(errors: Errors, field: str, value: str) -> None:
    if value and not _PHONE.match(value):
        errors.add(
            field,
            Message(
                V,
                QT_TRANSLATE_NOOP(
                    "validation", "電話番号は数字とハイフンで入力してください(例: 042-551-1511)"
                ),
            ),
        )


def check_kana(errors: Errors, field: str, value: str) -> None:
    from coordinator_app.domain.kana import is_kana_reading

    if value and not is_kana_reading(value):
        errors.add(
            field,
            Message(
                V, QT_TRANSLATE_NOOP("validation", "ふりがなはひらがな・カタカナで入力してください")
            ),
        )


def check_date_range(errors: Errors, field: str, label: str, value: date | None) -> None:
    """Refuse a date outside MIN_DATE..MAX_DATE (明治元年 to 2200年)."""
    if value is not None and not MIN_DATE <= value <= MAX_DATE:
        errors.add(
            field,
            Message(
                V,
                QT_TRANSLATE_NOOP(
                    "validation",
                    "{label}は{y1}年{m1}月{d1}日から{y2}年{m2}月{d2}日までの日付で入力してください(入力: {value})",  # noqa: E501
                ),
                label=_f(label),
                y1=MIN_DATE.year,
                m1=MIN_DATE.month,
                d1=MIN_DATE.day,
                y2=MAX_DATE.year,
                m2=MAX_DATE.month,
                d2=MAX_DATE.day,
                value=value.isoformat(),
            ),
        )


DATE_LABELS = {
    "held_on": "開催日",
    "entry_date": "日付",
    "due_date": "期限",
    "start_date": "開始日",
    "end_date": "終了日",
    "established_on": "設置日",
}


def check_record_dates(errors: Errors, record: object) -> None:
    """:func:`check_date_range` for every date attribute of ``record`` (not timestamps)."""
    fields = getattr(type(record), "model_fields", None) or vars(record)
    for name in fields:
        value = getattr(record, name, None)
        if isinstance(value, date) and not isinstance(value, datetime):
            check_date_range(errors, name, DATE_LABELS.get(name, "日付"), value)


def date_problem(year: int, month: int, day: int) -> str | None:
    """Why year/month/day is not a date, in Japanese; None when it is one.

    ``date_problem(2023, 2, 30)`` -> 「2023年2月は28日までです(2月30日はありません)」.
    """
    if not 1 <= year <= 9999:
        return Message(
            V, QT_TRANSLATE_NOOP("validation", "{year}年は日付として扱えません"), year=year
        )
    if not 1 <= month <= 12:
        return Message(
            V,
            QT_TRANSLATE_NOOP("validation", "{month}月はありません(月は1〜12で入力してください)"),
            month=month,
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return Message(
            V,
            QT_TRANSLATE_NOOP(
                "validation", "{year}年{month}月は{last}日までです({month}月{day}日はありません)"
            ),
            year=year,
            month=month,
            last=last,
            day=day,
        )
    return None


def check_date_order(
    errors: Errors, field: str, start: date | None, end: date | None, *, label: str = "終了日"
) -> None:
    if start is not None and end is not None and end < start:
        errors.add(
            field,
            Message(
                V,
                QT_TRANSLATE_NOOP("validation", "{label}は開始日以降の日付にしてください"),
                label=_f(label),
            ),
        )


def check_time_order(errors: Errors, field: str, start: time | None, end: time | None) -> None:
    if start is not None and end is not None and end <= start:
        errors.add(
            field,
            Message(V, QT_TRANSLATE_NOOP("validation", "終了時刻は開始時刻より後にしてください")),
        )


def check_count(errors: Errors, field: str, label: str, value: int | None) -> None:
    if value is None:
        return
    if value < 0:
        errors.add(
            field,
            Message(
                V,
                QT_TRANSLATE_NOOP("validation", "{label}は0以上の数で入力してください"),
                label=_f(label),
            ),
        )
    elif value > MAX_COUNT:
        errors.add(
            field,
            Message(
                V,
                QT_TRANSLATE_NOOP(
                    "validation", "{label}が大きすぎます({limit}以下で入力してください)"
                ),
                label=_f(label),
                limit=f"{MAX_COUNT:,}",
            ),
        )


def area_fits_tier(tier: int, area_kind: AreaKind) -> bool:
    """Tier 1 works for the whole municipality; tiers 2 and 3 for a part of it."""
    if tier == 1:
        return area_kind == AreaKind.MUNICIPALITY
    return area_kind != AreaKind.MUNICIPALITY
