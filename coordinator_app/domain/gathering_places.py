"""通いの場: the status of a gathering place and its schedule as people write it.

A schedule is typed the way a flyer says it (毎週火曜 10:00〜12:00,
第2・第4木曜, 月1回) and kept as structured rules with a readable label, so
the list can filter by weekday and the guidebook can index by it. What the
parser cannot read is never dropped: it stays in :attr:`Schedule.unread` and
in the label, word for word.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP

WEEKDAYS = "月火水木金土日"
"""Monday first, as :meth:`datetime.date.weekday` counts."""

DEFAULT_KINDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("GatheringPlaceKind", "サロン"),
    QT_TRANSLATE_NOOP("GatheringPlaceKind", "体操教室"),
    QT_TRANSLATE_NOOP("GatheringPlaceKind", "認知症カフェ"),
    QT_TRANSLATE_NOOP("GatheringPlaceKind", "ミニデイ"),
    QT_TRANSLATE_NOOP("GatheringPlaceKind", "子ども食堂"),
    QT_TRANSLATE_NOOP("GatheringPlaceKind", "趣味の会"),
)
"""The kinds every municipality starts with; it can add its own (the window shows
these in the user's language, the records keep the Japanese)."""


class GatheringPlaceStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


STATUS_LABELS = {
    GatheringPlaceStatus.ACTIVE: "活動中",
    GatheringPlaceStatus.PAUSED: "休止中",
    GatheringPlaceStatus.ENDED: "終了",
}


def _hm(value: time) -> str:
    return f"{value.hour}:{value.minute:02d}"


@dataclass(frozen=True)
class ScheduleRule:
    """One recurring meeting time.

    Attributes:
        weekdays: 0 = Monday … 6 = Sunday; empty when the day is not fixed (月1回).
        weeks: the weeks of the month (第2・第4 -> (2, 4)); empty = every week.
        per_month: how many times a month when no weekday is fixed (月1回 -> 1).
        start, end: the time of day, when given.
    """

    weekdays: tuple[int, ...] = ()
    weeks: tuple[int, ...] = ()
    per_month: int | None = None
    start: time | None = None
    end: time | None = None

    @property
    def label(self) -> str:
        parts: list[str] = []
        if self.weekdays:
            days = "・".join(WEEKDAYS[d] for d in self.weekdays) + "曜"
            if self.weeks:
                parts.append("・".join(f"第{w}" for w in self.weeks) + days)
            else:
                parts.append("毎週" + days)
        elif self.per_month is not None:
            parts.append(f"月{self.per_month}回")
        if self.start is not None:
            span = _hm(self.start)
            if self.end is not None:
                span += f"〜{_hm(self.end)}"
            parts.append(span)
        return " ".join(parts)

    def as_dict(self) -> dict[str, object]:
        return {
            "weekdays": list(self.weekdays),
            "weeks": list(self.weeks),
            "per_month": self.per_month,
            "start": self.start.isoformat("minutes") if self.start else None,
            "end": self.end.isoformat("minutes") if self.end else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScheduleRule:
        def _time(value: object) -> time | None:
            return time.fromisoformat(str(value)) if value else None

        per_month = data.get("per_month")
        return cls(
            weekdays=tuple(int(d) for d in data.get("weekdays", []) or []),
            weeks=tuple(int(w) for w in data.get("weeks", []) or []),
            per_month=int(per_month) if per_month is not None else None,
            start=_time(data.get("start")),
            end=_time(data.get("end")),
        )


@dataclass(frozen=True)
class Schedule:
    """The rules read from a schedule text and the parts that could not be read."""

    rules: tuple[ScheduleRule, ...] = ()
    unread: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        """The rules in a standard wording, then any unread text as it was written."""
        return "、".join([r.label for r in self.rules] + list(self.unread))

    @property
    def note(self) -> str:
        """A Japanese note on what was kept as free text ("" when everything was read)."""
        if not self.unread:
            return ""
        return "読み取れなかった部分はそのまま残します: " + "、".join(self.unread)

    @property
    def weekday_mask(self) -> int:
        """Bit ``d`` set when the place meets on weekday ``d`` (for filtering in SQL)."""
        mask = 0
        for rule in self.rules:
            for day in rule.weekdays:
                mask |= 1 << day
        return mask

    def to_json(self) -> str:
        return json.dumps(
            {"rules": [r.as_dict() for r in self.rules], "unread": list(self.unread)},
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Schedule:
        if not text:
            return cls()
        data = json.loads(text)
        return cls(
            rules=tuple(ScheduleRule.from_dict(r) for r in data.get("rules", [])),
            unread=tuple(str(u) for u in data.get("unread", [])),
        )


def weekdays_of_mask(mask: int) -> list[int]:
    return [d for d in range(7) if mask & (1 << d)]


_SEGMENTS = re.compile(r"[、,;／\n]+")
_DASH = r"\s*[〜~\-ー－–—から]+\s*"
_CLOCK = r"(?:(午前|午後)\s*)?(\d{1,2})(?:[:：](\d{2})|時(?:(\d{1,2})分|(半))?)"
_TIME_RANGE = re.compile(_CLOCK + rf"(?:{_DASH}" + _CLOCK + ")?")
_WEEKS = re.compile(r"第(\d)((?:\s*[・･,と]\s*第?\d)*)(?:週)?")
_WEEKDAY_SET = re.compile(rf"([{WEEKDAYS}](?:\s*[・･と]\s*[{WEEKDAYS}](?:曜日?)?)*)曜日?")
_EVERY_WEEK = re.compile(r"毎週|週1回")
_PER_MONTH = re.compile(r"(?:毎月|月)\s*(\d)\s*回")
_FILLER = re.compile(r"[\s・の()()、。〜頃ごろ]+|曜日?|午前|午後|毎月|より")


def _clock(groups: tuple[str | None, ...], ampm: str | None) -> time:
    _ampm, hour, minute, minute2, half = groups
    h = int(hour or 0)
    if (_ampm or ampm) == "午後" and h < 12:
        h += 12
    m = 30 if half else int(minute or minute2 or 0)
    return time(h, m)


def _read_time(segment: str) -> tuple[time | None, time | None, str]:
    """The first time or time range in ``segment`` and the segment without it."""
    match = _TIME_RANGE.search(segment)
    if match is None:
        return None, None, segment
    g = match.groups()
    try:
        start = _clock(g[0:5], None)
        end = _clock(g[5:10], g[0]) if g[6] is not None else None
    except ValueError:  # 25:00, 10:75 — not a time; leave it unread
        return None, None, segment
    if end is not None and end <= start:
        return None, None, segment
    return start, end, segment[: match.start()] + " " + segment[match.end() :]


def _read_segment(segment: str) -> ScheduleRule | tuple[time | None, time | None] | None:
    """A rule, a bare time span (for the rule before it) or None when unreadable."""
    start, end, rest = _read_time(segment)
    weeks: tuple[int, ...] = ()
    weekdays: tuple[int, ...] = ()
    per_month: int | None = None
    match = _WEEKS.search(rest)
    if match:
        weeks = tuple(sorted({int(n) for n in re.findall(r"\d", match.group(0))}))
        if any(not 1 <= w <= 5 for w in weeks):
            return None
        rest = rest[: match.start()] + " " + rest[match.end() :]
    match = _WEEKDAY_SET.search(rest)
    if match:
        weekdays = tuple(sorted({WEEKDAYS.index(c) for c in match.group(1) if c in WEEKDAYS}))
        rest = rest[: match.start()] + " " + rest[match.end() :]
    match = _EVERY_WEEK.search(rest)
    if match:
        if weeks:
            return None
        rest = rest[: match.start()] + " " + rest[match.end() :]
    match = _PER_MONTH.search(rest)
    if match:
        per_month = int(match.group(1))
        rest = rest[: match.start()] + " " + rest[match.end() :]
    if _FILLER.sub("", rest):
        return None
    if weeks and not weekdays:
        return None
    if weekdays:
        return ScheduleRule(weekdays=weekdays, weeks=weeks, start=start, end=end)
    if per_month is not None and per_month > 0:
        return ScheduleRule(per_month=per_month, start=start, end=end)
    if start is not None:
        return (start, end)
    return None


def parse_schedule(text: str) -> Schedule:
    """Read a schedule as people write it; keep whatever cannot be read.

    >>> parse_schedule("毎週火曜 10:00〜12:00").label
    '毎週火曜 10:00〜12:00'
    """
    rules: list[ScheduleRule] = []
    unread: list[str] = []
    for raw in _SEGMENTS.split(text):
        original = raw.strip()
        if not original:
            continue
        segment = unicodedata.normalize("NFKC", original).replace("~", "〜")
        result = _read_segment(segment)
        if isinstance(result, ScheduleRule):
            rules.append(result)
        elif isinstance(result, tuple) and rules and rules[-1].start is None:
            last = rules[-1]
            rules[-1] = ScheduleRule(
                weekdays=last.weekdays,
                weeks=last.weeks,
                per_month=last.per_month,
                start=result[0],
                end=result[1],
            )
        else:
            unread.append(original)
    return Schedule(rules=tuple(rules), unread=tuple(unread))


MAX_PHOTO_BYTES = 5 * 1024 * 1024
_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)


def photo_problem(data: bytes | None) -> str:
    """Why ``data`` cannot be a place's photo, in Japanese ("" when it can).

    The size is checked first, so a huge blob is refused without looking inside.
    """
    if data is None:
        return ""
    if len(data) > MAX_PHOTO_BYTES:
        return "写真は5MB以下の画像にしてください"
    if not any(data.startswith(sig) for sig, _name in _IMAGE_SIGNATURES):
        return "写真はPNG・JPEG・GIFの画像にしてください(画像ではないファイルです)"
    return ""


def web_page_url(text: str) -> str | None:
    """``text`` as a web page address a QR code may carry: an http or https URL with a host.

    Returns ``None`` for anything else (a bare domain, ``mailto:``, a phone number …);
    the guidebook then prints no QR code and says why.
    """
    candidate = text.strip()
    if not candidate or any(ch.isspace() for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return candidate
