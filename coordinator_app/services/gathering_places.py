"""通いの場: the directory of gathering places and the municipality's list of kinds."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from coordinator_app.documents.data.common import Issuer
from coordinator_app.documents.data.guidebook import GuidebookData, GuidebookEntry, GuidebookSection
from coordinator_app.domain.gathering_places import (
    DEFAULT_KINDS,
    GatheringPlaceStatus,
    Schedule,
    parse_schedule,
    photo_problem,
    web_page_url,
)
from coordinator_app.domain.ids import setting_id
from coordinator_app.domain.models import Area, GatheringPlace, Organisation, Setting
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, error, invalid
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
from coordinator_app.services.settings import MunicipalityProfile
from coordinator_app.storage.database import Database

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
    kind = RecordKind.GATHERING_PLACE
    text_columns = ("name", "meeting_place")
    filter_columns = ("kind", "status", "area_id", "weekday")
    sort_keys = {
        "kana": "sort_kana",
        "name": "name",
        "kind": "kind,sort_kana",
        "status": "status,sort_kana",
        "schedule": "schedule_label,sort_kana",
    }
    list_columns = (
        "id",
        "name",
        "kind",
        "status",
        "schedule_label",
        "meeting_place",
        "area_id",
        "organisation_id",
    )

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
        require_live(
            session,
            errors,
            "area_id",
            Area,
            obj.area_id,
            invalid(QT_TRANSLATE_NOOP("validation", "地域が見つかりません")),
        )
        require_live(
            session,
            errors,
            "organisation_id",
            Organisation,
            obj.organisation_id,
            invalid(QT_TRANSLATE_NOOP("validation", "運営団体が見つかりません")),
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

    # -- the guidebook ------------------------------------------------------------

    @reads
    def find_area(self, name_or_id: str) -> Area:
        """The area a guidebook is made for, by name or id (LookupError when unclear)."""
        return GuidebookBuilder(self.db).find_area(name_or_id)

    @reads
    def guidebook(
        self,
        profile: MunicipalityProfile,
        area_id: uuid.UUID | None = None,
        *,
        today: date | None = None,
    ) -> GuidebookData:
        """The guidebook's data: the active places of ``area_id`` (and the areas below it)
        or of the whole municipality, grouped by area in tree order."""
        return GuidebookBuilder(self.db).build(profile, area_id, today=today or date.today())

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
                raise ValidationError(
                    {
                        "kind": invalid(
                            QT_TRANSLATE_NOOP("validation", "「{kind}」はすでにあります"), kind=kind
                        )
                    }
                )
            kinds.append(kind)
            row = session.exec(select(Setting).where(Setting.key == KINDS_KEY)).first()
            row = row or Setting(id=setting_id(KINDS_KEY), key=KINDS_KEY)
            row.text_value = json.dumps(kinds, ensure_ascii=False)
            row.deleted_at = None
            row.updated_at = now()
            session.add(row)
        return kinds


def _area_order(session: Session) -> dict[uuid.UUID, int]:
    """Live areas in tree order (each area before the areas below it, siblings by reading)."""
    areas = session.exec(select(Area).where(live(Area))).all()
    children: dict[uuid.UUID | None, list[Area]] = {}
    for area in areas:
        children.setdefault(area.parent_id, []).append(area)
    order: dict[uuid.UUID, int] = {}
    ids = {a.id for a in areas}
    roots = [a for a in areas if a.parent_id is None or a.parent_id not in ids]
    stack = sorted(roots, key=lambda a: a.sort_kana, reverse=True)
    while stack:
        area = stack.pop()
        order[area.id] = len(order)
        stack.extend(sorted(children.get(area.id, []), key=lambda a: a.sort_kana, reverse=True))
    return order


def _area_facts(area: Area | None) -> list[tuple[str, str]]:
    if area is None:
        return []
    facts = []
    if area.population is not None:
        facts.append(("人口", f"{area.population:,}人"))
    if area.households is not None:
        facts.append(("世帯数", f"{area.households:,}世帯"))
    if area.aging_rate is not None:
        facts.append(("高齢化率", f"{area.aging_rate:.1f}%"))
    if facts and area.stats_as_of is not None:
        facts.append(("基準日", f"{area.stats_as_of:%Y年%-m月%-d日}"))
    return facts


class GuidebookBuilder:
    """Builds the guidebook's data: active places of the municipality or of one area."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def find_area(self, name_or_id: str) -> Area:
        """The live area named ``name_or_id`` (or with that id).

        Raises:
            LookupError: none, or several with that name (the message says which).
        """
        with self.db.reading() as session:
            try:
                wanted = uuid.UUID(name_or_id)
            except ValueError:
                wanted = None
            stmt = select(Area).where(live(Area))
            stmt = stmt.where(Area.id == wanted) if wanted else stmt.where(Area.name == name_or_id)
            found = session.exec(stmt).all()
        if not found:
            raise LookupError(
                error(
                    QT_TRANSLATE_NOOP("errors", "地域「{name}」が見つかりません"), name=name_or_id
                )
            )
        if len(found) > 1:
            raise LookupError(
                error(
                    QT_TRANSLATE_NOOP(
                        "errors", "「{name}」という地域が複数あります。IDで指定してください"
                    ),
                    name=name_or_id,
                )
            )
        return found[0]

    def build(
        self, profile: MunicipalityProfile, area_id: uuid.UUID | None = None, *, today: date
    ) -> GuidebookData:
        with self.db.reading() as session:
            stmt = (
                select(GatheringPlace)
                .where(live(GatheringPlace))
                .where(GatheringPlace.status == GatheringPlaceStatus.ACTIVE)
            )
            area = session.get(Area, area_id) if area_id is not None else None
            if area_id is not None:
                stmt = stmt.where(col(GatheringPlace.area_id).in_(area_subtree_ids(area_id)))
            places = list(session.exec(stmt.order_by(GatheringPlace.sort_kana)).all())
            order = _area_order(session)
            kinds = read_kinds(session)
            areas = names_by_id(session, Area, (p.area_id for p in places))
            orgs = names_by_id(session, Organisation, (p.organisation_id for p in places))
            if area is None:
                area = session.exec(
                    select(Area).where(live(Area)).where(col(Area.parent_id).is_(None))
                ).first()
        groups: dict[uuid.UUID | None, list[GuidebookEntry]] = {}
        notes: list[str] = []
        for place in places:
            groups.setdefault(place.area_id, []).append(self._entry(place, orgs))
            if place.website.strip() and web_page_url(place.website) is None:
                notes.append(
                    error(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "「{name}」のウェブページ「{url}」はhttp:// または https:// で始まるURLではないため、QRコードを載せませんでした",  # noqa: E501
                        ),
                        name=place.name,
                        url=place.website.strip(),
                    )
                )
        keys = sorted(groups, key=lambda k: order.get(k, len(order)) if k else len(order) + 1)
        sections = [
            GuidebookSection(area=areas.get(k, "") if k else "地域未設定", entries=groups[k])
            for k in keys
        ]
        return GuidebookData(
            title="通いの場ガイドブック",
            scope=self._scope(profile, area, whole=area_id is None),
            issuer=Issuer(
                name=profile.name,
                department=profile.department,
                address=profile.address,
                phone=profile.phone,
                fax=profile.fax,
                email=profile.email,
                website=profile.website,
                reception_hours=profile.reception_hours,
            ),
            area_facts=_area_facts(area),
            sections=sections,
            created=f"{today:%Y年%-m月%-d日}",
            kind_order=kinds,
            notes=notes,
        )

    @staticmethod
    def _scope(profile: MunicipalityProfile, area: Area | None, *, whole: bool) -> str:
        """The district's name, or for the whole municipality its name (or its root area's)."""
        if whole:
            return profile.name or (area.name if area else "")
        return area.name if area else ""

    @staticmethod
    def _entry(place: GatheringPlace, orgs: dict[uuid.UUID | None, str]) -> GuidebookEntry:
        access = "・".join(
            text
            for flag, text in ((place.barrier_free, "バリアフリー"), (place.transport, "送迎あり"))
            if flag
        )
        org = orgs.get(place.organisation_id, "") if place.organisation_id else ""
        contact = ""
        if place.contact_printable:
            contact = "  ".join(p for p in (org, place.contact_name, place.contact_phone) if p)
        elif org:
            contact = org
        schedule = Schedule.from_json(place.schedule_rules)
        return GuidebookEntry(
            key=place.id.hex,
            name=place.name,
            kind=place.kind,
            schedule=place.schedule_label or place.schedule_text,
            meeting_place=place.meeting_place,
            address=place.address,
            fee=place.fee,
            eligibility=place.eligibility,
            accessibility=access,
            contact=contact,
            photo=place.photo,
            weekdays=tuple(sorted({d for r in schedule.rules for d in r.weekdays})),
            url=web_page_url(place.website) or "",
        )
