"""Photos and documents attached to meetings, projects and progress entries.

The content is stored in the database, so a database backup carries it.
"""

from __future__ import annotations

import mimetypes
import os
import tempfile
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from coordinator_app.domain.filenames import safe_filename
from coordinator_app.domain.models import Attachment, Meeting, ProgressEntry, Project, Record
from coordinator_app.domain.record_kind import RecordKind
from coordinator_app.domain.texts import QT_TRANSLATE_NOOP, invalid
from coordinator_app.domain.validation import Errors, ValidationError, check_required, clean_text
from coordinator_app.services.access import Guarded, reads, writes
from coordinator_app.services.base import NotFoundError, live, now, require_live
from coordinator_app.storage.database import Database

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
MAX_FILENAME_CHARS = 200
_TOO_LARGE = invalid(QT_TRANSLATE_NOOP("validation", "添付ファイルは25MB以下にしてください"))


def read_limited(path: Path, limit: int, *, too_large: str) -> bytes:
    """The bytes of the file at ``path``, refused before reading when larger than ``limit``.

    The size comes from the file system first (a 3 GB file is never read);
    at most ``limit + 1`` bytes are read, in case the file grew meanwhile.

    Raises:
        ValidationError: the file is larger than ``limit`` (``too_large``) or
            not a regular file.
        OSError: the file cannot be read.
    """
    info = path.stat()
    if not os.path.isfile(path):
        raise ValidationError(
            {
                "content": invalid(
                    QT_TRANSLATE_NOOP("validation", "「{name}」はファイルではありません"),
                    name=path.name,
                )
            }
        )
    if info.st_size > limit:
        raise ValidationError({"content": too_large})
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValidationError({"content": too_large})
    return data


class ViewingFolder:
    """A private temporary folder where attachments are written to be opened by a viewer.

    The folder is created per session with owner-only permissions (mkdtemp),
    and every name in it is reduced to a safe base name, so a name from a
    database (``../../x``, ``C:\\x``, ``CON``) can never place a file elsewhere.
    """

    def __init__(self) -> None:
        self._temp: tempfile.TemporaryDirectory[str] | None = None

    @property
    def path(self) -> Path:
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(
                prefix="coordinator-app-attachments-", ignore_cleanup_errors=True
            )
        return Path(self._temp.name)

    def write(self, attachment_id: uuid.UUID, filename: str, content: bytes) -> Path:
        """Write ``content`` as ``filename`` (made safe) in a sub-folder of its own."""
        root = self.path.resolve()
        folder = root / attachment_id.hex
        folder.mkdir(mode=0o700, exist_ok=True)
        target = folder / safe_filename(
            filename, fallback="attachment", limit=MAX_FILENAME_CHARS, from_path=True
        )
        if target.resolve().parent != folder.resolve() or target.is_symlink():
            raise ValidationError(
                {
                    "filename": invalid(
                        QT_TRANSLATE_NOOP("validation", "このファイル名では開けません")
                    )
                }
            )
        target.write_bytes(content)
        return target

    def cleanup(self) -> None:
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment without its content (lists never load the bytes)."""

    id: uuid.UUID
    filename: str
    media_type: str
    size: int
    created_at: datetime


_OWNERS: dict[str, tuple[type[Record], str]] = {
    "meeting_id": (Meeting, invalid(QT_TRANSLATE_NOOP("validation", "会議が見つかりません"))),
    "project_id": (
        Project,
        invalid(QT_TRANSLATE_NOOP("validation", "プロジェクトが見つかりません")),
    ),
    "progress_entry_id": (
        ProgressEntry,
        invalid(QT_TRANSLATE_NOOP("validation", "進捗が見つかりません")),
    ),
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
        owners: dict[str, Any] = {
            "meeting_id": meeting_id,
            "project_id": project_id,
            "progress_entry_id": progress_entry_id,
        }
        errors = Errors()
        name = clean_text(filename)
        check_required(errors, "filename", "ファイル名", name)
        name = (
            safe_filename(name, fallback="attachment", limit=MAX_FILENAME_CHARS, from_path=True)
            if name
            else ""
        )
        if len(content) > MAX_ATTACHMENT_BYTES:
            errors.add("content", _TOO_LARGE)
        if sum(v is not None for v in owners.values()) != 1:
            errors.add(
                "owner",
                invalid(
                    QT_TRANSLATE_NOOP(
                        "validation", "添付先(会議・プロジェクト・進捗)を一つ指定してください"
                    )
                ),
            )
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

    @writes
    def add_file(
        self,
        path: Path,
        *,
        meeting_id: uuid.UUID | None = None,
        project_id: uuid.UUID | None = None,
        progress_entry_id: uuid.UUID | None = None,
    ) -> AttachmentInfo:
        """Attach the file at ``path``; its size is checked before it is read.

        Raises:
            ValidationError: too large, not a file, or an invalid owner.
            OSError: the file cannot be read.
        """
        content = read_limited(path, MAX_ATTACHMENT_BYTES, too_large=_TOO_LARGE)
        return self.add(
            filename=path.name,
            content=content,
            meeting_id=meeting_id,
            project_id=project_id,
            progress_entry_id=progress_entry_id,
        )

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
        stmt = select(  # type: ignore[call-overload]  # sqlmodel types select() up to 4 columns
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
            raise NotFoundError(RecordKind.ATTACHMENT, attachment_id)
        return data

    @writes
    def soft_delete(self, attachment_id: uuid.UUID) -> None:
        with self.db.writing() as session:
            attachment = session.get(Attachment, attachment_id)
            if attachment is None or attachment.deleted_at is not None:
                raise NotFoundError(RecordKind.ATTACHMENT, attachment_id)
            attachment.deleted_at = now()
            attachment.updated_at = attachment.deleted_at

    @writes
    def restore(self, attachment_id: uuid.UUID) -> None:
        with self.db.writing() as session:
            attachment = session.get(Attachment, attachment_id)
            if attachment is None:
                raise NotFoundError(RecordKind.ATTACHMENT, attachment_id)
            attachment.deleted_at = None
            attachment.updated_at = now()
