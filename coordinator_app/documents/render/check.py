"""Checks made before a PDF exists: characters no bundled font can draw.

Such a character prints as 〓 in this one document; the check names the field
and the character so the user can fix the record (nothing is blocked).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from coordinator_app.documents.data.common import Issuer
from coordinator_app.documents.data.flyer import (
    FIELD_LABELS,
    FlyerCoordinator,
    FlyerData,
    FlyerIssue,
    QrCode,
    TeamFlyerData,
)
from coordinator_app.documents.design.fonts import (
    SUBSTITUTE,
    describe_character,
    undrawable_characters,
)


def _issuer_fields(issuer: Issuer) -> Iterator[tuple[str, str]]:
    for name in (
        "name",
        "department",
        "address",
        "phone",
        "fax",
        "email",
        "website",
        "reception_hours",
    ):
        yield f"issuer.{name}", getattr(issuer, name)


def _coordinator_fields(person: FlyerCoordinator) -> Iterator[tuple[str, str]]:
    for name in ("name", "kana", "organisation", "phone", "email", "address", "office_hours"):
        yield name, getattr(person, name)
    yield "message", person.message
    for post in person.posts:
        yield "posts", post


def _shared_fields(data: FlyerData | TeamFlyerData, qr: QrCode | None) -> Iterator[tuple[str, str]]:
    yield "heading", data.heading
    yield "kicker", data.kicker
    yield "heading", data.consult_heading
    yield "role_explanation", data.role_explanation
    for topic in data.consult_topics:
        yield "consult_topics", topic
    if qr is not None:
        # The payload goes into the QR symbol, not through the font.
        yield "qr.caption", qr.caption
    yield from _issuer_fields(data.issuer)
    for figures in data.area_figures:
        yield "area_figures", figures.text


def _issues(owner: str, fields: Iterable[tuple[str, str]]) -> list[FlyerIssue]:
    found: dict[tuple[str, str], FlyerIssue] = {}
    for field_name, text in fields:
        for ch in undrawable_characters(text):
            key = (field_name, ch)
            if key in found:
                continue
            label = FIELD_LABELS.get(field_name, field_name)
            found[key] = FlyerIssue(
                field=field_name,
                owner=owner,
                message=(
                    f"【{owner}】「{label}」の{describe_character(ch)}は、同梱のどのフォントにも"
                    f"ないため「{SUBSTITUTE}」で印刷します。別の文字に置き換えてください。"
                ),
            )
    return list(found.values())


def undrawable_issues(data: FlyerData | TeamFlyerData) -> list[FlyerIssue]:
    """One issue per field and character no bundled font can draw (printed as 〓)."""
    if isinstance(data, TeamFlyerData):
        issues = _issues(data.owner, [("subheading", data.subheading)])
        issues += _issues(data.owner, _shared_fields(data, data.qr))
        for member in data.members:
            issues += _issues(member.name, _coordinator_fields(member))
        return issues
    return _issues(
        data.owner,
        [*_coordinator_fields(data.coordinator), *_shared_fields(data, data.qr)],
    )
