"""The main window's pages: what they are, and building each on first use.

Each page is a :class:`PageSpec` with an explicit factory. Only the page shown
at start is built (and reads its list); a factory imports its page's module
when called, so the others are imported the first time they are shown or
asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import kind_label

PageFactory = Callable[[UiContext], RecordPage]
"""Builds a page (importing its module on the first call)."""


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: its kind (also its icon) and its factory."""

    kind: RecordKind
    factory: PageFactory
    shortcut: str = ""
    """The page's shortcut when not Ctrl+<its position> (Ctrl+7 was taken first)."""

    @property
    def icon_name(self) -> str:
        return self.kind

    def title(self) -> str:
        return kind_label(self.kind)

    def build(self, ctx: UiContext) -> RecordPage:
        return self.factory(ctx)


# The factories import their page when first called: start-up reads one page only.


def _area_page(ctx: UiContext) -> RecordPage:
    from coordinator_app.ui.areas.area_page import AreaPage

    return AreaPage(ctx)


def _coordinator_page(ctx: UiContext) -> RecordPage:
    from coordinator_app.ui.coordinators.coordinator_page import CoordinatorPage

    return CoordinatorPage(ctx)


def _organisation_page(ctx: UiContext) -> RecordPage:
    from coordinator_app.ui.organisations.organisation_page import OrganisationPage

    return OrganisationPage(ctx)


def _council_page(ctx: UiContext) -> RecordPage:
    from coordinator_app.ui.councils.council_page import CouncilPage

    return CouncilPage(ctx)


def _meeting_page(ctx: UiContext) -> RecordPage:
    from coordinator_app.ui.meetings.meeting_page import MeetingPage

    return MeetingPage(ctx)


def _project_page(ctx: UiContext) -> RecordPage:
    from coordinator_app.ui.projects.project_page import ProjectPage

    return ProjectPage(ctx)


def _gathering_place_page(ctx: UiContext) -> RecordPage:
    from coordinator_app.ui.gathering_places.gathering_place_page import GatheringPlacePage

    return GatheringPlacePage(ctx)


PAGE_SPECS = (
    PageSpec(RecordKind.AREA, _area_page),
    PageSpec(RecordKind.COORDINATOR, _coordinator_page),
    PageSpec(RecordKind.ORGANISATION, _organisation_page),
    PageSpec(RecordKind.COUNCIL, _council_page),
    PageSpec(RecordKind.MEETING, _meeting_page),
    PageSpec(RecordKind.PROJECT, _project_page),
    PageSpec(RecordKind.GATHERING_PLACE, _gathering_place_page, "Ctrl+8"),
)
PAGE_KINDS = tuple(spec.kind for spec in PAGE_SPECS)
"""The pages in navigation order (Ctrl+1 … Ctrl+6, then 通いの場 Ctrl+8)."""


class Pages(Sequence[RecordPage]):
    """The window's pages; indexing one builds it if it was not built yet."""

    def __init__(self, page_at: Callable[[int], RecordPage]) -> None:
        self._page_at = page_at

    def __len__(self) -> int:
        return len(PAGE_SPECS)

    @overload
    def __getitem__(self, index: int) -> RecordPage: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RecordPage]: ...
    def __getitem__(self, index: int | slice) -> RecordPage | Sequence[RecordPage]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return self._page_at(index)

    def __iter__(self) -> Iterator[RecordPage]:
        return (self[i] for i in range(len(self)))
