"""Places too long for one guidebook page: found before the PDF is made, shortened if printed.

An entry is never split across pages (a reader looks a place up by its page),
so an entry taller than a page cannot be laid out as it is. The check names
such places; if the user goes on, the renderer prints them with their longest
texts cut to what fits, ending in ``…``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from coordinator_app.documents.data.guidebook import GuidebookData, GuidebookEntry

ELLIPSIS = "…"
SHORTENABLE = (
    "eligibility",
    "meeting_place",
    "address",
    "schedule",
    "fee",
    "accessibility",
    "contact",
    "name",
)
"""The entry's texts, any of which may be cut (the longest first)."""

Fits = Callable[[GuidebookEntry], bool]


def overflowing(data: GuidebookData, fits: Fits) -> list[GuidebookEntry]:
    """The entries that do not fit on one page, in booklet order."""
    return [entry for entry in data.entries if not fits(entry)]


def shortened(entry: GuidebookEntry, fits: Fits) -> GuidebookEntry:
    """``entry`` with its longest texts cut (ending in …) until it fits on one page."""
    current = entry
    while not fits(current):
        name = max(SHORTENABLE, key=lambda f: len(getattr(current, f)))
        text: str = getattr(current, name)
        if len(text) <= len(ELLIPSIS):
            return current  # nothing left to cut; the layout shows what it can
        low, high = 0, len(text) - 1  # the longest prefix that fits, found by halving
        while low < high:
            middle = (low + high + 1) // 2
            if fits(dataclasses.replace(current, **{name: text[:middle] + ELLIPSIS})):
                low = middle
            else:
                high = middle - 1
        current = dataclasses.replace(current, **{name: text[:low] + ELLIPSIS})
    return current


def fitted(data: GuidebookData, fits: Fits) -> tuple[GuidebookData, list[str]]:
    """``data`` with every overflowing entry shortened, and those places' names."""
    names: list[str] = []
    sections = []
    for section in data.sections:
        entries = []
        for entry in section.entries:
            if not fits(entry):
                names.append(entry.name)
                entry = shortened(entry, fits)
            entries.append(entry)
        sections.append(dataclasses.replace(section, entries=entries))
    if not names:
        return data, []
    return dataclasses.replace(data, sections=sections), names
