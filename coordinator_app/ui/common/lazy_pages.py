"""The main window's pages: what they are, and building each on first use.

Only the page shown at start is built (and reads its list); the others are
imported and built the first time they are shown or asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.ui.common.record_page import RecordPage
from coordinator_app.ui.context import UiContext
from coordinator_app.ui.labels import kind_label

if TYPE_CHECKING:
    from coordinator_app.ui.main_window import MainWindow


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: its kind (also its icon) and its class
    ``coordinator_app.ui.<package>.<kind>_page.<class_name>``."""

    kind: RecordKind
    package: str
    class_name: str
    shortcut: str = ""
    """The page's shortcut when not Ctrl+<its position> (Ctrl+7 was taken first)."""

    @property
    def icon_name(self) -> str:
        return self.kind

    def title(self) -> str:
        return kind_label(self.kind)

    def build(self, ctx: UiContext) -> RecordPage:
        module = importlib.import_module(f"coordinator_app.ui.{self.package}.{self.kind}_page")
        page = getattr(module, self.class_name)(ctx)
        assert isinstance(page, RecordPage)
        return page


PAGE_SPECS = (
    PageSpec(RecordKind.AREA, "areas", "AreaPage"),
    PageSpec(RecordKind.COORDINATOR, "coordinators", "CoordinatorPage"),
    PageSpec(RecordKind.ORGANISATION, "organisations", "OrganisationPage"),
    PageSpec(RecordKind.COUNCIL, "councils", "CouncilPage"),
    PageSpec(RecordKind.MEETING, "meetings", "MeetingPage"),
    PageSpec(RecordKind.PROJECT, "projects", "ProjectPage"),
    PageSpec(RecordKind.GATHERING_PLACE, "gathering_places", "GatheringPlacePage", "Ctrl+8"),
)
PAGE_KINDS = tuple(spec.kind for spec in PAGE_SPECS)
"""The pages in navigation order (Ctrl+1 … Ctrl+6, then 通いの場 Ctrl+8)."""


class Pages(Sequence[RecordPage]):
    """The window's pages; indexing one builds it if it was not built yet."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __len__(self) -> int:
        return len(PAGE_SPECS)

    @overload
    def __getitem__(self, index: int) -> RecordPage: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RecordPage]: ...
    def __getitem__(self, index: int | slice) -> RecordPage | Sequence[RecordPage]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return self._window.page_at(index)

    def __iter__(self) -> Iterator[RecordPage]:
        return (self[i] for i in range(len(self)))
