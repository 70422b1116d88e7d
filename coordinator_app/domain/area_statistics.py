"""地域の統計 (人口・世帯数・高齢化率 as of a 基準日): what reports and flyers print.

Pure, so the flyer command formats an area's figures without the ORM.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from coordinator_app.domain.era import format_wareki
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, joined


class AreaFigureFields(Protocol):
    """What :func:`statistics_of` reads of an area."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def name(self) -> str: ...
    @property
    def population(self) -> int | None: ...
    @property
    def households(self) -> int | None: ...
    @property
    def aging_rate(self) -> float | None: ...
    @property
    def stats_as_of(self) -> date | None: ...


def _stat(source: str, value: str) -> Message:
    return Message("areas", source, n=value)


@dataclass(frozen=True)
class AreaStatistics:
    """地域の統計: what reports and flyers print about an area (None: not entered)."""

    area_id: uuid.UUID
    area_name: str
    population: int | None
    households: int | None
    aging_rate: float | None
    as_of: date | None

    @property
    def is_empty(self) -> bool:
        return self.population is None and self.households is None and self.aging_rate is None

    def describe(self, *, wareki: bool = False) -> str:
        """``人口 478,570人・世帯数 218,097・高齢化率 27.8%(令和4年9月30日現在)`` for
        documents (empty when nothing was entered)."""
        parts: list[str] = []
        if self.population is not None:
            parts.append(_stat(QT_TRANSLATE_NOOP("areas", "人口 {n}人"), f"{self.population:,}"))
        if self.households is not None:
            parts.append(_stat(QT_TRANSLATE_NOOP("areas", "世帯数 {n}"), f"{self.households:,}"))
        if self.aging_rate is not None:
            parts.append(_stat(QT_TRANSLATE_NOOP("areas", "高齢化率 {n}%"), f"{self.aging_rate:g}"))
        if not parts:
            return ""
        text = joined(parts, "・")
        if self.as_of is None:
            return text
        d = self.as_of
        day: str = (
            format_wareki(d)
            if wareki
            else Message(
                "areas",
                QT_TRANSLATE_NOOP("areas", "{year}年{month}月{day}日"),
                year=d.year,
                month=d.month,
                day=d.day,
                iso=d.isoformat(),
            )
        )
        return Message("areas", QT_TRANSLATE_NOOP("areas", "{text}({day}現在)"), text=text, day=day)


def statistics_of(area: AreaFigureFields) -> AreaStatistics:
    """The statistics an area (a table row or a flyer's light row) carries."""
    return AreaStatistics(
        area_id=area.id,
        area_name=area.name,
        population=area.population,
        households=area.households,
        aging_rate=area.aging_rate,
        as_of=area.stats_as_of,
    )
