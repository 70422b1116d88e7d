"""Enumerations of the domain, with the glossary's names.

Values are stable English codes stored in the database; the Japanese
labels shown to users live in ``LABELS`` (the UI translates them).
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class AreaKind(StrEnum):
    MUNICIPALITY = "municipality"
    REGION = "region"
    """地域: a ward's large division (Setagaya: 5 地域 over 27 日常生活圏域)."""
    DISTRICT = "district"
    DAILY_LIFE_AREA = "daily_life_area"
    SCHOOL_DISTRICT = "school_district"
    OTHER = "other"


class OrgKind(StrEnum):
    GOVERNMENT = "government"
    SUPPORT_CENTER = "support_center"
    SOCIAL_WELFARE_COUNCIL = "social_welfare_council"
    VOLUNTEER_CENTER = "volunteer_center"
    NPO = "npo"
    NEIGHBOURHOOD_ASSOCIATION = "neighbourhood_association"
    WELFARE_COMMISSIONER = "welfare_commissioner"
    SENIORS_CLUB = "seniors_club"
    COMPANY = "company"
    OTHER = "other"


class SupportCenterOperation(StrEnum):
    """How a 地域包括支援センター is run."""

    DIRECT = "direct"
    CONTRACTED = "contracted"


class Tier(IntEnum):
    FIRST = 1
    SECOND = 2
    THIRD = 3


class CouncilStatus(StrEnum):
    PREPARING = "preparing"
    ESTABLISHED = "established"
    SUSPENDED = "suspended"


class MeetingKind(StrEnum):
    COUNCIL = "council"
    COMMUNITY_CARE = "community_care"
    SMALL_AREA_CARE = "small_area_care"
    LIAISON = "liaison"
    EXCHANGE_OF_VIEWS = "exchange_of_views"
    TRAINING = "training"
    COURSE = "course"
    FORUM = "forum"
    GATHERING = "gathering"
    RESULTS_PRESENTATION = "results_presentation"
    OTHER = "other"


class MeetingMode(StrEnum):
    ON_SITE = "on_site"
    ONLINE = "online"
    HYBRID = "hybrid"


class ProjectStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ProjectProgram(StrEnum):
    ACCOMPANIMENT = "accompaniment"
    PROBLEM_SOLVING_SHARING = "problem_solving_sharing"
    PRO_BONO = "pro_bono"
    INDEPENDENT = "independent"
    OTHER = "other"


class ProfileRole(StrEnum):
    """Who is using the app: a coordinator logs, a supervisor reviews, an admin manages
    the municipality's server (users, devices, settings)."""

    COORDINATOR = "coordinator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


LABELS: dict[object, str] = {
    AreaKind.MUNICIPALITY: "市域",
    AreaKind.REGION: "地域",
    AreaKind.DISTRICT: "地区",
    AreaKind.DAILY_LIFE_AREA: "日常生活圏域",
    AreaKind.SCHOOL_DISTRICT: "学区",
    AreaKind.OTHER: "その他",
    OrgKind.GOVERNMENT: "行政部署",
    OrgKind.SUPPORT_CENTER: "地域包括支援センター",
    OrgKind.SOCIAL_WELFARE_COUNCIL: "社会福祉協議会",
    OrgKind.VOLUNTEER_CENTER: "ボランティアセンター",
    OrgKind.NPO: "NPO",
    OrgKind.NEIGHBOURHOOD_ASSOCIATION: "町会・自治会",
    OrgKind.WELFARE_COMMISSIONER: "民生委員",
    OrgKind.SENIORS_CLUB: "老人クラブ",
    OrgKind.COMPANY: "企業",
    OrgKind.OTHER: "その他",
    SupportCenterOperation.DIRECT: "直営",
    SupportCenterOperation.CONTRACTED: "委託",
    Tier.FIRST: "第1層",
    Tier.SECOND: "第2層",
    Tier.THIRD: "第3層",
    CouncilStatus.PREPARING: "準備中",
    CouncilStatus.ESTABLISHED: "設置済",
    CouncilStatus.SUSPENDED: "休止",
    MeetingKind.COUNCIL: "協議体",
    MeetingKind.COMMUNITY_CARE: "地域ケア会議",
    MeetingKind.SMALL_AREA_CARE: "小地域ケア会議",
    MeetingKind.LIAISON: "連絡会",
    MeetingKind.EXCHANGE_OF_VIEWS: "意見交換会",
    MeetingKind.TRAINING: "研修会",
    MeetingKind.COURSE: "講座",
    MeetingKind.FORUM: "フォーラム",
    MeetingKind.GATHERING: "交流会",
    MeetingKind.RESULTS_PRESENTATION: "成果発表会",
    MeetingKind.OTHER: "その他",
    MeetingMode.ON_SITE: "会場",
    MeetingMode.ONLINE: "オンライン",
    MeetingMode.HYBRID: "併用",
    ProjectStatus.NOT_STARTED: "未着手",
    ProjectStatus.IN_PROGRESS: "進行中",
    ProjectStatus.COMPLETED: "完了",
    ProjectStatus.CANCELLED: "中止",
    ProjectProgram.ACCOMPANIMENT: "伴走支援",
    ProjectProgram.PROBLEM_SOLVING_SHARING: "課題解決力共有化プログラム",
    ProjectProgram.PRO_BONO: "プロボノ",
    ProjectProgram.INDEPENDENT: "独自",
    ProjectProgram.OTHER: "その他",
    ProfileRole.COORDINATOR: "コーディネーター",
    ProfileRole.SUPERVISOR: "上司(確認者)",
    ProfileRole.ADMIN: "管理者",
}


def label(value: object) -> str:
    """Japanese label of an enum member (the code itself if unknown)."""
    return LABELS.get(value, str(value))


def tier_label(tier: int, local_label: str | None = None) -> str:
    """``第2層`` or a local label such as ``第1.5層`` when one is set."""
    if local_label:
        return local_label
    return f"第{tier}層"
