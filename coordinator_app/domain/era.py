"""Japanese era (和暦) formatting and parsing.

令和元年 = 2019 from 1 May 2019; 平成31年 runs until 30 April 2019.

Formatting is total: a date before 明治 (only possible in data from elsewhere,
the validation layer refuses it) is written in 西暦 instead of raising, so no
view, report or document breaks on it. Parsing explains why a text is not a
date (2月30日 does not exist; 令和 began on 5月1日).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True)
class Era:
    name: str
    letter: str
    start: date

    def year_of(self, day: date) -> int:
        return day.year - self.start.year + 1


ERA_NAMES = [
    QT_TRANSLATE_NOOP("era", "令和"),
    QT_TRANSLATE_NOOP("era", "平成"),
    QT_TRANSLATE_NOOP("era", "昭和"),
    QT_TRANSLATE_NOOP("era", "大正"),
    QT_TRANSLATE_NOOP("era", "明治"),
]
"""The era names, for lupdate: messages carry them as values (English: Reiwa, …)."""

# Newest first.
ERAS: tuple[Era, ...] = (
    Era("令和", "R", date(2019, 5, 1)),
    Era("平成", "H", date(1989, 1, 8)),
    Era("昭和", "S", date(1926, 12, 25)),
    Era("大正", "T", date(1912, 7, 30)),
    Era("明治", "M", date(1868, 1, 25)),
)


class EraError(ValueError):
    """A 和暦 text that is not a valid date.

    Attributes:
        unreadable: the text is not a 和暦 date at all (rather than a
            date that does not exist, such as 2月30日).
    """

    def __init__(self, message: Message, *, unreadable: bool = False) -> None:
        super().__init__(message)
        self.unreadable = unreadable


def era_of(day: date) -> Era:
    for era in ERAS:
        if day >= era.start:
            return era
    raise EraError(
        Message(
            "era", QT_TRANSLATE_NOOP("era", "{day} は明治より前の日付です"), day=day.isoformat()
        )
    )


def _year_text(n: int) -> str:
    return "元" if n == 1 else str(n)


def _before_meiji(day: date) -> bool:
    return day < ERAS[-1].start


def format_wareki(day: date, *, short: bool = False) -> str:
    """``令和元年5月1日``, or ``R1.5.1`` when ``short``; 西暦 before 明治."""
    if _before_meiji(day):
        return f"{day.year}.{day.month}.{day.day}" if short else _western(day)
    era = era_of(day)
    year = era.year_of(day)
    if short:
        return f"{era.letter}{year}.{day.month}.{day.day}"
    return f"{era.name}{_year_text(year)}年{day.month}月{day.day}日"


def _western(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def format_wareki_year(day: date) -> str:
    """``令和4年`` (the era year alone); ``1867年`` before 明治."""
    if _before_meiji(day):
        return f"{day.year}年"
    era = era_of(day)
    return f"{era.name}{_year_text(era.year_of(day))}年"


def format_fiscal_year(year: int, *, wareki: bool = False) -> str:
    """``2022年度`` or ``令和4年度``.

    A fiscal year is named after the era in force on 1 May, i.e. for almost
    all of the year: 2019年度 is 令和元年度 (as municipal records write it),
    1988年度 stays 昭和63年度.
    """
    if not wareki or not 1 <= year <= 9999:
        return f"{year}年度"
    reference = date(year, 5, 1)
    if _before_meiji(reference):
        return f"{year}年度"
    era = era_of(reference)
    return f"{era.name}{_year_text(era.year_of(reference))}年度"


_LONG = re.compile(
    r"^(?P<era>明治|大正|昭和|平成|令和)\s*(?P<year>元|\d+)\s*年\s*(?P<month>\d+)\s*月\s*"
    r"(?:(?P<day>\d+)\s*日|(?P<last>末日))$"
)
_SHORT = re.compile(r"^(?P<era>[MTSHR])\s*(?P<year>\d+)[./-](?P<month>\d+)[./-](?P<day>\d+)$")


def parse_wareki(text: str) -> date:
    """Parse ``令和4年9月30日``, ``令和4年9月末日``, ``R4.9.30`` or ``令和元年5月1日``.

    Raises:
        EraError: the text is not a date, or not a date within the named era.
    """
    norm = unicodedata.normalize("NFKC", text).strip().upper()
    match = _LONG.match(norm) or _SHORT.match(norm)
    if match is None:
        raise EraError(
            Message(
                "era", QT_TRANSLATE_NOOP("era", "「{text}」は和暦の日付として読めません"), text=text
            ),
            unreadable=True,
        )
    era_key = match["era"]
    era = next(e for e in ERAS if era_key in (e.name, e.letter))
    era_name = Message("era", era.name)
    year_in_era = 1 if match["year"] == "元" else int(match["year"])
    if year_in_era < 1:
        raise EraError(
            Message("era", QT_TRANSLATE_NOOP("era", "「{text}」の年が正しくありません"), text=text)
        )
    year = era.start.year + year_in_era - 1
    month = int(match["month"])
    if year > 9999:
        raise EraError(
            Message("era", QT_TRANSLATE_NOOP("era", "「{text}」の年が大きすぎます"), text=text)
        )
    if not 1 <= month <= 12:
        raise EraError(
            Message(
                "era",
                QT_TRANSLATE_NOOP("era", "「{text}」: {month}月はありません(月は1〜12です)"),
                text=text,
                month=month,
            )
        )
    if match.groupdict().get("last"):
        day_number = calendar.monthrange(year, month)[1]
    else:
        day_number = int(match["day"])
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day_number <= last:
        raise EraError(
            Message(
                "era",
                QT_TRANSLATE_NOOP(
                    "era",
                    "「{text}」は存在しない日付です({era}{year}年{month}月は{last}日までです)",
                ),
                text=text,
                era=era_name,
                year=_year_text(year_in_era),
                month=month,
                last=last,
            )
        )
    result = date(year, month, day_number)
    if result < era.start:
        raise EraError(
            Message(
                "era",
                QT_TRANSLATE_NOOP(
                    "era",
                    "「{text}」は{era}の始まりより前です({era}は{start_year}年{start_month}月"
                    "{start_day}日から。この日は{wareki}です)",
                ),
                text=text,
                era=era_name,
                start_year=era.start.year,
                start_month=era.start.month,
                start_day=era.start.day,
                start=era.start.isoformat(),
                wareki=format_wareki(result),
                day=result.isoformat(),
            )
        )
    newer = [e for e in ERAS if e.start > era.start]
    if newer:
        following = min(newer, key=lambda e: e.start)
        if result >= following.start:
            raise EraError(
                Message(
                    "era",
                    QT_TRANSLATE_NOOP(
                        "era",
                        "「{text}」は{era}の期間を過ぎています({following}は{start_year}年"
                        "{start_month}月{start_day}日から。この日は{wareki}です)",
                    ),
                    text=text,
                    era=era_name,
                    following=Message("era", following.name),
                    start_year=following.start.year,
                    start_month=following.start.month,
                    start_day=following.start.day,
                    start=following.start.isoformat(),
                    wareki=format_wareki(result),
                    day=result.isoformat(),
                )
            )
    return result
