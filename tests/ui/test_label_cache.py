"""Enum labels are translated once per UI language, not once per cell.

A list asks for a label per cell and per repaint; each translation walks the
installed translators (one of them written in Python). The labels are kept per
language and made again when the language changes.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from coordinator_app.domain.enums import ProjectStatus
from coordinator_app.domain.gathering_places import GatheringPlaceStatus
from coordinator_app.ui import labels
from coordinator_app.ui.gathering_places import labels as place_labels
from coordinator_app.ui.i18n import install_translators, remove_translators


def test_labels_are_translated_once_per_language(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    translate, statuses = labels._translate_labels, place_labels._translate_statuses

    def counted() -> dict[object, str]:
        made.append("labels")
        return translate()

    def counted_statuses() -> dict[GatheringPlaceStatus, str]:
        made.append("places")
        return statuses()

    monkeypatch.setattr(labels, "_translate_labels", counted)
    monkeypatch.setattr(place_labels, "_translate_statuses", counted_statuses)
    monkeypatch.setattr(labels, "_translated", None)
    monkeypatch.setattr(place_labels, "_statuses", None)

    shown = [labels.enum_label(ProjectStatus.IN_PROGRESS) for _ in range(200)]
    places = [place_labels.status_labels()[GatheringPlaceStatus.ACTIVE] for _ in range(200)]
    assert set(shown) == {"進行中"} and set(places) == {"活動中"}
    assert made == ["labels", "places"]

    translators = install_translators(qapp, "en")
    try:
        assert labels.enum_label(ProjectStatus.IN_PROGRESS) == "In progress"
        assert place_labels.status_labels()[GatheringPlaceStatus.ACTIVE] == "Active"
        assert labels.enum_label(ProjectStatus.COMPLETED) == "Completed"
    finally:
        remove_translators(qapp, translators)
    assert labels.enum_label(ProjectStatus.IN_PROGRESS) == "進行中"
    assert made == ["labels", "places", "labels", "places", "labels"]
