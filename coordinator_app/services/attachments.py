"""Photos and documents attached to meetings, projects and progress entries.

The content is stored in the database, so a database backup carries it.
"""

from __future__ import annotations

import mimetypes
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from coordinator_app.domain.models import Attachment, Meeting, ProgressEntry, Project
from coordinator_app.domain.validation import Errors, check_required, clean_text
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.base import NotFoundError, live, now, require_live
from coordinator_app.storage.database import Database

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment without its content (lists never load the bytes)."""

    id: uuid.UUID
    filename: str
    media_type: str
    size: int
    created_at: datetime


_OWNERS = {
    "meeting_id": (Meeting, "会議が見つかりません"),
    "project_id": (Project, "プロジェクトが見つかりません"),
    "progress_entry_id": (ProgressEntry, "進捗が見つかりません"),
}


class AttachmentService(Guarded):
    def __init__(self, db: Database) -> None:
        self.db = db

    @writes
    def add(
        self,
        *,
        filename: str,
        content: bytes,
        media_type: str | None = None,
        meeting_id: uuid.UUID | None = None,
        project_id: uuid.UUID | None = None,
        progress_entry_id: uuid.UUID | None = None,
    ) -> AttachmentInfo:
        owners = {
            "meeting_id": meeting_id,
            "project_id": project_id,
            "progress_entry_id": progress_entry_id,
        }
        errors = Errors()
        name = clean_text(filename).replace("/", "_").replace("\\", "_")[:255]
        check_required(errors, "filename", "ファイル名", name)
        if len(content) > MAX_ATTACHMENT_BYTES:
            errors.add("content", "添付ファイルは25MB以下にしてください")
        if sum(v is not None for v in owners.values()) != 1:
            errors.add("owner", "添付先(会議・プロジェクト・進捗)を一つ指定してください")
        media_type = clean_text(media_type) if media_type else None
        guessed = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        with self.db.writing() as session:
            for column, owner_id in owners.items():
                model, message = _OWNERS[column]
                require_live(session, errors, "owner", model, owner_id, message)
            errors.raise_if_any()
            attachment = Attachment(
                filename=name,
                media_type=guessed[:100],
                size=len(content),
                content=content,
                **owners,
            )
            session.add(attachment)
            session.flush()
            return self._info(attachment)

    @staticmethod
    def _info(a: Attachment) -> AttachmentInfo:
        return AttachmentInfo(a.id, a.filename, a.media_type, a.size, a.created_at)

    @reads
    def list_for(
        self,
        *,
        meeting_id: uuid.UUID | None = None,
        project_id: uuid.UUID | None = None,
        progress_entry_id: uuid.UUID | None = None,
    ) -> list[AttachmentInfo]:
        stmt = select(
            Attachment.id,
            Attachment.filename,
            Attachment.media_type,
            Attachment.size,
            Attachment.created_at,
        ).where(live(Attachment))
        if meeting_id is not None:
            stmt = stmt.where(Attachment.meeting_id == meeting_id)
        elif project_id is not None:
            stmt = stmt.where(Attachment.project_id == project_id)
        elif progress_entry_id is not None:
            stmt = stmt.where(Attachment.progress_entry_id == progress_entry_id)
        else:
            return []
        with self.db.reading() as session:
            rows = session.exec(stmt.order_by(col(Attachment.created_at))).all()
        return [AttachmentInfo(*row) for row in rows]

    @reads
    def content(self, attachment_id: uuid.UUID) -> bytes:
        with self.db.reading() as session:
            data = session.exec(
                select(Attachment.content)
                .where(Attachment.id == attachment_id)
                .where(live(Attachment))
            ).first()
        if data is None:
            raise NotFoundError("添付ファイル", attachment_id)
        return data

    @writes
    def soft_delete(self, attachment_id: uuid.UUID) -> None:
        with self.db.writing() as session:
            attachment = session.get(Attachment, attachment_id)
            if attachment is None or attachment.deleted_at is not None:
                raise NotFoundError("添付ファイル", attachment_id)
            attachment.deleted_at = now()
            attachment.updated_at = attachment.deleted_at

    @writes
    def restore(self, attachment_id: uuid.UUID) -> None:
        with self.db.writing() as session:
            attachment = session.get(Attachment, attachment_id)
            if attachment is None:
                raise NotFoundError("添付ファイル", attachment_id)
            attachment.deleted_at = None
            attachment.updated_at = now()
