"""Local tiers: a municipality's own tier names mapped onto the national tiers.

The national scheme has 第1層 (the whole municipality), 第2層 (a daily-life
area) and 第3層. Some municipalities name further layers: Kurashiki's
0層 is the city hall's coordinator (counted as 第1層, shown as 0層) and its
1.5層 is the city-wide network meeting (高齢者活躍推進地域づくりネットワーク
会議, 市域), which we count as 第1層 by default because it covers the whole
city; a municipality that reports it as 第2層 changes the mapping.

A coordinator's post (``Assignment``) and a council (``Council``) both store
the national ``tier`` (what reports count) and the local ``tier_label`` (what
lists, forms and documents show). :func:`check_tier` is the one rule both
services apply, so the two can never disagree.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, Message

NATIONAL_TIERS = (1, 2, 3)
MAX_LABEL_CHARS = 40
MAX_LOCAL_TIERS = 20

SUGGESTED_LOCAL_TIERS: tuple[tuple[str, int], ...] = (("0層", 1), ("1.5層", 1))
"""What the editor offers to add (Kurashiki's layers), not a default: a
municipality without local tiers has none."""


@dataclass(frozen=True)
class LocalTier:
    """A local tier name and the national tier it is counted as."""

    label: str
    counts_as: int


def national_label(tier: int) -> Message:
    """``第2層`` (a message: ``Tier 2`` in the English window)."""
    return Message("tiers", QT_TRANSLATE_NOOP("tiers", "第{tier}層"), tier=tier)


def tier_display(tier: int, local_label: str = "") -> str:
    """What lists and documents show: the local label when there is one."""
    return local_label or national_label(tier)


def find(local_tiers: Iterable[LocalTier], label: str) -> LocalTier | None:
    for local in local_tiers:
        if local.label == label:
            return local
    return None


def normalise_label(label: str) -> str:
    """Strip and fold widths (０．５ → 0.5, NFKC) so one name is one label."""
    return unicodedata.normalize("NFKC", label).strip()


def check_tier(
    tier: int | None, local_label: str, local_tiers: Sequence[LocalTier]
) -> Message | None:
    """The Japanese message when (tier, local label) is not a valid pair, else None.

    A record without a local label has a national tier 1–3; one with a label
    must use a label of the municipality's list and carry the tier it counts
    as.
    """
    if not local_label:
        if tier not in NATIONAL_TIERS:
            return Message(
                "tiers", QT_TRANSLATE_NOOP("tiers", "層は第1層・第2層・第3層から選んでください")
            )
        return None
    local = find(local_tiers, local_label)
    if local is None:
        return Message(
            "tiers",
            QT_TRANSLATE_NOOP(
                "tiers", "「{label}」は層の呼び名の一覧にありません。設定で追加してください"
            ),
            label=local_label,
        )
    if tier != local.counts_as:
        return Message(
            "tiers",
            QT_TRANSLATE_NOOP("tiers", "{label}は{tier}として集計する呼び名です"),
            label=local.label,
            tier=national_label(local.counts_as),
        )
    return None


def check_local_tiers(local_tiers: Sequence[LocalTier]) -> dict[int, Message]:
    """Messages by row number for an edited list (empty when it is valid)."""
    errors: dict[int, Message] = {}
    seen: set[str] = set()
    national = {national_label(t) for t in NATIONAL_TIERS}
    if len(local_tiers) > MAX_LOCAL_TIERS:
        errors[MAX_LOCAL_TIERS] = Message(
            "tiers", QT_TRANSLATE_NOOP("tiers", "層の呼び名は{n}個までです"), n=MAX_LOCAL_TIERS
        )
    for row, local in enumerate(local_tiers):
        if not local.label:
            errors[row] = Message("tiers", QT_TRANSLATE_NOOP("tiers", "呼び名を入力してください"))
        elif len(local.label) > MAX_LABEL_CHARS:
            errors[row] = Message(
                "tiers",
                QT_TRANSLATE_NOOP("tiers", "呼び名は{n}文字以内で入力してください"),
                n=MAX_LABEL_CHARS,
            )
        elif local.label in national:
            errors[row] = Message(
                "tiers",
                QT_TRANSLATE_NOOP("tiers", "{label}は全国共通の層です。別の呼び名にしてください"),
                label=local.label,
            )
        elif local.label in seen:
            errors[row] = Message(
                "tiers",
                QT_TRANSLATE_NOOP("tiers", "呼び名「{label}」が重複しています"),
                label=local.label,
            )
        elif local.counts_as not in NATIONAL_TIERS:
            errors[row] = Message(
                "tiers",
                QT_TRANSLATE_NOOP("tiers", "集計する層を第1層・第2層・第3層から選んでください"),
            )
        seen.add(local.label)
    return errors


def dumps(local_tiers: Sequence[LocalTier]) -> str:
    """The stored form (a setting's text): JSON, in the user's order."""
    return json.dumps(
        [{"label": t.label, "counts_as": t.counts_as} for t in local_tiers], ensure_ascii=False
    )


def loads(text: str) -> list[LocalTier]:
    """Read the stored form; anything unreadable reads as no local tiers."""
    try:
        data = json.loads(text) if text else []
    except ValueError:
        return []
    result: list[LocalTier] = []
    if not isinstance(data, list):
        return result
    for item in data:
        if not isinstance(item, dict):
            continue
        label, counts_as = item.get("label"), item.get("counts_as")
        if isinstance(label, str) and isinstance(counts_as, int) and counts_as in NATIONAL_TIERS:
            result.append(LocalTier(normalise_label(label), counts_as))
    return result
