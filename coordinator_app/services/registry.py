"""All services of one open database, built once by the composition root."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields

from coordinator_app.services.access import Actor, Guarded
from coordinator_app.services.action_items import ActionItemService
from coordinator_app.services.areas import AreaService
from coordinator_app.services.attachments import AttachmentService
from coordinator_app.services.calendar_export import CalendarExportService
from coordinator_app.services.coordinators import AssignmentService, CoordinatorService
from coordinator_app.services.councils import CouncilMembershipService, CouncilService
from coordinator_app.services.documents import DocumentService
from coordinator_app.services.gathering_places import GatheringPlaceService
from coordinator_app.services.meetings import MeetingService, area_subtree
from coordinator_app.services.organisations import ContactService, OrganisationService
from coordinator_app.services.profiles import ProfileService
from coordinator_app.services.progress_timeline import ProgressTimelineService
from coordinator_app.services.project_pages import ProjectPageService
from coordinator_app.services.projects import ProgressEntryService, ProjectService
from coordinator_app.services.reports import ReportService
from coordinator_app.services.reviews import ReviewService
from coordinator_app.services.search import SearchService
from coordinator_app.services.search_aliases import SearchAliasService
from coordinator_app.services.settings import SettingsService
from coordinator_app.services.surveys import SurveyService
from coordinator_app.services.tiers import LocalTierService
from coordinator_app.storage.database import Database


@dataclass(frozen=True)
class Services:
    """Every service of one database, sharing one :class:`Actor` (who is acting).

    The window makes the actor follow the profile in use; every write method
    of every service checks it (``services/access.py``).
    """

    db: Database
    areas: AreaService
    organisations: OrganisationService
    contacts: ContactService
    coordinators: CoordinatorService
    assignments: AssignmentService
    councils: CouncilService
    council_members: CouncilMembershipService
    meetings: MeetingService
    action_items: ActionItemService
    projects: ProjectService
    progress: ProgressEntryService
    timeline: ProgressTimelineService
    project_pages: ProjectPageService
    settings: SettingsService
    attachments: AttachmentService
    calendar: CalendarExportService
    profiles: ProfileService
    reviews: ReviewService
    reports: ReportService
    documents: DocumentService
    search: SearchService
    tiers: LocalTierService
    aliases: SearchAliasService
    gathering_places: GatheringPlaceService
    surveys: SurveyService
    actor: Actor = field(default_factory=Actor)

    def __post_init__(self) -> None:
        for service in self.all():
            service.bind_actor(self.actor)

    def all(self) -> list[Guarded]:
        """Every service (not the database nor the actor), in declaration order."""
        return [getattr(self, f.name) for f in fields(self) if f.name not in ("db", "actor")]

    @classmethod
    def create(cls, db: Database, *, actor: Actor | None = None) -> Services:
        """All services of ``db``; ``actor`` (default: nobody chosen yet) is shared.

        The database's change feed names the actor's profile in what it publishes.
        """
        actor = actor or Actor()
        db.changes.profile_of = lambda: _profile_id(actor)
        return cls(
            db=db,
            areas=AreaService(db),
            organisations=OrganisationService(db),
            contacts=ContactService(db),
            coordinators=CoordinatorService(db),
            assignments=AssignmentService(db),
            councils=CouncilService(db),
            council_members=CouncilMembershipService(db),
            meetings=MeetingService(db),
            action_items=ActionItemService(db),
            projects=ProjectService(db),
            progress=ProgressEntryService(db),
            timeline=ProgressTimelineService(db),
            project_pages=ProjectPageService(db),
            settings=SettingsService(db),
            attachments=AttachmentService(db),
            calendar=CalendarExportService(db),
            profiles=ProfileService(db),
            reviews=ReviewService(db),
            reports=ReportService(db),
            documents=DocumentService(db),
            search=SearchService(db, area_subtree=area_subtree),
            tiers=LocalTierService(db),
            aliases=SearchAliasService(db),
            gathering_places=(places := GatheringPlaceService(db)),
            surveys=SurveyService(db, places),
            actor=actor,
        )

    def is_empty(self) -> bool:
        """True when the database holds no records yet (offer demo data)."""
        return all(
            service.list().total == 0
            for service in (self.areas, self.organisations, self.coordinators, self.meetings)
        )


def _profile_id(actor: Actor) -> uuid.UUID | None:
    profile = actor.profile
    return profile.id if profile is not None else None
