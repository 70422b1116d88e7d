"""Areas as picker options: indented in tree order, searchable by name and reading."""

from __future__ import annotations

from coordinator_app.services.areas import AreaService
from coordinator_app.ui.common.pickers import Option


def area_options(areas: AreaService) -> list[Option]:
    """Every live area depth-first, indented by depth, with its reading for the filter."""
    return [
        Option(node.area.id, "　" * node.depth + node.area.name, node.area.kana)
        for node in areas.tree()
    ]
