"""Building flyer data (:mod:`coordinator_app.documents.data.flyer`) from the services.

Fallbacks live here, so the renderer draws what it is given: a coordinator
without a phone number prints the employer's, then the municipality's. The
served areas' statistics (地域の統計) are formatted here too, in the chosen
calendar, and only for areas that have any.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from coordinator_app.documents.data.common import Issuer
from coordinator_app.documents.data.flyer import (
    AreaFigures,
    FlyerCoordinator,
    FlyerData,
    FlyerOverrides,
    QrCode,
    QrContent,
    TeamFlyerData,
)
from coordinator_app.domain.area_statistics import statistics_of
from coordinator_app.domain.enums import AreaKind, tier_label
from coordinator_app.domain.era import format_wareki
from coordinator_app.domain.municipality import MunicipalityProfile
from coordinator_app.domain.posts import is_current
from coordinator_app.services.flyer_sources import (
    AreaFields,
    AssignmentFields,
    CoordinatorFields,
    FlyerSources,
    OrganisationFields,
)
from coordinator_app.services.issuers import issuer_of

if TYPE_CHECKING:
    # The ORM behind these is imported only by :meth:`FlyerServices.create`: the
    # command line reads a file at the schema head without it (.flyer_sources).
    from coordinator_app.services.access import Actor
    from coordinator_app.services.areas import AreaService
    from coordinator_app.services.coordinators import AssignmentService, CoordinatorService
    from coordinator_app.services.organisations import OrganisationService
    from coordinator_app.services.settings import SettingsService
    from coordinator_app.storage.database import Database

__all__ = ["FlyerDataBuilder", "FlyerServices", "FlyerSources", "mecard", "normalise_url"]

WEBSITE_CAPTION = "ホームページはこちら"
CONTACT_CAPTION = "読み取ると連絡先を登録できます"


def _mecard_escape(text: str) -> str:
    for ch in "\\;,:":
        text = text.replace(ch, "\\" + ch)
    return text


def _mecard_name(text: str) -> str:
    # MECARD separates family and given name with a comma.
    parts = text.split()
    if len(parts) == 2:
        return ",".join(_mecard_escape(p) for p in parts)
    return _mecard_escape(text)


def mecard(person: FlyerCoordinator) -> str:
    """The contact as a MECARD (read by Japanese phones' camera apps)."""
    fields = [f"N:{_mecard_name(person.name)}"]
    if person.kana:
        fields.append(f"SOUND:{_mecard_name(person.kana)}")
    for key, value in (
        ("TEL", person.phone),
        ("EMAIL", person.email),
        ("ADR", person.address),
        ("NOTE", person.organisation),
    ):
        if value:
            fields.append(f"{key}:{_mecard_escape(value)}")
    return "MECARD:" + ";".join(fields) + ";;"


def normalise_url(url: str) -> str:
    url = url.strip()
    if url and "://" not in url:
        return "https://" + url
    return url


@dataclass(frozen=True)
class FlyerServices:
    """Only the services flyers read, for the command line.

    The full registry imports every service (meetings, projects, reviews,
    search...), a third of the flyer command's start-up; flyers read five.
    """

    db: Database
    settings: SettingsService
    areas: AreaService
    organisations: OrganisationService
    coordinators: CoordinatorService
    assignments: AssignmentService

    @classmethod
    def create(cls, db: Database, *, actor: Actor | None = None) -> FlyerServices:
        """The five services of ``db``, sharing ``actor`` (default: nobody chosen)."""
        from coordinator_app.services.access import Actor
        from coordinator_app.services.areas import AreaService
        from coordinator_app.services.coordinators import AssignmentService, CoordinatorService
        from coordinator_app.services.organisations import OrganisationService
        from coordinator_app.services.settings import SettingsService

        actor = actor or Actor()
        services = cls(
            db=db,
            settings=SettingsService(db),
            areas=AreaService(db),
            organisations=OrganisationService(db),
            coordinators=CoordinatorService(db),
            assignments=AssignmentService(db),
        )
        for service in (
            services.settings,
            services.areas,
            services.organisations,
            services.coordinators,
            services.assignments,
        ):
            service.bind_actor(actor)
        return services


class FlyerDataBuilder:
    """Reads coordinators, posts, organisations and settings; returns flyer data.

    One builder serves one dialog or one batch: the municipality profile,
    areas and assignments are read once.

    Args:
        services: the open database's services.
        today: the date that decides which posts are current.
        qr: what the QR code holds.
        wareki: print the statistics' 基準日 in the Japanese calendar (令和…).
    """

    def __init__(
        self,
        services: FlyerSources,
        *,
        today: date | None = None,
        qr: QrContent = QrContent.AUTO,
        wareki: bool = False,
    ) -> None:
        self._services = services
        self.today = today or date.today()
        self.qr = qr
        self.wareki = wareki
        self._profile: MunicipalityProfile | None = None
        self._areas: dict[uuid.UUID, AreaFields] | None = None
        self._posts: dict[uuid.UUID, list[AssignmentFields]] | None = None
        self._orgs: dict[uuid.UUID, OrganisationFields] = {}

    # -- cached reads -------------------------------------------------------------

    @property
    def profile(self) -> MunicipalityProfile:
        if self._profile is None:
            self._profile = self._services.settings.municipality()
        return self._profile

    def _area_map(self) -> dict[uuid.UUID, AreaFields]:
        if self._areas is None:
            self._areas = {a.id: a for a in self._services.areas.list().rows}
        return self._areas

    def _current_posts(self) -> dict[uuid.UUID, list[AssignmentFields]]:
        if self._posts is None:
            posts: dict[uuid.UUID, list[AssignmentFields]] = {}
            for a in self._services.assignments.list().rows:
                if is_current(a, self.today):
                    posts.setdefault(a.coordinator_id, []).append(a)
            for rows in posts.values():
                rows.sort(key=lambda a: (a.tier, a.start_date))
            self._posts = posts
        return self._posts

    def _organisation(self, org_id: uuid.UUID | None) -> OrganisationFields | None:
        if org_id is None:
            return None
        if org_id not in self._orgs:
            self._orgs[org_id] = self._services.organisations.get(org_id)
        return self._orgs[org_id]

    # -- pieces -------------------------------------------------------------------

    def issuer(self) -> Issuer:
        return issuer_of(self.profile)

    def _post_text(self, assignment: AssignmentFields) -> str:
        area = self._area_map().get(assignment.area_id)
        area_name = ""
        if area is not None:
            area_name = area.name + ("全域" if area.kind == AreaKind.MUNICIPALITY else "")
        text = f"{tier_label(assignment.tier, assignment.tier_label)} {area_name}".strip()
        return text + ("(兼務)" if assignment.concurrent else "")

    def coordinator(
        self, record: CoordinatorFields, overrides: FlyerOverrides | None = None
    ) -> FlyerCoordinator:
        posts = self._current_posts().get(record.id, [])
        orgs = [o for o in (self._organisation(a.organisation_id) for a in posts) if o]
        org_names = list(dict.fromkeys(o.name for o in orgs))
        first = orgs[0] if orgs else None
        p = self.profile
        message = record.message
        if overrides is not None and overrides.message is not None:
            message = overrides.message
        return FlyerCoordinator(
            coordinator_id=record.id,
            name=record.name,
            kana=record.kana,
            photo=record.photo,
            posts=tuple(dict.fromkeys(self._post_text(a) for a in posts)),
            organisation="・".join(org_names),
            phone=record.phone or (first.phone if first else "") or p.phone,
            email=record.email or (first.email if first else "") or p.email,
            address=(first.address if first else "") or p.address,
            office_hours=record.office_hours,
            message=message.strip(),
        )

    def area_figures(self, area_ids: Iterable[uuid.UUID]) -> tuple[AreaFigures, ...]:
        """The statistics of each area in ``area_ids`` that has any, in that order."""
        figures = []
        for area_id in dict.fromkeys(area_ids):
            area = self._area_map().get(area_id)
            if area is None:
                continue
            stats = statistics_of(area)
            text = dataclasses.replace(stats, as_of=None).describe()
            if not text:
                continue
            day = stats.as_of
            as_of = ""
            if day is not None:
                as_of = (
                    format_wareki(day) if self.wareki else f"{day.year}年{day.month}月{day.day}日"
                )
            figures.append(AreaFigures(area=area.name, figures=text, as_of=as_of))
        return tuple(figures)

    def _website(self, organisation_website: str = "") -> str:
        return normalise_url(self.profile.website or organisation_website)

    def _qr(self, person: FlyerCoordinator | None, organisation_website: str = "") -> QrCode | None:
        website = self._website(organisation_website)
        if self.qr == QrContent.NONE:
            return None
        if self.qr in (QrContent.AUTO, QrContent.WEBSITE) and website:
            return QrCode(payload=website, caption=WEBSITE_CAPTION)
        if self.qr in (QrContent.AUTO, QrContent.CONTACT) and person is not None:
            return QrCode(payload=mecard(person), caption=CONTACT_CAPTION)
        return None

    def consult_topics(self, record: CoordinatorFields | None = None) -> tuple[str, ...]:
        """The coordinator's own list when set, else the municipality's default."""
        own = record.consult_topic_list if record is not None else []
        return tuple(own or self.profile.consult_topic_list)

    # -- public -------------------------------------------------------------------

    def flyer(
        self, coordinator_id: uuid.UUID, overrides: FlyerOverrides | None = None
    ) -> FlyerData:
        """One coordinator's flyer data, with this print's overrides applied."""
        record = self._services.coordinators.get(coordinator_id)
        person = self.coordinator(record, overrides)
        topics = self.consult_topics(record)
        if overrides is not None and overrides.consult_topics is not None:
            topics = tuple(t.strip() for t in overrides.consult_topics if t.strip())
        posts = self._current_posts().get(record.id, [])
        org_site = next(
            (o.website for o in map(self._organisation, (a.organisation_id for a in posts)) if o),
            "",
        )
        return FlyerData(
            coordinator=person,
            issuer=self.issuer(),
            role_explanation=self.profile.role_explanation.strip(),
            consult_topics=topics,
            qr=self._qr(person, org_site),
            area_figures=self.area_figures(a.area_id for a in posts),
        )

    def flyers(
        self,
        coordinator_ids: Iterable[uuid.UUID],
        overrides: Mapping[uuid.UUID, FlyerOverrides] | None = None,
    ) -> list[FlyerData]:
        overrides = overrides or {}
        return [self.flyer(i, overrides.get(i)) for i in coordinator_ids]

    def active_coordinator_ids(self) -> list[uuid.UUID]:
        """Coordinators holding a current post, by reading (ふりがな順)."""
        posted = self._current_posts()
        return [c.id for c in self._services.coordinators.list().rows if c.id in posted]

    def team(self, area_id: uuid.UUID | None = None) -> TeamFlyerData:
        """Everyone serving ``area_id`` (``None``: the whole municipality), tier 1 first."""
        posts = self._current_posts()
        if area_id is None:
            area_name = self.profile.name or next(
                (a.name for a in self._area_map().values() if a.kind == AreaKind.MUNICIPALITY),
                "",
            )
            area_name = f"{area_name}全域" if area_name else "市全域"
            wanted = set(posts)
            city = [a.id for a in self._area_map().values() if a.kind == AreaKind.MUNICIPALITY]
            figures = self.area_figures(city[:1])
        else:
            area_name = self._services.areas.get(area_id).name
            related = self._related_areas(area_id)
            wanted = {cid for cid, rows in posts.items() if any(a.area_id in related for a in rows)}
            figures = self.area_figures([area_id])
        records = [c for c in self._services.coordinators.list().rows if c.id in wanted]
        records.sort(key=lambda c: (min(a.tier for a in posts[c.id]), c.sort_kana))
        members = tuple(self.coordinator(r) for r in records)
        return TeamFlyerData(
            area_name=area_name,
            members=members,
            issuer=self.issuer(),
            role_explanation=self.profile.role_explanation.strip(),
            consult_topics=self.consult_topics(),
            qr=self._qr(None),
            area_figures=figures,
        )

    def _related_areas(self, area_id: uuid.UUID) -> set[uuid.UUID]:
        # The area, everything inside it, and the areas containing it: a tier-1
        # coordinator of the whole city also serves each district.
        areas = self._area_map()
        related = {area_id}
        frontier = {area_id}
        while frontier:
            frontier = {a.id for a in areas.values() if a.parent_id in frontier} - related
            related |= frontier
        current = areas.get(area_id)
        while current is not None and current.parent_id is not None:
            related.add(current.parent_id)
            current = areas.get(current.parent_id)
        return related
