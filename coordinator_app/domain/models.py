"""The domain model: SQLModel tables named after the glossary.

Every table carries a UUID primary key, ``created_at``/``updated_at`` in UTC
and a soft-delete marker ``deleted_at``; later multi-user sync and the audit
trail build on these columns. Link tables follow the same rule, so a removed
link is soft-deleted like any other row.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlmodel import Field

from coordinator_app.domain.enums import (
    AreaKind,
    CouncilStatus,
    MeetingKind,
    MeetingMode,
    OrgKind,
    ProfileRole,
    ProjectProgram,
    ProjectStatus,
    SupportCenterOperation,
)

# Re-exported: every table is importable from here, as it always was.
from coordinator_app.domain.place_models import GatheringPlace as GatheringPlace
from coordinator_app.domain.place_models import SurveyAnswer as SurveyAnswer
from coordinator_app.domain.place_models import SurveyQuestion as SurveyQuestion
from coordinator_app.domain.place_models import SurveyRound as SurveyRound
from coordinator_app.domain.record import Record as Record
from coordinator_app.domain.types import UTCDateTime, enum_column, utc_now


class Area(Record, table=True):
    """圏域・地区・学区: a node of the municipality's area tree."""

    __tablename__ = "area"

    name: str = Field(max_length=200)
    kana: str = Field(default="", max_length=200)
    sort_kana: str = Field(default="", max_length=200, index=True)
    kind: AreaKind = Field(sa_column=enum_column(AreaKind))
    parent_id: uuid.UUID | None = Field(default=None, foreign_key="area.id", index=True)
    notes: str = Field(default="")
    # 地域の統計 (人口・世帯数・高齢化率) as of a 基準日, e.g. 令和4年9月末日.
    population: int | None = None
    households: int | None = None
    aging_rate: float | None = Field(default=None, description="高齢化率 in percent, 0–100")
    stats_as_of: date | None = None


class Organisation(Record, table=True):
    """関係機関: 包括, 社協, NPO, 町会 and the like."""

    __tablename__ = "organisation"
    __table_args__ = (sa.Index("ix_organisation_kind_sort_kana", "kind", "sort_kana"),)

    name: str = Field(max_length=200)
    kana: str = Field(default="", max_length=200)
    sort_kana: str = Field(default="", max_length=200, index=True)
    kind: OrgKind = Field(sa_column=enum_column(OrgKind, index=True))
    operation: SupportCenterOperation | None = Field(
        default=None, sa_column=enum_column(SupportCenterOperation, nullable=True)
    )
    address: str = Field(default="", max_length=300)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=254)
    website: str = Field(default="", max_length=500)
    notes: str = Field(default="")
    established_on: date | None = Field(
        default=None, description="設立日・活動開始日: the report counts new partners by it"
    )


class OrganisationArea(Record, table=True):
    """An area an organisation serves."""

    __tablename__ = "organisation_area"

    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    area_id: uuid.UUID = Field(foreign_key="area.id", index=True)


class Contact(Record, table=True):
    """A person at an organisation."""

    __tablename__ = "contact"

    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    name: str = Field(max_length=200)
    kana: str = Field(default="", max_length=200)
    sort_kana: str = Field(default="", max_length=200, index=True)
    role: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=254)
    notes: str = Field(default="")


class Coordinator(Record, table=True):
    """生活支援コーディネーター."""

    __tablename__ = "coordinator"

    name: str = Field(max_length=200)
    kana: str = Field(default="", max_length=200)
    sort_kana: str = Field(default="", max_length=200, index=True)
    photo: bytes | None = Field(default=None, sa_column=sa.Column(sa.LargeBinary, nullable=True))
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=254)
    office_hours: str = Field(default="", max_length=300)
    message: str = Field(default="")
    consult_topics: str = Field(
        default="", description="One topic per line: こんな時にご相談ください"
    )
    notes: str = Field(default="")

    @property
    def consult_topic_list(self) -> list[str]:
        return [line.strip() for line in self.consult_topics.splitlines() if line.strip()]


class Assignment(Record, table=True):
    """A coordinator's post: tier, area, employer, dates. History survives rotation."""

    __tablename__ = "assignment"

    coordinator_id: uuid.UUID = Field(foreign_key="coordinator.id", index=True)
    tier: int = Field(ge=1, le=3)
    tier_label: str = Field(default="", max_length=40)
    area_id: uuid.UUID = Field(foreign_key="area.id", index=True)
    organisation_id: uuid.UUID | None = Field(default=None, foreign_key="organisation.id")
    concurrent: bool = Field(default=False)
    start_date: date
    end_date: date | None = None
    notes: str = Field(default="")


class Council(Record, table=True):
    """協議体."""

    __tablename__ = "council"

    name: str = Field(max_length=200)
    kana: str = Field(default="", max_length=200)
    sort_kana: str = Field(default="", max_length=200, index=True)
    tier: int = Field(ge=1, le=3)
    tier_label: str = Field(default="", max_length=40)
    area_id: uuid.UUID | None = Field(default=None, foreign_key="area.id", index=True)
    purpose: str = Field(default="")
    status: CouncilStatus = Field(sa_column=enum_column(CouncilStatus))
    established_on: date | None = None
    usual_venue: str = Field(default="", max_length=300)
    notes: str = Field(default="")


class CouncilMembership(Record, table=True):
    """A council member: an organisation or a contact (exactly one)."""

    __tablename__ = "council_membership"
    __table_args__ = (
        sa.CheckConstraint(
            "(organisation_id IS NULL) <> (contact_id IS NULL)",
            name="ck_council_membership_one_member",
        ),
    )

    council_id: uuid.UUID = Field(foreign_key="council.id", index=True)
    organisation_id: uuid.UUID | None = Field(
        default=None, foreign_key="organisation.id", index=True
    )
    contact_id: uuid.UUID | None = Field(default=None, foreign_key="contact.id", index=True)
    role: str = Field(default="委員", max_length=100)
    start_date: date | None = None
    end_date: date | None = None


class Project(Record, table=True):
    """プロジェクト with a dated progress log."""

    __tablename__ = "project"

    title: str = Field(max_length=300)
    program: ProjectProgram = Field(sa_column=enum_column(ProjectProgram))
    area_id: uuid.UUID | None = Field(default=None, foreign_key="area.id", index=True)
    lead_coordinator_id: uuid.UUID | None = Field(
        default=None, foreign_key="coordinator.id", index=True
    )
    goal: str = Field(default="")
    status: ProjectStatus = Field(sa_column=enum_column(ProjectStatus, index=True))
    progress: int = Field(default=0, ge=0, le=100)
    start_date: date | None = None
    end_date: date | None = None
    outcome: str = Field(default="")


class ProjectOrganisation(Record, table=True):
    """A partner organisation of a project."""

    __tablename__ = "project_organisation"

    project_id: uuid.UUID = Field(foreign_key="project.id", index=True)
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)


class ProjectCoordinator(Record, table=True):
    """A coordinator on a project's team, with a role (リーダー, メンバー …)."""

    __tablename__ = "project_coordinator"

    project_id: uuid.UUID = Field(foreign_key="project.id", index=True)
    coordinator_id: uuid.UUID = Field(foreign_key="coordinator.id", index=True)
    role: str = Field(default="メンバー", max_length=100)


class ProjectContact(Record, table=True):
    """A contact person on a project's team, with a role."""

    __tablename__ = "project_contact"

    project_id: uuid.UUID = Field(foreign_key="project.id", index=True)
    contact_id: uuid.UUID = Field(foreign_key="contact.id", index=True)
    role: str = Field(default="メンバー", max_length=100)


class ProgressEntry(Record, table=True):
    """進捗状況: one dated entry of a project's log."""

    __tablename__ = "progress_entry"
    __table_args__ = (sa.Index("ix_progress_entry_project_date", "project_id", "entry_date"),)

    project_id: uuid.UUID = Field(foreign_key="project.id", index=True)
    entry_date: date = Field(index=True)
    text: str
    author: str = Field(default="", max_length=200)
    author_profile_id: uuid.UUID | None = Field(default=None, foreign_key="user_profile.id")


class MeetingSeries(Record, table=True):
    """A recurring meeting (a 9-session helper course, a monthly 連絡会).

    Each session is an ordinary :class:`Meeting` with its own attendance.
    """

    __tablename__ = "meeting_series"

    title: str = Field(max_length=300)
    kind: MeetingKind = Field(sa_column=enum_column(MeetingKind))
    council_id: uuid.UUID | None = Field(default=None, foreign_key="council.id")
    project_id: uuid.UUID | None = Field(default=None, foreign_key="project.id")
    notes: str = Field(default="")


class Meeting(Record, table=True):
    """A meeting: 協議体, 地域ケア会議, 連絡会, 研修会 …"""

    __tablename__ = "meeting"
    __table_args__ = (
        # The meeting list sorts by these; the date breaks ties (newest first).
        sa.Index("ix_meeting_kind_held_on", "kind", "held_on"),
        sa.Index("ix_meeting_title_held_on", "title", "held_on"),
        sa.Index("ix_meeting_venue_held_on", "venue", "held_on"),
    )

    kind: MeetingKind = Field(sa_column=enum_column(MeetingKind, index=True))
    title: str = Field(max_length=300)
    held_on: date = Field(index=True)
    start_time: time | None = None
    end_time: time | None = None
    venue: str = Field(default="", max_length=300)
    mode: MeetingMode = Field(sa_column=enum_column(MeetingMode))
    capacity_on_site: int | None = None
    capacity_online: int | None = None
    council_id: uuid.UUID | None = Field(default=None, foreign_key="council.id", index=True)
    project_id: uuid.UUID | None = Field(default=None, foreign_key="project.id", index=True)
    area_id: uuid.UUID | None = Field(default=None, foreign_key="area.id", index=True)
    participants_on_site: int | None = None
    participants_online: int | None = None
    agenda: str = Field(default="")
    minutes: str = Field(default="")
    decisions: str = Field(default="")
    series_id: uuid.UUID | None = Field(default=None, foreign_key="meeting_series.id", index=True)
    session_number: int | None = None
    recorder: str = Field(default="", max_length=200)
    """記録者: who wrote the minutes."""
    absentees: str = Field(default="")
    """欠席者, as the minutes list them (free text, one per line or 、-separated)."""
    approved_by: str = Field(default="", max_length=200)
    """承認者: who approved the minutes (e.g. the chair)."""
    approved_on: date | None = None


class MeetingCoordinator(Record, table=True):
    """A coordinator who attended a meeting."""

    __tablename__ = "meeting_coordinator"

    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    coordinator_id: uuid.UUID = Field(foreign_key="coordinator.id", index=True)


class MeetingOrganisation(Record, table=True):
    """An organisation that attended a meeting."""

    __tablename__ = "meeting_organisation"

    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)


class MeetingContact(Record, table=True):
    """A contact person who attended a meeting."""

    __tablename__ = "meeting_contact"

    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    contact_id: uuid.UUID = Field(foreign_key="contact.id", index=True)


class ActionItem(Record, table=True):
    """対応事項: a to-do a meeting created."""

    __tablename__ = "action_item"

    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    text: str
    owner_coordinator_id: uuid.UUID | None = Field(default=None, foreign_key="coordinator.id")
    owner_contact_id: uuid.UUID | None = Field(default=None, foreign_key="contact.id")
    due_date: date | None = Field(default=None, index=True)
    done: bool = Field(default=False)
    completed_on: date | None = None
    """The day the item was marked done (kept so old minutes reprint that day's state)."""
    completed_meeting_id: uuid.UUID | None = Field(default=None, foreign_key="meeting.id")
    """The meeting in whose window the item was marked done, when it was."""


class Attachment(Record, table=True):
    """A photo or document attached to a progress entry, meeting or project.

    The content lives in the database so that a backup carries it.
    """

    __tablename__ = "attachment"

    progress_entry_id: uuid.UUID | None = Field(
        default=None, foreign_key="progress_entry.id", index=True
    )
    meeting_id: uuid.UUID | None = Field(default=None, foreign_key="meeting.id", index=True)
    project_id: uuid.UUID | None = Field(default=None, foreign_key="project.id", index=True)
    filename: str = Field(max_length=255)
    media_type: str = Field(default="application/octet-stream", max_length=100)
    size: int = 0
    content: bytes = Field(sa_column=sa.Column(sa.LargeBinary, nullable=False))


ALL_TABLES: tuple[type[Record], ...] = (
    Area,
    Organisation,
    OrganisationArea,
    Contact,
    Coordinator,
    Assignment,
    Council,
    CouncilMembership,
    Project,
    ProjectOrganisation,
    ProgressEntry,
    Meeting,
    MeetingCoordinator,
    MeetingOrganisation,
    ActionItem,
    Attachment,
)


class UserProfile(Record, table=True):
    """Who uses the app: entries carry their author and reviews their reviewer."""

    __tablename__ = "user_profile"

    name: str = Field(max_length=200)
    kana: str = Field(default="", max_length=200)
    sort_kana: str = Field(default="", max_length=200, index=True)
    role: ProfileRole = Field(sa_column=enum_column(ProfileRole))
    title: str = Field(default="", max_length=100, description="係長, 課長 …")
    coordinator_id: uuid.UUID | None = Field(default=None, foreign_key="coordinator.id")


class Review(Record, table=True):
    """確認: a supervisor's review mark on a progress entry."""

    __tablename__ = "review"
    __table_args__ = (sa.Index("ix_review_entry_updated", "progress_entry_id", "entry_updated_at"),)

    progress_entry_id: uuid.UUID = Field(foreign_key="progress_entry.id", index=True)
    reviewer_profile_id: uuid.UUID = Field(foreign_key="user_profile.id", index=True)
    comment: str = Field(default="")
    reviewed_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime, nullable=False)
    entry_updated_at: datetime = Field(
        sa_type=UTCDateTime,
        nullable=False,
        description="the entry's updated_at when reviewed: a later edit needs a new review",
    )
    entry_version: int | None = Field(
        default=None,
        sa_type=sa.BigInteger,
        description=(
            "the entry's server version (change-log sequence) when reviewed; a higher one"
            " means it changed after the review, whatever the desks' clocks say (None: not"
            " known, entry_updated_at decides)"
        ),
    )


class Setting(Record, table=True):
    """A municipality-wide setting stored with the data (so backups carry it).

    Per-user preferences (window layout, language) live in the UI's own
    settings instead.
    """

    __tablename__ = "setting"

    key: str = Field(max_length=100, sa_column_kwargs={"unique": True})
    text_value: str = Field(default="")
    blob_value: bytes | None = Field(
        default=None, sa_column=sa.Column(sa.LargeBinary, nullable=True)
    )


ALL_TABLES = (*ALL_TABLES, Setting, MeetingSeries, MeetingContact, UserProfile, Review)
ALL_TABLES = (*ALL_TABLES, ProjectCoordinator, ProjectContact)
ALL_TABLES = (*ALL_TABLES, GatheringPlace, SurveyRound, SurveyQuestion, SurveyAnswer)
