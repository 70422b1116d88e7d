"""What a project page (プロジェクト紹介ページ) shows, already formatted.

Built by ``services.project_pages``; drawn as PDF by
:mod:`coordinator_app.documents.render.project_page` and as HTML by
:mod:`coordinator_app.documents.render.project_page_html`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PagePhoto:
    """A chosen photo; ``content`` None when it could not be found."""

    filename: str
    content: bytes | None


@dataclass(frozen=True)
class PageEntry:
    """One dated paragraph of 進捗状況 (``date_text`` already in the chosen calendar)."""

    date_text: str
    text: str
    photos: list[PagePhoto] = field(default_factory=list)


@dataclass(frozen=True)
class ProjectPageData:
    """Everything a project page shows, already formatted."""

    title: str
    program: str
    municipality: str = ""
    department: str = ""
    status: str = ""
    period: str = ""
    goal: str = ""
    narrative: str = ""
    entries: list[PageEntry] = field(default_factory=list)
    outcome: str = ""
    updated: str = ""
    """最終更新: the date of the newest entry shown."""
    issuer: str = ""
    problems: list[str] = field(default_factory=list)
    """What the builder could not include (e.g. a photo deleted meanwhile)."""

    @property
    def organisation_line(self) -> str:
        return "".join(p for p in (self.municipality, self.department) if p)


def photo_warning(photo: PagePhoto) -> str:
    """Names a photo that could not go on the page, in words a user understands."""
    if photo.content is None:
        return f"写真「{photo.filename}」が見つからないため載せませんでした"
    return f"写真「{photo.filename}」は画像として読み込めないため載せませんでした"
