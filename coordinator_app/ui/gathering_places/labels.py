"""Japanese labels of the gathering places' status and weekdays, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from coordinator_app.domain.gathering_places import GatheringPlaceStatus

_statuses: tuple[str, dict[GatheringPlaceStatus, str]] | None = None


def status_labels() -> dict[GatheringPlaceStatus, str]:
    """The statuses in the UI language, translated once per language (the list asks
    for one per cell and repaint); the language is the default locale's, which
    ui.i18n sets with the translators."""
    global _statuses
    language = QLocale().name()
    if _statuses is None or _statuses[0] != language:
        _statuses = (language, _translate_statuses())
    return dict(_statuses[1])


def _translate_statuses() -> dict[GatheringPlaceStatus, str]:
    return {
        GatheringPlaceStatus.ACTIVE: QCoreApplication.translate("GatheringPlaces", "活動中"),
        GatheringPlaceStatus.PAUSED: QCoreApplication.translate("GatheringPlaces", "休止中"),
        GatheringPlaceStatus.ENDED: QCoreApplication.translate("GatheringPlaces", "終了"),
    }


def weekday_labels() -> list[str]:
    """Monday first, as the schedule rules count."""
    return [
        QCoreApplication.translate("GatheringPlaces", "月曜"),
        QCoreApplication.translate("GatheringPlaces", "火曜"),
        QCoreApplication.translate("GatheringPlaces", "水曜"),
        QCoreApplication.translate("GatheringPlaces", "木曜"),
        QCoreApplication.translate("GatheringPlaces", "金曜"),
        QCoreApplication.translate("GatheringPlaces", "土曜"),
        QCoreApplication.translate("GatheringPlaces", "日曜"),
    ]
