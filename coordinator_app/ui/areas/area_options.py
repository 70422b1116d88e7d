"""Areas as picker options for a form: the whole live tree, searchable by name and reading."""

from __future__ import annotations

from coordinator_app.services.areas import AreaService
from coordinator_app.ui.common import option_sources
from coordinator_app.ui.common.pickers import Option


def area_options(areas: AreaService) -> list[Option]:
    """Every live area depth-first, indented by depth, matching by name and ふりがな."""
    return option_sources.area_options(areas.tree())
