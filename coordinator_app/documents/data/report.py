"""What the activity report (実績報告) prints, already formatted.

Built by ``services.report_export.report_data``; drawn by
:mod:`coordinator_app.documents.render.report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coordinator_app.documents.data.common import Issuer
from coordinator_app.documents.data.project_page import ProjectPageData

ReportTable = tuple[str, list[str], list[list[Any]]]
"""(title, headers, rows) of one table; a row holds text or whole numbers."""


@dataclass(frozen=True)
class ReportData:
    """The report's tables, its monthly chart, who issues it, and the appended pages."""

    title: str
    scope: str
    tables: list[ReportTable]
    monthly: list[tuple[str, int]]
    """(month label, meetings held) for the chart."""
    footer: str = ""
    issuer: Issuer | None = None
    appendix: list[ProjectPageData] = field(default_factory=list)
    """Project pages printed after the report, each from a new page."""
