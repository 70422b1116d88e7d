"""Deterministic ids for link and natural-key rows.

The same attendee added to a meeting on two desks, or the same setting saved
on two desks, must be one row once they sync, not two: such rows get an id
derived from what they connect (``uuid5``), never a random one. The namespace
and the name format are frozen (migration 0010 re-keys existing rows with
the same formula).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

NAMESPACE = uuid.UUID("6f0a3c1e-5b7d-4c52-9a53-2f7c0e6d8b41")


def link_id(table: str, ends: Mapping[str, uuid.UUID]) -> uuid.UUID:
    """The id of the row of ``table`` joining ``ends`` (column -> the id it points to).

    The columns are taken in name order, so which end a caller calls the owner
    does not matter.
    """
    name = ";".join(f"{column}={ends[column].hex}" for column in sorted(ends))
    return uuid.uuid5(NAMESPACE, f"{table}:{name}")


def setting_id(key: str) -> uuid.UUID:
    """The id of the municipality setting ``key``."""
    return uuid.uuid5(NAMESPACE, f"setting:{key}")
