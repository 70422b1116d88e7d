"""The guidebook's data: everything a 通いの場ガイドブック prints, already formatted.

Built by ``services.gathering_places``; drawn by
:mod:`coordinator_app.documents.render.guidebook`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coordinator_app.documents.data.common import Issuer

NO_WEEKDAY = "曜日不定"
"""The weekday index's heading for places without a fixed weekday (月1回 …)."""


@dataclass(frozen=True)
class GuidebookEntry:
    """One place as the booklet prints it (already formatted)."""

    key: str
    """A stable id (the record's) used to find the place's page."""
    name: str
    kind: str
    schedule: str
    meeting_place: str = ""
    address: str = ""
    fee: str = ""
    eligibility: str = ""
    accessibility: str = ""
    contact: str = ""
    """Empty when the contact may not be printed."""
    photo: bytes | None = field(default=None, repr=False)
    weekdays: tuple[int, ...] = ()
    url: str = ""
    """The place's web page (http or https only), printed as a QR code; empty for none."""


@dataclass(frozen=True)
class GuidebookSection:
    area: str
    entries: list[GuidebookEntry]


@dataclass(frozen=True)
class GuidebookData:
    title: str
    scope: str
    """What the booklet covers: the municipality or one district's name."""
    issuer: Issuer
    area_facts: list[tuple[str, str]] = field(default_factory=list)
    """The area's statistics for the cover (人口, 世帯数, 高齢化率 …)."""
    sections: list[GuidebookSection] = field(default_factory=list)
    created: str = ""
    kind_order: list[str] = field(default_factory=list)
    """The municipality's kinds in its order (the kind index follows it)."""
    notes: list[str] = field(default_factory=list)
    """What the builder left out and why (a web page that is not an http/https URL …);
    the renderer passes them on with its own warnings."""

    @property
    def entries(self) -> list[GuidebookEntry]:
        return [e for s in self.sections for e in s.entries]
