"""Unsaved form drafts that survive a crash, a kill or a power cut.

A form writes its whole state here as the user types. Each draft is one JSON
file replaced atomically (:func:`coordinator_app.storage.atomic.write_atomically`:
write a temporary file, fsync it, rename it over the old one, fsync the
directory), so after any crash the file holds either the
previous or the new state, never a torn one. Drafts are local to the machine
and the database file; they are not records until the user saves.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coordinator_app.storage.atomic import PARTIAL_SUFFIX, write_atomically

DRAFT_FORMAT = 1


@dataclass(frozen=True)
class Draft:
    draft_id: str
    kind: str
    title: str
    record_id: str | None
    saved_at: datetime
    state: dict[str, Any]


def draft_directory_for(db_path: Path) -> Path:
    """Drafts live beside the database they belong to."""
    return db_path.parent / "drafts" / db_path.stem


class DraftStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def new_id(self) -> str:
        return uuid.uuid4().hex

    def _path(self, draft_id: str) -> Path:
        if not draft_id.isalnum():
            raise ValueError(f"invalid draft id {draft_id!r}")
        return self.directory / f"{draft_id}.json"

    def save(
        self,
        draft_id: str,
        *,
        kind: str,
        title: str,
        state: dict[str, Any],
        record_id: str | None = None,
    ) -> None:
        """Write the draft durably and atomically."""
        self.directory.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": DRAFT_FORMAT,
            "draft_id": draft_id,
            "kind": kind,
            "title": title,
            "record_id": record_id,
            "saved_at": datetime.now(UTC).isoformat(),
            "state": state,
        }
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
        write_atomically(self._path(draft_id), data)

    def load(self, draft_id: str) -> Draft | None:
        try:
            raw = json.loads(self._path(draft_id).read_bytes().decode("utf-8", "surrogatepass"))
        except (OSError, ValueError):
            return None
        return Draft(
            draft_id=raw["draft_id"],
            kind=raw["kind"],
            title=raw.get("title", ""),
            record_id=raw.get("record_id"),
            saved_at=datetime.fromisoformat(raw["saved_at"]),
            state=raw.get("state", {}),
        )

    def drafts(self, kind: str | None = None) -> list[Draft]:
        """Every readable draft, newest first. Unreadable leftovers are skipped."""
        if not self.directory.is_dir():
            return []
        found = []
        for path in self.directory.glob("*.json"):
            draft = self.load(path.stem)
            if draft is not None and (kind is None or draft.kind == kind):
                found.append(draft)
        return sorted(found, key=lambda d: d.saved_at, reverse=True)

    def discard(self, draft_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(draft_id).unlink()
        # What a killed save left behind (and the ``.tmp`` of older versions).
        target = self._path(draft_id)
        for leftover in [
            target.with_suffix(".tmp"),
            *self.directory.glob(f".{target.name}.*{PARTIAL_SUFFIX}"),
        ]:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
