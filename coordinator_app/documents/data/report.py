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
    table_keys: list[str] = field(default_factory=list)
    """The tables' Japanese names (月別, 会議一覧 …), parallel to ``tables``: which
    table the chart follows and which column widths apply, whatever the language."""
    scope_line: str = ""
    """``対象: …`` as printed (empty: made from ``scope``)."""
    chart_title: str = "月別の会議開催数"
    issuer_heading: str = "発行元"
    issuer_labels: dict[str, str] = field(default_factory=dict)
    """The issuer block's labels (電話, メール …) as printed; missing ones stay Japanese."""
