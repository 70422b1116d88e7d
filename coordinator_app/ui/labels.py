"""Translated labels of the domain's enums.

``coordinator_app.domain.enums.label`` gives the Japanese label; here the
same texts are written out literally so that lupdate extracts them and the
English translation applies.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from coordinator_app.domain.enums import (
    AreaKind,
    CouncilStatus,
    MeetingKind,
    MeetingMode,
    OrgKind,
    ProjectProgram,
    ProjectStatus,
    SupportCenterOperation,
    Tier,
    label,
)


def _labels() -> dict[object, str]:
    t = QCoreApplication.translate
    return {
        AreaKind.MUNICIPALITY: t("labels", "市域"),
        AreaKind.DISTRICT: t("labels", "地区"),
        AreaKind.DAILY_LIFE_AREA: t("labels", "日常生活圏域"),
        AreaKind.SCHOOL_DISTRICT: t("labels", "学区"),
        AreaKind.OTHER: t("labels", "その他"),
        OrgKind.GOVERNMENT: t("labels", "行政部署"),
        OrgKind.SUPPORT_CENTER: t("labels", "地域包括支援センター"),
        OrgKind.SOCIAL_WELFARE_COUNCIL: t("labels", "社会福祉協議会"),
        OrgKind.VOLUNTEER_CENTER: t("labels", "ボランティアセンター"),
        OrgKind.NPO: t("labels", "NPO"),
        OrgKind.NEIGHBOURHOOD_ASSOCIATION: t("labels", "町会・自治会"),
        OrgKind.WELFARE_COMMISSIONER: t("labels", "民生委員"),
        OrgKind.SENIORS_CLUB: t("labels", "老人クラブ"),
        OrgKind.COMPANY: t("labels", "企業"),
        OrgKind.OTHER: t("labels", "その他"),
        SupportCenterOperation.DIRECT: t("labels", "直営"),
        SupportCenterOperation.CONTRACTED: t("labels", "委託"),
        Tier.FIRST: t("labels", "第1層"),
        Tier.SECOND: t("labels", "第2層"),
        Tier.THIRD: t("labels", "第3層"),
        CouncilStatus.PREPARING: t("labels", "準備中"),
        CouncilStatus.ESTABLISHED: t("labels", "設置済"),
        CouncilStatus.SUSPENDED: t("labels", "休止"),
        MeetingKind.COUNCIL: t("labels", "協議体"),
        MeetingKind.COMMUNITY_CARE: t("labels", "地域ケア会議"),
        MeetingKind.SMALL_AREA_CARE: t("labels", "小地域ケア会議"),
        MeetingKind.LIAISON: t("labels", "連絡会"),
        MeetingKind.EXCHANGE_OF_VIEWS: t("labels", "意見交換会"),
        MeetingKind.TRAINING: t("labels", "研修会"),
        MeetingKind.COURSE: t("labels", "講座"),
        MeetingKind.FORUM: t("labels", "フォーラム"),
        MeetingKind.GATHERING: t("labels", "交流会"),
        MeetingKind.RESULTS_PRESENTATION: t("labels", "成果発表会"),
        MeetingKind.OTHER: t("labels", "その他"),
        MeetingMode.ON_SITE: t("labels", "会場"),
        MeetingMode.ONLINE: t("labels", "オンライン"),
        MeetingMode.HYBRID: t("labels", "併用"),
        ProjectStatus.NOT_STARTED: t("labels", "未着手"),
        ProjectStatus.IN_PROGRESS: t("labels", "進行中"),
        ProjectStatus.COMPLETED: t("labels", "完了"),
        ProjectStatus.CANCELLED: t("labels", "中止"),
        ProjectProgram.ACCOMPANIMENT: t("labels", "伴走支援"),
        ProjectProgram.PROBLEM_SOLVING_SHARING: t("labels", "課題解決力共有化プログラム"),
        ProjectProgram.PRO_BONO: t("labels", "プロボノ"),
        ProjectProgram.INDEPENDENT: t("labels", "独自"),
        ProjectProgram.OTHER: t("labels", "その他"),
    }


def enum_label(value: object) -> str:
    """The label of an enum member in the current UI language."""
    if value is None:
        return ""
    return _labels().get(value, label(value))


def enum_choices(enum_cls: type[Enum]) -> list[tuple[Enum, str]]:
    """(member, label) pairs in declaration order, for combo boxes."""
    labels = _labels()
    return [(member, labels.get(member, label(member))) for member in enum_cls]


def tier_text(tier: int, local_label: str = "") -> str:
    """``第2層``, or the local label (e.g. ``第1.5層``) when one is set."""
    if local_label:
        return local_label
    try:
        return enum_label(Tier(tier))
    except ValueError:
        return str(tier)
