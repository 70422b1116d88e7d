"""The rows of the activity report (:mod:`.reports`): plain frozen dataclasses."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from coordinator_app.domain.enums import MeetingKind, ProjectStatus, label
from coordinator_app.domain.texts import Message
from coordinator_app.domain.tiers import tier_display


def _label(value: object) -> str:
    """An enum's Japanese label, translated by the UI (context ``labels``, ui/labels.py)."""
    return Message("labels", label(value))


@dataclass(frozen=True)
class KindRow:
    kind: MeetingKind
    meetings: int
    participants_on_site: int
    participants_online: int

    @property
    def label(self) -> str:
        return _label(self.kind)

    @property
    def participants(self) -> int:
        return self.participants_on_site + self.participants_online


@dataclass(frozen=True)
class MonthRow:
    year: int
    month: int
    meetings: int
    participants: int


@dataclass(frozen=True)
class CouncilRow:
    name: str
    tier: int
    meetings: int
    participants: int
    tier_label: str = ""
    """The municipality's own name of the tier (``1.5層``); empty: the national one."""

    @property
    def tier_text(self) -> str:
        """``1.5層`` for a local tier, else ``第2層``: what the report prints."""
        return tier_display(self.tier, self.tier_label)


@dataclass(frozen=True)
class StatusRow:
    status: ProjectStatus
    projects: int

    @property
    def label(self) -> str:
        return _label(self.status)


@dataclass(frozen=True)
class MeetingRow:
    """One meeting of the year, as the report lists it."""

    held_on: date
    kind: MeetingKind
    title: str
    venue: str
    participants: int | None
    """On site and online together; None when nobody counted."""

    @property
    def kind_label(self) -> str:
        return _label(self.kind)


@dataclass(frozen=True)
class ProgressRow:
    """One progress entry (進捗状況) of a project in the year."""

    project: str
    entry_date: date
    text: str
    author: str
    project_id: uuid.UUID | None = field(default=None, compare=False)
    """The project's id (to append its project page); not part of what is printed."""
