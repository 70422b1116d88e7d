"""What the pickers share: how many matches they show, how long typing pauses, and
turning a fixed list into an :class:`OptionSource`."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from coordinator_app.ui.common.option_sources import Option, OptionSource, StaticOptions

SEARCH_LIMIT = 50
"""Most matches a picker shows at once; typing narrows them down."""
SEARCH_DELAY_MS = 150
"""Typing pauses this long before the picker searches."""


def as_source(options: OptionSource | Iterable[Option]) -> OptionSource:
    """``options`` as a source (a short fixed list becomes :class:`StaticOptions`)."""
    if hasattr(options, "search") and hasattr(options, "lookup"):
        return options  # type: ignore[return-value]
    return StaticOptions(options)  # type: ignore[arg-type]


def more_hint() -> str:
    """The hint shown when a search found more than :data:`SEARCH_LIMIT` matches."""
    return QCoreApplication.translate(
        "RecordCombo", "上位{limit}件を表示しています。名前・ふりがなで絞り込んでください。"
    ).format(limit=SEARCH_LIMIT)
