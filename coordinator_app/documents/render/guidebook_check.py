"""The guidebook's check before the PDF is made: places whose entry does not fit on a page."""

from __future__ import annotations

from coordinator_app.documents.data.guidebook import GuidebookData
from coordinator_app.documents.render.guidebook import GuidebookRenderer
from coordinator_app.documents.render.guidebook_fit import overflowing


def overflowing_places(data: GuidebookData, renderer: GuidebookRenderer | None = None) -> list[str]:
    """The names of the places too long for one page of ``renderer``'s size (A4 by default).

    The window and the command list them and let the user stop; printed anyway,
    they come out shortened.
    """
    renderer = renderer or GuidebookRenderer()
    return [entry.name for entry in overflowing(data, renderer.entry_fits)]


def overflow_message(names: list[str]) -> str:
    """The Japanese notice listing ``names`` (empty when none overflow)."""
    if not names:
        return ""
    listed = "\n".join(f"・{name}" for name in names)
    return (
        f"次の {len(names)} か所は文字が多く、1ページに収まりません:\n{listed}\n"
        "このまま作ると、入りきらない部分を省略して印刷します。"
    )
