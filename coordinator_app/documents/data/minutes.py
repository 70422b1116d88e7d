"""What the minutes (議事録) of one meeting show, already formatted.

Built by ``services.documents.DocumentService.minutes_data``; drawn by
:mod:`coordinator_app.documents.render.minutes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coordinator_app.documents.data.common import Issuer


@dataclass(frozen=True)
class MinutesActionItem:
    text: str
    owner: str
    due: str
    done: bool
    """Done as of the meeting's day (not today): old minutes reprint their own state."""
    meeting: str = ""
    """For a carried-over item: the meeting that decided it (``2024年5月1日 第3回協議体``)."""
    completed_here: bool = False
    """A carried-over item completed in this meeting."""

    @property
    def status(self) -> str:
        if self.completed_here:
            return "本会議で完了"
        return "完了" if self.done else "未了"


@dataclass(frozen=True)
class MinutesData:
    """Everything the minutes show, already formatted (dates in the chosen calendar)."""

    title: str
    kind: str
    date_time: str
    venue: str
    mode: str
    council: str = ""
    project: str = ""
    coordinators: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    participants: str = ""
    absentees: str = ""
    recorder: str = ""
    agenda: str = ""
    minutes: str = ""
    decisions: str = ""
    carried_over: list[MinutesActionItem] = field(default_factory=list)
    """Open items from earlier meetings of the council (or series), as of this meeting."""
    action_items: list[MinutesActionItem] = field(default_factory=list)
    approved_by: str = ""
    approved_on: str = ""
    issuer: str = ""
    """The footer's issuer: 自治体名 and 担当部署."""
    contact: Issuer = field(default_factory=Issuer)
    """The municipality profile, printed as the 事務局 block."""
    created: str = ""
