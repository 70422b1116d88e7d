"""Which page opens a search hit: a child record opens the record it belongs to."""

from __future__ import annotations

import uuid

from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.services.registry import Services


def owning_record(services: Services, kind: str, record_id: uuid.UUID) -> tuple[str, uuid.UUID]:
    """The page kind and record id that show the hit ``(kind, record_id)``.

    Action items open their meeting, progress entries their project and
    contacts their organisation; every other kind opens itself.

    Raises:
        NotFoundError: the record was deleted since the search.
    """
    if kind == RecordKind.ACTION_ITEM:
        return RecordKind.MEETING, services.action_items.get(record_id).meeting_id
    if kind == RecordKind.PROGRESS_ENTRY:
        return RecordKind.PROJECT, services.progress.get(record_id).project_id
    if kind == RecordKind.CONTACT:
        return RecordKind.ORGANISATION, services.contacts.get(record_id).organisation_id
    return kind, record_id
