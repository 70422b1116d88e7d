"""地域: the area tree (市域 > 地区 > 圏域 > 学区)."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from coordinator_app.domain.area_statistics import AreaStatistics as AreaStatistics
from coordinator_app.domain.area_statistics import statistics_of as statistics_of
from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import Area, Assignment
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message, field, invalid
from coordinator_app.domain.validation import (
    Errors,
    ValidationError,
    check_kana,
    check_length,
    check_required,
    clean_text,
)
from coordinator_app.services.access import reads
from coordinator_app.services.base import (
    EntityService,
    ListQuery,
    clean_name_and_kana,
    live,
    names_by_id,
    require_live,
)

MAX_POPULATION = 100_000_000
"""More people than Japan has is a typing error."""


@dataclass(frozen=True)
class AreaNode:
    """An area in tree order.

    Attributes:
        depth: 0 for a top-level area.
        matched: False for an ancestor shown only to keep a match in its place.
        has_children: live areas lie below it (whether or not they are shown).
    """

    area: Area
    depth: int
    matched: bool = True
    has_children: bool = False


def check_statistics(errors: Errors, area: Area) -> None:
    """Counts are whole numbers ≥ 0, the rate a percentage, and figures have a 基準日."""
    for name, caption, value in (
        ("population", "人口", area.population),
        ("households", "世帯数", area.households),
    ):
        if value is not None and value < 0:
            errors.add(
                name,
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP("validation", "{caption}は0以上の数で入力してください"),
                    caption=field(caption),
                ),
            )
        elif value is not None and value > MAX_POPULATION:
            errors.add(
                name,
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP(
                        "validation", "{caption}が大きすぎます({max}以下で入力してください)"
                    ),
                    caption=field(caption),
                    max=f"{MAX_POPULATION:,}",
                ),
            )
    rate = area.aging_rate
    if rate is not None and (math.isnan(rate) or not 0 <= rate <= 100):
        errors.add(
            "aging_rate",
            Message(
                "validation",
                QT_TRANSLATE_NOOP("validation", "高齢化率は0から100までの数(%)で入力してください"),
            ),
        )
    if (
        area.population is not None
        and area.households is not None
        and area.households > area.population >= 0
    ):
        errors.add(
            "households",
            Message(
                "validation",
                QT_TRANSLATE_NOOP(
                    "validation", "世帯数が人口より多くなっています。数を確かめてください"
                ),
            ),
        )
    figures = (area.population, area.households, area.aging_rate)
    if area.stats_as_of is None and any(v is not None for v in figures):
        errors.add(
            "stats_as_of",
            Message(
                "validation",
                QT_TRANSLATE_NOOP(
                    "validation", "人口などの数には基準日(例: 令和4年9月末日)を入力してください"
                ),
            ),
        )


class AreaService(EntityService[Area]):
    model = Area
    kind = RecordKind.AREA
    filter_columns = ("kind", "parent_id")
    sort_keys = {
        "kana": "sort_kana",
        "name": "name",
        "kind": "kind",
        "population": "population",
        "aging_rate": "aging_rate",
    }

    def clean(self, obj: Area) -> None:
        clean_name_and_kana(obj)
        obj.notes = clean_text(obj.notes, multiline=True)

    def validate(self, session: Session, obj: Area, errors: Errors) -> None:
        check_required(errors, "name", "地域名", obj.name)
        check_length(errors, "name", "地域名", obj.name, 200)
        check_length(errors, "kana", "ふりがな", obj.kana, 200)
        check_kana(errors, "kana", obj.kana)
        check_required(errors, "kind", "種別", obj.kind)
        check_statistics(errors, obj)
        if obj.parent_id is None:
            return
        if obj.kind == AreaKind.MUNICIPALITY:
            errors.add(
                "parent_id",
                Message(
                    "validation",
                    QT_TRANSLATE_NOOP(
                        "validation", "市域は最上位の地域です。上位地域は指定できません"
                    ),
                ),
            )
            return
        parent = require_live(
            session,
            errors,
            "parent_id",
            Area,
            obj.parent_id,
            invalid(QT_TRANSLATE_NOOP("validation", "上位地域が見つかりません")),
        )
        seen: set[uuid.UUID] = {obj.id}
        while parent is not None:
            if parent.id in seen:
                errors.add(
                    "parent_id",
                    Message(
                        "validation",
                        QT_TRANSLATE_NOOP(
                            "validation", "上位地域に自分自身やその下位地域は指定できません"
                        ),
                    ),
                )
                return
            seen.add(parent.id)
            parent = session.get(Area, parent.parent_id) if parent.parent_id else None

    def before_delete(self, session: Session, obj: Area) -> None:
        child = session.exec(
            select(Area.id).where(Area.parent_id == obj.id).where(live(Area))
        ).first()
        if child is not None:
            raise ValidationError(
                {
                    "parent_id": invalid(
                        QT_TRANSLATE_NOOP("validation", "下位地域があるため削除できません")
                    )
                }
            )
        posted = session.exec(
            select(Assignment.id)
            .where(Assignment.area_id == obj.id)
            .where(live(Assignment))
            .where(col(Assignment.end_date).is_(None))
        ).first()
        if posted is not None:
            raise ValidationError(
                {
                    "name": invalid(
                        QT_TRANSLATE_NOOP(
                            "validation",
                            "この地域を担当中のコーディネーターがいるため削除できません",
                        )
                    )
                }
            )

    def decorate(self, session: Session, records: list[Area]) -> dict[uuid.UUID, dict[str, Any]]:
        parents = names_by_id(session, Area, (r.parent_id for r in records))
        return {r.id: {"parent_name": parents.get(r.parent_id, "")} for r in records}

    @reads
    def statistics(self, area_id: uuid.UUID) -> AreaStatistics:
        """The area's population figures (for reports and flyers)."""
        return statistics_of(self.get(area_id))

    @reads
    def tree(
        self,
        text: str = "",
        *,
        kind: AreaKind | None = None,
        sort: str = "kana",
        descending: bool = False,
    ) -> list[AreaNode]:
        """Live areas depth-first, siblings ordered by ``sort`` (a list sort key).

        With a ``text`` (kanji or kana) or ``kind`` filter only the matching
        areas are marked ``matched``; their ancestors come along, so each match
        stays in its place in the hierarchy.
        """
        columns = [getattr(Area, c) for c in self.sort_keys.get(sort, "sort_kana").split(",")]
        order = [c.desc() if descending else c.asc() for c in columns]
        with self.db.reading() as session:
            areas = list(
                session.exec(select(Area).where(live(Area)).order_by(*order, Area.sort_kana))
            )
            matched: set[uuid.UUID] | None = None
            if text.strip() or kind is not None:
                query = ListQuery(text=text, filters={"kind": kind})
                matched = set(session.exec(self._filtered(select(Area.id), query)).all())
        by_id = {a.id: a for a in areas}
        children: dict[uuid.UUID | None, list[Area]] = {}
        for area in areas:
            parent = area.parent_id if area.parent_id in by_id else None
            children.setdefault(parent, []).append(area)
        shown: set[uuid.UUID] | None = None
        if matched is not None:
            shown = set()
            for area_id in matched:
                current: uuid.UUID | None = area_id
                while current is not None and current in by_id and current not in shown:
                    shown.add(current)
                    current = by_id[current].parent_id
        result: list[AreaNode] = []

        def walk(parent: uuid.UUID | None, depth: int) -> None:
            for area in children.get(parent, []):
                if shown is not None and area.id not in shown:
                    continue
                result.append(
                    AreaNode(
                        area,
                        depth,
                        matched=matched is None or area.id in matched,
                        has_children=bool(children.get(area.id)),
                    )
                )
                walk(area.id, depth + 1)

        walk(None, 0)
        return result
