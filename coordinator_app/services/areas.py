"""地域: the area tree (市域 > 地区 > 圏域 > 学区)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from coordinator_app.domain.enums import AreaKind
from coordinator_app.domain.models import Area, Assignment
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
    clean_name_and_kana,
    live,
    names_by_id,
    require_live,
)


@dataclass(frozen=True)
class AreaNode:
    area: Area
    depth: int


class AreaService(EntityService[Area]):
    model = Area
    kind_label = "地域"
    search_kind = "area"
    filter_columns = ("kind", "parent_id")
    sort_keys = {"kana": "sort_kana", "name": "name", "kind": "kind"}

    def clean(self, obj: Area) -> None:
        clean_name_and_kana(obj)
        obj.notes = clean_text(obj.notes, multiline=True)

    def validate(self, session: Session, obj: Area, errors: Errors) -> None:
        check_required(errors, "name", "地域名", obj.name)
        check_length(errors, "name", "地域名", obj.name, 200)
        check_length(errors, "kana", "ふりがな", obj.kana, 200)
        check_kana(errors, "kana", obj.kana)
        check_required(errors, "kind", "種別", obj.kind)
        if obj.parent_id is None:
            return
        if obj.kind == AreaKind.MUNICIPALITY:
            errors.add("parent_id", "市域は最上位の地域です。上位地域は指定できません")
            return
        parent = require_live(
            session, errors, "parent_id", Area, obj.parent_id, "上位地域が見つかりません"
        )
        seen: set[uuid.UUID] = {obj.id}
        while parent is not None:
            if parent.id in seen:
                errors.add("parent_id", "上位地域に自分自身やその下位地域は指定できません")
                return
            seen.add(parent.id)
            parent = session.get(Area, parent.parent_id) if parent.parent_id else None

    def before_delete(self, session: Session, obj: Area) -> None:
        child = session.exec(
            select(Area.id).where(Area.parent_id == obj.id).where(live(Area))
        ).first()
        if child is not None:
            raise ValidationError({"parent_id": "下位地域があるため削除できません"})
        posted = session.exec(
            select(Assignment.id)
            .where(Assignment.area_id == obj.id)
            .where(live(Assignment))
            .where(Assignment.end_date.is_(None))  # type: ignore[union-attr]
        ).first()
        if posted is not None:
            raise ValidationError(
                {"name": "この地域を担当中のコーディネーターがいるため削除できません"}
            )

    def decorate(self, session: Session, records: list[Area]) -> dict[uuid.UUID, dict[str, Any]]:
        parents = names_by_id(session, Area, (r.parent_id for r in records))
        return {r.id: {"parent_name": parents.get(r.parent_id, "")} for r in records}

    @reads
    def tree(self) -> list[AreaNode]:
        """Every live area, depth-first, siblings by reading."""
        with self.db.reading() as session:
            areas = list(session.exec(select(Area).where(live(Area)).order_by(Area.sort_kana)))
        children: dict[uuid.UUID | None, list[Area]] = {}
        ids = {a.id for a in areas}
        for area in areas:
            parent = area.parent_id if area.parent_id in ids else None
            children.setdefault(parent, []).append(area)
        result: list[AreaNode] = []

        def walk(parent: uuid.UUID | None, depth: int) -> None:
            for area in children.get(parent, []):
                result.append(AreaNode(area, depth))
                walk(area.id, depth + 1)

        walk(None, 0)
        return result
