"""Pieces every document shares: the issuing municipality and a finished PDF."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Issuer:
    """The municipality that publishes a document (from the settings)."""

    name: str = ""
    department: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    reception_hours: str = ""
    logo: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class RenderedDocument:
    """A finished record document (minutes, report, project page, guidebook)."""

    pdf: bytes
    warnings: list[str]
