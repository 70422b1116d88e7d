"""通いの場: the directory of gathering places and the municipality's list of kinds."""

from __future__ import annotations

import dataclasses
import json
import uuid
from typing import Any

from sqlmodel import Session, col, select

from coordinator_app.domain.gathering_places import (
    DEFAULT_KINDS,
    GatheringPlaceStatus,
    parse_schedule,
    photo_problem,
)
from coordinator_app.domain.models import Area, GatheringPlace, Organisation, Setting
from coordinator_app.domain.validation import (
    Errors,
    ValidationError,
    check_count,
    check_date_order,
    check_kana,
    check_length,
    check_phone,
    check_required,
    clean_text,
    normalise_phone,
)
from coordinator_app.services.access import reads, writes
from coordinator_app.services.base import (
    EntityService,
    ListQuery,
    clean_name_and_kana,
    live,
    names_by_id,
    now,
    require_live,
)

KINDS_KEY = "gathering_places.kinds"


def area_subtree_ids(area_id: uuid.UUID) -> Any:
    """A subquery of ``area_id`` and every area below it (a district holds its 学区)."""
    tree = select(Area.id).where(Area.id == area_id).cte("area_tree", recursive=True)
    tree = tree.union_all(select(Area.id).where(col(Area.parent_id) == tree.c.id))
    return select(tree.c.id)


def read_kinds(session: Session) -> list[str]:
    """The municipality's kinds (the defaults until it edits them), then any still in use."""
    row = session.exec(select(Setting).where(Setting.key == KINDS_KEY)).first()
    kinds = list(DEFAULT_KINDS)
    if row is not None and row.deleted_at is None and row.text_value:
        kinds = [str(k) for k in json.loads(row.text_value)]
    used = session.exec(select(GatheringPlace.kind).where(live(GatheringPlace)).distinct()).all()
    return kinds + sorted(k for k in used if k and k not in kinds)


class GatheringPlaceService(EntityService[GatheringPlace]):
    model = GatheringPlace
    search_kind = "gathering_place"
    kind_label = "通いの場"
    text_columns = ("name", "meeting_place")
    filter_columns = ("kind", "status", "area_id", "weekday")
    sort_keys = {
        "kana": "sort_kana",
        "name": "name",
        "kind": "kind,sort_kana",
        "status": "status,sort_kana",
        "schedule": "schedule_label,sort_kana",
    }

    def clean(self, obj: GatheringPlace) -> None:
        clean_name_and_kana(obj)
        obj.kind = clean_text(obj.kind)
        for name in ("address", "meeting_place", "fee", "eligibility", "contact_name", "website"):
            setattr(obj, name, clean_text(getattr(obj, name)))
        obj.contact_phone = normalise_phone(clean_text(obj.contact_phone))
        obj.notes = clean_text(obj.notes, multiline=True)
        obj.schedule_text = clean_text(obj.schedule_text, multiline=True)
        schedule = parse_schedule(obj.schedule_text)
        obj.schedule_rules = schedule.to_json() if obj.schedule_text else ""
        obj.schedule_label = schedule.label
        obj.weekday_mask = schedule.weekday_mask
        if obj.status == GatheringPlaceStatus.ACTIVE:
            obj.status_since = None

    def validate(self, session: Session, obj: GatheringPlace, errors: Errors) -> None:
        check_required(errors, "name", "名称", obj.name)
        check_length(errors, "name", "名称", obj.name, 200)
        check_length(errors, "kana", "ふりがな", obj.kana, 200)
        check_kana(errors, "kana", obj.kana)
        check_required(errors, "kind", "種類", obj.kind)
        check_length(errors, "kind", "種類", obj.kind, 50)
        check_length(errors, "address", "住所", obj.address, 300)
        check_length(errors, "meeting_place", "会場", obj.meeting_place, 300)
        check_length(errors, "schedule_text", "日時", obj.schedule_text, 500)
        check_length(errors, "fee", "参加費", obj.fee, 100)
        check_count(errors, "capacity", "定員", obj.capacity)
        check_count(errors, "usual_attendance", "参加者数", obj.usual_attendance)
        check_length(errors, "eligibility", "対象", obj.eligibility, 300)
        check_length(errors, "contact_name", "連絡先", obj.contact_name, 200)
        check_phone(errors, "contact_phone", obj.contact_phone)
        check_length(errors, "contact_phone", "電話番号", obj.contact_phone, 40)
        check_length(errors, "website", "ウェブページ", obj.website, 500)
        check_required(errors, "status", "状況", obj.status)
        check_date_order(
            errors, "status_since", obj.started_on, obj.status_since, label="休止・終了した日"
        )
        problem = photo_problem(obj.photo)
        if problem:
            errors.add("photo", problem)
        require_live(session, errors, "area_id", Area, obj.area_id, "地域が見つかりません")
        require_live(
            session,
            errors,
            "organisation_id",
            Organisation,
            obj.organisation_id,
            "運営団体が見つかりません",
        )

    def _filtered(self, stmt: Any, query: ListQuery) -> Any:
        filters = dict(query.filters)
        weekday = filters.pop("weekday", None)
        area_id = filters.pop("area_id", None)
        stmt = super()._filtered(stmt, dataclasses.replace(query, filters=filters))
        if weekday is not None:
            stmt = stmt.where(col(GatheringPlace.weekday_mask).op("&")(1 << int(weekday)) != 0)
        if area_id is not None:
            stmt = stmt.where(col(GatheringPlace.area_id).in_(area_subtree_ids(area_id)))
        return stmt

    def decorate(
        self, session: Session, records: list[GatheringPlace]
    ) -> dict[uuid.UUID, dict[str, Any]]:
        areas = names_by_id(session, Area, (r.area_id for r in records))
        orgs = names_by_id(session, Organisation, (r.organisation_id for r in records))
        return {
            r.id: {
                "area_name": areas.get(r.area_id, "") if r.area_id else "",
                "organisation_name": orgs.get(r.organisation_id, "") if r.organisation_id else "",
            }
            for r in records
        }

    # -- the list of kinds -------------------------------------------------------

    @reads
    def kinds(self) -> list[str]:
        with self.db.reading() as session:
            return read_kinds(session)

    @writes
    def add_kind(self, name: str) -> list[str]:
        """Add a kind to the municipality's list (kept, with the others, in the data)."""
        kind = clean_text(name)
        errors = Errors()
        check_required(errors, "kind", "種類", kind)
        check_length(errors, "kind", "種類", kind, 50)
        errors.raise_if_any()
        with self.db.writing() as session:
            kinds = read_kinds(session)
            if kind in kinds:
                raise ValidationError({"kind": f"「{kind}」はすでにあります"})
            kinds.append(kind)
            row = session.exec(select(Setting).where(Setting.key == KINDS_KEY)).first()
            row = row or Setting(key=KINDS_KEY)
            row.text_value = json.dumps(kinds, ensure_ascii=False)
            row.deleted_at = None
            row.updated_at = now()
            session.add(row)
        return kinds
